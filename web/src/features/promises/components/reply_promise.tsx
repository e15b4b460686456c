import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/field_error';
import { currentLanguage } from '@/lib/i18n';
import { useDebounced } from '@/lib/use_debounced';
import type { Language, SuggestPromise } from '@/types/api';
import { useCreatePromise, usePromiseSuggestion } from '../api/promises';
import { NewPromiseForm } from './new_promise_form';
import { commitmentLine, commitmentOf, draftFromCommitment, promiseFromCommitment } from './suggestion';

// A reply that commits someone ("we bellen u morgen voor 12 uur terug") is
// suggested as a promise: while it is written, as a hint under the reply
// box; once it went out, as a notice the agent confirms (one click),
// corrects (the "New promise" form, filled in) or dismisses.

/**
 * How a text is read: in its language (the customer's; else the UI's), with
 * the department's business days, a callback within the customer's contact
 * hours.
 */
function suggestInput(text: string, lang: Language | undefined, departmentId: number | null | undefined, contactHours?: string | null): SuggestPromise {
  return { text, lang: lang ?? currentLanguage(), ...(departmentId ? { department_id: departmentId } : {}), ...(contactHours ? { contact_hours: contactHours } : {}) };
}

/** A reply shorter than this is not read while it is written. */
const HINT_MIN_LENGTH = 20;
const HINT_DELAY_MS = 800;

export interface ReplyPromiseHintProps {
  /** The reply being written. */
  text: string;
  /** The language of the reply (the customer's); the UI language when not known. */
  lang?: Language;
  departmentId?: number | null;
  /** The customer's contact hours ("09:00-12:30"): a callback falls within them. */
  contactHours?: string | null;
  /** "Record as a promise when sending", ticked. */
  recordOnSend: boolean;
  onRecordOnSendChange: (record: boolean) => void;
}

/**
 * Under the reply box: what the reply promises, once the writer pauses
 * (800 ms) on more than 20 characters, and a box to record it when it is
 * sent. Nothing while the reply commits nobody.
 */
export function ReplyPromiseHint({ text, lang, departmentId, contactHours, recordOnSend, onRecordOnSendChange }: ReplyPromiseHintProps) {
  const { t } = useTranslation();
  const id = useId();
  const long = text.trim().length > HINT_MIN_LENGTH;
  const settled = useDebounced(long ? text : '', HINT_DELAY_MS);
  const suggestion = usePromiseSuggestion(long && settled ? suggestInput(settled, lang, departmentId, contactHours) : null, { keepPrevious: true });
  // A reply cut short, or sent and cleared, hides the hint at once, not after the pause.
  const c = long && settled ? commitmentOf(suggestion.data) : null;
  return (
    <div className="promise-hint" data-testid="promise-hint">
      <p className="promise-hint__line" aria-live="polite">
        {c && commitmentLine(t, c, currentLanguage())}
      </p>
      {c && (
        <label className="toggle" htmlFor={`${id}-record`}>
          <input id={`${id}-record`} type="checkbox" checked={recordOnSend} onChange={(e) => onRecordOnSendChange(e.target.checked)} />
          <span>{t('promises.suggestion.recordOnSend')}</span>
        </label>
      )}
    </div>
  );
}

export interface ReplyPromiseNoticeProps {
  customerId: number;
  conversationId: number;
  /** The reply that went out, and its text. */
  messageId: number;
  text: string;
  lang?: Language;
  departmentId?: number | null;
  /** The customer's contact hours ("09:00-12:30"): a callback falls within them. */
  contactHours?: string | null;
  /** Record it without asking (ticked before sending). */
  recordAtOnce?: boolean;
  onClose: () => void;
}

/**
 * After a reply went out: what it promises, with "Record promise" (one
 * click: the sentence, due as read, from that message), "Adjust" (the form,
 * filled in) and "Dismiss". Nothing when the reply commits nobody.
 */
export function ReplyPromiseNotice({ customerId, conversationId, messageId, text, lang, departmentId, contactHours, recordAtOnce = false, onClose }: ReplyPromiseNoticeProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const suggestion = usePromiseSuggestion(suggestInput(text, lang, departmentId, contactHours));
  const create = useCreatePromise();
  const { mutate } = create;
  const [adjusting, setAdjusting] = useState(false);
  // How it was recorded: by the agent here (the OK button takes the focus of the one that went), or at once.
  const [recorded, setRecorded] = useState<'' | 'here' | 'at-once'>('');
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (recorded === 'here') ok.current?.focus();
  }, [recorded]);
  const data = suggestion.data;
  const c = commitmentOf(data);

  // Ticked before sending: recorded as soon as the reply is read, once.
  const recordedAtOnce = useRef(false);
  useEffect(() => {
    const found = commitmentOf(data);
    if (!recordAtOnce || recordedAtOnce.current || !found) return;
    recordedAtOnce.current = true;
    mutate(promiseFromCommitment(found, { customerId, conversationId, messageId }), { onSuccess: () => setRecorded('at-once') });
  }, [recordAtOnce, data, mutate, customerId, conversationId, messageId]);

  if (recorded) {
    return (
      <div className="notice promise-suggestion" data-testid="promise-suggestion">
        <p className="promise-suggestion__line" role="status">
          {t('promises.created')}
        </p>
        <button ref={ok} type="button" className="btn btn--small btn--ghost" onClick={onClose}>
          {t('promises.dismiss')}
        </button>
      </div>
    );
  }
  if (!c) return null;
  const record = () => mutate(promiseFromCommitment(c, { customerId, conversationId, messageId }), { onSuccess: () => setRecorded('here') });
  return (
    <section className="notice promise-suggestion" aria-labelledby={titleId} data-testid="promise-suggestion">
      <p id={titleId} className="promise-suggestion__line" role="status">
        <strong>{commitmentLine(t, c, currentLanguage())}</strong>
      </p>
      {c.what && (
        <p className="promise-suggestion__sentence muted small">
          <q>{c.what}</q>
        </p>
      )}
      <div className="row-actions row-actions--wrap">
        {!adjusting && (
          <button type="button" className="btn btn--small btn--primary" disabled={create.isPending || c.what === ''} onClick={record}>
            {t('promises.suggestion.record')}
          </button>
        )}
        <button type="button" className="btn btn--small" aria-expanded={adjusting} onClick={() => setAdjusting(!adjusting)}>
          {t('promises.suggestion.adjust')}
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
          {t('promises.suggestion.dismiss')}
        </button>
      </div>
      {!adjusting && <FormError error={create.error} />}
      {adjusting && (
        <NewPromiseForm
          customerId={customerId}
          conversationId={conversationId}
          messageId={messageId}
          initial={draftFromCommitment(c)}
          onDone={() => setRecorded('here')}
        />
      )}
    </section>
  );
}
