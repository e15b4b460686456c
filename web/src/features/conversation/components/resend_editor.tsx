import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useCustomer } from '@/lib/directory';
import type { Message } from '@/types/api';
import { useResendReply } from '../api/retry_send';
import { useAttachments } from '../hooks/use_attachments';
import { AttachFileButton, ChosenFileList } from './composer_files';

// "Edit and resend" below a failed or uncertain reply: its text to change,
// its files (sent again by their hash; removable, and more can be added),
// and the customer's e-mail address to send it to. Sending replaces the old
// reply (which the server marks cancelled). Focus moves into the text when
// it opens; Escape or Cancel closes it (the caller returns focus).

export function ResendEditor(props: { message: Message; customerId: number; onCancel: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const m = props.message;
  const id = `resend-${m.id}`;
  const [text, setText] = useState(m.body_text);
  const [to, setTo] = useState('');
  // Files without a hash cannot be named again, so they are not offered.
  const [kept, setKept] = useState(() => m.attachments.filter((a) => a.sha256 !== ''));
  const files = useAttachments(id);
  const customer = useCustomer(props.customerId);
  const resend = useResendReply(m.conversation_id);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const addresses = customer.data?.identities.filter((i) => i.kind === 'email') ?? [];

  useEffect(() => {
    textRef.current?.focus();
  }, []);

  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (resend.isPending || files.uploading) return;
    resend.mutate(
      {
        messageId: m.id,
        body_text: text,
        attachments: [...kept.map((a) => ({ filename: a.filename, content_type: a.content_type, sha256: a.sha256 })), ...files.attachments],
        to: to || undefined,
      },
      { onSuccess: props.onSent },
    );
  };

  return (
    <form
      className="resend"
      aria-labelledby={`${id}-title`}
      data-testid="resend-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p id={`${id}-title`} className="resend__title">
        {t('delivery.editTitle')}
      </p>
      <p className="resend__help">{t('delivery.editHelp')}</p>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('delivery.editTo')}</label>
        <select {...fieldProps(`${id}-to`, resend.error, 'to')} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('delivery.editToSame')}</option>
          {addresses.map((i) => (
            <option key={i.id} value={i.value} title={i.failing?.reason}>
              {i.failing ? t('delivery.editBounced', { address: i.value }) : i.value}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-to`} error={resend.error} field="to" />
      </div>
      <div className="field">
        <label htmlFor={id}>{t('delivery.editText')}</label>
        <textarea
          {...fieldProps(id, resend.error, 'body_text')}
          ref={textRef}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
        />
        <FieldError id={id} error={resend.error} field="body_text" />
      </div>
      {kept.length > 0 && (
        <ul className="composer__files" aria-label={t('delivery.editFiles')}>
          {kept.map((a) => (
            <li key={a.id} className="composer__file" data-testid="resend-file">
              <span className="composer__file-name">{a.filename}</span>{' '}
              <span className="muted">({Math.ceil(a.size_bytes / 1024)} KB)</span>
              <button
                type="button"
                className="tag__remove"
                aria-label={t('conversation.removeFile', { name: a.filename })}
                onClick={() => {
                  setKept((all) => all.filter((x) => x.id !== a.id));
                  textRef.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ChosenFileList files={files.files} onRemove={files.remove} />
      <FormError error={resend.error} fields={['body_text', 'to']} />
      <div className="composer__actions">
        <AttachFileButton id={`${id}-files`} onAdd={files.add} />
        <button type="button" className="btn btn--ghost" onClick={props.onCancel}>
          {t('conversation.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={resend.isPending || files.uploading}>
          {resend.isPending ? t('conversation.sending') : t('delivery.editSend')}
        </button>
      </div>
    </form>
  );
}
