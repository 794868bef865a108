// From source (tests, `npm run web`, the bench): a worker thread does not inherit tsx from
// its parent, so this bootstrap registers tsx and then loads the TypeScript entry it was given.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
