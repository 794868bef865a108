import { rmSync } from 'node:fs';

/** Removes the run's data folder (made in playwright.config.ts) so runs don't pile up in the temp folder. */
export default function teardown(): void {
  const dir = process.env.HALLDESK_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
