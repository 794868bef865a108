import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalReason } from '../../../shared/contract/refusals';
import type { CampaignSummary, CustomerEvaluation, EnrolmentView } from '../../../shared/enrolment/views';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { draftToOptions, emptyDraft, fieldOfReason, type DraftField, type OptionsDraft } from './draft';
import { describeEnrolError } from './errors';

export type EnrolStage =
  | { stage: 'list' }
  | { stage: 'campaign'; campaign: CampaignSummary; checked: CustomerEvaluation | null; checkedDraft: OptionsDraft | null }
  | { stage: 'done'; campaign: CampaignSummary; enrolment: EnrolmentView };

export interface EnrolFlow {
  stage: EnrolStage;
  draft: OptionsDraft;
  problem: { field: DraftField | null; text: string } | null;
  refusal: { text: string; reasons: readonly RefusalReason[] } | null;
  busy: boolean;
  focus: { list: { request: number; campaignId: string | null }; form: { request: number; field: DraftField | null }; confirm: number };
  choose: (evaluation: CustomerEvaluation) => void;
  setDraft: (draft: OptionsDraft) => void;
  check: () => Promise<void>;
  confirm: () => Promise<void>;
  back: () => void;
}

const same = (a: OptionsDraft | null, b: OptionsDraft) => a !== null && JSON.stringify(a) === JSON.stringify(b);

/**
 * One customer's enrolment at the counter: list → the campaign's entries and the check
 * of what the customer gets → confirm → the slip. Entries are kept per campaign for as
 * long as this customer is at the counter, so going back (Escape) loses nothing; a new
 * customer starts a new flow (the page keys it by customer).
 */
export function useEnrolFlow(customerId: number, onEnrolled: (enrolment: EnrolmentView) => void): EnrolFlow {
  const { t } = useTranslation();
  const [stage, setStage] = useState<EnrolStage>({ stage: 'list' });
  const [drafts, setDrafts] = useState<Record<string, OptionsDraft>>({});
  const [problem, setProblem] = useState<{ field: DraftField | null; text: string } | null>(null);
  const [refusal, setRefusal] = useState<{ text: string; reasons: readonly RefusalReason[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<EnrolFlow['focus']>({ list: { request: 1, campaignId: null }, form: { request: 0, field: null }, confirm: 0 });

  const campaign = stage.stage === 'list' ? null : stage.campaign;
  const draft = (campaign && drafts[campaign.id]) ?? emptyDraft;

  const focusForm = useCallback((field: DraftField | null) => setFocus((f) => ({ ...f, form: { request: f.form.request + 1, field } })), []);
  const focusList = useCallback((campaignId: string | null) => setFocus((f) => ({ ...f, list: { request: f.list.request + 1, campaignId } })), []);

  const runCheck = useCallback(
    async (chosen: CampaignSummary, entries: OptionsDraft) => {
      const options = draftToOptions(chosen, entries);
      if (!options.ok) {
        setProblem({ field: options.field, text: t(options.problem) });
        focusForm(options.field);
        return;
      }
      setBusy(true);
      setProblem(null);
      setRefusal(null);
      const result = await api.call['campaign.evaluate']({ customerId, campaignId: chosen.id, options: options.options });
      setBusy(false);
      if (!result.ok) {
        setProblem({ field: null, text: describeError(result.error) });
        return;
      }
      const checked = result.value;
      setStage({ stage: 'campaign', campaign: chosen, checked, checkedDraft: entries });
      if (checked.evaluation.eligible) {
        setFocus((f) => ({ ...f, confirm: f.confirm + 1 }));
        return;
      }
      // Put the cursor on the first thing the clerk can fix here; the summary lists every reason.
      const fixable = checked.evaluation.reasons.map((r) => fieldOfReason(r, chosen)).find((field) => field !== null);
      if (fixable) focusForm(fixable);
    },
    [customerId, focusForm, t],
  );

  const choose = useCallback(
    (evaluation: CustomerEvaluation) => {
      const chosen = evaluation.campaign;
      setStage({ stage: 'campaign', campaign: chosen, checked: null, checkedDraft: null });
      setProblem(null);
      setRefusal(null);
      // A campaign that asks for nothing goes straight to what the customer gets.
      if (chosen.options.length === 0) void runCheck(chosen, drafts[chosen.id] ?? emptyDraft);
      else focusForm(null);
    },
    [drafts, focusForm, runCheck],
  );

  const setDraft = useCallback(
    (next: OptionsDraft) => {
      if (!campaign) return;
      setDrafts((all) => ({ ...all, [campaign.id]: next }));
      setProblem(null);
    },
    [campaign],
  );

  const check = useCallback(async () => {
    if (campaign) await runCheck(campaign, draft);
  }, [campaign, draft, runCheck]);

  const confirm = useCallback(async () => {
    if (stage.stage !== 'campaign' || !stage.checked?.evaluation.eligible || !same(stage.checkedDraft, draft) || busy) return;
    const options = draftToOptions(stage.campaign, draft);
    if (!options.ok) return;
    setBusy(true);
    setRefusal(null);
    const result = await api.call['enrolment.create']({
      customerId,
      campaignId: stage.campaign.id,
      campaignVersion: stage.checked.campaign.version,
      options: options.options,
    });
    setBusy(false);
    if (!result.ok) {
      const refused = describeEnrolError(result.error, t);
      // HQ changed the campaign since the check: check again against the new version, then say why.
      if (result.error.code === 'CONFLICT' && typeof result.error.details?.current === 'number') await runCheck(stage.campaign, draft);
      setRefusal(refused);
      return;
    }
    // Entered once, enrolled once: the entries for this campaign start empty next time.
    setDrafts((all) => ({ ...all, [stage.campaign.id]: emptyDraft }));
    setStage({ stage: 'done', campaign: stage.campaign, enrolment: result.value.enrolment });
    onEnrolled(result.value.enrolment);
  }, [busy, customerId, draft, onEnrolled, runCheck, stage, t]);

  const back = useCallback(() => {
    if (stage.stage === 'list') return;
    setStage({ stage: 'list' });
    setProblem(null);
    setRefusal(null);
    focusList(stage.stage === 'campaign' ? stage.campaign.id : null);
  }, [focusList, stage]);

  return { stage, draft, problem, refusal, busy, focus, choose, setDraft, check, confirm, back };
}

export function isStale(stage: EnrolStage, draft: OptionsDraft): boolean {
  return stage.stage === 'campaign' && stage.checked !== null && !same(stage.checkedDraft, draft);
}
