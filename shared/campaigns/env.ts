import type { CustomerSnapshot } from '../customers/snapshot';
import { formatYuan } from '../money/fen';
import type { EvaluationContext } from './input';
import { optionLabels, type EnrolmentOptions, type OptionName } from './options';
import { findPlan, type Plan } from './plans';
import { reason, type Reason } from './reasons';
import type { Campaign } from './schema';

/** Everything a rule or benefit may look at: the engine's input, nothing more. */
export interface EvaluationEnv {
  campaign: Campaign;
  customer: CustomerSnapshot;
  today: string;
  hallCode: string;
  options: EnrolmentOptions;
  context: EvaluationContext;
}

export function optionLabel(env: EvaluationEnv, name: OptionName): string {
  return env.campaign.options.find((o) => o.option === name)?.label ?? optionLabels[name];
}

const verbs: Partial<Record<OptionName, string>> = { chosenPlanCode: '选择', useBonusForGift: '确认', equipmentSerials: '扫描或录入' };

/** A refusal asking for an option; `part` names one piece of it (a SKU of equipmentSerials). */
export function missingOption(env: EvaluationEnv, name: OptionName, part?: { key: string; label: string }): Reason {
  const label = optionLabel(env, name);
  return reason(
    'OPTION_MISSING',
    `请${verbs[name] ?? '录入'}${label}${part ? `：${part.label}` : ''}。`,
    part ? `${name}.${part.key}` : name,
    null,
  );
}

export function planOf(env: EvaluationEnv, code: string | undefined): Plan | undefined {
  return findPlan(env.context.plans, code);
}

/** "全球通128元（GOTONE-128）", or the bare code when the catalogue does not know it. */
export function planLabel(env: EvaluationEnv, code: string): string {
  const plan = planOf(env, code);
  return plan ? `${plan.name}（${code}）` : code;
}

export const yuan = formatYuan;

export const brandLabels = { premium: '全球通', standard: '非全球通品牌' } as const;
export const customerKindLabels = { new: '新入网客户', existing: '老客户' } as const;
