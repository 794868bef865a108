import { startDemoHq } from './demo';

/**
 * `npm run hq:demo`, and what `npm start` launches beside the app (scripts/start.mjs): the
 * demo hall's HQ on 127.0.0.1:7300 over an embedded PostgreSQL in .data/hq-demo. If a demo
 * HQ already answers on the port (another counter's), this one has nothing to do.
 */
async function main(): Promise<void> {
  const hq = await startDemoHq({ log: (line) => console.log(`demo HQ: ${line}`) });
  if (!hq.owned) {
    console.log(`HallDesk demo HQ: already running at ${hq.url}`);
    return;
  }
  console.log(`HallDesk demo HQ: ${hq.url}  (embedded PostgreSQL in .data/hq-demo)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`HallDesk demo HQ: ${signal}, shutting down`);
    hq.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`HallDesk demo HQ: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
