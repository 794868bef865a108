import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- The points mall catalogue as HQ publishes it: physical gifts (from hall stock),
    -- partner e-vouchers (codes from a pool reserved for this counter) and service add-ons.
    CREATE TABLE catalogue_item (
      code               TEXT PRIMARY KEY,
      kind               TEXT NOT NULL CHECK (kind IN ('gift', 'voucher', 'service')),
      name               TEXT NOT NULL,
      name_en            TEXT,
      category           TEXT NOT NULL,
      points_price       INTEGER NOT NULL CHECK (points_price > 0),
      stock_sku          TEXT REFERENCES stock_item (sku),
      voucher_tier       TEXT,
      face_value_fen     INTEGER,
      service_code       TEXT,
      per_customer_limit INTEGER CHECK (per_customer_limit IS NULL OR per_customer_limit > 0),
      valid_from         TEXT NOT NULL,
      valid_to           TEXT NOT NULL,
      active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version            INTEGER NOT NULL,
      updated_at         TEXT NOT NULL,
      CHECK ((kind = 'gift') = (stock_sku IS NOT NULL)),
      CHECK ((kind = 'voucher') = (voucher_tier IS NOT NULL)),
      CHECK ((kind = 'service') = (service_code IS NOT NULL))
    ) STRICT;

    CREATE TABLE redemption (
      id             INTEGER PRIMARY KEY,
      redemption_no  TEXT NOT NULL UNIQUE,
      customer_id    INTEGER NOT NULL REFERENCES customer (id),
      total_points   INTEGER NOT NULL CHECK (total_points > 0),
      points_before  INTEGER NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('completed', 'voided')),
      pending_hq     INTEGER NOT NULL CHECK (pending_hq IN (0, 1)),
      slip_no        TEXT NOT NULL REFERENCES slip (slip_no),
      staff_no       TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      void_slip_no   TEXT REFERENCES slip (slip_no),
      voided_by      TEXT,
      approved_by    TEXT,
      voided_at      TEXT,
      void_reason    TEXT
    ) STRICT;
    CREATE INDEX redemption_by_customer ON redemption (customer_id, created_at);

    CREATE TABLE redemption_line (
      id             INTEGER PRIMARY KEY,
      redemption_id  INTEGER NOT NULL REFERENCES redemption (id),
      catalogue_code TEXT NOT NULL REFERENCES catalogue_item (code),
      kind           TEXT NOT NULL CHECK (kind IN ('gift', 'voucher', 'service')),
      quantity       INTEGER NOT NULL CHECK (quantity > 0),
      points_each    INTEGER NOT NULL CHECK (points_each > 0),
      service_status TEXT CHECK (service_status IN ('pending_activation', 'activated', 'cancelled'))
    ) STRICT;
    CREATE INDEX redemption_line_by_redemption ON redemption_line (redemption_id);

    -- Voucher codes come in blocks HQ reserves for one counter, so two counters never hand
    -- out the same code offline. A code is used once; a void revokes it.
    CREATE TABLE voucher_code (
      code           TEXT PRIMARY KEY,
      catalogue_code TEXT NOT NULL REFERENCES catalogue_item (code),
      block_id       TEXT NOT NULL,
      qr_payload     TEXT NOT NULL,
      valid_until    TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('available', 'issued', 'revoked')),
      redemption_line_id INTEGER REFERENCES redemption_line (id),
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX voucher_code_available ON voucher_code (catalogue_code, code) WHERE status = 'available';
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO catalogue_item (code, kind, name, category, points_price, voucher_tier, face_value_fen,
                                   valid_from, valid_to, version, updated_at)
       VALUES ('SAMPLE-V', 'voucher', '样例券', 'voucher', 1000, 'C', 2000, '2026-01-01', '2026-12-31', 1, '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO voucher_code (code, catalogue_code, block_id, qr_payload, valid_until, status, updated_at)
       VALUES ('SAMPLE-CODE-1', 'SAMPLE-V', 'B-1', 'halldesk:voucher:SAMPLE-CODE-1', '2026-12-31', 'available', '2026-01-01T00:00:00.000Z')`,
    ).run();
  },
});
