import type { PullBegin, PullEnd } from '../../../shared/sync/pull';
import type { PullQuery } from '../../../shared/sync/protocol';
import type { HqClock } from '../clock';
import type { Db } from '../db/pool';
import { scopesOf } from './publish';

const CHUNK = 1000;

interface FeedRow {
  id: string;
  xid: string;
  kind: string;
  key: string;
  doc: string;
}

/** One ordered scan per scope, merged: PostgreSQL walks each (scope, xid, id) index in order. */
const chunkSql = (n: number) =>
  // ORDER BY names u's columns: the bare names would sort the ::text outputs, as text.
  `SELECT u.id::text AS id, u.xid::text AS xid, u.kind, u.key, u.doc::text AS doc FROM (
     ${Array.from(
       { length: n },
       (_, i) => `(SELECT id, xid, kind, key, doc FROM feed
          WHERE scope = $${i + 5} AND (xid, id) > ($1::xid8, $2::bigint) AND xid < $3::xid8
          ORDER BY xid, id LIMIT $4)`,
     ).join(' UNION ALL ')}
   ) u ORDER BY u.xid, u.id LIMIT $4`;

/**
 * One page of the feed after `cursor`, as NDJSON lines. Rows are read only below the
 * oldest transaction still running (pg_snapshot_xmin), fixed when the page starts, so a
 * change that commits late is never behind a cursor already handed out. The documents
 * go out as PostgreSQL stored them, without being parsed and re-serialised here.
 */
export async function* pullPage(
  db: Db,
  clock: HqClock,
  device: { regionCode: string; hallCode: string; counterCode: string },
  query: PullQuery,
): AsyncGenerator<string> {
  const scopes = scopesOf(device);
  const [cursorXid, cursorId] = query.cursor.split('.') as [string, string];
  const client = await db.pool.connect();
  try {
    const watermark = (await client.query<{ w: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS w')).rows[0]?.w ?? '0';
    let total: number | null = null;
    if (query.count === '1') {
      total =
        (
          await client.query<{ n: number }>(
            `SELECT count(*) AS n FROM feed WHERE scope = ANY($4::text[]) AND (xid, id) > ($1::xid8, $2::bigint) AND xid < $3::xid8`,
            [cursorXid, cursorId, watermark, scopes],
          )
        ).rows[0]?.n ?? 0;
    }
    const begin: PullBegin = { t: 'begin', hqTime: clock.now().toISOString(), total };
    yield `${JSON.stringify(begin)}\n`;

    let at: [string, string] = [cursorXid, cursorId];
    let rows = 0;
    const sql = chunkSql(scopes.length);
    while (rows < query.limit) {
      const want = Math.min(CHUNK, query.limit - rows);
      const chunk = (await client.query<FeedRow>(sql, [at[0], at[1], watermark, want, ...scopes])).rows;
      let text = '';
      for (const r of chunk) {
        text += `{"t":"row","kind":${JSON.stringify(r.kind)},"key":${JSON.stringify(r.key)},"doc":${r.doc}}\n`;
        at = [r.xid, r.id];
      }
      rows += chunk.length;
      if (text) yield text;
      if (chunk.length < want) break;
    }
    const end: PullEnd = { t: 'end', cursor: `${at[0]}.${at[1]}`, more: rows === query.limit, rows };
    yield `${JSON.stringify(end)}\n`;
  } finally {
    client.release();
  }
}
