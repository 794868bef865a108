// The Electron entry point (bundled to out/main/index.cjs). All the work is in app.ts
// so the unit tests can start it against a stand-in `electron` module.
import { app, dialog } from 'electron';
import { startApp, STARTUP_FAILED_TITLE } from './app';

startApp().catch((err: unknown) => {
  // A bug, not a configuration problem (those get their own dialog in app.ts): say so rather than hang.
  dialog.showErrorBox(STARTUP_FAILED_TITLE, err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
});
