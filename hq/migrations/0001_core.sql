-- HQ's schema, version 1. Counters are known by hall and counter code; devices are the
-- registered PCs behind them. Every event a counter pushes is kept once, by its id.

CREATE TABLE region (
  code    text PRIMARY KEY,
  name    text NOT NULL,
  -- ID numbers are hashed with this salt at HQ and at every counter of the region.
  id_salt text NOT NULL
);

CREATE TABLE hall (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  region_code text NOT NULL REFERENCES region (code),
  created_at  timestamptz NOT NULL
);

CREATE TABLE counter (
  hall_code text NOT NULL REFERENCES hall (code),
  code      text NOT NULL,
  name      text NOT NULL,
  PRIMARY KEY (hall_code, code)
);

-- One-time codes an operator gives a counter; only their SHA-256 is kept.
CREATE TABLE registration_code (
  code_hash    text PRIMARY KEY,
  hall_code    text NOT NULL,
  counter_code text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  device_id    uuid,
  FOREIGN KEY (hall_code, counter_code) REFERENCES counter (hall_code, code)
);

CREATE TABLE device (
  id            uuid PRIMARY KEY,
  hall_code     text NOT NULL,
  counter_code  text NOT NULL,
  -- The HMAC key. HQ must hold it to check signatures; it never leaves this table but in the registration answer.
  secret        text NOT NULL,
  status        text NOT NULL CHECK (status IN ('active', 'revoked')),
  app_version   text NOT NULL,
  registered_at timestamptz NOT NULL,
  revoked_at    timestamptz,
  last_seen_at  timestamptz,
  FOREIGN KEY (hall_code, counter_code) REFERENCES counter (hall_code, code)
);
-- Registering a counter again (a new PC) revokes the old device.
CREATE UNIQUE INDEX device_one_active ON device (hall_code, counter_code) WHERE status = 'active';

-- Nonces already used, kept until no request carrying them could still be fresh.
CREATE TABLE request_nonce (
  device_id  uuid NOT NULL REFERENCES device (id),
  nonce      text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, nonce)
);
CREATE INDEX request_nonce_expiry ON request_nonce (expires_at);

-- Every event once: the primary key is what makes "applied at most once" hold across HQ processes.
CREATE TABLE event (
  event_id      uuid PRIMARY KEY,
  device_id     uuid NOT NULL REFERENCES device (id),
  hall_code     text NOT NULL,
  counter_code  text NOT NULL,
  seq           bigint NOT NULL,
  type          text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  received_at   timestamptz NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
  reject_code   text,
  reject_reason text
);
CREATE INDEX event_by_counter ON event (hall_code, counter_code, seq);
CREATE INDEX event_by_type ON event (type);

-- Customers as the billing system exports them; points in lots. The snapshot counters get
-- is built from these (see feed_customer_doc).
CREATE TABLE customer (
  phone       text PRIMARY KEY,
  region_code text NOT NULL REFERENCES region (code),
  profile     jsonb NOT NULL,
  version     bigint NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX customer_by_region ON customer (region_code);

-- No foreign key to customer: a walk-in enrolled at a counter may earn a bonus lot before
-- billing knows them.
CREATE TABLE points_lot (
  lot_key        text PRIMARY KEY,
  customer_phone text NOT NULL,
  remaining      integer NOT NULL CHECK (remaining >= 0),
  earned_on      date NOT NULL,
  expires_on     date NOT NULL,
  source         text NOT NULL CHECK (source IN ('hq', 'campaign'))
);
CREATE INDEX points_lot_by_customer ON points_lot (customer_phone, expires_on);

-- What HQ actually debited for each redemption (which may differ from the counter's lots),
-- so a void gives back exactly that; short_points is what the balance could not cover.
CREATE TABLE redemption (
  redemption_no  text PRIMARY KEY,
  customer_phone text NOT NULL,
  hall_code      text NOT NULL,
  counter_code   text NOT NULL,
  total_points   integer NOT NULL,
  covered_points integer NOT NULL,
  short_points   integer NOT NULL,
  debits         jsonb NOT NULL,
  status         text NOT NULL CHECK (status IN ('completed', 'voided', 'voided_before_seen')),
  created_event  uuid,
  voided_event   uuid
);

CREATE TABLE walk_in_customer (
  phone         text PRIMARY KEY,
  hall_code     text NOT NULL,
  counter_code  text NOT NULL,
  name          text NOT NULL,
  id_hash       text NOT NULL,
  id_last4      text NOT NULL,
  registered_at timestamptz NOT NULL,
  event_id      uuid NOT NULL
);

CREATE TABLE enrolment (
  enrolment_no     text PRIMARY KEY,
  hall_code        text NOT NULL,
  counter_code     text NOT NULL,
  customer_phone   text NOT NULL,
  campaign_id      text NOT NULL,
  campaign_version integer NOT NULL,
  enrolled_on      date NOT NULL,
  event_id         uuid NOT NULL
);
CREATE INDEX enrolment_by_campaign ON enrolment (campaign_id);

CREATE TABLE trial_status (
  enrolment_no text PRIMARY KEY,
  status       text NOT NULL,
  detail       jsonb NOT NULL,
  event_id     uuid NOT NULL
);

CREATE TABLE prize_claim (
  win_id    text PRIMARY KEY,
  hall_code text NOT NULL,
  prize_sku text NOT NULL,
  slip_no   text NOT NULL,
  event_id  uuid NOT NULL
);

-- Stock: items, every hall's balance per bucket (from stock.moved events), deliveries.
CREATE TABLE stock_item (
  sku        text PRIMARY KEY,
  doc        jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE hall_stock (
  hall_code text NOT NULL,
  sku       text NOT NULL,
  bucket    text NOT NULL CHECK (bucket IN ('on_hand', 'display', 'lent')),
  qty       integer NOT NULL,
  PRIMARY KEY (hall_code, sku, bucket)
);

CREATE TABLE stock_delivery (
  delivery_no    text PRIMARY KEY,
  hall_code      text NOT NULL REFERENCES hall (code),
  sku            text NOT NULL REFERENCES stock_item (sku),
  quantity       integer NOT NULL CHECK (quantity > 0),
  serials        jsonb NOT NULL,
  note           text,
  sent_at        timestamptz NOT NULL,
  status         text NOT NULL CHECK (status IN ('sent', 'received')),
  received_event uuid
);
CREATE SEQUENCE stock_delivery_seq;

-- What HQ publishes, every version kept.
CREATE TABLE campaign (
  id           text NOT NULL,
  version      integer NOT NULL,
  doc          jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE catalogue_item (
  code         text PRIMARY KEY,
  version      integer NOT NULL,
  doc          jsonb NOT NULL,
  published_at timestamptz NOT NULL
);

CREATE TABLE reference_data (
  key          text PRIMARY KEY,
  version      integer NOT NULL,
  data         jsonb NOT NULL,
  published_at timestamptz NOT NULL
);

CREATE TABLE voucher_block (
  block_id       text PRIMARY KEY,
  hall_code      text NOT NULL,
  counter_code   text NOT NULL,
  catalogue_code text NOT NULL REFERENCES catalogue_item (code),
  valid_until    date NOT NULL,
  created_at     timestamptz NOT NULL,
  FOREIGN KEY (hall_code, counter_code) REFERENCES counter (hall_code, code)
);
-- A code belongs to one block only: two counters never hold the same code.
CREATE TABLE voucher_code (
  code       text PRIMARY KEY,
  block_id   text NOT NULL REFERENCES voucher_block (block_id),
  qr_payload text NOT NULL
);
CREATE INDEX voucher_code_by_block ON voucher_code (block_id);
CREATE SEQUENCE voucher_block_seq;

-- Conflicts between counters' offline work: tasks for the hall's manager.
CREATE SEQUENCE conflict_seq;
CREATE TABLE conflict (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('negative_stock', 'overdraft')),
  hall_code   text NOT NULL,
  status      text NOT NULL CHECK (status IN ('open', 'resolved')),
  title       text NOT NULL,
  advice      text NOT NULL,
  details     jsonb NOT NULL,
  -- One open negative-stock conflict per hall, item and bucket; one overdraft per redemption.
  dedupe_key  text NOT NULL,
  raised_at   timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by text,
  note        text
);
CREATE UNIQUE INDEX conflict_open_once ON conflict (kind, hall_code, dedupe_key) WHERE status = 'open';
CREATE INDEX conflict_by_hall ON conflict (hall_code, status);

-- The change feed counters pull: the current document of everything published, per scope
-- ('all', 'region:<code>', 'hall:<code>', 'counter:<hall>/<code>'). A change rewrites the
-- row with the writing transaction's id, so a pull that only reads rows older than every
-- running transaction (pg_snapshot_xmin) never skips one that commits late.
CREATE TABLE feed (
  id    bigserial PRIMARY KEY,
  scope text NOT NULL,
  kind  text NOT NULL,
  key   text NOT NULL,
  xid   xid8 NOT NULL DEFAULT pg_current_xact_id(),
  doc   jsonb NOT NULL,
  UNIQUE (scope, kind, key)
);
CREATE INDEX feed_pull ON feed (scope, xid, id);
