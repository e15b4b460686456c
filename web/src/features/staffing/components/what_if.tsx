import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, fieldProps } from '@/components/field_error';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDebounced } from '@/lib/use_debounced';
import type { StaffingSchedulePlan } from '@/types/api';
import { isPercent, WHAT_IF_FIELDS, type WhatIfDraft, type WhatIfField } from './staffing_params';

// The planner's what-if: the service target, the occupancy cap, shrinkage,
// the handle time (measured unless overridden), customers' patience (Erlang
// A; the callers' measured patience beside it) and chat concurrency. Typing changes the address once the planner
// pauses, and the plan is asked for again; an empty field is the server's
// default, shown greyed in it.

const DEBOUNCE_MS = 400;

/** The value the server used, in the form's units, as the empty field's hint. */
function inUse(plan: StaffingSchedulePlan | undefined, f: WhatIfField): number | null {
  if (!plan) return null;
  if (f === 'concurrency') return null;
  const v = plan[f];
  if (v == null) return null;
  return isPercent(f) ? v * 100 : v;
}

export function WhatIfForm({ values, plan, measuredAht, error, onChange }: {
  values: WhatIfDraft;
  plan: StaffingSchedulePlan | undefined;
  /** The handle time measured from the calls answered (seconds), or null where there were none. */
  measuredAht: number | null | undefined;
  error: unknown;
  onChange: (changes: Partial<Record<WhatIfField, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const [draft, setDraft] = useState<WhatIfDraft>(values);
  const settled = useDebounced(draft, DEBOUNCE_MS);
  useEffect(() => {
    const changes: Partial<Record<WhatIfField, string | undefined>> = {};
    for (const f of WHAT_IF_FIELDS) if (settled[f].trim() !== values[f]) changes[f] = settled[f].trim() || undefined;
    if (Object.keys(changes).length > 0) onChange(changes);
    // Only a pause in typing writes the address; the address does not write the form back.
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  const ahtNote =
    measuredAht === undefined
      ? ''
      : measuredAht == null
        ? t('staffing.whatIf.ahtNotMeasured')
        : t('staffing.whatIf.ahtMeasured', { seconds: formatNumber(measuredAht, lang) });
  const notes: Partial<Record<WhatIfField, string>> = {
    aht_seconds: ahtNote,
    patience_seconds: [
      t(plan?.patience_seconds != null ? 'staffing.whatIf.erlangA' : 'staffing.whatIf.erlangC'),
      ...(plan?.measured_patience_seconds != null ? [t('staffing.whatIf.patienceMeasured', { seconds: formatNumber(plan.measured_patience_seconds, lang) })] : []),
    ].join(' · '),
    concurrency: t('staffing.whatIf.concurrencyNote'),
  };
  const empty = WHAT_IF_FIELDS.every((f) => !draft[f].trim());
  return (
    <form className="card what-if" data-testid="what-if" aria-labelledby={`${id}-title`} onSubmit={(e) => e.preventDefault()}>
      <div className="what-if__head">
        <h3 className="panel-subtitle" id={`${id}-title`}>
          {t('staffing.whatIf.title')}
        </h3>
        <button
          type="button"
          className="btn btn--small btn--ghost"
          disabled={empty}
          onClick={() => setDraft(Object.fromEntries(WHAT_IF_FIELDS.map((f) => [f, ''])) as WhatIfDraft)}
        >
          {t('staffing.whatIf.reset')}
        </button>
      </div>
      <p className="help">{t('staffing.whatIf.help')}</p>
      <div className="what-if__fields">
        {WHAT_IF_FIELDS.map((f) => {
          const hint = inUse(plan, f);
          return (
            <div className="field" key={f}>
              <label htmlFor={`${id}-${f}`}>{t(`staffing.whatIf.field.${f}`)}</label>
              <input
                {...fieldProps(`${id}-${f}`, error, f)}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={draft[f]}
                placeholder={hint == null ? (f === 'concurrency' ? '1' : '—') : formatNumber(hint, lang, f === 'aht_seconds' ? 0 : 1)}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              />
              {notes[f] && (
                <span className="muted small" data-testid={`what-if-note-${f}`}>
                  {notes[f]}
                </span>
              )}
              <FieldError id={`${id}-${f}`} error={error} field={f} />
            </div>
          );
        })}
      </div>
    </form>
  );
}
