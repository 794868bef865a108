import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintingSettings, SlipPrintOutcome } from '../../../shared/slips/contract';
import type { SlipData } from '../../../shared/slips/slip';
import { api } from '../api/client';
import type { ApiError } from '../api/types';

export interface SlipState {
  slip: SlipData;
  printCount: number;
  voidedBySlip: string | null;
}

export interface SlipPrinting {
  slip: SlipState | null;
  settings: PrintingSettings | null;
  busy: boolean;
  outcome: SlipPrintOutcome | null;
  problem: ApiError | null;
  print: () => void;
}

async function fetchSlip(slipNo: string): Promise<SlipState | { error: ApiError }> {
  const result = await api.call['slip.get']({ slipNo });
  if (!result.ok) return { error: result.error };
  return { slip: result.value.slip, printCount: result.value.printCount, voidedBySlip: result.value.voidedBySlip };
}

// Slips this window has auto-printed: a remount (StrictMode, a page switch and back) must
// never print the same fresh slip twice. The core refuses an auto reprint as well.
const autoPrinted = new Set<string>();

/** Loads a slip with its print count and the counter's printing settings; prints on demand, or by itself when fresh. */
export function useSlipPrinting(slipNo: string, fresh: boolean, onPrinted?: (outcome: SlipPrintOutcome) => void): SlipPrinting {
  const [slip, setSlip] = useState<SlipState | null>(null);
  const [settings, setSettings] = useState<PrintingSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SlipPrintOutcome | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const printedRef = useRef(onPrinted);
  useEffect(() => {
    printedRef.current = onPrinted;
  });

  const run = useCallback(
    async (auto: boolean) => {
      setBusy(true);
      setProblem(null);
      const result = await api.call['slip.print']({ slipNo, auto });
      setBusy(false);
      if (result.ok) {
        setOutcome(result.value);
        printedRef.current?.(result.value);
      } else if (!(auto && result.error.code === 'CONFLICT')) {
        setProblem(result.error);
      }
      // The count changed (or someone else printed): the preview must show what prints next.
      const loaded = await fetchSlip(slipNo);
      if (!('error' in loaded)) setSlip(loaded);
    },
    [slipNo],
  );

  useEffect(() => {
    let alive = true;
    void Promise.all([fetchSlip(slipNo), api.call['settings.get']({})]).then(([loaded, got]) => {
      if (!alive) return;
      if ('error' in loaded) return setProblem(loaded.error);
      setSlip(loaded);
      if (!got.ok) return setProblem(got.error);
      setSettings(got.value.printing);
      if (fresh && loaded.printCount === 0 && got.value.printing.autoPrint && !autoPrinted.has(slipNo)) {
        autoPrinted.add(slipNo);
        void run(true);
      }
    });
    return () => {
      alive = false;
    };
  }, [slipNo, fresh, run]);

  const print = useCallback(() => {
    if (!busy) void run(false);
  }, [busy, run]);

  // An outcome belongs to the slip it printed; a panel switched to another slip shows none.
  return { slip, settings, busy, outcome: outcome?.slipNo === slipNo ? outcome : null, problem, print };
}
