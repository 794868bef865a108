import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- This counter's registration with HQ. The secret signs every request; it is never logged.
    CREATE TABLE sync_registration (
      id            INTEGER PRIMARY KEY CHECK (id = 1),
      hq_url        TEXT NOT NULL,
      device_id     TEXT NOT NULL,
      secret        TEXT NOT NULL,
      hall_code     TEXT NOT NULL,
      counter_code  TEXT NOT NULL,
      registered_at TEXT NOT NULL
    ) STRICT;

    -- Where the pull stopped (HQ's feed cursor) and how the last attempt went.
    CREATE TABLE sync_state (
      id                 INTEGER PRIMARY KEY CHECK (id = 1),
      cursor             TEXT NOT NULL DEFAULT '0.0',
      last_attempt_at    TEXT,
      last_attempt_ok    INTEGER CHECK (last_attempt_ok IN (0, 1)),
      last_error_code    TEXT,
      last_error_message TEXT,
      clock_drift_ms     INTEGER,
      pulled_rows        INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO sync_state (id) VALUES (1);

    -- Conflicts HQ raised for this hall: the manager's tasks. A resolution made here is
    -- shown at once and travels to HQ as a conflict.resolved event.
    CREATE TABLE sync_conflict (
      conflict_id        TEXT PRIMARY KEY,
      kind               TEXT NOT NULL,
      status             TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
      title              TEXT NOT NULL,
      advice             TEXT NOT NULL,
      details            TEXT NOT NULL,
      raised_at          TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      resolved_at        TEXT,
      resolved_by        TEXT,
      note               TEXT,
      resolution_pending INTEGER NOT NULL DEFAULT 0 CHECK (resolution_pending IN (0, 1))
    ) STRICT;
    CREATE INDEX sync_conflict_by_status ON sync_conflict (status, raised_at);

    -- Stock HQ sent to this hall, waiting for the manager to receive it.
    CREATE TABLE sync_stock_delivery (
      delivery_no TEXT PRIMARY KEY,
      sku         TEXT NOT NULL,
      quantity    INTEGER NOT NULL CHECK (quantity > 0),
      serials     TEXT NOT NULL,
      note        TEXT,
      sent_at     TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('sent', 'received')),
      updated_at  TEXT NOT NULL
    ) STRICT;

    -- Movements of the hall's other counters already copied into this counter's stock ledger.
    CREATE TABLE sync_hall_movement (
      movement_id  TEXT PRIMARY KEY,
      counter_code TEXT NOT NULL,
      applied_at   TEXT NOT NULL
    ) STRICT;
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO sync_registration (id, hq_url, device_id, secret, hall_code, counter_code, registered_at)
       VALUES (1, 'http://127.0.0.1:7300', '00000000-0000-4000-8000-000000000009', 'sample-secret', 'SAMPLE', '01', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO sync_conflict (conflict_id, kind, status, title, advice, details, raised_at, updated_at)
       VALUES ('C000001', 'negative_stock', 'open', '样例冲突', '样例处理', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO sync_stock_delivery (delivery_no, sku, quantity, serials, sent_at, status, updated_at)
       VALUES ('DN1', 'SAMPLE-TV', 1, '[]', '2026-01-01T00:00:00.000Z', 'sent', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(`INSERT INTO sync_hall_movement (movement_id, counter_code, applied_at) VALUES ('e-1#0', '02', '2026-01-01T00:00:00.000Z')`).run();
  },
});
