import { DomainError } from '../../../shared/contract/errors';
import { REGISTER_PATH, RegisterResponse } from '../../../shared/sync/protocol';
import { commitAction, type CoreContext } from '../context';
import { setIdSalt } from '../customers/identity';
import { insertProvisionedStaff } from '../staff/provision';
import { readDevice } from '../system/device';
import type { FetchLike } from './http';
import { readRegistration } from './state';

/**
 * Exchanges an operator's one-time code for this counter's device id and secret. The
 * secret goes into the database and nowhere else (not the audit log, not the log file).
 * A counter set up as the demo hall keeps its hall; a blank one becomes HQ's counter.
 */
export async function registerWithHq(
  ctx: CoreContext,
  fetcher: FetchLike,
  input: { hqUrl: string; code: string; appVersion: string },
): Promise<{
  hall: { code: string; name: string };
  counter: { code: string; name: string };
  staff: { staffNo: string; name: string; role: 'clerk' | 'manager' }[];
}> {
  if (readRegistration(ctx)) throw new DomainError('CONFLICT', '本柜台已在总部注册');
  let response: Response;
  try {
    response = await fetcher(`${input.hqUrl.replace(/\/$/, '')}${REGISTER_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input.code, appVersion: input.appVersion }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new DomainError('HQ_UNAVAILABLE', '无法连接总部，请检查网络和总部地址', { hqUrl: input.hqUrl });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
    const known: Record<string, string> = {
      REGISTRATION_CODE_INVALID: '注册码无效，请向总部核对',
      REGISTRATION_CODE_USED: '注册码已被使用，请向总部申请新的注册码',
      REGISTRATION_CODE_EXPIRED: '注册码已过期，请向总部申请新的注册码',
    };
    const message = typeof code === 'string' ? known[code] : undefined;
    throw new DomainError(message ? 'NOT_FOUND' : 'HQ_UNAVAILABLE', message ?? `总部拒绝注册（${response.status}）`, { hqCode: code });
  }
  const reg = RegisterResponse.safeParse(body);
  if (!reg.success) throw new DomainError('HQ_UNAVAILABLE', '总部的注册应答格式不对');
  const r = reg.data;

  return commitAction(ctx, { kind: 'system', name: 'sync' }, () => {
    const device = readDevice(ctx);
    if (device && (device.hallCode !== r.hall.code || device.counterCode !== r.counter.code)) {
      throw new DomainError('CONFLICT', `注册码属于 ${r.hall.code} ${r.counter.code} 号柜台，而本机是 ${device.hallCode} ${device.counterCode} 号柜台`, {
        hall: r.hall.code,
        counter: r.counter.code,
      });
    }
    const now = ctx.clock.now().toISOString();
    if (!device) {
      ctx.store
        .stmt(
          `INSERT INTO device (id, hall_code, hall_name, counter_code, counter_name, mode, created_at) VALUES (1, ?, ?, ?, ?, 'hq', ?)`,
        )
        .run(r.hall.code, r.hall.name, r.counter.code, r.counter.name, now);
    }
    // A demo hall's customers were hashed with its own salt; only a real HQ counter takes the region's.
    if (!device || device.mode === 'hq') setIdSalt(ctx, r.idSalt);
    ctx.store
      .stmt(
        `INSERT INTO sync_registration (id, hq_url, device_id, secret, hall_code, counter_code, registered_at) VALUES (1, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.hqUrl, r.deviceId, r.secret, r.hall.code, r.counter.code, now);
    ctx.store.stmt(`UPDATE sync_state SET cursor = '0.0', last_attempt_ok = NULL, last_error_code = NULL, last_error_message = NULL WHERE id = 1`).run();
    // A blank counter has no staff: the manager HQ provisioned is who logs in first (and adds the clerks).
    const staffAdded = insertProvisionedStaff(ctx, r.staff);
    return {
      result: {
        hall: { code: r.hall.code, name: r.hall.name },
        counter: { code: r.counter.code, name: r.counter.name },
        staff: r.staff.filter((s) => staffAdded.includes(s.staffNo)).map((s) => ({ staffNo: s.staffNo, name: s.name, role: s.role })),
      },
      audit: {
        action: 'sync.register',
        subject: `device:${r.deviceId}`,
        details: { hqUrl: input.hqUrl, hall: r.hall.code, counter: r.counter.code, staffAdded },
      },
    };
  });
}
