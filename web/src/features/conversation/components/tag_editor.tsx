import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import type { Conversation } from '@/types/api';
import { useUpdateConversation } from '../api/update_conversation';

export function TagEditor({ conversation: c, disabled }: { conversation: Conversation; disabled: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const update = useUpdateConversation(c.id);
  const id = `tags-${c.id}`;

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const tag = draft.trim().toLowerCase();
    if (!tag || c.tags.includes(tag)) return setDraft('');
    update.mutate({ tags: [...c.tags, tag] }, { onSuccess: () => setDraft('') });
  };

  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        {t('conversation.tags')}
      </span>
      <ul className="tag-list" aria-labelledby={`${id}-label`}>
        {c.tags.map((tag) => (
          <li key={tag} className="tag tag--editable">
            #{tag}
            {!disabled && (
              <button
                type="button"
                className="tag__remove"
                aria-label={t('conversation.removeTag', { tag })}
                onClick={() => update.mutate({ tags: c.tags.filter((x) => x !== tag) })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && (
        <form className="inline-form" onSubmit={add}>
          <label htmlFor={id} className="visually-hidden">
            {t('conversation.addTag')}
          </label>
          <input {...fieldProps(id, update.error, 'tags')} type="text" value={draft} placeholder={t('conversation.addTag')} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="btn btn--small" disabled={update.isPending}>
            +
          </button>
        </form>
      )}
      <FieldError id={id} error={update.error} field="tags" />
      <FormError error={update.error} fields={['tags']} />
    </div>
  );
}
