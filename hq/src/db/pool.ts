import pg from 'pg';

// int8 (counts, ids) arrive as strings by default; HQ's counts fit in a double, cursors stay strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Dates are calendar days; keep them as 'YYYY-MM-DD' text rather than a midnight in some time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Sql = pg.PoolClient | pg.Pool;

export interface Db {
  readonly pool: pg.Pool;
  /** Runs `work` in one transaction, retried when PostgreSQL reports a deadlock or serialization failure. */
  tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's "try again" errors: a deadlock or a serialization failure between concurrent writers. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

export class BusyError extends Error {
  constructor(cause: unknown) {
    super('database busy, retry', { cause });
    this.name = 'BusyError';
  }
}

export function openDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client losing its server (PostgreSQL restart) must not crash HQ.
  pool.on('error', () => undefined);
  return {
    pool,
    async tx(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (isRetryable(err)) {
            if (attempt < 4) continue;
            throw new BusyError(err);
          }
          throw err;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
