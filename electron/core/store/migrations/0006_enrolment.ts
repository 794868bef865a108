import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- What HQ publishes besides campaigns: the plan catalogue, the holiday calendar, limits.
    CREATE TABLE reference_data (
      key         TEXT PRIMARY KEY,
      version     INTEGER NOT NULL,
      data        TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;

    -- Campaign definitions as published, every version kept: an enrolment points at the one it used.
    CREATE TABLE campaign (
      id          TEXT NOT NULL,
      version     INTEGER NOT NULL,
      kind        TEXT NOT NULL,
      name        TEXT NOT NULL,
      definition  TEXT NOT NULL,
      valid_from  TEXT NOT NULL,
      valid_to    TEXT NOT NULL,
      current     INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
      received_at TEXT NOT NULL,
      PRIMARY KEY (id, version)
    ) STRICT;
    CREATE UNIQUE INDEX campaign_one_current ON campaign (id) WHERE current = 1;

    CREATE TABLE enrolment (
      id               INTEGER PRIMARY KEY,
      enrolment_no     TEXT NOT NULL UNIQUE,
      customer_id      INTEGER NOT NULL REFERENCES customer (id),
      campaign_id      TEXT NOT NULL,
      campaign_version INTEGER NOT NULL,
      enrolled_on      TEXT NOT NULL,
      options          TEXT NOT NULL,
      snapshot         TEXT NOT NULL,
      benefits         TEXT NOT NULL,
      status           TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
      slip_no          TEXT NOT NULL REFERENCES slip (slip_no),
      staff_no         TEXT NOT NULL,
      created_at       TEXT NOT NULL,
      FOREIGN KEY (campaign_id, campaign_version) REFERENCES campaign (id, version)
    ) STRICT;
    CREATE INDEX enrolment_by_customer ON enrolment (customer_id, campaign_id);
    CREATE INDEX enrolment_by_campaign ON enrolment (campaign_id, status);

    -- Bonus credit returned month by month (prepay bonus, re-binding, the referee's credit).
    CREATE TABLE credit_schedule (
      id           INTEGER PRIMARY KEY,
      enrolment_id INTEGER NOT NULL REFERENCES enrolment (id),
      purpose      TEXT NOT NULL,
      month        TEXT NOT NULL,
      amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
      status       TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'credited', 'cancelled'))
    ) STRICT;
    CREATE INDEX credit_schedule_by_enrolment ON credit_schedule (enrolment_id);

    CREATE TABLE discount (
      id           INTEGER PRIMARY KEY,
      enrolment_id INTEGER NOT NULL REFERENCES enrolment (id),
      target       TEXT NOT NULL,
      percent      INTEGER NOT NULL CHECK (percent > 0 AND percent <= 100),
      from_month   TEXT NOT NULL,
      to_month     TEXT
    ) STRICT;

    CREATE TABLE referral_credit (
      id                   INTEGER PRIMARY KEY,
      enrolment_id         INTEGER NOT NULL REFERENCES enrolment (id),
      referrer_customer_id INTEGER NOT NULL REFERENCES customer (id),
      referrer_fen         INTEGER NOT NULL CHECK (referrer_fen >= 0),
      referrer_due_by      TEXT NOT NULL,
      referee_fen          INTEGER NOT NULL CHECK (referee_fen >= 0),
      referee_bill_month   TEXT NOT NULL,
      status               TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'credited', 'cancelled'))
    ) STRICT;

    CREATE TABLE trial (
      id                  INTEGER PRIMARY KEY,
      enrolment_id        INTEGER NOT NULL UNIQUE REFERENCES enrolment (id),
      customer_id         INTEGER NOT NULL REFERENCES customer (id),
      package             TEXT NOT NULL,
      status              TEXT NOT NULL CHECK (status IN (
                            'awaiting_install', 'active', 'cancel_requested', 'converted', 'cancelled')),
      install_by          TEXT NOT NULL,
      completion_on       TEXT,
      free_until          TEXT,
      conversion_on       TEXT,
      monthly_fee_fen     INTEGER NOT NULL,
      term_months         INTEGER NOT NULL,
      cancel_requested_on TEXT,
      fee_waiver_month    TEXT,
      updated_at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX trial_by_status ON trial (status, free_until);

    -- Lent equipment by serial: who holds it, and its way back.
    CREATE TABLE equipment_loan (
      id                INTEGER PRIMARY KEY,
      enrolment_id      INTEGER NOT NULL REFERENCES enrolment (id),
      customer_id       INTEGER NOT NULL REFERENCES customer (id),
      sku               TEXT NOT NULL,
      serial            TEXT NOT NULL,
      lent_on           TEXT NOT NULL,
      status            TEXT NOT NULL CHECK (status IN ('lent', 'recovery_open', 'recovered', 'kept')),
      recovery_order_id INTEGER REFERENCES recovery_order (id),
      recovered_on      TEXT,
      FOREIGN KEY (sku, serial) REFERENCES serial_unit (sku, serial)
    ) STRICT;
    CREATE UNIQUE INDEX equipment_loan_one_out ON equipment_loan (sku, serial) WHERE status IN ('lent', 'recovery_open');

    CREATE TABLE recovery_order (
      id           INTEGER PRIMARY KEY,
      trial_id     INTEGER REFERENCES trial (id),
      customer_id  INTEGER NOT NULL REFERENCES customer (id),
      status       TEXT NOT NULL CHECK (status IN ('open', 'done')),
      opened_on    TEXT NOT NULL,
      due_on       TEXT NOT NULL,
      closed_on    TEXT,
      -- the ordinary modem handed back to replace the e8-b one
      return_sku    TEXT,
      return_serial TEXT
    ) STRICT;

    CREATE TABLE follow_up (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN (
                    'install_due', 'trial_usage_call', 'trial_expiry_notice', 'referral_credit_due',
                    'equipment_recovery', 'prize_claim_deadline')),
      customer_id INTEGER NOT NULL REFERENCES customer (id),
      ref_type    TEXT NOT NULL,
      ref_id      TEXT NOT NULL,
      due_on      TEXT NOT NULL,
      status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      outcome     TEXT,
      done_by     TEXT,
      done_at     TEXT
    ) STRICT;
    CREATE INDEX follow_up_due ON follow_up (status, kind, due_on);

    CREATE TABLE lottery_chance (
      id           INTEGER PRIMARY KEY,
      customer_id  INTEGER NOT NULL REFERENCES customer (id),
      enrolment_id INTEGER NOT NULL REFERENCES enrolment (id),
      chances      INTEGER NOT NULL CHECK (chances > 0),
      granted_on   TEXT NOT NULL
    ) STRICT;

    -- Winners come from HQ's draw; the prize is collected here, identity checked, within the window.
    CREATE TABLE prize_win (
      win_id      TEXT PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customer (id),
      prize_sku   TEXT NOT NULL REFERENCES stock_item (sku),
      prize_name  TEXT NOT NULL,
      won_on      TEXT NOT NULL,
      claim_by    TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('unclaimed', 'claimed', 'expired')),
      claimed_at  TEXT,
      slip_no     TEXT REFERENCES slip (slip_no)
    ) STRICT;
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO reference_data (key, version, data, received_at) VALUES ('plans', 1, '[]', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO campaign (id, version, kind, name, definition, valid_from, valid_to, received_at)
       VALUES ('SAMPLE-C', 1, 'signup_gift', '样例活动', '{}', '2026-01-01', '2026-12-31', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO enrolment (id, enrolment_no, customer_id, campaign_id, campaign_version, enrolled_on, options, snapshot,
                              benefits, status, slip_no, staff_no, created_at)
       SELECT 1, 'E-1', id, 'SAMPLE-C', 1, '2026-01-01', '{}', '{}', '[]', 'active', slip_no, '9001', '2026-01-01T00:00:00.000Z'
       FROM customer, slip LIMIT 1`,
    ).run();
    db.prepare(
      `INSERT INTO credit_schedule (enrolment_id, purpose, month, amount_fen) VALUES (1, 'prepay_bonus', '2026-02', 5000)`,
    ).run();
    db.prepare(
      `INSERT INTO follow_up (kind, customer_id, ref_type, ref_id, due_on) SELECT 'trial_usage_call', id, 'enrolment', '1', '2026-02-01' FROM customer LIMIT 1`,
    ).run();
  },
});
