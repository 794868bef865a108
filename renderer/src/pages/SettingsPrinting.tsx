import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintingSettings } from '../../../shared/slips/contract';
import { papers, type Paper } from '../../../shared/slips/paper';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError, CounterInfo, StaffView } from '../api/types';
import { sampleSlip } from '../slips/sampleSlip';
import { SlipPreview } from '../slips/SlipPreview';
import './SettingsPrinting.css';

type Saved = { kind: 'saved' } | { kind: 'error'; error: ApiError } | { kind: 'invalid' } | null;

/**
 * How this counter prints slips. Every clerk sees it (it explains what the printer
 * does); only a manager changes it. The specimen beside the form follows the paper chosen.
 */
export function SettingsPrinting({ info }: { info: CounterInfo }) {
  const { t } = useTranslation();
  const id = useId();
  const [staff, setStaff] = useState<StaffView | null>(null);
  const [form, setForm] = useState<PrintingSettings | null>(null);
  const [printers, setPrinters] = useState<string[]>([]);
  const [saved, setSaved] = useState<Saved>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    void Promise.all([api.call['settings.get']({}), api.call['session.current']({})]).then(([settings, session]) => {
      if (!alive) return;
      if (settings.ok) {
        setForm(settings.value.printing);
        setPrinters(settings.value.printers);
      } else setSaved({ kind: 'error', error: settings.error });
      if (session.ok) setStaff(session.value.staff);
    });
    return () => {
      alive = false;
    };
  }, []);

  if (!form) {
    return (
      <section className="printing" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('slips.settings.heading')}
        </h2>
        <p className="form-error" role={saved ? 'alert' : undefined}>
          {saved?.kind === 'error' ? describeError(saved.error) : ''}
        </p>
      </section>
    );
  }

  const canEdit = staff?.role === 'manager';
  const change = (next: Partial<PrintingSettings>): void => {
    setForm({ ...form, ...next });
    setSaved(null);
  };

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!form || busy) return;
    const checked = PrintingSettings.safeParse(form);
    if (!checked.success) {
      setSaved({ kind: 'invalid' });
      return;
    }
    setBusy(true);
    const result = await api.call['settings.setPrinting'](checked.data);
    setBusy(false);
    if (result.ok) {
      setForm(result.value.printing);
      setSaved({ kind: 'saved' });
    } else setSaved({ kind: 'error', error: result.error });
  }

  return (
    <section className="printing" aria-labelledby={`${id}-heading`} data-testid="printing-settings">
      <h2 id={`${id}-heading`} className="page__subheading">
        {t('slips.settings.heading')}
      </h2>
      <div className="printing__body">
        <form className="printing__form" onSubmit={(event) => void save(event)}>
          {!canEdit ? <p className="printing__readonly">{t('slips.settings.managerOnly')}</p> : null}
          <fieldset className="printing__fields" disabled={!canEdit || busy}>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-printer`}>
                {t('slips.settings.printer')}
              </label>
              <input
                id={`${id}-printer`}
                className="field__input printing__input"
                list={`${id}-printers`}
                maxLength={128}
                autoComplete="off"
                placeholder={t('slips.settings.systemDefault')}
                value={form.printerName}
                aria-describedby={`${id}-printer-hint`}
                onChange={(event) => change({ printerName: event.target.value })}
              />
              <datalist id={`${id}-printers`}>
                {printers.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
              <div id={`${id}-printer-hint`} className="field__hint">
                {t('slips.settings.printerHint')}
              </div>
            </div>

            <fieldset className="printing__group">
              <legend className="field__label">{t('slips.settings.paper')}</legend>
              {papers.map((paper: Paper) => (
                <label key={paper} className="printing__choice">
                  <input type="radio" name={`${id}-paper`} value={paper} checked={form.paper === paper} onChange={() => change({ paper })} />
                  {t(`slips.paper.${paper}`)}
                </label>
              ))}
            </fieldset>

            <div className="field">
              <label className="field__label" htmlFor={`${id}-copies`}>
                {t('slips.settings.copies')}
              </label>
              <select
                id={`${id}-copies`}
                className="field__input printing__input printing__copies"
                value={form.copies}
                onChange={(event) => change({ copies: Number(event.target.value) })}
              >
                {[1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>

            <label className="printing__choice">
              <input type="checkbox" checked={form.autoPrint} onChange={(event) => change({ autoPrint: event.target.checked })} />
              {t('slips.settings.autoPrint')}
            </label>
          </fieldset>
          {canEdit ? (
            <div className="printing__save">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('slips.settings.saving') : t('slips.settings.save')}
              </button>
              <span role="status" className="printing__saved">
                {saved?.kind === 'saved' ? t('slips.settings.saved') : ''}
              </span>
            </div>
          ) : null}
          <p className="form-error" role={saved && saved.kind !== 'saved' ? 'alert' : undefined}>
            {saved?.kind === 'error' ? describeError(saved.error) : saved?.kind === 'invalid' ? t('slips.settings.invalid') : ''}
          </p>
        </form>
        <div className="printing__sample">
          <div className="field__label">{t('slips.settings.sample')}</div>
          <SlipPreview slip={sampleSlip(info, { staffNo: staff?.staffNo ?? '', name: staff?.name ?? '' })} paper={form.paper} reprintCount={0} sample />
        </div>
      </div>
    </section>
  );
}
