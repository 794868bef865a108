import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { chooseNativeBinding, nativeLoadHint } from '../../../electron/main/native';

const appPath = join('/', 'srv', 'halldesk');
const electronBuild = join(appPath, '.electron-native', 'better_sqlite3.node');

describe('chooseNativeBinding', () => {
  it("lets a packaged app use better-sqlite3's own binding (electron-builder rebuilt it)", () => {
    const exists = vi.fn(() => false);
    expect(chooseNativeBinding({ packaged: true, appPath, exists })).toEqual({ kind: 'default' });
    expect(exists).not.toHaveBeenCalled();
  });

  it('loads the Electron build from .electron-native when running from source', () => {
    const exists = vi.fn((file: string) => file === electronBuild);
    expect(chooseNativeBinding({ packaged: false, appPath, exists })).toEqual({ kind: 'file', file: electronBuild });
  });

  it('never falls back to the Node build in node_modules when the Electron build is missing', () => {
    const choice = chooseNativeBinding({ packaged: false, appPath, exists: () => false });
    expect(choice.kind).toBe('missing');
    if (choice.kind !== 'missing') return;
    expect(choice.file).toBe(electronBuild);
    expect(choice.message).toContain('npm run rebuild:electron');
    expect(choice.message).toContain(electronBuild);
  });
});

describe('nativeLoadHint', () => {
  const abiError =
    "The module '/srv/halldesk/.electron-native/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 145.";

  it('points at the rebuild when the binding was built for another runtime', () => {
    expect(nativeLoadHint(abiError, false)).toContain('npm run rebuild:electron');
  });

  it('stays quiet for other errors and in a packaged app (no npm there)', () => {
    expect(nativeLoadHint('SQLITE_BUSY: database is locked', false)).toBeUndefined();
    expect(nativeLoadHint(abiError, true)).toBeUndefined();
  });
});

describe('scripts/electron-native.mjs', () => {
  it('skips with one line and exit 0 when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const script = join(import.meta.dirname, '../../../scripts/electron-native.mjs');
    const run = spawnSync(process.execPath, [script, '--force'], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^electron-native: skipped the Electron build of better-sqlite3: ELECTRON_SKIP_BINARY_DOWNLOAD is set/);
    expect(run.stderr).toBe('');
  });
});
