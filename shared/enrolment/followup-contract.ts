import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { method } from '../contract/define';
import { FollowUpKind, FollowUpView } from './views';

export const followUpMethods = {
  'followup.list': method({
    summary:
      'The follow-up tasks (call lists): trial usage calls and expiry notices, installs due, referral credits due, equipment recoveries, prize claim deadlines — by kind, status and due window, soonest first; customers masked.',
    role: 'clerk',
    input: z
      .object({
        kind: FollowUpKind.optional(),
        status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
        dueFrom: IsoDate.optional(),
        dueTo: IsoDate.optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.object({ today: z.string(), followUps: z.array(FollowUpView) }),
    errors: [],
    example: { kind: 'trial_usage_call', status: 'open', dueFrom: '2026-11-21', dueTo: '2026-12-31', limit: 200 },
  }),
  'followup.complete': method({
    summary:
      'Close a follow-up task with what came of it (the call made, the credit seen on the account). Closing a referral-credit task marks that credit as credited.',
    role: 'clerk',
    input: z.object({ id: z.number().int().positive(), outcome: z.string().trim().min(2, '请填写处理结果').max(200) }).strict(),
    output: z.object({ followUp: FollowUpView }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    example: { id: 1, outcome: '已电话回访，客户使用正常' },
  }),
};
