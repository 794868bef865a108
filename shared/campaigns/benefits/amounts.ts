import { percentOf } from '../../money/fen';
import type { Amount, LeafAmount } from '../benefit-schema';
import { missingOption, yuan, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import { checkRule, noAlternative } from '../rules';

export type AmountResult = { ok: true; fen: number; label: string | null } | { ok: false; reasons: Reason[] };

const fail = (...reasons: Reason[]): AmountResult => ({ ok: false, reasons });
const cap = (fen: number, maxFen: number | undefined) => (maxFen === undefined ? fen : Math.min(fen, maxFen));

function positive(fen: number, label: string | null, what: string): AmountResult {
  return fen > 0 ? { ok: true, fen, label } : fail(reason('BONUS_ZERO', `${what}为${yuan(0)}，没有可赠送的金额。`, '> 0', fen));
}

function leafAmount(amount: LeafAmount, env: EvaluationEnv, label: string | null): AmountResult {
  const contract = env.customer.contract;
  switch (amount.from) {
    case 'fixed':
      return { ok: true, fen: amount.fen, label };
    case 'prepay': {
      const prepay = env.options.prepayFen;
      if (prepay === undefined) return fail(missingOption(env, 'prepayFen'));
      return positive(cap(percentOf(prepay, amount.percent), amount.maxFen), label, '按预存金额计算的赠费');
    }
    case 'prepay_tiers': {
      const prepay = env.options.prepayFen;
      if (prepay === undefined) return fail(missingOption(env, 'prepayFen'));
      const tier = amount.tiers.filter((t) => prepay >= t.minPrepayFen).at(-1);
      const lowest = amount.tiers[0]?.minPrepayFen ?? 0;
      if (!tier)
        return fail(
          reason('PREPAY_BELOW_LOWEST_TIER', `预存金额${yuan(prepay)}未达到最低档：预存满${yuan(lowest)}方可获赠。`, lowest, prepay),
        );
      return { ok: true, fen: tier.bonusFen, label };
    }
    case 'contract_remaining':
      if (!contract) return fail(reason('NO_CONTRACT', '该客户没有在约的合约（存费赠费/存费赠机协议）。', 'contract', null));
      return positive(cap(contract.remainingFen, amount.maxFen), label, '合约剩余金额');
    case 'contract_excess':
      if (!contract) return fail(reason('NO_CONTRACT', '该客户没有在约的合约（存费赠费/存费赠机协议）。', 'contract', null));
      if (contract.spentFen <= contract.amountFen)
        return fail(
          reason('CONTRACT_NOT_OVERSPENT', `累计消费${yuan(contract.spentFen)}未超过合约金额${yuan(contract.amountFen)}。`, contract.amountFen + 1, contract.spentFen),
        );
      return { ok: true, fen: cap(contract.spentFen - contract.amountFen, amount.maxFen), label };
  }
}

/** The fen an Amount comes to for this customer, or why it cannot be given. */
export function computeAmount(amount: Amount, env: EvaluationEnv, label: string | null): AmountResult {
  if (amount.from !== 'first_match') return leafAmount(amount, env, label);
  const alternatives: Reason[][] = [];
  for (const branch of amount.branches) {
    const failed = checkRule(branch.when, env);
    if (failed.length === 0) return leafAmount(branch.amount, env, branch.label);
    alternatives.push(failed);
  }
  const lead = '该客户不符合任何赠送档位：';
  const plain = noAlternative('NO_BONUS_BRANCH', lead, alternatives);
  // All tiers failed alike (no contract at all): say that once, with no tier names.
  if (plain[0]?.code !== 'NO_BONUS_BRANCH') return fail(...plain);
  const labelled = alternatives.map((alt, i) => alt.map((r) => ({ ...r, text: `【${amount.branches[i]?.label ?? ''}】${r.text}` })));
  return fail(...noAlternative('NO_BONUS_BRANCH', lead, labelled));
}
