import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../hq/src/admin/csv';
import { hashIdNumber, importCustomers, regionSalt, snapshotFromRow } from '../../hq/src/admin/customers';
import { publishCampaign, publishCatalogueItem } from '../../hq/src/admin/publish';
import { generateVoucherPool } from '../../hq/src/admin/vouchers';
import { HALL_A, REGION, setupHalls, startTestHq, startTestPostgres, type TestHq, type TestPostgres } from '../support/hq';

/** The operator's side: files are checked with the counter's own schemas before anything is written. */
let pgServer: TestPostgres;
let hq: TestHq;
const run = promisify(execFile);

beforeAll(async () => {
  pgServer = await startTestPostgres();
  hq = await startTestHq(pgServer);
  await setupHalls(hq);
});
afterAll(async () => {
  await hq?.close();
  await pgServer?.stop();
});

const header = 'phone,name,id_number,brand,plan_code,plan_tier,tenure_start,arpu_fen,monthly_minutes,value_segment,retention_base,churned,birthday,contract,broadband,points_lots';

describe('operator CLI and admin functions', () => {
  it('parses RFC 4180 CSV: quotes, commas, doubled quotes and newlines inside fields', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line\none"\n')).toEqual([{ a: 'x, "y"', b: 'line\none' }]);
    expect(() => parseCsv('a,b\n1\n')).toThrow(/1 fields, the header has 2/);
  });

  it('imports customers from CSV with only the salted ID hash, and refuses a bad row by line', async () => {
    const salt = await regionSalt(hq.db, REGION);
    const rows = parseCsv(
      `${header}\n13812345678,王芳,52030219800101123X,premium,GQT-188,6,2012-05-01,18800,420,high,1,0,1980-01-01,"{""kind"":""deposit_bonus"",""start"":""2025-01-01"",""end"":""2026-12-31"",""amountFen"":120000,""spentFen"":90000,""remainingFen"":30000}",,L-1:5000:2026-01-01:2027-06-30;L-2:800:2025-06-01:2026-12-31\n`,
    );
    const snapshot = snapshotFromRow(rows[0] ?? {}, salt, 2);
    expect(snapshot).toMatchObject({ idHash: hashIdNumber(salt, '52030219800101123x'), idLast4: '123X', pointsLots: [{ lotId: 'L-1', remaining: 5000 }, { lotId: 'L-2' }] });
    expect(JSON.stringify(snapshot)).not.toContain('52030219800101');
    await importCustomers(hq.db, REGION, [snapshot], hq.clock);
    const feed = await hq.db.pool.query<{ doc: { pointsLots: unknown[]; snapshotVersion: number } }>("SELECT doc FROM feed WHERE kind = 'customer' AND key = '13812345678'");
    expect(feed.rows[0]?.doc).toMatchObject({ snapshotVersion: 1, pointsLots: [{ lotId: 'L-2' }, { lotId: 'L-1' }] });

    const bad = parseCsv(`${header}\n13812345679,李,123,premium,GQT-188,6,2012-05-01,18800,420,high,1,0,,,,\n`);
    expect(() => snapshotFromRow(bad[0] ?? {}, salt, 2)).toThrow(/line 2/);
  });

  it('publishes every demo campaign; a published version cannot change', async () => {
    const dir = join(process.cwd(), 'resources/demo/campaigns');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      await publishCampaign(hq.db.pool, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown, hq.clock);
    }
    const first = JSON.parse(readFileSync(join(dir, readdirSync(dir).filter((x) => x.endsWith('.json'))[0] ?? ''), 'utf8')) as { name: string };
    await expect(publishCampaign(hq.db.pool, { ...first, name: `${first.name}（改）` }, hq.clock)).rejects.toThrow(/raise the version/);
  });

  it('generates voucher pools whose codes no other block holds', async () => {
    await publishCatalogueItem(
      hq.db.pool,
      { kind: 'voucher', code: 'V-C', name: '券C', category: 'voucher', pointsPrice: 2000, voucherTier: 'C', faceValueFen: 2000, validFrom: '2026-01-01', validTo: '2026-12-31', version: 1 },
      hq.clock,
    );
    const a = await generateVoucherPool(hq.db, { hallCode: HALL_A, counterCode: '01', catalogueCode: 'V-C', count: 200, validUntil: '2026-12-31' }, hq.clock);
    const b = await generateVoucherPool(hq.db, { hallCode: HALL_A, counterCode: '02', catalogueCode: 'V-C', count: 200, validUntil: '2026-12-31' }, hq.clock);
    expect(a.blockId).not.toBe(b.blockId);
    const codes = await hq.db.pool.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT code)::int AS d FROM voucher_code');
    expect(codes.rows[0]).toEqual({ n: 400, d: 400 });
    const scopes = await hq.db.pool.query("SELECT scope FROM feed WHERE kind = 'voucher_block' ORDER BY scope");
    expect(scopes.rows).toEqual([{ scope: `counter:${HALL_A}/01` }, { scope: `counter:${HALL_A}/02` }]);
  });

  it('runs as `npm run hq:admin` against the same database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halldesk-cli-'));
    try {
      const csv = join(dir, 'c.csv');
      writeFileSync(csv, `${header}\n13700000001,赵,520302198001011234,standard,STD-59,3,2019-01-01,5900,100,valuable,0,0,,,,\n`);
      const env = { ...process.env, DATABASE_URL: hq.databaseUrl };
      const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'hq/src/cli.ts', ...args], { env, cwd: process.cwd() });
      expect(JSON.parse((await cli('import-customers', csv, '--region', REGION)).stdout)).toEqual({ imported: 1 });
      const bare = await cli('create-code', '--hall', HALL_A, '--counter', '01');
      expect((JSON.parse(bare.stdout) as { code: string }).code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(bare.stderr).toContain('provisions no manager');
      // The manager's PIN is generated and shown once; HQ keeps its scrypt hash only.
      const code = JSON.parse((await cli('create-code', '--hall', HALL_A, '--counter', '02', '--manager-no', '8001', '--manager-name', '王建国')).stdout) as {
        code: string;
        manager: { staffNo: string; name: string; pin: string };
      };
      expect(code.manager).toEqual({ staffNo: '8001', name: '王建国', pin: expect.stringMatching(/^\d{6}$/) as unknown });
      const kept = await hq.db.pool.query<{ hash: Buffer }>("SELECT manager_pin_hash AS hash FROM registration_code WHERE counter_code = '02'");
      expect(kept.rows[0]?.hash.length).toBe(32);
      expect(JSON.parse((await cli('list-conflicts', '--hall', HALL_A)).stdout)).toEqual({ conflicts: [] });
      const refused = await cli('send-stock', '--hall', HALL_A, '--sku', 'NOPE', '--qty', '1').then(
        () => '',
        (err: { stderr?: string }) => err.stderr ?? '',
      );
      expect(refused).toContain('no stock item NOPE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
