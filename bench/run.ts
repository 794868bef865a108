/**
 * `npm run bench`: every benchmark in turn. Each prints its figures beside a baseline
 * measured in the same run; none fails on speed. BENCH_ONLY=counter runs one.
 */
const suites: Record<string, () => Promise<unknown>> = {
  counter: () => import('./counter'),
  grid: () => import('./grid'),
  sync: () => import('./sync'),
};

const only = process.env.BENCH_ONLY;
for (const [name, load] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`\n━━ bench: ${name} ━━`);
  await load();
}
export {};
