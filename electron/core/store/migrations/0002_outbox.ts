import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- Everything that happened at this counter, written in the same transaction as the
    -- business row, waiting to be pushed to HQ. Rows are never deleted: HQ's answer is recorded.
    CREATE TABLE outbox (
      seq           INTEGER PRIMARY KEY,
      event_id      TEXT NOT NULL UNIQUE,
      type          TEXT NOT NULL,
      payload       TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      status        TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'accepted', 'duplicate', 'rejected')),
      answered_at   TEXT,
      reject_code   TEXT,
      reject_reason TEXT
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox (seq) WHERE status = 'pending';
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO outbox (event_id, type, payload, created_at)
       VALUES ('00000000-0000-4000-8000-000000000001', 'sample.event', '{"n":1}', '2026-01-01T00:00:00.000Z')`,
    ).run();
  },
});
