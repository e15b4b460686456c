import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { PROMISE_KINDS, type PromiseKind, type PromiseNotified, type PromiseParty } from '@/types/api';
import { useCreatePromise, useNotifyPromise } from '../api/promises';
import { dueFromInputs } from './due';
import { noticeError } from './notice_sent';

/**
 * What the form starts with (a suggestion to correct). `dueStart` is where
 * the suggested due stretch begins: it is sent only while date and time are
 * still the ones given.
 */
export interface PromiseDraft {
  by?: PromiseParty;
  kind?: PromiseKind;
  what?: string;
  date?: string;
  time?: string;
  dueStart?: string;
}

export interface NewPromiseFormProps {
  customerId: number;
  conversationId?: number;
  /** The message of `conversationId` that made the promise. */
  messageId?: number;
  initial?: PromiseDraft;
  onDone?: () => void;
}

/**
 * "New promise": what was promised, by whom (we, or the customer), of what
 * kind and due when. A date without a time is due by the end of that day;
 * no date at all is "as soon as possible". Made on a conversation, it
 * belongs to that conversation (and to the message that made it, if named).
 */
export function NewPromiseForm({ customerId, conversationId, messageId, initial, onDone }: NewPromiseFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreatePromise();
  const [by, setBy] = useState<PromiseParty>(initial?.by ?? 'us');
  const [kind, setKind] = useState<PromiseKind>(initial?.kind ?? 'callback');
  const [what, setWhat] = useState(initial?.what ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [time, setTime] = useState(initial?.time ?? '');
  const [made, setMade] = useState(false);
  // Optionally the customer hears of it at once (their own channel, else e-mail).
  const notify = useNotifyPromise();
  const [confirm, setConfirm] = useState(false);
  const [notified, setNotified] = useState<PromiseNotified | null>(null);
  const dueAsGiven = initial?.dueStart !== undefined && date === (initial.date ?? '') && time === (initial.time ?? '');
  return (
    <form
      className="promise__form stack"
      data-testid="new-promise-form"
      onSubmit={(e) => {
        e.preventDefault();
        setMade(false);
        setNotified(null);
        notify.reset();
        const due = dueFromInputs(date, time);
        create.mutate(
          {
            customer_id: customerId,
            ...(conversationId ? { conversation_id: conversationId } : {}),
            ...(conversationId && messageId ? { message_id: messageId } : {}),
            by,
            kind,
            what: what.trim(),
            ...(due && dueAsGiven ? { due_start: initial?.dueStart } : {}),
            ...(due ? { due_end: due } : {}),
          },
          {
            onSuccess: (p) => {
              setWhat('');
              setDate('');
              setTime('');
              setMade(true);
              if (confirm) notify.mutate({ id: p.id, notice: 'confirm' }, { onSuccess: setNotified, onSettled: () => onDone?.() });
              else onDone?.();
            },
          },
        );
      }}
    >
      <div className="inline-form inline-form--wrap">
        <div className="field">
          <label htmlFor={`${id}-by`}>{t('promises.by')}</label>
          <select id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value as PromiseParty)}>
            <option value="us">{t('promises.byUs')}</option>
            <option value="customer">{t('promises.byCustomer')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('promises.kindLabel')}</label>
          <select {...fieldProps(`${id}-kind`, create.error, 'kind')} value={kind} onChange={(e) => setKind(e.target.value as PromiseKind)}>
            {PROMISE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`promises.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-what`}>{t('promises.what')}</label>
        <textarea {...fieldProps(`${id}-what`, create.error, 'what')} rows={2} required maxLength={2000} value={what} onChange={(e) => setWhat(e.target.value)} />
        <FieldError id={`${id}-what`} error={create.error} field="what" />
      </div>
      <div className="inline-form inline-form--wrap">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('promises.dueDate')}</label>
          <input {...fieldProps(`${id}-date`, create.error, 'due_end')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('promises.dueTime')}</label>
          <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <FieldError id={`${id}-date`} error={create.error} field="due_end" />
      </div>
      <label className="toggle">
        <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} data-testid="confirm-on-create" />
        <span>{t('promises.confirmOnCreate')}</span>
      </label>
      <button type="submit" className="btn btn--small btn--primary" disabled={create.isPending || notify.isPending || what.trim() === ''}>
        {t('promises.create')}
      </button>
      {made && (
        <p className="notice" role="status">
          {t('promises.created')}
          {notified && (
            <>
              {' '}
              {t('promises.notify.sent', { channel: t(`channel.${notified.notice.channel}`) })}
              {notified.notice.fallback && <> {t('promises.notify.fallback')}</>}
            </>
          )}
        </p>
      )}
      {notify.isError && (
        <p className="form-error" role="alert">
          {t('promises.notify.failed', { reason: noticeError(t, notify.error) })}
        </p>
      )}
      <FormError error={create.error} fields={['kind', 'what', 'due_end']} />
    </form>
  );
}
