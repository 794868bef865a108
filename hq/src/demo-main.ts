import { startDemoHq } from './demo';
import { runHqProcess } from './process';

/**
 * `npm run hq:demo`, and what `npm start` launches beside the app (scripts/start.mjs): the
 * demo hall's HQ on 127.0.0.1:7300 over an embedded PostgreSQL in .data/hq-demo. If a demo
 * HQ already answers on the port (another counter's), this one has nothing to do.
 */
runHqProcess('HallDesk demo HQ', async () => {
  const hq = await startDemoHq({ log: (line) => console.log(`demo HQ: ${line}`) });
  if (!hq.owned) {
    console.log(`HallDesk demo HQ: already running at ${hq.url}`);
    return undefined;
  }
  console.log(`HallDesk demo HQ: ${hq.url}  (embedded PostgreSQL in .data/hq-demo)`);
  return hq;
});
