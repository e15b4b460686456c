import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@/types/api';

// A message's content. The server sends `body_html` sanitised (an allow-list;
// `cid:` images already point at /api/v1/attachments/{id}, remote images are
// gone), so it is shown as it is; otherwise `body_text`. When the message
// quotes earlier mail or carries a signature, `new_text` holds only what the
// sender wrote now: that is shown, and the whole message behind a toggle.

function FullBody({ message, id }: { message: Message; id?: string }) {
  if (message.body_html)
    return (
      <div id={id} className="message__html" data-testid="message-html" dangerouslySetInnerHTML={{ __html: message.body_html }} />
    );
  return (
    <div id={id} className="message__body">
      {message.body_text}
    </div>
  );
}

export function MessageBody({ message }: { message: Message }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  if (message.new_text === null) return <FullBody message={message} />;
  const id = `message-${message.id}-content`;
  return (
    <>
      {expanded ? (
        <FullBody message={message} id={id} />
      ) : (
        <div id={id} className="message__body">
          {message.new_text}
        </div>
      )}
      <button
        type="button"
        className="btn btn--link message__quote-toggle"
        aria-expanded={expanded}
        aria-controls={id}
        onClick={() => setExpanded((x) => !x)}
      >
        {expanded ? t('conversation.hideQuoted') : t('conversation.showQuoted')}
      </button>
    </>
  );
}
