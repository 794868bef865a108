import { z } from 'zod';
import { auditMethods } from '../audit/contract';
import { customerMethods } from '../customers/contract';
import { enrolmentMethods } from '../enrolment/contract';
import { pointsMallMethods } from '../points/contract';
import { reportMethods } from '../reports/contract';
import { slipMethods } from '../slips/contract';
import { sessionMethods, staffMethods } from '../staff/contract';
import { stockMethods } from '../stock/contract';
import { syncMethods } from '../sync/contract';
import { systemMethods } from '../system/contract';
import { joinPieces, type MethodSpec } from './define';

// Validation messages reach the counter in Chinese; the renderer maps codes, not texts.
z.config(z.locales.zhCN());

/** The one API between the renderer and the core, joined from the domains' pieces. */
export const contract = joinPieces(
  systemMethods,
  sessionMethods,
  staffMethods,
  auditMethods,
  customerMethods,
  stockMethods,
  pointsMallMethods,
  enrolmentMethods,
  reportMethods,
  slipMethods,
  syncMethods,
);

export type Contract = typeof contract;
export type MethodName = Extract<keyof Contract, string>;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export { methodNames, channelFor } from './channels';

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export function specOf(name: MethodName): MethodSpec {
  return contract[name];
}


export * from './define';
export * from './errors';
