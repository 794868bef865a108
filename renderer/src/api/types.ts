import type { ApiError } from '../../../shared/contract/errors';
import type { MethodOutput } from '../../../shared/contract/index';

export type { ApiError };
export type { StaffView } from '../../../shared/staff/contract';
export type CounterInfo = MethodOutput<'system.info'>;
export type CounterStatus = MethodOutput<'system.status'>;
