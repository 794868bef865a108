import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- The local cache of HQ's customer snapshots, plus walk-ins registered at this counter.
    -- The full snapshot is kept as JSON (what the rule engine reads); the columns are what we search by.
    CREATE TABLE customer (
      id               INTEGER PRIMARY KEY,
      phone            TEXT NOT NULL UNIQUE,
      phone_last4      TEXT NOT NULL,
      name             TEXT NOT NULL,
      id_last4         TEXT NOT NULL,
      kind             TEXT NOT NULL CHECK (kind IN ('existing', 'new')),
      origin           TEXT NOT NULL CHECK (origin IN ('hq', 'counter')),
      snapshot         TEXT NOT NULL,
      snapshot_version INTEGER NOT NULL,
      snapshot_at      TEXT NOT NULL,
      last_served_at   TEXT,
      updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customer_by_phone_last4 ON customer (phone_last4, last_served_at);
    CREATE INDEX customer_by_id_last4 ON customer (id_last4, name);

    -- Points come in lots with an expiry. hq_remaining is HQ's last word on a lot;
    -- what this counter did since (and HQ has not acknowledged) is in points_entry.
    CREATE TABLE points_lot (
      id            INTEGER PRIMARY KEY,
      customer_id   INTEGER NOT NULL REFERENCES customer (id),
      lot_key       TEXT NOT NULL UNIQUE,
      hq_remaining  INTEGER NOT NULL CHECK (hq_remaining >= 0),
      earned_on     TEXT NOT NULL,
      expires_on    TEXT NOT NULL,
      source        TEXT NOT NULL CHECK (source IN ('hq', 'campaign'))
    ) STRICT;
    CREATE INDEX points_lot_by_customer ON points_lot (customer_id, expires_on);

    CREATE TABLE points_entry (
      id           INTEGER PRIMARY KEY,
      customer_id  INTEGER NOT NULL REFERENCES customer (id),
      lot_id       INTEGER NOT NULL REFERENCES points_lot (id),
      delta        INTEGER NOT NULL CHECK (delta <> 0),
      reason       TEXT NOT NULL CHECK (reason IN ('redeem', 'void', 'campaign_bonus')),
      ref          TEXT NOT NULL,
      acked        INTEGER NOT NULL DEFAULT 0 CHECK (acked IN (0, 1)),
      created_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX points_entry_unacked ON points_entry (lot_id) WHERE acked = 0;
    CREATE INDEX points_entry_by_ref ON points_entry (ref);
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO customer (id, phone, phone_last4, name, id_last4, kind, origin, snapshot, snapshot_version, snapshot_at, updated_at)
       VALUES (1, '13800001234', '1234', '样例客户', '123X', 'existing', 'hq', '{}', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO points_lot (id, customer_id, lot_key, hq_remaining, earned_on, expires_on, source)
       VALUES (1, 1, 'HQ-LOT-1', 500, '2025-06-01', '2027-06-30', 'hq')`,
    ).run();
    db.prepare(
      `INSERT INTO points_entry (customer_id, lot_id, delta, reason, ref, created_at)
       VALUES (1, 1, -100, 'redeem', 'R-1', '2026-01-01T00:00:00.000Z')`,
    ).run();
  },
});
