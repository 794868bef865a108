import type { MethodName } from './index';
import { generatedMethodNames } from './method-names';

/**
 * The contract's method names without the contract itself: the sandboxed preload needs the
 * names only, and importing the schemas would bundle zod into it. The list is generated
 * from the contract (`npm run gen`) and a test fails when it is stale.
 */
export const methodNames = generatedMethodNames as readonly MethodName[];

/** The IPC channel of a method; the preload and the main process both derive it here. */
export function channelFor(name: MethodName): string {
  return `halldesk:${name}`;
}
