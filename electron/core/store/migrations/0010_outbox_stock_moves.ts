import { defineMigration } from '../migration';

export default defineMigration({
  sql: `
    -- The ledger rows an action wrote, as a JSON array (shared/sync/events.ts StockMoveLine),
    -- pushed as the event's stockMoves: HQ books the hall's stock from them. NULL: no stock moved.
    ALTER TABLE outbox ADD COLUMN stock_moves TEXT CHECK (stock_moves IS NULL OR json_valid(stock_moves));
  `,
  sample(db) {
    db.prepare(
      `INSERT INTO outbox (event_id, type, payload, created_at, stock_moves)
       VALUES ('00000000-0000-4000-8000-000000000010', 'stock.moved', '{"sku":"SAMPLE"}', '2026-01-01T00:00:00.000Z', '[]')`,
    ).run();
  },
});
