import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations/index';

export interface StoreOptions {
  /** Path of the SQLite file; created if missing. */
  file: string;
  /** Path of a better-sqlite3 build for this runtime (Electron keeps its own apart from Node's). */
  nativeBinding?: string;
  /** Stop at this schema version (tests build databases at earlier versions). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** When migrations were applied is recorded with this clock. */
  now?: () => Date;
}

export interface Store {
  readonly db: Database.Database;
  readonly schemaVersion: number;
  /** A prepared statement, compiled once per SQL text and reused. */
  stmt(sql: string): Database.Statement;
  /** Runs `work` in one transaction; a throw rolls everything back. Nested calls join the outer one. */
  tx<T>(work: () => T): T;
  close(): void;
}

export const BUSY_TIMEOUT_MS = 5000;

export function openStore(options: StoreOptions): Store {
  const db = new Database(options.file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const schemaVersion = migrate(db, options.migrations ?? allMigrations, {
      target: options.targetVersion,
      now: options.now,
    });
    return wrap(db, schemaVersion);
  } catch (err) {
    db.close();
    throw err;
  }
}

function wrap(db: Database.Database, schemaVersion: number): Store {
  const cache = new Map<string, Database.Statement>();
  return {
    db,
    schemaVersion,
    stmt(sql) {
      let s = cache.get(sql);
      if (!s) {
        s = db.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
    tx(work) {
      // better-sqlite3 turns a nested transaction() into a savepoint, which is what we want.
      return db.transaction(work)();
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}
