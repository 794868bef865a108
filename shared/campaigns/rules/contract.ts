import { monthsBetween } from '../../calendar/dates';
import { yuan, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { RuleOf } from '../rule-schema';

export type ContractRule = RuleOf<'contract_present' | 'contract_months_to_end' | 'contract_spent_over_amount'>;

const contractKindLabels = { deposit_bonus: '存费赠费', deposit_phone: '存费赠机' } as const;

const noContract = (hint?: string) => reason('NO_CONTRACT', '该客户没有在约的合约（存费赠费/存费赠机协议）。', 'contract', null, hint);

/** 0 = ends this calendar month, 1 = next month… negative = ended in an earlier month. */
export function monthsToContractEnd(env: EvaluationEnv): number | null {
  const contract = env.customer.contract;
  return contract ? monthsBetween(env.today, contract.end) : null;
}

function describeMonths(n: number): string {
  if (n === 0) return '当月到期';
  return n > 0 ? `${n}个月后到期` : `已于${-n}个月前到期`;
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? describeMonths(min) : `距到期${min}–${max}个月`;
  if (min !== undefined) return `距到期至少${min}个月`;
  if (max !== undefined) return `距到期不超过${max}个月`;
  return '任意到期时间';
}

export function checkContractRule(rule: ContractRule, env: EvaluationEnv): Reason[] {
  const contract = env.customer.contract;
  if (!contract) return [noContract(rule.hint)];
  switch (rule.rule) {
    case 'contract_present':
      return !rule.kinds || rule.kinds.includes(contract.kind)
        ? []
        : [
            reason(
              'CONTRACT_KIND_NOT_ALLOWED',
              `本活动面向${rule.kinds.map((k) => contractKindLabels[k]).join('、')}协议，该客户的协议为${contractKindLabels[contract.kind]}。`,
              rule.kinds,
              contract.kind,
              rule.hint,
            ),
          ];
    case 'contract_months_to_end': {
      const months = monthsBetween(env.today, contract.end);
      const ok = (rule.min === undefined || months >= rule.min) && (rule.max === undefined || months <= rule.max);
      return ok
        ? []
        : [
            reason(
              'CONTRACT_END_OUT_OF_RANGE',
              `合约${contract.end}到期（${describeMonths(months)}），本条件要求${describeRange(rule.min, rule.max)}。`,
              { min: rule.min ?? null, max: rule.max ?? null },
              months,
              rule.hint,
            ),
          ];
    }
    case 'contract_spent_over_amount':
      return contract.spentFen > contract.amountFen
        ? []
        : [
            reason(
              'CONTRACT_NOT_OVERSPENT',
              `累计消费${yuan(contract.spentFen)}未超过合约金额${yuan(contract.amountFen)}。`,
              contract.amountFen + 1,
              contract.spentFen,
              rule.hint,
            ),
          ];
  }
}
