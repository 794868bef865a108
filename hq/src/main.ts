import { loadHqConfig } from './config';
import { startHq } from './hq';

/** `npm run hq`: HQ on HQ_PORT (7300), over DATABASE_URL or an embedded PostgreSQL in HQ_DATA_DIR. */
async function main(): Promise<void> {
  const config = loadHqConfig(process.env);
  const hq = await startHq({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    port: config.port,
    host: config.host,
    demo: config.demo,
    log: (event, fields) => console.log(JSON.stringify({ at: new Date().toISOString(), event, ...fields })),
  });
  console.log(`HallDesk HQ: ${hq.url}  (database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`HallDesk HQ: ${signal}, shutting down`);
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
  console.error(`HallDesk HQ: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
