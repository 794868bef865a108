/** Small helpers shared by the benchmarks: timing and percentiles. Benchmarks print; they never fail on speed. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index] ?? Number.NaN;
}

export interface Timing {
  count: number;
  totalMs: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/** Runs `work` `count` times, timing each call. */
export async function timeEach(count: number, work: (i: number) => unknown): Promise<Timing> {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await work(i);
    samples.push(performance.now() - t0);
  }
  const totalMs = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { count, totalMs, p50: percentile(samples, 50), p99: percentile(samples, 99), perSecond: (count / totalMs) * 1000 };
}

export function ms(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`;
}

export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  console.log(`\n${title}`);
  for (const row of rows) console.log('  ' + row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
}

export function ratio(ours: number, baseline: number): string {
  return `${(ours / baseline).toFixed(2)}×`;
}
