-- The ledger rows a counter's action wrote (the envelope's stockMoves): HQ books every
-- hall's stock from these, whatever the event's type. NULL: the action moved no stock.
ALTER TABLE event ADD COLUMN stock_moves jsonb;
