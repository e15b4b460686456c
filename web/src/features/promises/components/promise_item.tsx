import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { formatDateTime, formatDue } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Message, PromiseNotified, PromiseRecord } from '@/types/api';
import { currentFromConflict, useChangePromise, useNotifyPromise, type PromiseChange, type PromiseNotice } from '../api/promises';
import { dueFromInputs, isOverdue } from './due';
import { noticeError } from './notice_sent';

type Action = PromiseChange['action'];
const ACTIONS: Action[] = ['keep', 'break', 'renegotiate', 'cancel'];
const CALL = 'call';

export interface PromiseItemProps {
  promise: PromiseRecord;
  /** Who owns it, as people read it (a user, else a department). */
  owner?: string;
  canWrite: boolean;
  /** Messages that may have kept it (the conversation's, when in one); without them a call id is typed. */
  messages?: Message[];
  /** A change was refused (409): the promise as it is now, and why. */
  onConflict: (current: PromiseRecord, error: unknown) => void;
  /** A confirmation or reminder went to the customer. */
  onNotified?: (sent: PromiseNotified) => void;
}

/** One live promise: what, due when (overdue highlighted), whose; and what can happen to it. */
export function PromiseItem({ promise: p, owner, canWrite, messages = [], onConflict, onNotified }: PromiseItemProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const overdue = isOverdue(p.due_end);
  return (
    <li className={overdue ? 'promise promise--overdue' : 'promise'} data-testid="promise" data-promise-id={p.id} data-overdue={overdue || undefined}>
      <p className="promise__head">
        <span className="badge">{t(`promises.kind.${p.kind}`)}</span>
        {overdue && <span className="badge badge--overdue">{t('promises.overdue')}</span>}
        {p.status !== 'open' && <span className="badge">{t(`promises.status.${p.status}`)}</span>}
      </p>
      <p className="promise__what">{p.what}</p>
      <p className="promise__meta muted small">
        {p.due_end ? (
          <time dateTime={p.due_end} title={formatDateTime(p.due_end, lang)}>
            {t('promises.due', { due: formatDue(p.due_end, lang) })}
          </time>
        ) : (
          t('promises.asap')
        )}
        {owner && <span> · {owner}</span>}
      </p>
      {p.renegotiations > 0 && p.original_due_end && (
        <p className="muted small">{t('promises.moved', { count: p.renegotiations, due: formatDue(p.original_due_end, lang) })}</p>
      )}
      {canWrite && <PromiseActions promise={p} messages={messages} onConflict={onConflict} onNotified={onNotified} />}
    </li>
  );
}

export interface PromiseActionsProps {
  promise: PromiseRecord;
  /** Messages that may have kept it (the conversation's, when in one); without them a call id is typed. */
  messages?: Message[];
  /** A change was refused (409): the promise as it is now, and why. */
  onConflict: (current: PromiseRecord, error: unknown) => void;
  /** A confirmation or reminder went to the customer (the promise's version moved on, so this row is redrawn). */
  onNotified?: (sent: PromiseNotified) => void;
  /** The id of what names the promise (its words), so each button says which promise it is for. */
  describedBy?: string;
}

/**
 * Keep, break, renegotiate or cancel a live promise: a button each, and the
 * form of the one chosen. And tell the customer: a confirmation, or (for
 * what they took on) a gentle reminder.
 */
export function PromiseActions({ promise: p, messages = [], onConflict, onNotified, describedBy }: PromiseActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const change = useChangePromise();
  const notify = useNotifyPromise(onNotified);
  const send = (notice: PromiseNotice) => {
    setOpen(null);
    notify.mutate({ id: p.id, notice });
  };
  const submit = (c: PromiseChange) =>
    change.mutate(
      { id: p.id, change: c },
      {
        onSuccess: () => setOpen(null),
        onError: (error) => {
          const current = currentFromConflict(error);
          if (current) {
            setOpen(null);
            onConflict(current, error);
          }
        },
      },
    );
  const toggle = (a: Action) => {
    change.reset();
    setOpen(open === a ? null : a);
  };
  return (
    <>
      <div className="row-actions row-actions--wrap">
        {ACTIONS.map((a) => (
          <button key={a} type="button" className={a === 'keep' ? 'btn btn--small btn--primary' : 'btn btn--small'} aria-pressed={open === a} aria-describedby={describedBy} onClick={() => toggle(a)}>
            {t(`promises.${a}`)}
          </button>
        ))}
        <button type="button" className="btn btn--small btn--ghost" disabled={notify.isPending} aria-describedby={describedBy} onClick={() => send('confirm')}>
          {t('promises.notify.confirm')}
        </button>
        {p.by === 'customer' && (
          <button type="button" className="btn btn--small btn--ghost" disabled={notify.isPending} aria-describedby={describedBy} onClick={() => send('remind-customer')}>
            {t('promises.notify.remind')}
          </button>
        )}
      </div>
      {notify.isError && (
        <p className="form-error" role="alert">
          {noticeError(t, notify.error)}
        </p>
      )}
      {open && (
        <ChangeForm key={open} action={open} promise={p} messages={messages} busy={change.isPending} error={change.error} onSubmit={submit} onBack={() => setOpen(null)} />
      )}
    </>
  );
}

function ChangeForm(props: {
  action: Action;
  promise: PromiseRecord;
  messages: Message[];
  busy: boolean;
  error: unknown;
  onSubmit: (c: PromiseChange) => void;
  onBack: () => void;
}) {
  const { action, promise: p, messages, busy, error } = props;
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const [evidence, setEvidence] = useState(messages.length > 0 ? '' : CALL);
  const [callId, setCallId] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const version = p.version;
  const trimmed = note.trim();
  const withNote = trimmed ? { note: trimmed } : {};
  const chosen = (): PromiseChange | null => {
    switch (action) {
      case 'keep': {
        if (evidence === CALL) {
          const call = Number(callId);
          return Number.isInteger(call) && call > 0 ? { action, body: { version, evidence_kind: 'call', evidence_id: call, ...withNote } } : null;
        }
        return evidence ? { action, body: { version, evidence_kind: 'message', evidence_id: Number(evidence), ...withNote } } : null;
      }
      case 'renegotiate': {
        const due = dueFromInputs(date, time);
        return due ? { action, body: { version, due_end: due, ...withNote } } : null;
      }
      case 'cancel':
        return trimmed ? { action, body: { version, note: trimmed } } : null;
      case 'break':
        return { action, body: { version, ...withNote } };
    }
  };
  const ready = chosen();
  return (
    <form
      className="promise__form stack"
      data-testid={`promise-${action}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) props.onSubmit(ready);
      }}
    >
      {action === 'keep' && (
        <div className="field">
          <label htmlFor={`${id}-evidence`}>{t('promises.evidence')}</label>
          {messages.length > 0 && (
            <select {...fieldProps(`${id}-evidence`, error, 'evidence_id')} value={evidence} onChange={(e) => setEvidence(e.target.value)}>
              <option value="">{t('promises.chooseMessage')}</option>
              {[...messages].reverse().map((m) => (
                <option key={m.id} value={m.id}>
                  {`${formatDateTime(m.created_at, lang)} ${m.direction === 'in' ? '←' : '→'} ${m.internal ? `(${t('promises.internal')}) ` : ''}${m.body_text.slice(0, 60)}`}
                </option>
              ))}
              <option value={CALL}>{t('promises.aCall')}</option>
            </select>
          )}
          {evidence === CALL && (
            <input
              {...fieldProps(messages.length > 0 ? `${id}-call` : `${id}-evidence`, error, 'evidence_id')}
              aria-label={messages.length > 0 ? t('promises.callId') : undefined}
              placeholder={t('promises.callId')}
              type="number"
              min="1"
              step="1"
              inputMode="numeric"
              value={callId}
              onChange={(e) => setCallId(e.target.value)}
            />
          )}
          <FieldError id={evidence === CALL && messages.length > 0 ? `${id}-call` : `${id}-evidence`} error={error} field="evidence_id" />
        </div>
      )}
      {action === 'renegotiate' && (
        <div className="inline-form inline-form--wrap">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('promises.newDueDate')}</label>
            <input {...fieldProps(`${id}-date`, error, 'due_end')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>{t('promises.dueTime')}</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
          <FieldError id={`${id}-date`} error={error} field="due_end" />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{action === 'cancel' ? t('promises.reason') : t('promises.note')}</label>
        <textarea {...fieldProps(`${id}-note`, error, 'note')} rows={2} required={action === 'cancel'} value={note} onChange={(e) => setNote(e.target.value)} />
        <FieldError id={`${id}-note`} error={error} field="note" />
      </div>
      <div className="inline-form">
        <button type="submit" className={action === 'keep' ? 'btn btn--small btn--primary' : action === 'renegotiate' ? 'btn btn--small' : 'btn btn--small btn--danger'} disabled={busy || !ready}>
          {t(`promises.confirm${action === 'keep' ? 'Keep' : action === 'break' ? 'Break' : action === 'renegotiate' ? 'Renegotiate' : 'Cancel'}`)}
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={props.onBack}>
          {t('promises.back')}
        </button>
      </div>
      {currentFromConflict(error) == null && <FormError error={error} fields={['evidence_id', 'due_end', 'note']} />}
    </form>
  );
}
