import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { currentLanguage } from '@/lib/i18n';
import { useActiveTopics, useConversationTopic, useSetConversationTopic } from '../api/topics';
import { sourceText } from './topic_words';

// On the conversation screen, under its title: what the conversation is
// about and how that was decided ("Suggested by the model, 82%"). Someone
// who may write conversations chooses another active topic, or says none
// fits, with one click; confirming the model's suggestion makes it a label
// too. A person's choice is a label the classifier learns from and never
// overwrites.

/** The select's value for "none of these fits" (sent as `topic_id: null`). */
const NONE = 'none';

export function ConversationTopicControl({ conversationId, canWrite }: { conversationId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const topic = useConversationTopic(conversationId);
  const topics = useActiveTopics(canWrite);
  const set = useSetConversationTopic(conversationId);
  const id = `conversation-topic-${conversationId}`;
  if (topic.isPending) return null;
  if (topic.isError) {
    return (
      <p className="conversation-topic muted small" data-testid="conversation-topic">
        {t('topics.control.unreadable')}
      </p>
    );
  }
  const c = topic.data;
  const how =
    c.source == null ? t('topics.control.notRead') : sourceText(t, c.source, c.confidence, lang, c.topic_id == null);
  const value = c.topic_id != null ? String(c.topic_id) : c.source === 'agent' ? NONE : '';
  const choices = topics.data ?? [];
  const current = c.topic_id != null && !choices.some((x) => x.id === c.topic_id) ? [{ id: c.topic_id, name: c.topic_name ?? `#${c.topic_id}` }] : [];
  return (
    <div className="conversation-topic" data-testid="conversation-topic" data-topic-id={c.topic_id ?? ''} data-source={c.source ?? ''}>
      {canWrite ? (
        <>
          <label htmlFor={id}>{t('topics.control.label')}</label>
          <select
            {...fieldProps(id, set.error, 'topic_id')}
            value={value}
            disabled={set.isPending}
            onChange={(e) => set.mutate(e.target.value === NONE ? null : Number(e.target.value))}
          >
            {value === '' && <option value="">{t('topics.control.choose')}</option>}
            {[...current, ...choices].map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
            <option value={NONE}>{t('topics.control.none')}</option>
          </select>
        </>
      ) : (
        <span>
          <span className="label">{t('topics.control.label')}</span>{' '}
          <strong data-testid="conversation-topic-name">{c.topic_name ?? t('topics.control.noTopic')}</strong>
        </span>
      )}
      <span className="muted small" data-testid="conversation-topic-source">
        {how}
      </span>
      {c.topic_id == null && c.candidate && (
        <span className="muted small" data-testid="conversation-topic-candidate">
          {t(c.candidate.new_theme ? 'topics.control.candidateNew' : 'topics.control.candidate', { name: c.candidate.name })}
        </span>
      )}
      {canWrite && c.source === 'classifier' && c.topic_id != null && (
        <button type="button" className="btn btn--link" disabled={set.isPending} onClick={() => set.mutate(c.topic_id)}>
          {t('topics.control.confirm')}
        </button>
      )}
      <FieldError id={id} error={set.error} field="topic_id" />
      <FormError error={set.error} fields={['topic_id']} />
    </div>
  );
}
