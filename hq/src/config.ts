import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every environment variable HQ reads (hq/README.md lists them). */
const Env = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  HQ_PORT: z.coerce.number().int().min(0).max(65535).default(7300),
  HQ_HOST: z.string().min(1).default('127.0.0.1'),
  HQ_DATA_DIR: z.string().min(1).optional(),
  HQ_DEMO: z.enum(['0', '1']).default('0'),
});

export interface HqConfig {
  databaseUrl?: string;
  port: number;
  host: string;
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  dataDir: string;
  demo: boolean;
}

export function loadHqConfig(env: Record<string, string | undefined>): HqConfig {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bad environment variable ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.HQ_PORT,
    host: e.HQ_HOST,
    dataDir: e.HQ_DATA_DIR ?? join(REPO_ROOT, '.data/hq-pg'),
    demo: e.HQ_DEMO === '1',
  };
}
