import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './pool';

export interface HqMigration {
  version: number;
  name: string;
  sql: string;
}

export class SchemaMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaMismatchError';
  }
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** One file per version, `NNNN_name.sql`, found by listing the folder: there is no registry to forget. */
export function loadMigrations(dir = MIGRATIONS_DIR): HqMigration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  return files.map((file, i) => {
    const version = Number(file.slice(0, 4));
    if (version !== i + 1) throw new Error(`HQ migration ${file} has version ${version}, expected ${i + 1}`);
    return { version, name: file.slice(5, -4), sql: readFileSync(join(dir, file), 'utf8') };
  });
}

export function checksum(m: HqMigration): string {
  return createHash('sha256').update(`${m.version}\n${m.name}\n${m.sql}`).digest('hex');
}

// Several HQ processes may start at once over one database: one migrates, the others wait.
const MIGRATION_LOCK = 7_300_001;

/**
 * Brings the database to the latest version, one transaction per migration, and refuses
 * a database whose applied history is not a prefix of this HQ's migrations.
 */
export async function migrate(db: Db, migrations = loadMigrations(), now: () => Date = () => new Date()): Promise<number> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS hq_schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
    const applied = (await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM hq_schema_migrations ORDER BY version',
    )).rows;
    applied.forEach((row, i) => {
      const m = migrations[i];
      if (row.version !== i + 1) throw new SchemaMismatchError(`HQ schema history has a gap at version ${i + 1}`);
      if (!m) throw new SchemaMismatchError(`HQ database is at version ${applied.length}, newer than this HQ (${migrations.length})`);
      if (row.name !== m.name || row.checksum !== checksum(m)) {
        throw new SchemaMismatchError(`HQ schema version ${row.version} (${row.name}) differs from this HQ's migration ${m.name}`);
      }
    });
    for (const m of migrations.slice(applied.length)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO hq_schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
          m.version,
          m.name,
          checksum(m),
          now(),
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return migrations.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
