import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useDepartments, useQueues } from '@/lib/directory';
import { loadDraft, saveDraft } from '@/lib/drafts';
import type { Conversation } from '@/types/api';
import { useTransferConversation } from '../api/transfer_conversation';

const fields = ['department_id', 'queue_id', 'note'];

/** Hand-over to another department with the note the next person needs. */
export function TransferForm({ conversation: c, onDone }: { conversation: Conversation; onDone: () => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const queues = useQueues();
  const transfer = useTransferConversation(c.id);
  const draftKey = `${c.id}.transfer`;
  const [department, setDepartment] = useState<number | ''>('');
  const [queue, setQueue] = useState<number | ''>('');
  const [note, setNoteState] = useState(() => loadDraft(draftKey));
  const setNote = (v: string) => {
    setNoteState(v);
    saveDraft(draftKey, v);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    transfer.mutate(
      { department_id: department === '' ? undefined : department, queue_id: queue === '' ? null : queue, note },
      {
        onSuccess: () => {
          saveDraft(draftKey, '');
          onDone();
        },
      },
    );
  };

  return (
    <form className="transfer" onSubmit={submit} aria-labelledby="transfer-title" data-testid="transfer-form">
      <h3 id="transfer-title">{t('conversation.transferTitle')}</h3>
      <div className="field">
        <label htmlFor="transfer-department">{t('conversation.department')}</label>
        <select
          {...fieldProps('transfer-department', transfer.error, 'department_id')}
          value={department}
          onChange={(e) => {
            setDepartment(e.target.value ? Number(e.target.value) : '');
            setQueue('');
          }}
        >
          <option value="">—</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id} disabled={d.id === c.department_id}>
              {d.name}
            </option>
          ))}
        </select>
        <FieldError id="transfer-department" error={transfer.error} field="department_id" />
      </div>
      <div className="field">
        <label htmlFor="transfer-queue">{t('conversation.queue')}</label>
        <select {...fieldProps('transfer-queue', transfer.error, 'queue_id')} value={queue} onChange={(e) => setQueue(e.target.value ? Number(e.target.value) : '')}>
          <option value="">{t('conversation.noQueue')}</option>
          {queues.data
            ?.filter((q) => q.department_id === department)
            .map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
        </select>
        <FieldError id="transfer-queue" error={transfer.error} field="queue_id" />
      </div>
      <div className="field">
        <label htmlFor="transfer-note">{t('conversation.transferNote')}</label>
        <textarea {...fieldProps('transfer-note', transfer.error, 'note')} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
        <p className="help">{t('conversation.transferNoteHelp')}</p>
        <FieldError id="transfer-note" error={transfer.error} field="note" />
      </div>
      <FormError error={transfer.error} fields={fields} />
      <div className="form-actions">
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {t('conversation.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={transfer.isPending}>
          {t('conversation.transferSubmit')}
        </button>
      </div>
    </form>
  );
}
