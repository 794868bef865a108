import { useCallback, useMemo } from 'react';
import i18next from 'i18next';
import { api } from '../api/client';
import { useRead } from './useRead';

/**
 * Plan names by code, for the customer card. The contract names plans only in the
 * campaigns' plan choices (campaign.list), so the card knows the names of the plans on
 * offer; any other code is shown as it is.
 */
export function usePlanNames(): (code: string) => string | null {
  const plans = useRead('plans', () => api.call['campaign.list']({}));
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const campaign of plans.value?.campaigns ?? []) for (const plan of campaign.planChoices ?? []) map.set(plan.code, plan.name);
    return map;
  }, [plans.value]);
  // Plan names are Chinese product names; in English the code says it as well.
  return useCallback((code: string) => (i18next.language === 'en' ? null : (names.get(code) ?? null)), [names]);
}
