import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import type { IdentityKind } from '@/types/api';
import { useAddIdentity } from '../api/update_customer';

export function IdentityForm({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const add = useAddIdentity(customerId);
  const [kind, setKind] = useState<IdentityKind>('email');
  const [value, setValue] = useState('');
  return (
    <form
      className="inline-form inline-form--wrap"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ kind, value }, { onSuccess: () => setValue('') });
      }}
    >
      <label className="visually-hidden" htmlFor="identity-kind">
        {t('customer.identityKind')}
      </label>
      <select {...fieldProps('identity-kind', add.error, 'kind')} value={kind} onChange={(e) => setKind(e.target.value as IdentityKind)}>
        {(['email', 'phone', 'social'] as IdentityKind[]).map((k) => (
          <option key={k} value={k}>
            {t(`customer.identityKinds.${k}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor="identity-value">
        {t('customer.identityValue')}
      </label>
      <input {...fieldProps('identity-value', add.error, 'value')} value={value} placeholder={t('customer.identityValue')} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="btn btn--small" disabled={add.isPending}>
        {t('customer.addIdentity')}
      </button>
      <FieldError id="identity-value" error={add.error} field="value" />
      <FormError error={add.error} fields={['value', 'kind']} />
    </form>
  );
}
