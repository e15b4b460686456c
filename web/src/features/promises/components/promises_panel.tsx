import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { useDepartments, useNameLookup, useUsers } from '@/lib/directory';
import type { Message, PromiseNotified, PromiseParty, PromiseRecord } from '@/types/api';
import { usePromises } from '../api/promises';
import { ConflictNotice } from './conflict_notice';
import { NewPromiseForm } from './new_promise_form';
import { NoticeSent } from './notice_sent';
import { PromiseItem } from './promise_item';

export interface PromisesPanelProps {
  customerId: number;
  /** In a conversation: new promises belong to it, and its messages can be what kept one. */
  conversationId?: number;
  messages?: Message[];
  canWrite: boolean;
  /** `card` on the customer page; `aside` in the conversation's customer panel. */
  variant?: 'card' | 'aside';
}

/**
 * The customer's live promises, both ways: what we owe them and what they
 * owe us, each due first, the overdue ones highlighted. Those who may write
 * keep, break, renegotiate or cancel them, and record new ones. A change
 * someone else made first (409) is shown as it is now, with the reason.
 */
export function PromisesPanel({ customerId, conversationId, messages, canWrite, variant = 'card' }: PromisesPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const promises = usePromises({ customer_id: customerId });
  const userName = useNameLookup(useUsers().data);
  const departmentName = useNameLookup(useDepartments().data);
  const [adding, setAdding] = useState(false);
  const [conflict, setConflict] = useState<{ current: PromiseRecord; error: unknown } | null>(null);
  const [sent, setSent] = useState<PromiseNotified | null>(null);
  const owner = (p: PromiseRecord) => userName(p.owner_user_id) ?? departmentName(p.owner_department_id);
  const items = promises.data ?? [];
  const group = (by: PromiseParty) => {
    const list = items.filter((p) => p.by === by);
    return (
      <div className="promises__group" data-testid={`promises-${by}`}>
        <h3 className="panel-subtitle">{by === 'us' ? t('promises.ours') : t('promises.theirs')}</h3>
        {list.length === 0 ? (
          <p className="muted small">{t('promises.none')}</p>
        ) : (
          <ul className="promises__list">
            {list.map((p) => (
              <PromiseItem
                key={`${p.id}.${p.version}`}
                promise={p}
                owner={owner(p)}
                canWrite={canWrite}
                messages={messages}
                onConflict={(current, error) => setConflict({ current, error })}
                onNotified={setSent}
              />
            ))}
          </ul>
        )}
      </div>
    );
  };
  const Title = variant === 'card' ? 'h2' : 'h3';
  return (
    <section className={variant === 'card' ? 'card promises' : 'promises promises--aside'} aria-labelledby={titleId} data-testid="promises-panel">
      <div className="card__head">
        <Title id={titleId} className={variant === 'card' ? 'panel-title' : 'panel-subtitle'}>
          {t('promises.title')}
        </Title>
        {canWrite && (
          <button type="button" className="btn btn--small" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('promises.new')}
          </button>
        )}
      </div>
      {adding && <NewPromiseForm customerId={customerId} conversationId={conversationId} />}
      {conflict && <ConflictNotice {...conflict} onClose={() => setConflict(null)} />}
      {sent && <NoticeSent sent={sent} onClose={() => setSent(null)} />}
      {promises.isPending ? (
        <Spinner />
      ) : promises.isError ? (
        <ErrorPanel error={promises.error} onRetry={() => void promises.refetch()} />
      ) : (
        <div className="promises__groups">
          {group('us')}
          {group('customer')}
        </div>
      )}
    </section>
  );
}
