import type Database from 'better-sqlite3';

/**
 * One schema version. The SQL is the migration's identity: its checksum is recorded
 * when applied, and a database whose history disagrees with the code is refused.
 * A data step carries its own copies of the types it needs so it never changes meaning.
 */
export interface MigrationBody {
  readonly sql: string;
  readonly data?: (db: Database.Database) => void;
  /**
   * Inserts representative rows valid at this version. The upgrade test creates a
   * database at every earlier version, fills it with these and checks they survive.
   */
  readonly sample?: (db: Database.Database) => void;
}

export interface Migration extends MigrationBody {
  readonly version: number;
  readonly name: string;
}

export function defineMigration(body: MigrationBody): MigrationBody {
  return body;
}
