import { hqErrorCodes, type HqErrorCode } from '../../../shared/sync/protocol';

/** A refusal with its stable code; the HTTP status comes from the code (shared/sync/protocol.ts). */
export class HqError extends Error {
  constructor(
    readonly code: HqErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HqError';
  }

  get status(): number {
    return hqErrorCodes[this.code];
  }
}

export function errorBody(code: HqErrorCode, message: string, hqTime: Date): { error: { code: HqErrorCode; message: string; hqTime: string } } {
  return { error: { code, message, hqTime: hqTime.toISOString() } };
}
