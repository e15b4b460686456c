import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CustomerName } from '@/components/customer_name';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useDepartments, useNameLookup, useUsers } from '@/lib/directory';
import { formatDateTime, formatDue } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { can, useCurrentSession } from '@/lib/session';
import type { PromiseNotified, PromiseRecord } from '@/types/api';
import { usePromisePages, type PromiseListFilters } from '../api/promises';
import { ConflictNotice } from './conflict_notice';
import { isOverdue } from './due';
import { NoticeSent } from './notice_sent';
import { PromiseMeasures } from './promise_measures';
import { PromiseActions, PromiseItem } from './promise_item';
import { VIEWS, viewParams, WHEN, WHOSE, type View, type When, type Whose } from './promises_view';

// The desk's work list of promises, across customers: whose (mine, my
// department's, everyone's) and due when (overdue, today, this week, all
// open), due first. Each row can be kept, broken, renegotiated or
// cancelled where it stands. The choice lives in the address
// (promisesPath), so a reminder can link straight to it. A second tab
// (`?view=measures`) measures how well promises are kept.

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function PromisesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const view = pick(params.get('view'), VIEWS, 'list');
  // Each tab keeps the other's choices in the address, so coming back finds them as they were.
  const tabPath = (v: View) => {
    const next = new URLSearchParams(params);
    if (v === 'list') next.delete('view');
    else next.set('view', v);
    const qs = next.toString();
    return qs ? `/promises?${qs}` : '/promises';
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1 id="promises-title">{t('promises.page.title')}</h1>
        <p className="help">{t(view === 'list' ? 'promises.page.intro' : 'promises.measures.intro')}</p>
      </header>
      <nav className="tabs" aria-label={t('promises.page.views')}>
        {VIEWS.map((v) => (
          <Link key={v} to={tabPath(v)} className={v === view ? 'tabs__tab is-active' : 'tabs__tab'} aria-current={v === view ? 'page' : undefined}>
            {t(`promises.page.view.${v}`)}
          </Link>
        ))}
      </nav>
      {view === 'list' ? <PromisesList /> : <PromiseMeasures />}
    </div>
  );
}

/** The live promises, as the address chooses them. */
function PromisesList() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const departmentId = session?.user.department_id ?? null;
  const canWrite = can(session, 'write_conversations');
  const canReadCustomers = can(session, 'read_customers');
  const [params, setParams] = useSearchParams();
  // Without a department, "my department" means nothing.
  const whoseChoices = WHOSE.filter((w) => w !== 'department' || departmentId != null);
  const whose = pick(params.get('whose'), whoseChoices, 'mine');
  const due = pick(params.get('due'), WHEN, 'open');
  const filters: PromiseListFilters = {
    ...(whose === 'mine'
      ? { owner: 'me' as const }
      : whose === 'accounts'
        ? { account_manager: 'me' as const }
        : whose === 'department' && departmentId != null
          ? { department_id: departmentId }
          : {}),
    ...(due !== 'open' ? { due } : {}),
  };
  const list = usePromisePages(filters);
  const userName = useNameLookup(useUsers().data);
  const departmentName = useNameLookup(useDepartments().data);
  const [conflict, setConflict] = useState<{ current: PromiseRecord; error: unknown } | null>(null);
  const [sent, setSent] = useState<PromiseNotified | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const owner = (p: PromiseRecord) => userName(p.owner_user_id) ?? departmentName(p.owner_department_id);
  const choose = (next: { whose?: Whose; due?: When }) => {
    setConflict(null);
    // The measures' choices (`group`, `by`, `weeks`) stay for when that tab opens again.
    setParams((prev) => {
      const keep = new URLSearchParams(prev);
      keep.delete('whose');
      keep.delete('due');
      for (const [k, v] of viewParams({ whose, due, ...next })) keep.set(k, v);
      return keep;
    });
  };

  return (
    <>
      <div className="filter-bar">
        <div className="segmented" role="group" aria-label={t('promises.page.whose')} data-testid="promises-whose">
          {whoseChoices.map((w) => (
            <button key={w} type="button" className={w === whose ? 'segmented__btn is-active' : 'segmented__btn'} aria-pressed={w === whose} onClick={() => choose({ whose: w })}>
              {t(`promises.page.${w}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('promises.page.when')} data-testid="promises-due">
          {WHEN.map((d) => (
            <button key={d} type="button" className={d === due ? 'segmented__btn is-active' : 'segmented__btn'} aria-pressed={d === due} onClick={() => choose({ due: d })}>
              {t(`promises.page.${d}`)}
            </button>
          ))}
        </div>
      </div>
      {conflict && <ConflictNotice {...conflict} onClose={() => setConflict(null)} />}
      {sent && <NoticeSent sent={sent} onClose={() => setSent(null)} />}
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('promises.page.empty')}</Empty>
      ) : whose === 'accounts' ? (
        <>
          <AccountsBoard items={items} owner={owner} canWrite={canWrite} canReadCustomers={canReadCustomers} onConflict={(current, error) => setConflict({ current, error })} onNotified={setSent} />
          {list.hasNextPage && (
            <button type="button" className="btn btn--ghost load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('promises.page.loadMore')}
            </button>
          )}
        </>
      ) : (
        <>
          <div className="table-scroll card">
            <table className="table table--dense promises-table" aria-labelledby="promises-title" data-testid="promises-table">
              <thead>
                <tr>
                  <th scope="col">{t('promises.page.kind')}</th>
                  <th scope="col">{t('promises.page.what')}</th>
                  <th scope="col">{t('promises.page.customer')}</th>
                  <th scope="col">{t('promises.page.due')}</th>
                  <th scope="col">{t('promises.page.owner')}</th>
                  <th scope="col">{t('promises.page.by')}</th>
                  {canWrite && <th scope="col">{t('promises.page.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <PromiseRow
                    key={`${p.id}.${p.version}`}
                    promise={p}
                    owner={owner(p)}
                    canWrite={canWrite}
                    canReadCustomers={canReadCustomers}
                    onConflict={(current, error) => setConflict({ current, error })}
                    onNotified={setSent}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {list.hasNextPage && (
            <button type="button" className="btn btn--ghost load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('promises.page.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}

/**
 * An account manager's customers, each with what we owe them beside what
 * they owe us (both due first), so a conversation with the customer can
 * cover both sides; a gentle reminder is one click away.
 */
function AccountsBoard(props: {
  items: PromiseRecord[];
  owner: (p: PromiseRecord) => string | undefined;
  canWrite: boolean;
  canReadCustomers: boolean;
  onConflict: (current: PromiseRecord, error: unknown) => void;
  onNotified: (sent: PromiseNotified) => void;
}) {
  const { t } = useTranslation();
  // Customers in the order of their most pressing promise (the list comes due first).
  const customers: number[] = [];
  const byCustomer = new Map<number, PromiseRecord[]>();
  for (const p of props.items) {
    const list = byCustomer.get(p.customer_id);
    if (list) list.push(p);
    else {
      byCustomer.set(p.customer_id, [p]);
      customers.push(p.customer_id);
    }
  }
  return (
    <div className="stack" data-testid="promises-accounts">
      <p className="help">{t('promises.page.accountsIntro')}</p>
      {customers.map((id) => {
        const list = byCustomer.get(id) ?? [];
        const side = (by: 'us' | 'customer') => {
          const mine = list.filter((p) => p.by === by);
          return (
            <div className="promises__group" data-testid={`account-${by}`}>
              <h3 className="panel-subtitle">{by === 'us' ? t('promises.ours') : t('promises.theirs')}</h3>
              {mine.length === 0 ? (
                <p className="muted small">{t('promises.none')}</p>
              ) : (
                <ul className="promises__list">
                  {mine.map((p) => (
                    <PromiseItem key={`${p.id}.${p.version}`} promise={p} owner={props.owner(p)} canWrite={props.canWrite} onConflict={props.onConflict} onNotified={props.onNotified} />
                  ))}
                </ul>
              )}
            </div>
          );
        };
        return (
          <section key={id} className="card promises" data-testid="account" data-customer-id={id}>
            <h2 className="panel-title">{props.canReadCustomers ? <Link to={`/customers/${id}`}><CustomerName id={id} /></Link> : `#${id}`}</h2>
            <div className="promises__groups">
              {side('us')}
              {side('customer')}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function PromiseRow(props: {
  promise: PromiseRecord;
  owner?: string;
  canWrite: boolean;
  canReadCustomers: boolean;
  onConflict: (current: PromiseRecord, error: unknown) => void;
  onNotified: (sent: PromiseNotified) => void;
}) {
  const { promise: p, owner } = props;
  const { t } = useTranslation();
  const lang = currentLanguage();
  const overdue = isOverdue(p.due_end);
  const whatId = `promise-${p.id}-what`;
  return (
    <tr className={overdue ? 'is-overdue' : undefined} data-testid="promise-row" data-promise-id={p.id} data-overdue={overdue || undefined}>
      <td>
        {t(`promises.kind.${p.kind}`)}
        {p.status !== 'open' && (
          <>
            {' '}
            <span className="badge">{t(`promises.status.${p.status}`)}</span>
          </>
        )}
      </td>
      <td className="promises-table__what">
        <span id={whatId}>{p.what}</span>
        {p.renegotiations > 0 && p.original_due_end && (
          <span className="muted small promises-table__moved">{t('promises.moved', { count: p.renegotiations, due: formatDue(p.original_due_end, lang) })}</span>
        )}
      </td>
      <td>
        {props.canReadCustomers ? (
          <Link to={`/customers/${p.customer_id}`}>
            <CustomerName id={p.customer_id} />
          </Link>
        ) : (
          `#${p.customer_id}`
        )}
        {p.conversation_id != null && (
          <span className="small promises-table__conversation">
            <Link to={`/conversations/${p.conversation_id}`}>{t('promises.page.conversation', { id: p.conversation_id })}</Link>
          </span>
        )}
      </td>
      <td className="nowrap">
        {p.due_end ? (
          <time dateTime={p.due_end} title={formatDateTime(p.due_end, lang)}>
            {formatDue(p.due_end, lang)}
          </time>
        ) : (
          t('promises.asap')
        )}
        {overdue && (
          <>
            {' '}
            <span className="badge badge--overdue">{t('promises.overdue')}</span>
          </>
        )}
      </td>
      <td>{owner ?? '—'}</td>
      <td>{p.by === 'us' ? t('promises.page.byUs') : t('promises.page.byCustomer')}</td>
      {props.canWrite && (
        <td className="promises-table__actions">
          <PromiseActions promise={p} onConflict={props.onConflict} onNotified={props.onNotified} describedBy={whatId} />
        </td>
      )}
    </tr>
  );
}
