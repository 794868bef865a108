import { join } from 'node:path';

/**
 * Where the built pieces are, relative to the app root (`app.getAppPath()`: the
 * project folder from source, the asar archive when packaged).
 */
export function appPaths(appPath: string): { preload: string; renderer: string; syncWorker: string } {
  return {
    preload: join(appPath, 'out/preload/index.cjs'),
    renderer: join(appPath, 'out/renderer'),
    // A worker thread loads a file of its own (Electron reads it from the asar archive too).
    syncWorker: join(appPath, 'out/main/sync-worker.cjs'),
  };
}
