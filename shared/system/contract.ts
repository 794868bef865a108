import { z } from 'zod';
import { method } from '../contract/define';

export const HqState = z.enum(['not_configured', 'online', 'offline']);

export const systemMethods = {
  'system.info': method({
    summary:
      'What this counter is: hall, counter, demo mode, whether it is registered with HQ, version and the time it runs on. Needed before login.',
    role: 'none',
    whileLocked: true,
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      hall: z.object({ code: z.string(), name: z.string() }),
      counter: z.object({ code: z.string(), name: z.string() }),
      demo: z.boolean(),
      /**
       * Registered with HQ (sync.register). A counter neither registered nor demo is blank:
       * it has no staff yet and shows the registration screen instead of the login.
       */
      registered: z.boolean(),
      /** Where HQ is: the address registered with, else the configured one (HALLDESK_HQ_URL), else null. */
      hqUrl: z.string().nullable(),
      clockFrozen: z.boolean(),
      now: z.string(),
    }),
    errors: [],
    example: {},
  }),
  'system.status': method({
    summary: "The top bar's live figures: HQ reachability and the number of events not yet accepted by HQ.",
    role: 'clerk',
    whileLocked: true,
    input: z.object({}).strict(),
    output: z.object({
      hq: HqState,
      lastSyncAt: z.string().nullable(),
      unsyncedEvents: z.number().int().nonnegative(),
    }),
    errors: [],
    example: {},
  }),
};
