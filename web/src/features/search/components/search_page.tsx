import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { Empty, Spinner } from '@/components/feedback';
import { ChannelFilter, DepartmentFilter } from '@/components/filter_select';
import { Highlight } from '@/components/highlight';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { CHANNELS } from '@/types/api';
import type { Channel, SearchHit } from '@/types/api';
import { PAGE_SIZE, useSearch, type SearchScope } from '../api/search';

const scopes: SearchScope[] = ['messages', 'conversations', 'customers'];

function hitLink(h: SearchHit): string {
  if (h.type === 'customer') return `/customers/${h.customer_id ?? h.id}`;
  return `/conversations/${h.conversation_id ?? h.id}`;
}

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const scope = (scopes.find((s) => s === params.get('scope')) ?? 'messages') as SearchScope;
  const channel = (CHANNELS.find((c) => c === params.get('channel')) ?? undefined) as Channel | undefined;
  const department_id = Number(params.get('department')) || undefined;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const search = useSearch({ q, scope, channel, department_id, offset });
  const lang = currentLanguage();

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in patch)) next.delete('offset');
    setParams(next);
  };

  const items = search.data?.items ?? [];
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || undefined });
        }}
      >
        <label htmlFor="search-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input {...fieldProps('search-q', search.error, 'q')} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('inbox.searchPlaceholder')} />
        <button type="submit" className="btn btn--primary">
          {t('search.submit')}
        </button>
      </form>
      <FieldError id="search-q" error={search.error} field="q" />
      <div className="filter-bar">
        <div className="segmented" role="group" aria-label={t('search.scope')}>
          {scopes.map((s) => (
            <button key={s} type="button" className={s === scope ? 'segmented__btn is-active' : 'segmented__btn'} aria-pressed={s === scope} onClick={() => update({ scope: s === 'messages' ? undefined : s })}>
              {t(`search.scopes.${s}`)}
            </button>
          ))}
        </div>
        <ChannelFilter label={t('search.channel')} value={channel} onChange={(c) => update({ channel: c })} />
        <DepartmentFilter value={department_id} onChange={(d) => update({ department: d ? String(d) : undefined })} />
      </div>
      {!q ? (
        <Empty>{t('search.prompt')}</Empty>
      ) : search.isPending ? (
        <Spinner />
      ) : search.isError ? (
        <FormError error={search.error} fields={['q']} />
      ) : items.length === 0 ? (
        <Empty>{t('search.none', { q })}</Empty>
      ) : (
        <>
          <p className="muted small" role="status">
            {t('search.results', { count: offset + items.length })}
          </p>
          <ol className="results" data-testid="search-results">
            {items.map((h) => (
              <li key={`${h.type}-${h.id}`} className="result">
                <Link to={hitLink(h)} className="result__title">
                  {h.title || `#${h.id}`}
                </Link>
                <p className="result__snippet">
                  <Highlight html={h.highlight} />
                </p>
                <p className="muted small">
                  {t(`search.scopes.${h.type}s`)} · <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time>
                </p>
              </li>
            ))}
          </ol>
          <nav className="pager" aria-label={t('search.title')}>
            <button type="button" className="btn" disabled={offset === 0} onClick={() => update({ offset: String(Math.max(0, offset - PAGE_SIZE)) || undefined })}>
              {t('search.previous')}
            </button>
            <button type="button" className="btn" disabled={items.length < PAGE_SIZE} onClick={() => update({ offset: String(offset + PAGE_SIZE) })}>
              {t('search.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
