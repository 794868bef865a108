import { join } from 'node:path';

/** Where `scripts/electron-native.mjs` leaves the Electron-ABI build of better-sqlite3. */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const ELECTRON_BINDING_FILE = 'better_sqlite3.node';

export type NativeChoice =
  /** better-sqlite3 finds its own binding: in a package, electron-builder rebuilt it for Electron. */
  | { kind: 'default' }
  | { kind: 'file'; file: string }
  | { kind: 'missing'; file: string; message: string };

/**
 * Which better-sqlite3 binding the Electron process loads. From source, node_modules
 * holds the Node build (the tests use it), so Electron must load its own build kept
 * apart; loading the Node one would fail with a NODE_MODULE_VERSION mismatch.
 */
export function chooseNativeBinding(input: {
  packaged: boolean;
  appPath: string;
  exists: (file: string) => boolean;
}): NativeChoice {
  if (input.packaged) return { kind: 'default' };
  const file = join(input.appPath, ELECTRON_NATIVE_DIR, ELECTRON_BINDING_FILE);
  if (input.exists(file)) return { kind: 'file', file };
  return {
    kind: 'missing',
    file,
    message: [
      '缺少 Electron 版 SQLite 驱动（better-sqlite3）。',
      'The Electron build of better-sqlite3 is missing:',
      file,
      '',
      '请在项目目录运行 / In the project folder run:',
      '  npm run rebuild:electron',
    ].join('\n'),
  };
}

/** Added to a core start-up failure that looks like a binding built for another runtime. */
export function nativeLoadHint(error: string, packaged: boolean): string | undefined {
  if (packaged || !/NODE_MODULE_VERSION|better_sqlite3\.node|invalid ELF|not a valid Win32/i.test(error)) return undefined;
  return 'SQLite 驱动与 Electron 版本不符，请运行 / The SQLite binding does not match this Electron; run: npm run rebuild:electron';
}
