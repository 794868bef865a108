import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { systemHqClock, type HqClock } from './clock';
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPg } from './db/embedded';
import { migrate } from './db/migrate';
import { openDb, type Db } from './db/pool';
import { purgeNonces } from './http/auth';
import { buildHqServer } from './http/server';

export interface HqOptions {
  /** A real PostgreSQL; when absent HQ starts an embedded one in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  host?: string;
  clock?: HqClock;
  demo?: boolean;
  /** Throw-away embedded clusters (tests, benchmarks) skip fsync. */
  durable?: boolean;
  poolSize?: number;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface RunningHq {
  url: string;
  port: number;
  db: Db;
  databaseUrl: string;
  server: FastifyInstance;
  clock: HqClock;
  close(): Promise<void>;
}

/** Opens (and migrates) HQ's database: the given one, or an embedded PostgreSQL. */
export async function openHqDatabase(options: HqOptions): Promise<{ db: Db; databaseUrl: string; embedded?: EmbeddedPg }> {
  let embedded: EmbeddedPg | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    if (!options.dataDir) throw new Error('HQ needs DATABASE_URL or a data folder for its embedded PostgreSQL');
    // Another HQ process (or the admin CLI beside a running HQ) shares the server already up in that folder.
    databaseUrl = await runningEmbeddedUrl(options.dataDir);
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, durable: options.durable });
      databaseUrl = embedded.url;
    }
  }
  const db = openDb(databaseUrl, { max: options.poolSize });
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    await embedded?.stop();
    throw err;
  }
  return { db, databaseUrl, embedded };
}

/** Starts HQ: database, migrations, HTTP. `close()` stops them in the reverse order. */
export async function startHq(options: HqOptions): Promise<RunningHq> {
  const clock = options.clock ?? systemHqClock;
  const { db, databaseUrl, embedded } = await openHqDatabase(options);
  const server = buildHqServer({ db, clock, demo: options.demo, log: options.log });
  try {
    await server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (err) {
    await db.close();
    await embedded?.stop();
    throw err;
  }
  const port = (server.server.address() as AddressInfo).port;
  // Used nonces are only needed while their requests could still be fresh.
  const purge = setInterval(() => {
    purgeNonces(db.pool, clock).catch(() => undefined);
  }, 60_000);
  purge.unref();
  let closed = false;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    db,
    databaseUrl,
    server,
    clock,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(purge);
      await server.close();
      await db.close();
      await embedded?.stop();
    },
  };
}
