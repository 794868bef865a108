import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/store/migrations/index';
import { openStore } from '../../electron/core/store/store';

type Snapshot = Map<string, { columns: string[]; rows: unknown[] }>;

function snapshot(db: Database.Database): Snapshot {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'")
    .pluck()
    .all() as string[];
  const snap: Snapshot = new Map();
  for (const table of tables) {
    // Table names come from sqlite_master, not from input; quoting keeps odd names safe.
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).raw().all();
    snap.set(table, { columns, rows });
  }
  return snap;
}

describe('schema upgrades', () => {
  it('has a sample for every migration that creates tables, so its rows are checked on upgrade', () => {
    for (const m of migrations) {
      if (/CREATE TABLE/i.test(m.sql)) expect(m.sample, `migration ${m.version} ${m.name}`).toBeDefined();
    }
  });

  const earlier = migrations.slice(0, -1).map((m) => m.version);
  it.each(earlier)('a database created at version %i upgrades to the latest with its rows intact', (version) => {
    const dir = mkdtempSync(join(tmpdir(), 'halldesk-upgrade-'));
    const file = join(dir, 'old.sqlite');
    try {
      const old = openStore({ file, targetVersion: version });
      expect(old.schemaVersion).toBe(version);
      for (const m of migrations.slice(0, version)) old.tx(() => m.sample?.(old.db));
      const before = snapshot(old.db);
      expect([...before.values()].some((t) => t.rows.length > 0)).toBe(true);
      old.close();

      const upgraded = openStore({ file });
      expect(upgraded.schemaVersion).toBe(migrations.length);
      for (const [table, { columns, rows }] of before) {
        const after = upgraded.db
          .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`)
          .raw()
          .all();
        expect(after, `table ${table}`).toEqual(rows);
      }
      expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
      expect(upgraded.db.pragma('integrity_check', { simple: true })).toBe('ok');
      upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
