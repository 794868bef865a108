import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrizeWinView } from '../../../shared/enrolment/views';
import { describeError } from '../api/describeError';
import type { Read } from '../customer/useRead';
import { ReprintDialog } from '../reprint/ReprintDialog';
import { SlipPrintPanel } from '../slips/SlipPrintPanel';
import { PrizeClaim } from './PrizeClaim';
import './prizes.css';

interface PrizeWinsProps {
  wins: Read<{ today: string; wins: PrizeWinView[] }>;
  onClaimed: () => void;
}

function statusPill(win: PrizeWinView): string {
  if (win.status === 'claimed') return 'pill pill--muted';
  if (win.status === 'expired') return 'pill pill--danger';
  return 'pill pill--ok';
}

/** The customer's lottery wins with their claim windows; a claimable one is handed over after the ID check. */
export function PrizeWins({ wins, onClaimed }: PrizeWinsProps) {
  const { t } = useTranslation();
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimed, setClaimed] = useState<{ winId: string; slipNo: string } | null>(null);
  const [reprint, setReprint] = useState<string | null>(null);
  const list = wins.value?.wins;

  if (!list) {
    return (
      <p className={wins.error ? 'form-error' : 'history__empty'} role={wins.error ? 'alert' : 'status'}>
        {wins.error ? describeError(wins.error) : t('prizes.loading')}
      </p>
    );
  }
  if (list.length === 0) return <p className="history__empty">{t('prizes.none')}</p>;
  return (
    <>
      <ul className="prizes" data-testid="prize-wins">
        {list.map((win) => (
          <li key={win.winId} className="prizes__item" data-win-id={win.winId}>
            <div className="prizes__head">
              <strong className="prizes__name">{win.prizeName}</strong>
              <span className={statusPill(win)} data-testid="prize-status">
                {t(`prizes.status.${win.status}`)}
              </span>
            </div>
            <p className="prizes__meta">{t('prizes.meta', { winId: win.winId, wonOn: win.wonOn, claimBy: win.claimBy, onHand: win.onHand })}</p>
            {win.status === 'claimed' && win.slipNo && (
              <div className="history__slip">
                <span className="history__slip-no">{t('prizes.claimedAt', { at: (win.claimedAt ?? '').slice(0, 10), slipNo: win.slipNo })}</span>
                <button type="button" className="button button--compact" onClick={() => setReprint(win.slipNo)}>
                  {t('reprint.reprint')}
                </button>
              </div>
            )}
            {win.claimable && claiming !== win.winId && (
              <button type="button" className="button button--primary button--compact" onClick={() => setClaiming(win.winId)} data-testid="prize-claim-start">
                {t('prizes.claim')}
              </button>
            )}
            {claiming === win.winId && (
              <PrizeClaim
                win={win}
                onClose={() => setClaiming(null)}
                onClaimed={(slipNo) => {
                  setClaiming(null);
                  setClaimed({ winId: win.winId, slipNo });
                  onClaimed();
                }}
              />
            )}
            {claimed?.winId === win.winId && (
              <div className="prizes__done" data-testid="prize-done">
                <p className="enrol-done__note" role="status">
                  {t('prizes.handedOver', { prize: win.prizeName })}
                </p>
                <SlipPrintPanel slipNo={claimed.slipNo} fresh />
              </div>
            )}
          </li>
        ))}
      </ul>
      {reprint !== null && <ReprintDialog slipNo={reprint} onClose={() => setReprint(null)} />}
    </>
  );
}
