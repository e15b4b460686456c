import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Customer, DuplicateSuggestion } from '@/types/api';
import { useDuplicates, useResolveDuplicate } from '../api/duplicates';

/**
 * Customers who are probably this one, seen at another door: each with the
 * evidence (the same number, the same name at one e-mail domain, ...) and,
 * for those who may merge, Merge and Not the same person. Nothing shows
 * when there is nothing to decide.
 */
export function DuplicatesPanel({ customer, mayDecide }: { customer: Customer; mayDecide: boolean }) {
  const { t } = useTranslation();
  const duplicates = useDuplicates(customer.id);
  const resolve = useResolveDuplicate(customer.id);
  const lang = currentLanguage();
  const items = duplicates.data ?? [];
  if (items.length === 0 && !resolve.isSuccess) return null;
  const other = (s: DuplicateSuggestion) => (s.customer.id === customer.id ? s.other : s.customer);
  return (
    <section className="card card--attention" aria-labelledby="duplicates-title" data-testid="duplicates-panel">
      <h2 id="duplicates-title" className="panel-title">
        {t('customer.duplicates')}
      </h2>
      <p className="help">{t('customer.duplicatesHelp')}</p>
      <ul className="duplicates">
        {items.map((s) => (
          <li key={s.id} data-testid="duplicate" data-suggestion-id={s.id}>
            <Link to={`/customers/${other(s).id}`}>
              {other(s).name} · #{other(s).id}
            </Link>
            <ul className="duplicates__evidence">
              {s.evidence.map((e) => (
                <li key={`${e.reason}:${e.detail}`}>
                  {t(`customer.duplicateReason.${e.reason}`, { detail: e.detail })}{' '}
                  <span className="muted">
                    ({t(`customer.duplicateDoor.${e.door}`, { defaultValue: e.door })}, {formatDate(e.at, lang)})
                  </span>
                </li>
              ))}
            </ul>
            {mayDecide && (
              <div className="inline-form">
                <button type="button" className="btn btn--small btn--primary" disabled={resolve.isPending} onClick={() => resolve.mutate({ id: s.id, action: 'merge' })}>
                  {t('customer.duplicateMerge')}
                </button>
                <button type="button" className="btn btn--small" disabled={resolve.isPending} onClick={() => resolve.mutate({ id: s.id, action: 'dismiss' })}>
                  {t('customer.duplicateDismiss')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {resolve.isSuccess && (
        <p role="status">{resolve.data.status === 'merged' ? t('customer.duplicateMerged') : t('customer.duplicateDismissed')}</p>
      )}
      <FormError error={resolve.error} />
    </section>
  );
}
