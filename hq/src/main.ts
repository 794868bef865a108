import { loadHqConfig } from './config';
import { startHq } from './hq';
import { runHqProcess } from './process';

/** `npm run hq`: HQ on HQ_PORT (7300), over DATABASE_URL or an embedded PostgreSQL in HQ_DATA_DIR. */
runHqProcess('HallDesk HQ', async () => {
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
  return hq;
});
