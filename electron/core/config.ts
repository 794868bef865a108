import { z } from 'zod';
import { frozenClock, systemClock, type Clock } from './clock';

/** Every environment variable HallDesk reads, in one place (README "Configuration" lists them). */
const Env = z.object({
  HALLDESK_DATA_DIR: z.string().min(1).optional(),
  HALLDESK_NOW: z.iso.datetime({ offset: true }).optional(),
  HALLDESK_HQ_URL: z.url().optional(),
  HALLDESK_COUNTER: z.string().regex(/^[0-9A-Za-z]{1,8}$/).optional(),
  HALLDESK_WEB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HALLDESK_DEMO_HQ: z.enum(['auto', 'off']).optional(),
});

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface RuntimeConfig {
  dataDir: string;
  clock: Clock;
  hqUrl?: string;
  /** Which demo counter this process is, when running the demo hall. */
  demoCounter?: string;
  webPort: number;
  /**
   * With no HQ configured: 'auto' starts (or joins) the demo hall's HQ on this machine and
   * registers the counter with it; 'off' runs the counter alone (HQ shows as not configured).
   */
  demoHq: 'auto' | 'off';
}

export function loadConfig(
  env: Record<string, string | undefined>,
  runtime: { packaged: boolean; defaultDataDir: string },
): RuntimeConfig {
  const parsed = Env.safeParse(
    Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('HALLDESK_') && v !== '')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`bad environment variable ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.HALLDESK_NOW && runtime.packaged) {
    // A frozen clock in a hall would stamp real business with a fake date.
    throw new ConfigError('HALLDESK_NOW is for demos and tests; a packaged HallDesk refuses to start with it');
  }
  return {
    dataDir: e.HALLDESK_DATA_DIR ?? runtime.defaultDataDir,
    clock: e.HALLDESK_NOW ? frozenClock(e.HALLDESK_NOW) : systemClock,
    hqUrl: e.HALLDESK_HQ_URL,
    demoCounter: e.HALLDESK_COUNTER,
    webPort: e.HALLDESK_WEB_PORT ?? 5180,
    demoHq: e.HALLDESK_DEMO_HQ ?? 'auto',
  };
}
