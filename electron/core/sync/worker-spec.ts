import { fileURLToPath } from 'node:url';
import type { PullWorkerSpec } from './pull-host';

/**
 * The pull worker when HallDesk runs from source under tsx (tests, `npm run web`, the
 * bench): a small bootstrap registers tsx in the worker thread and loads pull-worker.ts.
 * The Electron app passes its own bundle (out/main/sync-worker.cjs) and its better-sqlite3
 * build instead (electron/main/app.ts).
 */
export function sourcePullWorker(): PullWorkerSpec {
  return {
    file: fileURLToPath(new URL('./pull-worker-dev.mjs', import.meta.url)),
    entry: new URL('./pull-worker.ts', import.meta.url).href,
  };
}
