import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pin, StaffNo } from '../../../shared/staff/contract';
import { api } from '../api/client';
import type { CounterInfo, StaffView } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { problemText, type Problem } from '../session/Problem';
import type { LoginNotice } from '../session/useCounterSession';
import { CounterBadges } from '../shell/CounterBadges';
import { PinField } from './PinField';
import './login.css';

interface LoginScreenProps {
  info: CounterInfo;
  notice: LoginNotice;
  onLoggedIn: (token: string, staff: StaffView) => void;
}

/** Keyboard-first: staff number, Enter or Tab, six digits, Enter. */
export function LoginScreen({ info, notice, onLoggedIn }: LoginScreenProps) {
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const staffNoRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  function checkStaffNo(): boolean {
    if (StaffNo.safeParse(staffNo.trim()).success) return true;
    setProblem({ kind: 'input', key: staffNo.trim() ? 'login.badStaffNo' : 'login.needStaffNo' });
    staffNoRef.current?.focus();
    return false;
  }

  function onStaffNoKey(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter in the staff number moves on to the PIN, as a scanner or a quick typist expects.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (checkStaffNo()) {
      setProblem(null);
      pinRef.current?.focus();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy || !checkStaffNo()) return;
    if (!Pin.safeParse(pin).success) {
      setProblem({ kind: 'input', key: 'login.needPin' });
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call['session.login']({ staffNo: staffNo.trim(), pin });
    setBusy(false);
    if (result.ok) {
      onLoggedIn(result.value.token, result.value.staff);
      return;
    }
    // The staff number stays: the clerk only retypes the PIN.
    setProblem({ kind: 'api', error: result.error, place: 'login' });
    setPin('');
    pinRef.current?.focus();
  }

  const message = problemText(problem, t);
  const staffNoWrong = problem?.kind === 'input' && problem.key !== 'login.needPin';
  return (
    <div className="login">
      <header className="login__bar">
        <span className="brand">{t('app.product')}</span>
        <LanguageSwitch />
      </header>
      <main className="login__main">
        <section className="login__card" aria-labelledby="login-heading">
          <div className="login__hall">
            <div className="login__hall-name">{info.hall.name}</div>
            <div className="login__counter">
              {info.counter.name}
              <span className="login__code">{info.hall.code}</span>
            </div>
            <CounterBadges info={info} />
          </div>
          <form className="login__form" noValidate onSubmit={(event) => void submit(event)}>
            <h1 id="login-heading" className="login__heading">
              {t('login.heading')}
            </h1>
            {notice && (
              <p className="login__notice" role="status">
                {t('login.sessionEnded')}
              </p>
            )}
            <div className="field">
              <label className="field__label" htmlFor="login-staff-no">
                {t('login.staffNo')}
              </label>
              <input
                id="login-staff-no"
                ref={staffNoRef}
                className="field__input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                maxLength={16}
                value={staffNo}
                readOnly={busy}
                aria-invalid={staffNoWrong}
                aria-describedby="login-staff-no-hint login-error"
                onChange={(event) => setStaffNo(event.target.value)}
                onKeyDown={onStaffNoKey}
              />
              <div id="login-staff-no-hint" className="field__hint">
                {t('login.staffNoHint')}
              </div>
            </div>
            <PinField
              id="login-pin"
              label={t('login.pin')}
              hint={t('login.pinHint')}
              value={pin}
              onChange={setPin}
              inputRef={pinRef}
              invalid={problem !== null && !staffNoWrong}
              errorId="login-error"
              readOnly={busy}
            />
            <div id="login-error" className="form-error" role="alert">
              {message}
            </div>
            <button type="submit" className="button button--primary button--wide" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
          <p className="login__help">{t('login.forgotPin')}</p>
        </section>
      </main>
      <footer className="login__footer">{t('login.version', { version: info.appVersion })}</footer>
    </div>
  );
}
