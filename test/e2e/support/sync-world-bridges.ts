import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningBridge {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** The last resort when the world is exiting and cannot wait. */
  kill(): void;
}

/** Env of the world without any HALLDESK_ setting: each bridge gets exactly the ones it is meant to have. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HALLDESK_')));
}

function waitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

/**
 * `npx tsx electron/bridge/serve.ts` as a counter runs it, on a free port and its own data
 * folder, with the real clock (HQ runs on it too). Resolves with the address the bridge
 * prints once it listens.
 */
export function startBridge(options: { repo: string; root: string; mode: 'blank' | 'demo'; hqUrl: string }): Promise<RunningBridge> {
  const dataDir = mkdtempSync(join(options.root, `counter-${options.mode}-`));
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    HALLDESK_DATA_DIR: dataDir,
    HALLDESK_WEB_PORT: '0',
    // blank: a production install that knows where HQ is and must register; demo: the demo
    // hall's counter 01 on its own (not the shared demo HQ on port 7300), registered by the test.
    ...(options.mode === 'blank' ? { HALLDESK_HQ_URL: options.hqUrl } : { HALLDESK_DEMO_HQ: 'off' }),
  };
  const child = spawn(join(options.repo, 'node_modules/.bin/tsx'), ['electron/bridge/serve.ts'], {
    cwd: options.repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stopping = false;
  const keep = (chunk: Buffer): void => {
    // The tail is what explains a crash; a long run must not grow it without bound.
    output = (output + chunk.toString()).slice(-20_000);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${options.mode} bridge did not start in 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      keep(chunk);
      const url = /HallDesk web bridge: (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining, or a chatty bridge would block on a full pipe.
      child.stdout?.on('data', keep);
      child.once('exit', (code, signal) => {
        // Said on the world's stderr, which the spec passes on: a test that fails because
        // its counter crashed shows why.
        if (!stopping) console.error(`sync world: the ${options.mode} bridge exited (${code ?? signal}) unexpectedly:\n${output}`);
      });
      resolve({
        url,
        dataDir,
        stop: async () => {
          stopping = true;
          child.kill('SIGTERM');
          await waitExit(child, 5_000);
        },
        kill: () => {
          stopping = true;
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', keep);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${options.mode} bridge exited (${code}) before it listened:\n${output}`));
    });
  });
}
