import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contract, isMethodName, roleAllows, DomainError, type ApiResult, type ApiError } from '../../shared/contract/index';
import type { Clock } from './clock';
import type { Handler } from './handlers';
import type { Logger } from './log';
import type { SessionTable } from './staff/sessions';
import type { StaffView } from '../../shared/staff/contract';
import type { MethodSpec } from '../../shared/contract/define';

/** What every transport hands the core: the session token (if any) and the raw input. */
export const Envelope = z
  .object({
    session: z.string().max(128).optional(),
    input: z.unknown(),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;

export type Dispatch = (method: string, envelope: unknown) => Promise<ApiResult<unknown>>;

function fail(code: ApiError['code'], message: string, details?: Record<string, unknown>): ApiResult<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

function validationError(error: z.ZodError): ApiResult<never> {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const where = first?.path ? `${first.path}：` : '';
  return fail('VALIDATION', `输入有误：${where}${first?.message ?? '格式不对'}`, { issues });
}

/**
 * The one door into the core. Every transport (IPC, the browser bridge, tests) calls
 * this; it checks the method, the session and its role, and the input, in that order,
 * before the handler runs, and turns every outcome into a value.
 */
export function createDispatcher(deps: {
  handlers: Record<string, Handler<MethodSpec>>;
  sessions: SessionTable;
  clock: Clock;
  log: Logger;
  /** Checks a manager's PIN for a step-up approval; throws a DomainError when refused. */
  approve: (staffNo: string, pin: string) => StaffView;
}): Dispatch {
  return async (method, rawEnvelope) => {
    if (!isMethodName(method)) return fail('NOT_FOUND', `没有这个接口：${method.slice(0, 64)}`);
    const spec: MethodSpec = contract[method];
    const handler = deps.handlers[method];
    if (!handler) return fail('INTERNAL', `接口未实现：${method}`);

    const envelope = Envelope.safeParse(rawEnvelope);
    if (!envelope.success) return validationError(envelope.error);

    const session = deps.sessions.find(envelope.data.session, deps.clock.now());
    if (spec.role !== 'none') {
      if (!session) return fail('UNAUTHENTICATED', '请先登录');
      if (!roleAllows(session.staff.role, spec.role)) {
        return fail('FORBIDDEN', '此操作需要店长权限', { need: spec.role, have: session.staff.role });
      }
      if (session.locked && !spec.whileLocked) return fail('SCREEN_LOCKED', '柜台已锁定，请输入 PIN 解锁');
    }

    const input = spec.input.safeParse(envelope.data.input);
    if (!input.success) return validationError(input.error);

    try {
      let approvedBy: StaffView | undefined;
      if (spec.approval === 'manager' && session) {
        if (session.staff.role === 'manager') approvedBy = session.staff;
        else {
          const approval = (input.data as { approval?: { staffNo: string; pin: string } }).approval;
          if (!approval) return fail('FORBIDDEN', '此操作需要店长授权：请店长输入工号和 PIN', { needApproval: 'manager' });
          approvedBy = deps.approve(approval.staffNo, approval.pin);
        }
      }
      const call = session
        ? { session, approvedBy, actor: { kind: 'staff' as const, staffId: session.staff.id, staffNo: session.staff.staffNo } }
        : {};
      const value = await (handler as (input: unknown, call: unknown) => unknown)(input.data, call);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        const ref = randomUUID().slice(0, 8);
        deps.log.error('dispatch.bad_output', { ref, method, issues: output.error.issues.slice(0, 5) });
        return fail('INTERNAL', `内部错误（编号 ${ref}），请联系技术支持`, { ref });
      }
      return { ok: true, value: output.data };
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message, err.details);
      const ref = randomUUID().slice(0, 8);
      deps.log.error('dispatch.crash', { ref, method, error: err instanceof Error ? err.stack : String(err) });
      return fail('INTERNAL', `内部错误（编号 ${ref}），请联系技术支持`, { ref });
    }
  };
}
