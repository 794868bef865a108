import { LockScreen } from './lock/LockScreen';
import { LoginScreen } from './login/LoginScreen';
import { needsRegistration } from './registration/needsRegistration';
import { RegistrationScreen } from './registration/RegistrationScreen';
import { useCounterSession } from './session/useCounterSession';
import { CounterShell } from './shell/CounterShell';
import { StartupScreen } from './StartupScreen';
import { useCounterInfo } from './useCounterInfo';

export function App() {
  const { info, failure, retry } = useCounterInfo();
  const session = useCounterSession();

  if (!info) return <StartupScreen failure={failure} onRetry={retry} />;
  // Registered: reading the counter again names its hall, and the login screen follows.
  if (needsRegistration(info)) return <RegistrationScreen info={info} knownHqUrl={info.hqUrl ?? undefined} onRegistered={retry} />;
  if (!session.staff) return <LoginScreen info={info} notice={session.notice} onLoggedIn={session.loggedIn} />;
  return (
    <>
      <CounterShell
        info={info}
        staff={session.staff}
        locked={session.locked}
        onLock={() => void session.lock()}
        onLogout={() => void session.logout()}
      />
      {session.locked && (
        <LockScreen info={info} staff={session.staff} onUnlocked={session.unlocked} onLogout={() => void session.logout()} />
      )}
    </>
  );
}
