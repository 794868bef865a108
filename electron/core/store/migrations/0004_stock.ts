import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    CREATE TABLE stock_item (
      sku            TEXT PRIMARY KEY,
      name           TEXT NOT NULL,
      name_en        TEXT,
      category       TEXT NOT NULL CHECK (category IN ('gift', 'prize', 'equipment', 'other')),
      unit_value_fen INTEGER NOT NULL DEFAULT 0 CHECK (unit_value_fen >= 0),
      serial_tracked INTEGER NOT NULL DEFAULT 0 CHECK (serial_tracked IN (0, 1)),
      low_threshold  INTEGER NOT NULL DEFAULT 0 CHECK (low_threshold >= 0),
      active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      updated_at     TEXT NOT NULL
    ) STRICT;

    -- The ledger. Balances per bucket (on hand, on display, lent to customers) are sums of
    -- these rows and are never typed in. A move between buckets is two rows with one group_id.
    CREATE TABLE stock_movement (
      id          INTEGER PRIMARY KEY,
      hall_code   TEXT NOT NULL,
      sku         TEXT NOT NULL REFERENCES stock_item (sku),
      bucket      TEXT NOT NULL CHECK (bucket IN ('on_hand', 'display', 'lent')),
      qty         INTEGER NOT NULL CHECK (qty <> 0),
      reason      TEXT NOT NULL CHECK (reason IN (
                    'received', 'issued_enrolment', 'issued_redemption', 'issued_prize', 'returned',
                    'damaged', 'transfer_out', 'transfer_in', 'stocktake_adjust', 'lent', 'recovered',
                    'to_display', 'from_display', 'void_return')),
      serial      TEXT,
      group_id    TEXT NOT NULL,
      ref_type    TEXT,
      ref_id      TEXT,
      customer_id INTEGER REFERENCES customer (id),
      note        TEXT,
      staff_no    TEXT NOT NULL,
      at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX stock_movement_by_item ON stock_movement (sku, bucket);
    CREATE INDEX stock_movement_by_ref ON stock_movement (ref_type, ref_id);
    CREATE INDEX stock_movement_by_serial ON stock_movement (sku, serial) WHERE serial IS NOT NULL;

    -- Serial-numbered units one by one: where each set-top box or modem is, and who holds it.
    CREATE TABLE serial_unit (
      sku         TEXT NOT NULL REFERENCES stock_item (sku),
      serial      TEXT NOT NULL,
      state       TEXT NOT NULL CHECK (state IN ('on_hand', 'display', 'lent', 'issued', 'damaged', 'transferred')),
      customer_id INTEGER REFERENCES customer (id),
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (sku, serial)
    ) STRICT;
    CREATE INDEX serial_unit_by_customer ON serial_unit (customer_id) WHERE customer_id IS NOT NULL;

    CREATE TABLE stocktake (
      id          INTEGER PRIMARY KEY,
      status      TEXT NOT NULL CHECK (status IN ('open', 'approved', 'cancelled')),
      started_by  TEXT NOT NULL,
      started_at  TEXT NOT NULL,
      closed_by   TEXT,
      closed_at   TEXT,
      note        TEXT
    ) STRICT;
    -- At most one stocktake open at a time in a hall's counter.
    CREATE UNIQUE INDEX stocktake_one_open ON stocktake (status) WHERE status = 'open';

    CREATE TABLE stocktake_count (
      stocktake_id INTEGER NOT NULL REFERENCES stocktake (id),
      sku          TEXT NOT NULL REFERENCES stock_item (sku),
      bucket       TEXT NOT NULL CHECK (bucket IN ('on_hand', 'display')),
      counted      INTEGER NOT NULL CHECK (counted >= 0),
      expected     INTEGER NOT NULL,
      counted_by   TEXT NOT NULL,
      counted_at   TEXT NOT NULL,
      PRIMARY KEY (stocktake_id, sku, bucket)
    ) STRICT;
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO stock_item (sku, name, category, unit_value_fen, serial_tracked, low_threshold, updated_at)
       VALUES ('SAMPLE-TV', '样例彩电', 'gift', 129900, 0, 2, '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO stock_movement (hall_code, sku, bucket, qty, reason, group_id, staff_no, at)
       VALUES ('SAMPLE', 'SAMPLE-TV', 'on_hand', 5, 'received', 'g-1', '9001', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO stocktake (id, status, started_by, started_at) VALUES (1, 'open', '9001', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO stocktake_count (stocktake_id, sku, bucket, counted, expected, counted_by, counted_at)
       VALUES (1, 'SAMPLE-TV', 'on_hand', 5, 5, '9001', '2026-01-01T00:00:00.000Z')`,
    ).run();
  },
});
