import type pg from 'pg';
import type { EventPayload } from '../../../shared/sync/events';
import { resolveConflict } from './conflicts';
import type { EventContext } from './context';

/** Business records HQ keeps for reports and quotas; each keyed so that a replay cannot double it. */
export async function recordWalkIn(client: pg.PoolClient, e: EventContext, p: EventPayload<'customer.registered'>): Promise<void> {
  await client.query(
    `INSERT INTO walk_in_customer (phone, hall_code, counter_code, name, id_hash, id_last4, registered_at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (phone) DO NOTHING`,
    [p.phone, e.hallCode, e.counterCode, p.name, p.idHash, p.idLast4, e.createdAt, e.eventId],
  );
}

export async function recordEnrolment(client: pg.PoolClient, e: EventContext, p: EventPayload<'enrolment.created'>): Promise<void> {
  await client.query(
    `INSERT INTO enrolment (enrolment_no, hall_code, counter_code, customer_phone, campaign_id, campaign_version, enrolled_on, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (enrolment_no) DO NOTHING`,
    [p.enrolmentNo, e.hallCode, e.counterCode, p.customerPhone, p.campaignId, p.campaignVersion, p.enrolledOn, e.eventId],
  );
}

export async function recordTrial(client: pg.PoolClient, e: EventContext, p: EventPayload<'trial.changed'>): Promise<void> {
  await client.query(
    `INSERT INTO trial_status (enrolment_no, status, detail, event_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (enrolment_no) DO UPDATE SET status = excluded.status, detail = excluded.detail, event_id = excluded.event_id`,
    [p.enrolmentNo, p.status, JSON.stringify(p), e.eventId],
  );
}

export async function recordPrizeClaim(client: pg.PoolClient, e: EventContext, p: EventPayload<'prize.claimed'>): Promise<void> {
  await client.query(
    `INSERT INTO prize_claim (win_id, hall_code, prize_sku, slip_no, event_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (win_id) DO NOTHING`,
    [p.winId, e.hallCode, p.prizeSku, p.slipNo, e.eventId],
  );
}

export async function recordConflictResolution(client: pg.PoolClient, e: EventContext, p: EventPayload<'conflict.resolved'>): Promise<void> {
  await resolveConflict(client, { conflictId: p.conflictId, hallCode: e.hallCode, note: p.note, resolvedBy: p.staffNo }, e.receivedAt);
}
