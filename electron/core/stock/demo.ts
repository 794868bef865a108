import type { CoreContext } from '../context';

/** Seeds the demo hall's stock (resources/demo/stock.json). Filled in by the stock work. */
export function seedDemoStock(_ctx: CoreContext): void {}
