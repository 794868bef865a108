import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './migration';

export class SchemaMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaMismatchError';
  }
}

export function migrationChecksum(m: Migration): string {
  return createHash('sha256')
    .update(`${m.version}\n${m.name}\n${m.sql}\n${m.data ? 'data' : ''}`)
    .digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** Checks the code's own list: versions 1..n, each once, in order. */
export function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Brings the database up to `target` (default: the latest), one transaction per
 * version. Refuses a database whose applied history is not a prefix of the code's.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { target?: number; now?: () => Date } = {},
): number {
  const target = options.target ?? migrations.length;
  const now = options.now ?? (() => new Date());
  assertContiguous(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];

  applied.forEach((row, i) => {
    const m = migrations[i];
    if (row.version !== i + 1) {
      throw new SchemaMismatchError(`schema history has a gap: found version ${row.version} at position ${i + 1}`);
    }
    if (!m) {
      throw new SchemaMismatchError(
        `database is at schema version ${applied.length} but this HallDesk only knows ${migrations.length}: it was written by a newer version`,
      );
    }
    if (row.name !== m.name || row.checksum !== migrationChecksum(m)) {
      throw new SchemaMismatchError(`schema version ${row.version} (${row.name}) differs from this HallDesk's migration ${m.name}`);
    }
  });

  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of migrations.slice(applied.length, target)) {
    db.transaction(() => {
      db.exec(m.sql);
      m.data?.(db);
      record.run(m.version, m.name, migrationChecksum(m), now().toISOString());
    })();
  }
  return Math.max(applied.length, Math.min(target, migrations.length));
}
