import { useCallback, useState } from 'react';

export type ExportOutcome = { kind: 'done'; file: string; rows: number } | { kind: 'failed'; message: string };

export interface XlsxExport {
  busy: boolean;
  outcome: ExportOutcome | null;
  /** Runs one export; the button is disabled meanwhile, and the note says what came of it. */
  run: (work: () => Promise<{ file: string; rows: number }>) => Promise<void>;
}

export function useXlsxExport(): XlsxExport {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const run = useCallback(async (work: () => Promise<{ file: string; rows: number }>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const { file, rows } = await work();
      setOutcome({ kind: 'done', file, rows });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, outcome, run };
}
