import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pin } from '../../../shared/staff/contract';
import { api } from '../api/client';
import type { CounterInfo, StaffView } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { PinField } from '../login/PinField';
import { problemText, type Problem } from '../session/Problem';
import './lock.css';

interface LockScreenProps {
  info: CounterInfo;
  staff: StaffView;
  onUnlocked: () => void;
  onLogout: () => void;
}

/** Covers the whole counter until the same staff member types their PIN, or logs out. */
export function LockScreen({ info, staff, onUnlocked, onLogout }: LockScreenProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  async function unlock(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (!Pin.safeParse(pin).success) {
      setProblem({ kind: 'input', key: 'login.needPin' });
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call['session.unlock']({ pin });
    setBusy(false);
    if (result.ok) {
      onUnlocked();
      return;
    }
    setProblem({ kind: 'api', error: result.error, place: 'unlock' });
    setPin('');
    pinRef.current?.focus();
  }

  return (
    <div className="lock" role="dialog" aria-modal="true" aria-labelledby="lock-heading">
      <div className="lock__card">
        <div className="lock__top">
          <span className="lock__where">
            {info.hall.name} · {info.counter.name}
          </span>
          <LanguageSwitch />
        </div>
        <div className="lock__padlock" aria-hidden="true" />
        <h1 id="lock-heading" className="lock__heading">
          {t('lock.heading')}
        </h1>
        <p className="lock__who" data-testid="locked-staff">
          <span className="lock__who-label">{t('lock.whoLabel')}</span>
          {t('lock.who', { name: staff.name, role: t(`role.${staff.role}`), staffNo: staff.staffNo })}
        </p>
        <form className="lock__form" noValidate onSubmit={(event) => void unlock(event)}>
          <PinField
            id="unlock-pin"
            label={t('lock.pin')}
            hint={t('lock.pinHint')}
            value={pin}
            onChange={setPin}
            inputRef={pinRef}
            invalid={problem !== null}
            errorId="unlock-error"
            readOnly={busy}
            autoFocus
          />
          <div id="unlock-error" className="form-error" role="alert">
            {problemText(problem, t)}
          </div>
          <div className="lock__buttons">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('lock.unlocking') : t('lock.unlock')}
            </button>
            <button type="button" className="button" onClick={onLogout}>
              {t('lock.logout')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
