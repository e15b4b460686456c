import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/field_error';
import { useDepartments, useQueues, useUsers } from '@/lib/directory';
import { can, useCurrentSession } from '@/lib/session';
import { PRIORITIES, STATUSES } from '@/types/api';
import type { Conversation, ConversationStatus, Priority } from '@/types/api';
import { useUpdateConversation } from '../api/update_conversation';
import { TagEditor } from './tag_editor';
import { TransferForm } from './transfer_form';

/** Status, priority, assignee, queue, tags and transfer; each control saves on change and shows its own error. */
export function ConversationProperties({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const me = session?.user ?? null;
  const users = useUsers();
  const queues = useQueues();
  const departments = useDepartments();
  const [transferring, setTransferring] = useState(false);
  const status = useUpdateConversation(c.id);
  const priority = useUpdateConversation(c.id);
  const assignee = useUpdateConversation(c.id);
  const queue = useUpdateConversation(c.id);
  const readOnly = !can(session, 'write_conversations');
  const department = departments.data?.find((d) => d.id === c.department_id);

  return (
    <aside className="properties" aria-labelledby="properties-title">
      <h2 id="properties-title" className="panel-title">
        {t('conversation.properties')}
      </h2>
      <div className="field">
        <label htmlFor="prop-status">{t('conversation.status')}</label>
        <select id="prop-status" value={c.status} disabled={readOnly || status.isPending} onChange={(e) => status.mutate({ status: e.target.value as ConversationStatus })}>
          {STATUSES.map((s) => (
            <option key={s} value={s} disabled={s === 'new' && c.status !== 'new'}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <FormError error={status.error} />
      </div>
      <div className="field">
        <label htmlFor="prop-priority">{t('conversation.priority')}</label>
        <select id="prop-priority" value={c.priority} disabled={readOnly || priority.isPending} onChange={(e) => priority.mutate({ priority: e.target.value as Priority })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <FormError error={priority.error} />
      </div>
      <div className="field">
        <label htmlFor="prop-assignee">{t('conversation.assignee')}</label>
        <select
          id="prop-assignee"
          value={c.assignee_id ?? ''}
          disabled={readOnly || assignee.isPending}
          onChange={(e) => assignee.mutate({ assignee_id: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('conversation.nobody')}</option>
          {users.data
            ?.filter((u) => u.active || u.id === c.assignee_id)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
        {me && c.assignee_id !== me.id && !readOnly && (
          <button type="button" className="btn btn--link" onClick={() => assignee.mutate({ assignee_id: me.id })}>
            {t('conversation.assignToMe')}
          </button>
        )}
        <FormError error={assignee.error} />
      </div>
      <div className="field">
        <span className="label" id="prop-department-label">{t('conversation.department')}</span>
        <p className="value" aria-labelledby="prop-department-label" data-testid="property-department">
          {department?.name ?? `#${c.department_id}`}
        </p>
      </div>
      <div className="field">
        <label htmlFor="prop-queue">{t('conversation.queue')}</label>
        <select
          id="prop-queue"
          value={c.queue_id ?? ''}
          disabled={readOnly || queue.isPending}
          onChange={(e) => queue.mutate({ queue_id: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('conversation.noQueue')}</option>
          {queues.data
            ?.filter((q) => q.department_id === c.department_id)
            .map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
        </select>
        <FormError error={queue.error} />
      </div>
      <TagEditor conversation={c} disabled={readOnly} />
      {!readOnly &&
        (transferring ? (
          <TransferForm conversation={c} onDone={() => setTransferring(false)} />
        ) : (
          <button type="button" className="btn btn--block" onClick={() => setTransferring(true)}>
            {t('conversation.transfer')}
          </button>
        ))}
    </aside>
  );
}
