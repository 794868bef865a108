import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogueFile } from '../../shared/points/catalogue';
import { systemHqClock } from './clock';
import { REPO_ROOT, loadHqConfig } from './config';
import { parseCsv } from './admin/csv';
import { importCustomers, regionSalt, snapshotFromRow } from './admin/customers';
import { StockFile, publishStockFile, seedDemoHq, sendDemoDeliveries } from './admin/demo';
import { ReferenceKey, publishCampaign, publishCatalogueItem, publishReference } from './admin/publish';
import { hallStock, sendStock } from './admin/stock';
import { generateVoucherPool, reserveVoucherBlock } from './admin/vouchers';
import { createRegistrationCode, ensureCounter, ensureHall, ensureRegion, revokeDevice } from './devices';
import type { Db } from './db/pool';
import { listConflicts } from './events/conflicts';
import { openHqDatabase } from './hq';

const USAGE = `npm run hq:admin -- <command> [options]

  setup-hall --region ZY --region-name 遵义 --hall ZY-HC-001 --name 汇川营业厅 --counters 01:1号柜台,02:2号柜台
  create-code --hall ZY-HC-001 --counter 01 --manager-no 8001 --manager-name 王建国 [--manager-pin 123456] [--ttl-hours 24]
              (the manager is provisioned on the counter; without --manager-pin HQ generates one and shows it once)
  publish-campaigns <file.json|folder>...
  publish-catalogue <catalogue.json> [--hall ZY-HC-001]   (items; with --hall also the file's voucher blocks)
  publish-stock-items <stock.json>
  publish-reference --key plans|calendar|limits <file.json>
  import-customers <customers.csv> --region ZY
  send-stock --hall ZY-HC-001 --sku TV-32 --qty 5 [--serials A,B] [--note text]
  send-stock --hall ZY-HC-001 --file resources/demo/stock.json
  generate-vouchers --hall ZY-HC-001 --counter 01 --item V12580-C --count 100 --valid-until 2026-12-31
  list-conflicts [--hall ZY-HC-001] [--status open|resolved]
  hall-stock --hall ZY-HC-001
  revoke-device <device-id>
  seed-demo

Database: DATABASE_URL, or the embedded PostgreSQL in HQ_DATA_DIR (default .data/hq-pg),
shared with a running \`npm run hq\`.`;

const clock = systemHqClock;

function need(value: string | undefined, name: string): string {
  if (!value) throw new Error(`--${name} is required\n\n${USAGE}`);
  return value;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function jsonFiles(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

type Values = Record<string, string | undefined>;

const commands: Record<string, (db: Db, v: Values, files: string[]) => Promise<unknown>> = {
  'setup-hall': async (db, v) => {
    await ensureRegion(db.pool, { code: need(v.region, 'region'), name: v['region-name'] ?? need(v.region, 'region') });
    await ensureHall(db.pool, { code: need(v.hall, 'hall'), name: need(v.name, 'name'), regionCode: need(v.region, 'region') }, clock);
    for (const spec of need(v.counters, 'counters').split(',')) {
      const [code, name] = spec.split(':');
      await ensureCounter(db.pool, { hallCode: need(v.hall, 'hall'), code: need(code, 'counters'), name: name ?? `${code}号柜台` });
    }
    return { hall: v.hall };
  },
  'create-code': (db, v) => {
    const manager = v['manager-no'] ? { staffNo: v['manager-no'], name: need(v['manager-name'], 'manager-name'), ...(v['manager-pin'] ? { pin: v['manager-pin'] } : {}) } : undefined;
    // A counter registered with a code that names nobody has no staff unless it had some before.
    if (!manager) console.error('hq:admin: this code provisions no manager (--manager-no, --manager-name): a blank counter registered with it has nobody who can log in');
    return createRegistrationCode(
      db.pool,
      { hallCode: need(v.hall, 'hall'), counterCode: need(v.counter, 'counter'), ttlHours: v['ttl-hours'] ? Number(v['ttl-hours']) : 24, ...(manager ? { manager } : {}) },
      clock,
    );
  },
  'publish-campaigns': async (db, _v, files) => {
    const published = [];
    for (const file of jsonFiles(files)) published.push(await publishCampaign(db.pool, readJson(file), clock));
    return { published };
  },
  'publish-catalogue': async (db, v, files) => {
    const catalogue = CatalogueFile.parse(readJson(need(files[0], 'file')));
    for (const item of catalogue.items) await publishCatalogueItem(db.pool, item, clock);
    const blocks = [];
    if (v.hall) for (const block of catalogue.voucherBlocks) blocks.push(await reserveVoucherBlock(db, v.hall, block, clock));
    return { items: catalogue.items.length, voucherBlocks: blocks };
  },
  'publish-stock-items': async (db, _v, files) => ({ items: await publishStockFile(db, StockFile.parse(readJson(need(files[0], 'file'))), clock) }),
  'publish-reference': async (db, v, files) => ({
    version: await publishReference(db.pool, ReferenceKey.parse(v.key), readJson(need(files[0], 'file')), clock),
  }),
  'import-customers': async (db, v, files) => {
    const region = need(v.region, 'region');
    const salt = await regionSalt(db, region);
    const rows = parseCsv(readFileSync(need(files[0], 'file'), 'utf8'));
    const snapshots = rows.map((r, i) => snapshotFromRow(r, salt, i + 2));
    return { imported: await importCustomers(db, region, snapshots, clock) };
  },
  'send-stock': async (db, v) => {
    if (v.file) return { deliveries: await sendDemoDeliveries(db, resolve(REPO_ROOT, 'resources'), need(v.hall, 'hall'), clock) };
    const serials = v.serials ? v.serials.split(',') : [];
    return {
      deliveryNo: await sendStock(db.pool, { hallCode: need(v.hall, 'hall'), sku: need(v.sku, 'sku'), quantity: Number(need(v.qty, 'qty')), serials, note: v.note ?? null }, clock),
    };
  },
  'generate-vouchers': (db, v) =>
    generateVoucherPool(
      db,
      {
        hallCode: need(v.hall, 'hall'),
        counterCode: need(v.counter, 'counter'),
        catalogueCode: need(v.item, 'item'),
        count: Number(need(v.count, 'count')),
        validUntil: need(v['valid-until'], 'valid-until'),
      },
      clock,
    ),
  'list-conflicts': async (db, v) => ({
    conflicts: await listConflicts(db.pool, { hallCode: v.hall, status: v.status === 'open' || v.status === 'resolved' ? v.status : undefined }),
  }),
  'hall-stock': async (db, v) => ({ stock: await hallStock(db.pool, need(v.hall, 'hall')) }),
  'revoke-device': async (db, _v, files) => ({ revoked: await revokeDevice(db.pool, need(files[0], 'device-id'), clock) }),
  'seed-demo': async (db) => ({ seeded: await seedDemoHq(db, resolve(REPO_ROOT, 'resources'), clock, console.error) }),
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.log(USAGE);
    process.exit(command ? 2 : 0);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: Object.fromEntries(
      ['region', 'region-name', 'hall', 'name', 'counters', 'counter', 'ttl-hours', 'manager-no', 'manager-name', 'manager-pin', 'key', 'sku', 'qty', 'serials', 'note', 'file', 'item', 'count', 'valid-until', 'status'].map(
        (o) => [o, { type: 'string' as const }],
      ),
    ),
  });
  const config = loadHqConfig(process.env);
  const { db, embedded } = await openHqDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await run(db, values, positionals);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`hq:admin: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
