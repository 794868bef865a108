// Builds better-sqlite3 for Electron's ABI into .electron-native/, apart from
// node_modules/better-sqlite3 (which npm built for Node and the tests use), so both
// runtimes work without a manual rebuild. Runs as the postinstall and as
// `npm run rebuild:electron` (--force). It never fails `npm install`: on trouble it
// says what to do and exits 0; the Electron main process then shows the same advice.
//
//   .electron-native/better_sqlite3.node   the binding electron/main/native.ts loads from source
//   .electron-native/stamp.json            which Electron and better-sqlite3 it was built for
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.electron-native');
const binding = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const staging = join(outDir, 'better-sqlite3');
const force = process.argv.includes('--force');
const require = createRequire(join(root, 'package.json'));

const say = (line) => console.log(`electron-native: ${line}`);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say(
    'skipped the Electron build of better-sqlite3: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so there is no Electron here to run it (tests and `npm run web` use the Node build); unset it and run `npm run rebuild:electron` to build it.',
  );
  process.exit(0);
}

const electronVersion = packageVersion('electron');
const sqliteVersion = packageVersion('better-sqlite3');
if (!electronVersion || !sqliteVersion) {
  // e.g. `npm install --omit=dev`: no Electron to build for.
  say(`skipped: ${electronVersion ? 'better-sqlite3' : 'electron'} is not installed.`);
  process.exit(0);
}

const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
if (!force && existsSync(binding) && sameStamp(wanted)) {
  say(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date.`);
  process.exit(0);
}

// A binding for another Electron would crash at start; better none (the app then explains) than a wrong one.
rmSync(binding, { force: true });
rmSync(stampFile, { force: true });
rmSync(staging, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const source = dirname(require.resolve('better-sqlite3/package.json'));
// Copy the sources but not build/: that is the Node build and must not pass for Electron's.
cpSync(source, staging, {
  recursive: true,
  filter: (path) => {
    const rel = relative(source, path);
    return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
  },
});

say(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
const built =
  run('prebuild-install (prebuilt binary)', require.resolve('prebuild-install/bin.js'), [
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    `--platform=${process.platform}`,
    '--verbose',
  ]) ||
  run('node-gyp (compile from source)', nodeGyp(), [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);

const result = join(staging, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(result)) {
  rmSync(staging, { recursive: true, force: true });
  console.log(
    [
      `electron-native: could not build better-sqlite3 for Electron ${electronVersion}.`,
      '  Tests and `npm run web` are not affected: they use the Node build in node_modules.',
      '  To run the Electron app from source, make one of these work, then run `npm run rebuild:electron`:',
      '    - network access to github.com (prebuild-install downloads a prebuilt binary), or',
      '    - a C++ toolchain and Python for node-gyp (Windows: Visual Studio Build Tools; Linux: build-essential, python3),',
      '      with network access to electronjs.org for the Electron headers.',
    ].join('\n'),
  );
  process.exit(0);
}

copyFileSync(result, binding);
writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
rmSync(staging, { recursive: true, force: true });
say(`wrote ${relative(root, binding)}`);

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function sameStamp(expected) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(expected).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** npm tells lifecycle scripts where its node-gyp is; otherwise use the one in node_modules. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined;
  }
}

function run(what, script, args) {
  if (!script) {
    say(`${what}: not available`);
    return false;
  }
  const child = spawnSync(process.execPath, [script, ...args], {
    cwd: staging,
    stdio: 'inherit',
    env: electronEnv(),
    timeout: 10 * 60 * 1000,
  });
  if (child.status === 0) return true;
  say(`${what} failed${child.error ? `: ${child.error.message}` : ` (exit ${child.status ?? child.signal})`}`);
  return false;
}

/**
 * npm passes its config to scripts as npm_config_* variables. Some of them (nodedir,
 * target, runtime, disturl) would point the build at Node's headers instead of
 * Electron's, so they are dropped for this build.
 */
function electronEnv() {
  const drop = new Set(['nodedir', 'target', 'runtime', 'disturl', 'dist_url', 'build_from_source', 'arch', 'platform', 'target_arch', 'target_platform']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !(key.toLowerCase().startsWith('npm_config_') && drop.has(key.toLowerCase().slice('npm_config_'.length)))),
  );
}
