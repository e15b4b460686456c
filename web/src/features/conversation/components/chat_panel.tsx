import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/field_error';
import { useUsers } from '@/lib/directory';
import { formatRelative } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { setChatAlerts, useChatAlerts, useVisitorTyping } from '@/lib/live/chat_signals';
import { can, useCurrentSession } from '@/lib/session';
import type { Conversation } from '@/types/api';
import { useChat, useChatAction, useSendTranscript } from '../api/chat';

/**
 * Above a chat conversation: where the chat stands (waiting since…, with
 * whom, ended, continued by e-mail), the page the visitor started on,
 * whether the visitor is typing, and Accept / End for those who may write.
 */
export function ChatPanel({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const chat = useChat(conversation.id, conversation.channel === 'chat');
  const accept = useChatAction(conversation.id, 'accept');
  const end = useChatAction(conversation.id, 'end');
  const transcript = useSendTranscript(conversation.id);
  const typing = useVisitorTyping(conversation.id);
  const users = useUsers();
  const alerts = useChatAlerts();
  const session = useCurrentSession();
  if (conversation.channel !== 'chat' || !chat.data) return null;
  const c = chat.data;
  const agent = users.data?.find((u) => u.id === c.agent_id)?.name;
  const lang = currentLanguage();
  const mayWrite = can(session, 'write_conversations');
  const busy = accept.isPending || end.isPending || transcript.isPending;
  return (
    <section className="chat-panel" data-testid="chat-panel" data-state={c.state} aria-label={t('chat.panel')}>
      <p>
        <strong>
          {c.state === 'waiting' && t('chat.waiting', { time: formatRelative(c.requested_at, lang) })}
          {c.state === 'active' && t('chat.active', { agent: agent ?? t('chat.someone') })}
          {c.state === 'ended' && t('chat.ended')}
          {c.state === 'by_email' && t('chat.byEmail')}
        </strong>
        {c.page_url && (
          <>
            {' · '}
            <a href={c.page_url} target="_blank" rel="noopener noreferrer">
              {t('chat.page')}
            </a>
          </>
        )}
      </p>
      <p className="chat-panel__typing" role="status" aria-live="polite">
        {typing ? t('chat.visitorTyping') : ''}
      </p>
      <div className="chat-panel__actions">
        {mayWrite && (c.state === 'waiting' || c.state === 'by_email') && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => accept.mutate()}>
            {t('chat.accept')}
          </button>
        )}
        {mayWrite && (c.state === 'waiting' || c.state === 'active') && (
          <button type="button" className="button" disabled={busy} onClick={() => end.mutate()}>
            {t('chat.end')}
          </button>
        )}
        {mayWrite && (
          <button type="button" className="button" disabled={busy} onClick={() => transcript.mutate()}>
            {t('chat.transcript')}
          </button>
        )}
        {transcript.isSuccess && <span role="status">{t('chat.transcriptQueued')}</span>}
        <label className="toggle">
          <input type="checkbox" checked={alerts} onChange={(e) => setChatAlerts(e.target.checked)} />
          <span>{t('chat.alerts')}</span>
        </label>
      </div>
      <FormError error={accept.error ?? end.error ?? transcript.error} />
    </section>
  );
}
