import { useEffect, useState } from 'react';
import type { SerialUnitView } from '../../../../shared/stock/schemas';
import { api } from '../../api/client';

/** The serial-numbered units of one item (stock.item), to suggest while scanning; empty for other items. */
export function useItemUnits(sku: string | null): SerialUnitView[] {
  const [units, setUnits] = useState<{ sku: string; units: SerialUnitView[] } | null>(null);
  useEffect(() => {
    if (sku === null) return;
    let alive = true;
    void api.call['stock.item']({ sku, limit: 1 }).then((result) => {
      if (alive && result.ok) setUnits({ sku, units: result.value.units });
    });
    return () => {
      alive = false;
    };
  }, [sku]);
  return units !== null && units.sku === sku ? units.units : [];
}
