import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/components/channel_icon';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { loadDraft, saveDraft } from '@/lib/drafts';
import { findPersonalData } from '@/lib/personal_data';
import type { AnswerUse, Conversation, ConversationStatus, Message, ReplyCheck } from '@/types/api';
import { sendTyping } from '../api/chat';
import { useSendMessage } from '../api/send_message';
import { useAttachments } from '../hooks/use_attachments';
import { AttachFileButton, ChosenFileList } from './composer_files';

type Mode = 'reply' | 'note';
const afterStatuses: Exclude<ConversationStatus, 'new'>[] = ['open', 'waiting_on_customer', 'waiting_on_us', 'resolved', 'closed'];

export interface ComposerProps {
  conversation: Conversation;
  /** A reply (not a note) the server accepted: the message and the text sent. */
  onReplySent?: (message: Message, text: string) => void;
  /** Under the box while a reply (not a note) is written: what the app adds about its text. */
  replyExtras?: (text: string) => ReactNode;
  /** Above the box for a reply: what can be put in it (a canonical answer, remembered with the reply). */
  answerSlot?: (insert: (text: string, answer: AnswerUse) => void) => ReactNode;
  /**
   * Before a reply goes out: what it says otherwise than the published
   * answer (the one it used, or the one the question asks for). Conflicts
   * stop the send until the agent corrects the reply or gives a reason.
   */
  checkReply?: (text: string, used: AnswerUse | null) => Promise<ReplyCheck>;
}

/**
 * Reply or internal note, with files. The text is kept (also across reloads)
 * until the server accepted it; files are uploaded when chosen, and sending
 * waits until they are.
 */
export function Composer({ conversation, onReplySent, replyExtras, answerSlot, checkReply }: ComposerProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reply');
  const draftKey = `${conversation.id}.${mode}`;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const text = texts[draftKey] ?? loadDraft(draftKey);
  const [status, setStatus] = useState<'' | Exclude<ConversationStatus, 'new'>>('');
  // The canonical answer put in the reply, sent along with it while the reply is not emptied.
  const [used, setUsed] = useState<AnswerUse | null>(null);
  const send = useSendMessage(conversation);
  // What the consistency check found in the reply about to go out, and the agent's reason to send it anyway.
  const [conflicts, setConflicts] = useState<ReplyCheck | null>(null);
  const [reason, setReason] = useState('');
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const files = useAttachments(draftKey);
  const internal = mode === 'note';
  const id = `composer-${conversation.id}`;
  // A public thread: the whole world reads the reply, so personal data in it is named first.
  const exposed = !internal && conversation.public ? findPersonalData(text) : [];
  const exposedNames = exposed.map((k) => t(`conversation.personalData.${k}`)).join(', ');

  const setText = (value: string) => {
    if (!value.trim()) setUsed(null);
    setConflicts(null);
    setTexts((prev) => ({ ...prev, [draftKey]: value }));
    saveDraft(draftKey, value);
    // The visitor of a live chat sees the agent type (never for a note).
    if (conversation.channel === 'chat' && !internal && value.trim()) sendTyping(conversation.id);
  };

  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (send.isPending || files.uploading || checking) return;
    if (exposed.length > 0 && !window.confirm(t('conversation.publicConfirm', { what: exposedNames }))) return;
    if (internal || !checkReply || !text.trim()) return deliver(used);
    setChecking(true);
    checkReply(text, used)
      .then((check) => {
        if (check.answer && check.conflicts.length > 0) {
          setReason('');
          setConflicts(check);
        } else deliver(used);
      })
      // The check could not run: the reply goes; the server still checks a reply that names its answer.
      .catch(() => deliver(used))
      .finally(() => setChecking(false));
  };

  const sendAnyway = () => {
    const answer = conflicts?.answer;
    if (!answer || !reason.trim()) return;
    deliver({ id: used?.id ?? answer.answer_id, number: used?.number ?? answer.number, override: reason.trim() });
  };

  const deliver = (answer: AnswerUse | null) => {
    const key = draftKey;
    const sentFiles = files.files.map((f) => f.key);
    const sentText = text;
    const sentInternal = internal;
    send.mutate(
      {
        body_text: text,
        internal,
        status: internal ? undefined : status || undefined,
        attachments: files.attachments,
        ...(answer && !internal ? { answer } : {}),
      },
      {
        onSuccess: (message) => {
          setTexts((prev) => ({ ...prev, [key]: '' }));
          saveDraft(key, '');
          setStatus('');
          setUsed(null);
          setConflicts(null);
          files.clear(key, sentFiles);
          if (!sentInternal) onReplySent?.(message, sentText);
        },
      },
    );
  };

  const switchMode = (m: Mode) => {
    setMode(m);
    send.reset();
  };

  return (
    <form className={internal ? 'composer composer--note' : 'composer'} onSubmit={submit} data-testid="composer" data-mode={mode}>
      <div className="composer__tabs" role="group">
        <button type="button" className={mode === 'reply' ? 'composer__tab is-active' : 'composer__tab'} aria-pressed={mode === 'reply'} onClick={() => switchMode('reply')}>
          {t('conversation.reply')}
        </button>
        <button type="button" className={mode === 'note' ? 'composer__tab is-active' : 'composer__tab'} aria-pressed={mode === 'note'} onClick={() => switchMode('note')}>
          {t('conversation.note')}
        </button>
        {!internal && (
          <span className="composer__via">
            <ChannelIcon channel={conversation.channel} withLabel />
          </span>
        )}
      </div>
      {!internal &&
        answerSlot?.((answerText, answer) => {
          setText(text.trim() ? `${text.trimEnd()}\n\n${answerText}` : answerText);
          setUsed(answer);
        })}
      <label htmlFor={id} className="visually-hidden">
        {internal ? t('conversation.internalNote') : t('conversation.replyVia', { channel: t(`channel.${conversation.channel}`) })}
      </label>
      <textarea
        ref={input}
        {...fieldProps(id, send.error, 'body_text')}
        className="composer__input"
        rows={4}
        value={text}
        placeholder={internal ? t('conversation.notePlaceholder') : t('conversation.replyPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      <FieldError id={id} error={send.error} field="body_text" />
      {!internal && replyExtras?.(text)}
      {exposed.length > 0 && (
        <p className="composer__warning" role="status" data-testid="composer-public-warning">
          {t('conversation.publicWarning', { what: exposedNames })}
        </p>
      )}
      {conflicts?.answer && (
        <section className="composer__conflicts" role="alert" data-testid="reply-conflicts">
          <strong>{t('answers.conflictTitle', { title: conflicts.answer.title })}</strong>
          <ul>
            {conflicts.conflicts.map((c, i) => (
              <li key={i} data-kind={c.kind}>
                <p>{t('answers.conflict', { published: c.published, written: c.written })}</p>
                <dl className="composer__conflict-sentences">
                  <dt>{t('answers.conflictPublished')}</dt>
                  <dd>{c.published_sentence}</dd>
                  <dt>{t('answers.conflictWritten')}</dt>
                  <dd>{c.written_sentence}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <div className="composer__conflict-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                setConflicts(null);
                input.current?.focus();
              }}
            >
              {t('answers.correct')}
            </button>
            <label className="inline-field">
              <span>{t('answers.overrideReason')}</span>
              <input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />
            </label>
            <button type="button" className="btn btn--primary" disabled={!reason.trim() || send.isPending} onClick={sendAnyway}>
              {t('answers.sendAnyway')}
            </button>
          </div>
        </section>
      )}
      <ChosenFileList files={files.files} onRemove={files.remove} />
      {send.isError && (
        <>
          <FormError error={send.error} fields={['body_text']} />
          <p className="muted small">{t('conversation.draftKept')}</p>
        </>
      )}
      <div className="composer__actions">
        <AttachFileButton id={`${id}-files`} onAdd={files.add} />
        {!internal && (
          <label className="inline-field">
            <span>{t('conversation.sendAndSet')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              <option value="">{t('conversation.keepStatus')}</option>
              {afterStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={internal ? 'btn btn--note' : 'btn btn--primary'} disabled={send.isPending || files.uploading || checking}>
          {send.isPending ? t('conversation.sending') : internal ? t('conversation.addNote') : t('conversation.send')}
        </button>
      </div>
    </form>
  );
}
