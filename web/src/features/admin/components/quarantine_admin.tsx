import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { FilterSelect } from '@/components/filter_select';
import { useQueues, useUsers } from '@/lib/directory';
import { formatBytes, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { QUARANTINE_STATES } from '@/types/api';
import type { QuarantinedMail, QuarantineReprocessed, QuarantineState } from '@/types/api';
import { useDiscardQuarantined, useMailboxes, useQuarantine, useReprocessQuarantined } from '../api/mail';

// Admin › Quarantine: mail the desk could not take as a message, kept with
// the reason. An admin reads it again (after a fix) or discards it.

function useSourceLabel() {
  const { t } = useTranslation();
  const mailboxes = useMailboxes();
  return (source: string) => {
    const imap = /^imap:(\d+)$/.exec(source);
    if (imap) {
      const id = Number(imap[1]);
      if (!mailboxes.data) return t('quarantine.sources.mailboxId', { id });
      const name = mailboxes.data.find((m) => m.id === id)?.name;
      return name ? t('quarantine.sources.mailbox', { name }) : t('quarantine.sources.mailboxGone', { id });
    }
    if (source === 'mailgate' || source === 'import') return t(`quarantine.sources.${source}`);
    return source;
  };
}

function ReprocessResult({ result }: { result: QuarantineReprocessed }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status" data-testid="reprocess-result">
      {t(`quarantine.outcomes.${result.outcome}`, { id: result.id })}{' '}
      {result.conversation_id != null && <Link to={`/conversations/${result.conversation_id}`}>{t('quarantine.openConversation', { id: result.conversation_id })}</Link>}
    </div>
  );
}

function QuarantineRow(props: {
  mail: QuarantinedMail;
  sourceLabel: string;
  queueLabel: string;
  resolverName: string | undefined;
  busy: boolean;
  error: unknown;
  onReprocess: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const m = props.mail;
  const held = m.state === 'held';
  return (
    <tr className={held ? undefined : 'is-muted'} data-testid="quarantine-row">
      <td>
        <time dateTime={m.received_at}>{formatDateTime(m.received_at, lang)}</time>
      </td>
      <td>{props.sourceLabel}</td>
      <td>{props.queueLabel}</td>
      <td className="num">{formatBytes(m.size_bytes, lang)}</td>
      <td className="quarantine-reason">{m.reason}</td>
      <td>
        <span className={`badge badge--quarantine-${m.state}`}>{t(`quarantine.states.${m.state}`)}</span>
        {m.resolved_at && (
          <p className="small muted">
            {formatDateTime(m.resolved_at, lang)}
            {' · '}
            {props.resolverName ?? t('quarantine.commandLine')}
          </p>
        )}
      </td>
      <td>
        {held && (
          <div className="row-actions">
            <button
              type="button"
              className="btn btn--small"
              aria-label={t('quarantine.reprocessLabel', { id: m.id })}
              disabled={props.busy || m.queue_id === null}
              title={m.queue_id === null ? t('quarantine.noQueue', { id: m.id }) : undefined}
              onClick={props.onReprocess}
            >
              {t('quarantine.reprocess')}
            </button>
            <button
              type="button"
              className="btn btn--small btn--danger"
              aria-label={t('quarantine.discardLabel', { id: m.id })}
              disabled={props.busy}
              onClick={() => window.confirm(t('quarantine.discardConfirm', { id: m.id })) && props.onDiscard()}
            >
              {t('quarantine.discard')}
            </button>
          </div>
        )}
        {held && m.queue_id === null && <p className="small muted">{t('quarantine.noQueue', { id: m.id })}</p>}
        <FormError error={props.error} />
      </td>
    </tr>
  );
}

export function QuarantineAdmin() {
  const { t } = useTranslation();
  const [state, setState] = useState<QuarantineState | undefined>('held');
  const list = useQuarantine(state);
  const queues = useQueues();
  const users = useUsers();
  const sourceLabel = useSourceLabel();
  const reprocess = useReprocessQuarantined();
  const discard = useDiscardQuarantined();
  const [result, setResult] = useState<QuarantineReprocessed | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The row an action is for: its buttons wait, and its error shows there.
  const acting = (id: number) => (reprocess.isPending && reprocess.variables === id) || (discard.isPending && discard.variables === id);
  const errorOf = (id: number) =>
    (reprocess.isError && reprocess.variables === id && reprocess.error) || (discard.isError && discard.variables === id && discard.error) || null;
  return (
    <>
      <div className="filter-bar">
        <FilterSelect<QuarantineState>
          label={t('quarantine.state')}
          anyLabel={t('quarantine.allStates')}
          value={state}
          onChange={setState}
          options={QUARANTINE_STATES.map((s) => ({ value: s, label: t(`quarantine.states.${s}`) }))}
        />
      </div>
      {result && <ReprocessResult result={result} />}
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{state === 'held' ? t('quarantine.noneHeld') : t('quarantine.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table table--dense" aria-label={t('admin.quarantine')}>
            <thead>
              <tr>
                <th scope="col">{t('quarantine.received')}</th>
                <th scope="col">{t('quarantine.source')}</th>
                <th scope="col">{t('quarantine.queue')}</th>
                <th scope="col" className="num">{t('quarantine.size')}</th>
                <th scope="col">{t('quarantine.reason')}</th>
                <th scope="col">{t('quarantine.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('quarantine.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <QuarantineRow
                  key={m.id}
                  mail={m}
                  sourceLabel={sourceLabel(m.source)}
                  queueLabel={m.queue_id === null ? '—' : (queues.data?.find((q) => q.id === m.queue_id)?.name ?? `#${m.queue_id}`)}
                  resolverName={m.resolved_by === null ? undefined : (users.data?.find((u) => u.id === m.resolved_by)?.name ?? `#${m.resolved_by}`)}
                  busy={acting(m.id)}
                  error={errorOf(m.id)}
                  onReprocess={() => {
                    setResult(null);
                    reprocess.mutate(m.id, { onSuccess: setResult });
                  }}
                  onDiscard={() => {
                    setResult(null);
                    discard.mutate(m.id);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn--ghost load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('quarantine.loadMore')}
        </button>
      )}
    </>
  );
}
