import { join } from 'node:path';
import { DEMO_HQ_PORT, HEALTH_PATH, HealthResponse } from '../../shared/sync/protocol';
import { seedDemoHq } from './admin/demo';
import { REPO_ROOT } from './config';
import { startHq } from './hq';

export interface DemoHq {
  url: string;
  /** False when another process's demo HQ was already answering on the port: this one reuses it. */
  owned: boolean;
  close(): Promise<void>;
}

export { DEMO_HQ_PORT };

async function demoHqAt(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}${HEALTH_PATH}`, { signal: AbortSignal.timeout(1_000) });
    const health = HealthResponse.safeParse(await res.json());
    return health.success && health.data.demo;
  } catch {
    return false;
  }
}

/**
 * The demo hall's HQ: `npm run web` / `npm start` with no HALLDESK_HQ_URL start one (an
 * embedded PostgreSQL in .data/hq-demo, HQ on 127.0.0.1:7300, seeded from resources/demo)
 * and register the counter to it. A second demo counter (HALLDESK_COUNTER=02) finds it
 * running on the port and shares it, so the hall's two counters sync with each other.
 */
export async function startDemoHq(
  options: { dataDir?: string; databaseUrl?: string; port?: number; log?: (line: string) => void } = {},
): Promise<DemoHq> {
  const port = options.port ?? DEMO_HQ_PORT;
  const existing = `http://127.0.0.1:${port}`;
  if (port !== 0 && (await demoHqAt(existing))) return { url: existing, owned: false, close: () => Promise.resolve() };
  const hq = await startHq({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? join(REPO_ROOT, '.data/hq-demo'),
    port,
    demo: true,
    log: (event, fields) => options.log?.(`${event} ${JSON.stringify(fields)}`),
  });
  try {
    await seedDemoHq(hq.db, join(REPO_ROOT, 'resources'), hq.clock, options.log);
  } catch (err) {
    await hq.close();
    throw err;
  }
  return { url: hq.url, owned: true, close: () => hq.close() };
}
