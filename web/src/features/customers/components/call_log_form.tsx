import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useLogCall } from '@/lib/calls';
import { CALL_OUTCOMES, type CallOutcome, type Customer, type Direction } from '@/types/api';

const OTHER = '__other';

/**
 * "Log a call" on the customer page: a call the telephone system did not
 * report (a mobile, a call the agent made from their desk phone), with
 * notes. The number is one of the customer's, or typed.
 */
export function CallLogForm({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const log = useLogCall();
  const phones = customer.identities.filter((i) => i.kind === 'phone');
  const [direction, setDirection] = useState<Direction>('out');
  const [number, setNumber] = useState(phones[0]?.value ?? OTHER);
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<CallOutcome>('answered');
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState('');
  const [logged, setLogged] = useState(false);
  // Outcomes of the direction: nobody asks us to call back on our own call.
  const outcomes = CALL_OUTCOMES.filter((o) => (direction === 'out' ? o !== 'abandoned' && o !== 'callback_requested' : o !== 'no_answer'));
  const chosenOutcome = outcomes.includes(outcome) ? outcome : outcomes[0];
  return (
    <section className="card" aria-labelledby="call-log-title">
      <h2 id="call-log-title" className="panel-title">
        {t('phone.logTitle')}
      </h2>
      <form
        className="stack"
        data-testid="call-log-form"
        onSubmit={(e) => {
          e.preventDefault();
          setLogged(false);
          const chosen = number === OTHER ? typed.trim() : number;
          const duration = minutes.trim() === '' ? undefined : Math.round(Number(minutes) * 60);
          log.mutate(
            {
              customer_id: customer.id,
              direction,
              outcome: chosenOutcome,
              ...(chosen ? { number: chosen } : {}),
              ...(duration !== undefined && Number.isFinite(duration) ? { duration_seconds: duration } : {}),
              ...(notes.trim() ? { notes: notes.trim() } : {}),
            },
            {
              onSuccess: () => {
                setNotes('');
                setMinutes('');
                setLogged(true);
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor="call-direction">{t('phone.direction_label')}</label>
          <select id="call-direction" value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            {(['out', 'in'] as Direction[]).map((d) => (
              <option key={d} value={d}>
                {t(`phone.direction.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="call-number">{t('phone.number')}</label>
          <select {...fieldProps('call-number', log.error, 'number')} value={number} onChange={(e) => setNumber(e.target.value)}>
            {phones.map((p) => (
              <option key={p.id} value={p.value}>
                {p.display}
              </option>
            ))}
            <option value={OTHER}>{t('phone.otherNumber')}</option>
          </select>
          {number === OTHER && (
            <input {...fieldProps('call-number-typed', log.error, 'number')} aria-label={t('phone.number')} inputMode="tel" value={typed} onChange={(e) => setTyped(e.target.value)} />
          )}
          <FieldError id={number === OTHER ? 'call-number-typed' : 'call-number'} error={log.error} field="number" />
        </div>
        <div className="field">
          <label htmlFor="call-outcome">{t('phone.outcome_label')}</label>
          <select id="call-outcome" value={chosenOutcome} onChange={(e) => setOutcome(e.target.value as CallOutcome)}>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t(`phone.outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="call-minutes">{t('phone.minutes')}</label>
          <input {...fieldProps('call-minutes', log.error, 'duration_seconds')} type="number" min="0" max="1440" step="any" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          <FieldError id="call-minutes" error={log.error} field="duration_seconds" />
        </div>
        <div className="field">
          <label htmlFor="call-notes">{t('phone.notes')}</label>
          <textarea {...fieldProps('call-notes', log.error, 'notes')} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <FieldError id="call-notes" error={log.error} field="notes" />
        </div>
        <button type="submit" className="btn btn--primary" disabled={log.isPending}>
          {t('phone.log')}
        </button>
        {logged && (
          <p className="notice" role="status">
            {t('phone.logged')}
          </p>
        )}
        <FormError error={log.error} fields={['number', 'duration_seconds', 'notes']} />
      </form>
    </section>
  );
}
