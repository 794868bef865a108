// `npm test`: every runner in turn, each printing its own output, then one summary.
// It goes on after a failure so one run shows every broken runner, and exits non-zero.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck (node: electron, shared, hq)', 'npm', ['run', '-s', 'typecheck:node']],
  ['typecheck (web: renderer, shared)', 'npm', ['run', '-s', 'typecheck:web']],
  ['lint (eslint, boundaries)', 'npm', ['run', '-s', 'lint']],
  ['unit + integration (vitest)', 'npm', ['run', '-s', 'test:unit']],
  ['end-to-end (playwright, chromium)', 'npm', ['run', '-s', 'test:e2e']],
];

const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  results.push({ name, ok: run.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(42)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `${failed} of ${results.length} runners failed` : `all ${results.length} runners passed`);
process.exit(failed ? 1 : 0);
