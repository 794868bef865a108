// `npm test`: every runner in turn, each printing its own output, then one summary.
// It goes on after a failure so one run shows every broken runner, and exits non-zero.
// A failed runner's failing lines are repeated under the summary: CI logs are often read
// from the end, and the first failure may be thousands of lines above it.
import { spawn } from 'node:child_process';

const steps = [
  ['typecheck (node: electron, shared, hq)', 'npm', ['run', '-s', 'typecheck:node']],
  ['typecheck (web: renderer, shared)', 'npm', ['run', '-s', 'typecheck:web']],
  ['lint (eslint, boundaries)', 'npm', ['run', '-s', 'lint']],
  ['unit + integration (vitest)', 'npm', ['run', '-s', 'test:unit']],
  ['end-to-end (playwright, chromium)', 'npm', ['run', '-s', 'test:e2e']],
];

// What each runner prints for a failure: vitest (FAIL, ×, AssertionError…), playwright (✘,
// numbered failures, Error:), tsc (error TS), eslint (error  rule).
const FAILURE_LINE = /\bFAIL\b|✘|×|\berror\b|Error\b|Timed out|timed out|^\s+\d+\) /;
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const MAX_REPEATED = 60;

/** Runs one step, passing its output through, and keeps the lines that look like failures. */
function run(cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    const failures = [];
    let rest = '';
    const keep = (chunk) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const plain = line.replace(ANSI, '');
        if (FAILURE_LINE.test(plain) && !failures.includes(plain) && failures.length < MAX_REPEATED) failures.push(plain);
      }
    };
    child.stdout.on('data', (c) => (process.stdout.write(c), keep(c)));
    child.stderr.on('data', (c) => (process.stderr.write(c), keep(c)));
    child.once('close', (code) => {
      keep('\n');
      done({ ok: code === 0, failures });
    });
  });
}

const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const { ok, failures } = await run(cmd, args);
  results.push({ name, ok, failures, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

for (const r of results.filter((x) => !x.ok)) {
  console.log(`\n━━ what failed in ${r.name} ━━`);
  for (const line of r.failures) console.log(line);
}
console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(42)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `${failed} of ${results.length} runners failed` : `all ${results.length} runners passed`);
process.exit(failed ? 1 : 0);
