// Bundles the Electron entry points with esbuild (the renderer is Vite's job):
//   electron/main/index.ts             -> out/main/index.cjs        (Node; electron and better-sqlite3 stay external)
//   electron/core/sync/pull-worker.ts  -> out/main/sync-worker.cjs  (the sync pull's worker thread; better-sqlite3 external)
//   electron/preload/index.ts          -> out/preload/index.cjs     (sandboxed: may require 'electron' and nothing else)
// JSON imports (package.json's version, the demo hall) are bundled by esbuild's json loader.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (path) => builtins.has(path) || builtins.has(path.split('/')[0]) || path.startsWith('node:');

// A sandboxed preload gets a `require` that knows only 'electron' (and a few polyfills):
// a Node built-in bundled in would only fail at run time, in the clerk's window. Fail here.
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isBuiltin(args.path)) return undefined;
      return {
        errors: [
          {
            text: `the preload imports the Node built-in "${args.path}" (from ${args.importer}); a sandboxed preload can only require 'electron'`,
          },
        ],
      };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // Any esbuild warning (e.g. import.meta in CJS output) is a bug in a bundle nobody can step through here.
  logOverride: {},
};

async function bundle(name, options, allowedExternals) {
  let result;
  try {
    result = await build({ ...common, ...options });
  } catch {
    // esbuild has already printed the errors.
    console.error(`build-electron: the ${name} bundle failed`);
    process.exit(1);
  }
  if (result.warnings.length > 0) {
    console.error(`build-electron: the ${name} bundle has ${result.warnings.length} warning(s); fix them`);
    process.exit(1);
  }
  const externals = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imp of output.imports) if (imp.external) externals.add(imp.path);
  }
  const stray = [...externals].filter((path) => !allowedExternals(path));
  if (stray.length > 0) {
    console.error(`build-electron: the ${name} bundle requires ${stray.join(', ')} at run time; only bundled code may be used`);
    process.exit(1);
  }
  const [file, info] = Object.entries(result.metafile.outputs).find(([out]) => out.endsWith('.cjs'));
  console.log(`build-electron: ${file} ${(info.bytes / 1024).toFixed(0)} KiB (external: ${[...externals].sort().join(', ') || 'none'})`);
  return file;
}

// The core finds its from-source worker bootstrap through import.meta.url, which CommonJS has
// not: in a bundle it is the bundle's own file URL (the app passes its worker bundle anyway).
const importMetaUrl = {
  define: { 'import.meta.url': '__halldesk_import_meta_url' },
  banner: { js: 'const __halldesk_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
};

await bundle(
  'main',
  {
    entryPoints: ['electron/main/index.ts'],
    outfile: 'out/main/index.cjs',
    platform: 'node',
    // Electron 41 ships Node 24; node22 keeps the output readable without down-levelling anything we use.
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    ...importMetaUrl,
  },
  (path) => path === 'electron' || path === 'better-sqlite3' || isBuiltin(path),
);

// Its own bundle: a worker thread loads a file, and this one must not pull in electron.
await bundle(
  'sync worker',
  {
    entryPoints: ['electron/core/sync/pull-worker.ts'],
    outfile: 'out/main/sync-worker.cjs',
    platform: 'node',
    target: 'node22',
    external: ['better-sqlite3'],
    ...importMetaUrl,
  },
  (path) => path === 'better-sqlite3' || isBuiltin(path),
);

const preloadFile = await bundle(
  'preload',
  {
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    plugins: [noNodeBuiltins],
  },
  (path) => path === 'electron',
);

// Belt and braces over the metafile: every require( in the preload's text must be require("electron").
const preloadText = readFileSync(new URL(`../${preloadFile}`, import.meta.url), 'utf8');
const requires = [...preloadText.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1].trim());
const bad = requires.filter((arg) => arg !== '"electron"' && arg !== "'electron'");
if (requires.length === 0 || bad.length > 0) {
  console.error(`build-electron: the preload must require only "electron"; found require(${bad.join('), require(') || 'nothing'})`);
  process.exit(1);
}
