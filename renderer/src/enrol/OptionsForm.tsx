import { Fragment, useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionName } from '../../../shared/campaigns/options';
import type { CampaignSummary } from '../../../shared/enrolment/views';
import { formatYuan } from '../../../shared/money/fen';
import type { DraftField, OptionsDraft } from './draft';
import { optionLabel, planLabel } from './names';
import { SerialScan } from './SerialScan';
import { parseYuan } from './yuan';

interface OptionsFormProps {
  campaign: CampaignSummary;
  draft: OptionsDraft;
  onDraft: (draft: OptionsDraft) => void;
  problem: { field: DraftField | null; text: string } | null;
  busy: boolean;
  /** Enter: check the entries with the core and show what the customer gets. */
  onCheck: () => void;
  /** Changes when a field should take the focus (opening the form, a refusal about a field). */
  focus: { request: number; field: DraftField | null };
}

/**
 * What the clerk enters for the campaign chosen, only what it asks for: the plan, amounts
 * in yuan, the referrer's number, the lent equipment by scan, the old modem, the install
 * date, the gift paid with the bonus. Enter in any field checks the entries.
 */
export function OptionsForm({ campaign, draft, onDraft, problem, busy, onCheck, focus }: OptionsFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const errorId = `${id}-error`;

  useEffect(() => {
    if (focus.request === 0) return;
    const fields = [...(form.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
    (fields.find((el) => el.dataset.field === focus.field) ?? fields[0])?.focus();
  }, [focus]);

  function focusAfter(field: DraftField): void {
    const fields = [...(form.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
    const at = fields.findIndex((el) => el.dataset.field === field);
    (fields[at + 1] ?? form.current?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) onCheck();
  }

  const label = (option: OptionName) => optionLabel(campaign, option, i18n.language, t);
  const required = (option: OptionName) => campaign.options.some((o) => o.option === option && o.required);
  const invalid = (field: DraftField) => problem?.field === field;
  const row = (field: DraftField, option: OptionName, control: ReactNode, hint?: string) => (
    <div className="field" key={field}>
      <label className="field__label" htmlFor={`${id}-${field}`}>
        {label(option)}
        {required(option) && <span className="option-form__required">{t('enrol.options.required')}</span>}
      </label>
      {control}
      {hint && (
        <div id={`${id}-${field}-hint`} className="field__hint">
          {hint}
        </div>
      )}
    </div>
  );
  const common = (field: DraftField) => ({
    id: `${id}-${field}`,
    'data-field': field,
    'aria-invalid': invalid(field),
    'aria-describedby': `${id}-${field}-hint ${errorId}`,
  });
  const amountHint = (text: string) => {
    const parsed = parseYuan(text);
    return parsed.ok ? t('enrol.options.amountIs', { amount: formatYuan(parsed.fen) }) : t('enrol.options.amountHint');
  };
  const money = (field: 'prepayFen' | 'spendFen', key: 'prepayYuan' | 'spendYuan') =>
    row(
      field,
      field,
      <div className="option-form__money">
        <input
          {...common(field)}
          className="field__input"
          inputMode="decimal"
          autoComplete="off"
          maxLength={14}
          value={draft[key]}
          onChange={(event) => onDraft({ ...draft, [key]: event.target.value })}
        />
        <span className="option-form__unit">{t('enrol.options.yuan')}</span>
      </div>,
      amountHint(draft[key]),
    );

  const controls: Record<OptionName, () => ReactNode> = {
    chosenPlanCode: () =>
      row(
        'chosenPlanCode',
        'chosenPlanCode',
        <select
          {...common('chosenPlanCode')}
          className="field__input option-form__select"
          value={draft.chosenPlanCode}
          onChange={(event) => onDraft({ ...draft, chosenPlanCode: event.target.value })}
          onKeyDown={(event: KeyboardEvent<HTMLSelectElement>) => {
            // A select does not submit on Enter by itself; at this counter Enter always moves the task on.
            if (event.key === 'Enter') {
              event.preventDefault();
              if (!busy) onCheck();
            }
          }}
        >
          <option value="">{t('enrol.options.choosePlan')}</option>
          {(campaign.planChoices ?? []).map((plan) => (
            <option key={plan.code} value={plan.code}>
              {planLabel(plan, i18n.language, t)}
            </option>
          ))}
        </select>,
        t('enrol.options.planHint'),
      ),
    prepayFen: () => money('prepayFen', 'prepayYuan'),
    spendFen: () => money('spendFen', 'spendYuan'),
    referrerPhone: () =>
      row(
        'referrerPhone',
        'referrerPhone',
        <input
          {...common('referrerPhone')}
          className="field__input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={13}
          value={draft.referrerPhone}
          onChange={(event) => onDraft({ ...draft, referrerPhone: event.target.value })}
        />,
        t('enrol.options.referrerHint'),
      ),
    equipmentSerials: () =>
      campaign.equipment.map((item) => (
        <SerialScan
          key={item.sku}
          id={`${id}-serial-${item.sku}`}
          sku={item.sku}
          label={t('enrol.serials.label', { name: item.name, sku: item.sku, quantity: item.quantity })}
          quantity={item.quantity}
          serials={draft.serials[item.sku] ?? []}
          onSerials={(serials) => onDraft({ ...draft, serials: { ...draft.serials, [item.sku]: serials } })}
          invalid={invalid(`equipmentSerials.${item.sku}`)}
          describedBy={errorId}
          onComplete={() => focusAfter(`equipmentSerials.${item.sku}`)}
        />
      )),
    oldModemSerial: () =>
      row(
        'oldModemSerial',
        'oldModemSerial',
        <input
          {...common('oldModemSerial')}
          className="field__input field__input--serial"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={draft.oldModemSerial}
          onChange={(event) => onDraft({ ...draft, oldModemSerial: event.target.value.toUpperCase() })}
        />,
        t('enrol.options.oldModemHint'),
      ),
    completionOn: () =>
      row(
        'completionOn',
        'completionOn',
        <input
          {...common('completionOn')}
          className="field__input"
          type="date"
          value={draft.completionOn}
          onChange={(event) => onDraft({ ...draft, completionOn: event.target.value })}
        />,
        t('enrol.options.completionHint'),
      ),
    useBonusForGift: () => (
      <label className="option-form__check">
        <input
          type="checkbox"
          data-field="useBonusForGift"
          checked={draft.useBonusForGift}
          onChange={(event) => onDraft({ ...draft, useBonusForGift: event.target.checked })}
        />
        {label('useBonusForGift')}
      </label>
    ),
  };

  return (
    <form ref={form} className="option-form" noValidate onSubmit={submit} aria-label={t('enrol.options.label')} data-testid="options-form">
      {campaign.options.map((option) => (
        <Fragment key={option.option}>{controls[option.option]()}</Fragment>
      ))}
      <div id={errorId} className="form-error" role="alert" data-testid="options-error">
        {problem?.text ?? ''}
      </div>
      <div className="option-form__buttons">
        <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="options-check">
          {busy ? t('enrol.options.checking') : t('enrol.options.check')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
