import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { WorldAnswer, WorldCall, WorldCalls, WorldReady } from './sync-world-api';

export interface SyncWorld {
  hqUrl: string;
  /** The same HQ through a relay whose pulls can be slowed (call 'slowPull'). */
  linkUrl: string;
  call<K extends WorldCall>(name: K, input: WorldCalls[K]['input']): Promise<WorldCalls[K]['output']>;
  stop(): Promise<void>;
}

/**
 * Starts sync-world.ts under tsx and waits for its ready line (HQ migrated and seeded).
 * Its output is kept for the error message if it never gets there.
 */
export function startSyncWorld(): Promise<SyncWorld> {
  const repo = process.cwd();
  const child = spawn(join(repo, 'node_modules/.bin/tsx'), ['test/e2e/support/sync-world.ts'], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sync world did not start in 90 s:\n${output}`));
    }, 90_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sync world exited (${code}):\n${output}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{"ready"'));
      if (!line) return;
      clearTimeout(timer);
      // From here the world speaks only when something went wrong (a counter crashed): pass it on.
      child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      const { ready } = JSON.parse(line) as WorldReady;
      resolve({
        hqUrl: ready.hqUrl,
        linkUrl: ready.linkUrl,
        async call(name, input) {
          const res = await fetch(`${ready.controlUrl}/${name}`, { method: 'POST', body: JSON.stringify(input) });
          const answer = (await res.json()) as WorldAnswer<WorldCalls[typeof name]['output']>;
          if (!answer.ok) throw new Error(`sync world ${name}: ${answer.error}`);
          return answer.value;
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
