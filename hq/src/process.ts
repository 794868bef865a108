/**
 * How an HQ process lives and ends (`npm run hq`, `npm run hq:demo`): it runs until
 * SIGINT/SIGTERM, then closes HQ (server, pool, embedded PostgreSQL) once and exits.
 * A start that fails says why in one line and exits 1.
 */
export function runHqProcess(name: string, start: () => Promise<{ close(): Promise<void> } | undefined>): void {
  start().then(
    (hq) => {
      if (!hq) return;
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        console.log(`${name}: ${signal}, shutting down`);
        hq.close().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (err: unknown) => {
      console.error(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
