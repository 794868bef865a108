import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import { api } from '../api/client';
import type { ApiError, StaffView } from '../api/types';
import { ConfirmActiveDialog } from './ConfirmActiveDialog';
import { CreateStaffForm } from './CreateStaffForm';
import { ResetPinDialog } from './ResetPinDialog';
import { staffErrorText, type StaffAccount } from './staffErrors';
import './staff.css';

/**
 * The Settings page's staff accounts. A counter registered with HQ starts with its manager
 * only: the manager creates the clerks here, resets a forgotten PIN (which lifts a lock)
 * and disables the account of someone who left. A clerk sees one line saying whose this is.
 */
export function StaffAccounts({ staff }: { staff: StaffView }) {
  const { t } = useTranslation();
  if (staff.role !== 'manager') {
    return (
      <p className="staff-note" data-testid="staff-accounts-note">
        {t('staff.clerkNote')}
      </p>
    );
  }
  return <ManagerStaffAccounts me={staff} />;
}

type Open = { kind: 'reset'; account: StaffAccount } | { kind: 'active'; account: StaffAccount; active: boolean } | null;
type Notice = { key: string; values: Record<string, string> } | null;

function ManagerStaffAccounts({ me }: { me: StaffView }) {
  const { t } = useTranslation();
  const id = useId();
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async (): Promise<void> => {
    const result = await api.call['staff.list']({});
    if (result.ok) {
      setAccounts(result.value.staff);
      setLoadError(null);
    } else setLoadError(result.error);
  }, []);

  useEffect(() => {
    let alive = true;
    void api.call['staff.list']({}).then((result) => {
      if (!alive) return;
      if (result.ok) setAccounts(result.value.staff);
      else setLoadError(result.error);
    });
    return () => {
      alive = false;
    };
  }, []);

  function said(key: string, account: Pick<StaffAccount, 'name' | 'staffNo'>, extra: Record<string, string> = {}): void {
    setNotice({ key, values: { name: account.name, staffNo: account.staffNo, ...extra } });
  }

  return (
    <section className="staff" aria-labelledby={`${id}-heading`} data-testid="staff-accounts">
      <h2 id={`${id}-heading`} className="page__subheading">
        {t('staff.heading')}
      </h2>
      <p className="staff__about">{t('staff.about')}</p>
      <p role="status" className="staff__notice" data-testid="staff-notice">
        {notice ? t(notice.key, notice.values) : ''}
      </p>
      {loadError && (
        <p className="form-error" role="alert">
          {staffErrorText(loadError, t)}
        </p>
      )}
      {!accounts ? (
        !loadError && <p className="staff__about">{t('staff.loading')}</p>
      ) : (
        <>
          <StaffTable
            accounts={accounts}
            me={me}
            onReset={(account) => setOpen({ kind: 'reset', account })}
            onActive={(account, active) => setOpen({ kind: 'active', account, active })}
          />
          <CreateStaffForm
            accounts={accounts}
            onCreated={(created) => {
              said('staff.create.created', created, { role: t(`role.${created.role}`) });
              void load();
            }}
          />
        </>
      )}
      {open?.kind === 'reset' && (
        <ResetPinDialog
          account={open.account}
          self={open.account.id === me.id}
          onClose={() => setOpen(null)}
          onDone={() => {
            said('staff.reset.done', open.account);
            setOpen(null);
            void load();
          }}
        />
      )}
      {open?.kind === 'active' && (
        <ConfirmActiveDialog
          account={open.account}
          active={open.active}
          onClose={() => setOpen(null)}
          onDone={(changed) => {
            said(changed.active ? 'staff.confirm.enabled' : 'staff.confirm.disabled', changed);
            setOpen(null);
            void load();
          }}
        />
      )}
    </section>
  );
}

interface StaffTableProps {
  accounts: readonly StaffAccount[];
  me: StaffView;
  onReset: (account: StaffAccount) => void;
  onActive: (account: StaffAccount, active: boolean) => void;
}

function StaffTable({ accounts, me, onReset, onActive }: StaffTableProps) {
  const { t } = useTranslation();
  return (
    <table className="staff-table">
      <thead>
        <tr>
          <th scope="col">{t('staff.column.staffNo')}</th>
          <th scope="col">{t('staff.column.name')}</th>
          <th scope="col">{t('staff.column.role')}</th>
          <th scope="col">{t('staff.column.status')}</th>
          <th scope="col">{t('staff.column.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => {
          const self = account.id === me.id;
          const status = !account.active ? 'disabled' : account.lockedUntil ? 'locked' : 'active';
          return (
            <tr key={account.id} data-testid={`staff-row-${account.staffNo}`} data-status={status} className={`staff-table__row--${status}`}>
              <td className="staff-table__no">{account.staffNo}</td>
              <td>
                {account.name}
                {self && <span className="staff-table__you">{t('staff.you')}</span>}
              </td>
              <td>{t(`role.${account.role}`)}</td>
              <td className={`staff-table__status staff-table__status--${status}`} data-testid="staff-status">
                {status === 'disabled'
                  ? t('staff.status.disabled')
                  : status === 'locked' && account.lockedUntil
                    ? t('staff.status.lockedUntil', { time: shanghaiDateTime(new Date(account.lockedUntil)).slice(11) })
                    : t('staff.status.active')}
              </td>
              <td>
                <div className="staff-table__buttons">
                  <button type="button" className="button staff-table__button" onClick={() => onReset(account)}>
                    {t('staff.resetPin')}
                  </button>
                  {self ? (
                    <span className="staff-table__muted">{t('staff.selfNoDisable')}</span>
                  ) : (
                    <button type="button" className="button staff-table__button" onClick={() => onActive(account, !account.active)}>
                      {account.active ? t('staff.disable') : t('staff.enable')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
