import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { StaffView } from '../api/types';

/**
 * Who is logged in, asked of the core (the page is not handed the session). Until it
 * answers the screen shows the clerk's view: the manager's buttons appear a moment late
 * rather than a clerk seeing them for a moment.
 */
export function useCurrentStaff(): StaffView | null {
  const [staff, setStaff] = useState<StaffView | null>(null);
  useEffect(() => {
    let alive = true;
    void api.call['session.current']({}).then((result) => {
      if (alive && result.ok) setStaff(result.value.staff);
    });
    return () => {
      alive = false;
    };
  }, []);
  return staff;
}
