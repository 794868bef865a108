import type { z } from 'zod';
import type { ContractPiece, MethodSpec } from '../../shared/contract/define';
import type { Actor } from './audit/log';
import type { Session } from './staff/sessions';
import type { StaffView } from '../../shared/staff/contract';

export interface PublicCall {
  readonly session?: Session;
}

export interface StaffCall {
  readonly session: Session;
  readonly actor: Actor;
  /** The manager who approved this call: the session's own manager, or one who typed a PIN (step-up). */
  readonly approvedBy?: StaffView;
}

export type Handler<S extends MethodSpec> = (
  input: z.output<S['input']>,
  call: S['role'] extends 'none' ? PublicCall : StaffCall,
) => z.input<S['output']> | Promise<z.input<S['output']>>;

/** The handlers of one contract piece; a missing or mistyped one is a compile error. */
export type PieceHandlers<P extends ContractPiece> = { [M in keyof P]: Handler<P[M]> };
