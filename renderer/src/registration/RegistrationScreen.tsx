import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import { api } from '../api/client';
import type { CounterInfo } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { checkInput, describeRegistrationError, normalise, type RegistrationProblem } from './registrationError';
// The same frame as the login screen (bar, card), so the counter looks one piece from its first start.
import '../login/login.css';
import './registration.css';

interface RegistrationScreenProps {
  info: CounterInfo;
  /** HQ's address as the core knows it (configured at install), to save typing. */
  knownHqUrl?: string;
  /** Registered: the start-up reads the counter again and goes on to the login screen. */
  onRegistered: () => void;
}

/**
 * A new production counter's first screen: HQ's address and the operator's one-time
 * code, by keyboard alone (type, Tab, type, Enter). Every refusal says what to do and
 * puts the cursor in the field to fix.
 */
export function RegistrationScreen({ info, knownHqUrl, onRegistered }: RegistrationScreenProps) {
  const { t } = useTranslation();
  const [hqUrl, setHqUrl] = useState(knownHqUrl ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RegistrationProblem | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  function show(found: RegistrationProblem): void {
    setProblem(found);
    if (found.field === 'hqUrl') urlRef.current?.focus();
    else codeRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const input = normalise({ hqUrl, code });
    setHqUrl(input.hqUrl);
    setCode(input.code);
    const wrong = checkInput(input, t);
    if (wrong) return show(wrong);
    setBusy(true);
    setProblem(null);
    const result = await api.call['sync.register'](input);
    setBusy(false);
    if (result.ok) return onRegistered();
    show(describeRegistrationError(result.error, input.hqUrl, t));
  }

  const urlWrong = problem?.field === 'hqUrl';
  const codeWrong = problem?.field === 'code';
  return (
    <div className="login">
      <header className="login__bar">
        <span className="brand">{t('app.product')}</span>
        <LanguageSwitch />
      </header>
      <main className="login__main">
        <section className="login__card registration" aria-labelledby="registration-heading">
          <form className="login__form registration__form" noValidate onSubmit={(event) => void submit(event)}>
            <h1 id="registration-heading" className="login__heading">
              {t('registration.heading')}
            </h1>
            <p className="registration__about">{t('registration.about')}</p>
            <div className="field">
              <label className="field__label" htmlFor="registration-hq-url">
                {t('registration.hqUrl')}
              </label>
              <input
                id="registration-hq-url"
                ref={urlRef}
                className="field__input registration__input"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                autoFocus={!knownHqUrl}
                maxLength={200}
                placeholder="http://10.20.0.5:7300"
                value={hqUrl}
                readOnly={busy}
                aria-invalid={urlWrong}
                aria-describedby={`registration-hq-url-hint${urlWrong ? ' registration-error' : ''}`}
                onChange={(event) => setHqUrl(event.target.value)}
              />
              <div id="registration-hq-url-hint" className="field__hint">
                {t('registration.hqUrlHint')}
              </div>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="registration-code">
                {t('registration.code')}
              </label>
              <input
                id="registration-code"
                ref={codeRef}
                className="field__input registration__input registration__input--code"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                autoFocus={Boolean(knownHqUrl)}
                maxLength={40}
                placeholder="ABCD-EFGH-JKLM"
                value={code}
                readOnly={busy}
                aria-invalid={codeWrong}
                aria-describedby={`registration-code-hint${codeWrong ? ' registration-error' : ''}`}
                onChange={(event) => setCode(event.target.value.toUpperCase())}
              />
              <div id="registration-code-hint" className="field__hint">
                {t('registration.codeHint')}
              </div>
            </div>
            <div id="registration-error" className="form-error" role="alert">
              {problem?.text ?? ''}
            </div>
            <button type="submit" className="button button--primary button--wide" disabled={busy}>
              {busy ? t('registration.submitting') : t('registration.submit')}
            </button>
          </form>
          <p className="login__help registration__clock">
            {t('registration.clock', { time: shanghaiDateTime(new Date(info.now)) })}
            <br />
            {t('registration.clockHint')}
          </p>
        </section>
      </main>
      <footer className="login__footer">{t('registration.version', { version: info.appVersion })}</footer>
    </div>
  );
}
