import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SchemaMismatchError } from '../../electron/core/store/migrate';
import { migrations } from '../../electron/core/store/migrations/index';
import { openStore, BUSY_TIMEOUT_MS } from '../../electron/core/store/store';

let dir: string;
const file = () => join(dir, 'store.sqlite');

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fresh(): void {
  dir = mkdtempSync(join(tmpdir(), 'halldesk-store-'));
}

describe('the SQLite store', () => {
  it('opens in WAL mode with foreign keys and a busy timeout, at the latest schema', () => {
    fresh();
    const store = openStore({ file: file() });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(store.schemaVersion).toBe(migrations.length);
    const applied = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    store.close();
  });

  it('caches prepared statements by their SQL text', () => {
    fresh();
    const store = openStore({ file: file() });
    expect(store.stmt('SELECT 1')).toBe(store.stmt('SELECT 1'));
    expect(store.stmt('SELECT 1')).not.toBe(store.stmt('SELECT 2'));
    store.close();
  });

  it('rolls back every write of a transaction that throws', () => {
    fresh();
    const store = openStore({ file: file() });
    expect(() =>
      store.tx(() => {
        store.stmt("INSERT INTO settings (key, value) VALUES ('a', '1')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.stmt('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    store.close();
  });

  it('refuses a database whose applied migration differs from the code', () => {
    fresh();
    openStore({ file: file() }).close();
    const raw = new Database(file());
    raw.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    raw.close();
    expect(() => openStore({ file: file() })).toThrow(SchemaMismatchError);
  });

  it('refuses a database written by a newer HallDesk', () => {
    fresh();
    openStore({ file: file() }).close();
    const raw = new Database(file());
    raw
      .prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
      .run(migrations.length + 1, 'from_the_future', 'x', '2030-01-01T00:00:00Z');
    raw.close();
    expect(() => openStore({ file: file() })).toThrow(/newer version/);
  });

  it('refuses a history with a gap', () => {
    fresh();
    openStore({ file: file() }).close();
    const raw = new Database(file());
    raw.prepare('DELETE FROM schema_migrations WHERE version = 1').run();
    raw.close();
    expect(() => openStore({ file: file() })).toThrow(/gap/);
  });
});
