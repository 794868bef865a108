import type { CoreContext } from '../context';

/** Seeds the demo points-mall catalogue and voucher code blocks. Filled in by the points mall work. */
export function seedDemoCatalogue(_ctx: CoreContext): void {}
