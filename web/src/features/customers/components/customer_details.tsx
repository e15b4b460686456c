import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/components/channel_icon';
import { useUsers } from '@/lib/directory';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Customer } from '@/types/api';

/** Segment, language, preferred channel and hours, account manager: a definition list. */
export function CustomerDetails({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const users = useUsers();
  const manager = users.data?.find((u) => u.id === c.account_manager_id)?.name;
  return (
    <dl className="details">
      <dt>{t('customer.segment')}</dt>
      <dd data-testid="customer-segment">{c.segment || t('customer.none')}</dd>
      <dt>{t('customer.language')}</dt>
      <dd>{t(`languageName.${c.language}`)}</dd>
      <dt>{t('customer.preferredChannel')}</dt>
      <dd>{c.preferred_channel ? <ChannelIcon channel={c.preferred_channel} withLabel /> : t('customer.none')}</dd>
      <dt>{t('customer.contactHours')}</dt>
      <dd>{c.contact_hours ?? t('customer.none')}</dd>
      <dt>{t('customer.accountManager')}</dt>
      <dd>{manager ?? (c.account_manager_id ? `#${c.account_manager_id}` : t('customer.none'))}</dd>
    </dl>
  );
}

export function IdentityList({ customer: c, onRemove }: { customer: Customer; onRemove?: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="identities" aria-label={t('customer.identities')}>
      {c.identities.map((i) => (
        <li key={i.id} className="identity">
          <span className="identity__kind">{t(`customer.identityKinds.${i.kind}`)}</span>
          <span className="identity__value" title={i.display === i.value ? undefined : i.value}>
            {i.kind === 'phone' ? <a href={`tel:${i.value}`}>{i.display}</a> : i.display}
          </span>
          {i.failing && (
            <span className="identity__failing badge badge--warning" data-testid="identity-failing" title={i.failing.reason}>
              {t('customer.identityFailing', { since: formatDateTime(i.failing.since, currentLanguage()) })}
            </span>
          )}
          {onRemove && (
            <button type="button" className="btn btn--link btn--small" aria-label={t('customer.removeIdentity', { value: i.value })} onClick={() => onRemove(i.id)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
