import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- Every hand-over prints a slip. The slip's data is frozen when the business commits, so a
    -- reprint a month later shows exactly what the customer signed for.
    CREATE TABLE slip (
      slip_no        TEXT PRIMARY KEY,
      kind           TEXT NOT NULL CHECK (kind IN ('enrolment', 'redemption', 'prize', 'void', 'trial_cancel')),
      ref_type       TEXT NOT NULL,
      ref_id         TEXT NOT NULL,
      customer_id    INTEGER REFERENCES customer (id),
      data           TEXT NOT NULL,
      print_count    INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
      voided_by_slip TEXT REFERENCES slip (slip_no),
      staff_no       TEXT NOT NULL,
      created_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX slip_by_ref ON slip (ref_type, ref_id);
    CREATE INDEX slip_by_created ON slip (created_at);

    -- Slip numbers are hall-date-counter-sequence; the sequence restarts every Shanghai day.
    CREATE TABLE slip_sequence (
      day  TEXT PRIMARY KEY,
      last INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE slip_print (
      id         INTEGER PRIMARY KEY,
      slip_no    TEXT NOT NULL REFERENCES slip (slip_no),
      copy_no    INTEGER NOT NULL,
      reprint    INTEGER NOT NULL CHECK (reprint IN (0, 1)),
      paper      TEXT NOT NULL,
      staff_no   TEXT NOT NULL,
      printed_at TEXT NOT NULL
    ) STRICT;
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO slip (slip_no, kind, ref_type, ref_id, data, print_count, staff_no, created_at)
       VALUES ('SAMPLE-20260101-01-0001', 'enrolment', 'enrolment', '1', '{}', 1, '9001', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(`INSERT INTO slip_sequence (day, last) VALUES ('2026-01-01', 1)`).run();
  },
});
