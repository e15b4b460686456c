import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/field_error';
import { Spinner } from '@/components/feedback';
import { Highlight } from '@/components/highlight';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Customer } from '@/types/api';
import { useCustomerSearch, useMergeCustomer, useMergePreview, useMerges } from '../api/merge_customer';

/** Find a duplicate, preview what moves, then merge it into this customer. */
export function MergePanel({ target }: { target: Customer }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [idText, setIdText] = useState('');
  const results = useCustomerSearch(q);
  const preview = useMergePreview(sourceId);
  const merge = useMergeCustomer(target.id);
  const merges = useMerges(target.id);
  const lang = currentLanguage();

  return (
    <section className="card" aria-labelledby="merge-title" data-testid="merge-panel">
      <h2 id="merge-title" className="panel-title">
        {t('customer.merge')}
      </h2>
      <p className="help">{t('customer.mergeHelp')}</p>
      <form
        className="inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <label htmlFor="merge-q" className="visually-hidden">
          {t('customer.mergeSearch')}
        </label>
        <input id="merge-q" type="search" value={text} placeholder={t('customer.mergeSearch')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn btn--small">
          {t('customer.mergeFind')}
        </button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(idText);
          if (Number.isInteger(n) && n > 0) setSourceId(n);
        }}
      >
        <label htmlFor="merge-id">{t('customer.mergeIdLabel')}</label>
        <input id="merge-id" inputMode="numeric" size={6} value={idText} onChange={(e) => setIdText(e.target.value)} />
        <button type="submit" className="btn btn--small">
          {t('customer.mergePreview')}
        </button>
      </form>
      {results.isFetching && <Spinner />}
      {results.data && (
        <ul className="pick-list">
          {results.data.length === 0 && <li className="muted">{t('customer.noResults')}</li>}
          {results.data
            .filter((h) => (h.customer_id ?? h.id) !== target.id)
            .map((h) => {
              const id = h.customer_id ?? h.id;
              return (
                <li key={id}>
                  <button type="button" className={id === sourceId ? 'pick is-active' : 'pick'} aria-pressed={id === sourceId} onClick={() => setSourceId(id)}>
                    <strong>{h.title}</strong> <span className="muted">#{id}</span>
                    <Highlight className="pick__snippet" html={h.highlight} />
                  </button>
                </li>
              );
            })}
        </ul>
      )}
      {sourceId && preview.isPending && <Spinner />}
      {sourceId && preview.isError && <FormError error={preview.error} />}
      {preview.data && sourceId && (
        <div className="merge-preview" data-testid="merge-preview">
          <h3>
            {t('customer.mergePreview')}: {preview.data.customer.name} <span className="muted">#{preview.data.customer.id}</span>
          </h3>
          <ul className="identities">
            {preview.data.customer.identities.map((i) => (
              <li key={i.id} className="identity">
                <span className="identity__kind">{t(`customer.identityKinds.${i.kind}`)}</span>
                <span className="identity__value">{i.display}</span>
              </li>
            ))}
          </ul>
          <p>
            {t('customer.mergeWillMove', {
              identities: preview.data.customer.identities.length,
              conversations: `${preview.data.conversations}${preview.data.more ? '+' : ''}`,
              target: target.name,
            })}
          </p>
          <FormError error={merge.error} />
          <button
            type="button"
            className="btn btn--danger"
            disabled={merge.isPending || preview.data.customer.merged_into_id != null}
            onClick={() => merge.mutate(sourceId, { onSuccess: () => setSourceId(null) })}
          >
            {t('customer.mergeConfirm')}
          </button>
        </div>
      )}
      {merge.isSuccess && (
        <p className="notice" role="status">
          {t('customer.mergeDone', {
            name: merge.data.merge.source_name,
            identities: merge.data.merge.moved_identities,
            conversations: merge.data.merge.moved_conversations,
            activities: merge.data.merge.moved_activities,
          })}
        </p>
      )}
      {merges.data && merges.data.length > 0 && (
        <>
          <h3 className="panel-subtitle">{t('customer.merges')}</h3>
          <ul className="plain-list small">
            {merges.data.map((m) => (
              <li key={m.id}>
                {m.source_name} (#{m.source_id}) — {formatDate(m.at, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
