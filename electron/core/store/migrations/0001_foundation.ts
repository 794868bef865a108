import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- This counter: which hall and counter it is, and how it was set up.
    CREATE TABLE device (
      id            INTEGER PRIMARY KEY CHECK (id = 1),
      hall_code     TEXT NOT NULL,
      hall_name     TEXT NOT NULL,
      counter_code  TEXT NOT NULL,
      counter_name  TEXT NOT NULL,
      mode          TEXT NOT NULL CHECK (mode IN ('demo', 'hq')),
      created_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id            INTEGER PRIMARY KEY,
      staff_no      TEXT NOT NULL UNIQUE,
      name          TEXT NOT NULL,
      role          TEXT NOT NULL CHECK (role IN ('clerk', 'manager')),
      pin_salt      BLOB NOT NULL,
      pin_hash      BLOB NOT NULL,
      failed_pins   INTEGER NOT NULL DEFAULT 0,
      locked_until  TEXT,
      active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at    TEXT NOT NULL
    ) STRICT;

    -- Append-only: every entry carries the SHA-256 of the one before it.
    CREATE TABLE audit_log (
      seq        INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      actor      TEXT NOT NULL,
      action     TEXT NOT NULL,
      subject    TEXT NOT NULL,
      details    TEXT NOT NULL,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO device (id, hall_code, hall_name, counter_code, counter_name, mode, created_at)
       VALUES (1, 'SAMPLE', '样例营业厅', '01', '1号柜台', 'demo', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO staff (staff_no, name, role, pin_salt, pin_hash, created_at)
       VALUES ('9001', '样例店长', 'manager', x'00', x'00', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('sample.key', 'sample value')`).run();
  },
});
