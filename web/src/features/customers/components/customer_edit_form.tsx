import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useUsers } from '@/lib/directory';
import { CHANNELS } from '@/types/api';
import type { Channel, Customer, Language } from '@/types/api';
import { useUpdateCustomer } from '../api/update_customer';

const fields = ['name', 'segment', 'language', 'preferred_channel', 'contact_hours', 'account_manager_id'];

export function CustomerEditForm({ customer: c, onDone }: { customer: Customer; onDone: () => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateCustomer(c.id);
  const [form, setForm] = useState({
    name: c.name,
    segment: c.segment,
    language: c.language,
    preferred_channel: c.preferred_channel ?? '',
    contact_hours: c.contact_hours ?? '',
    account_manager_id: c.account_manager_id ?? '',
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const err = update.error;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        name: form.name,
        segment: form.segment,
        language: form.language,
        preferred_channel: (form.preferred_channel || null) as Channel | null,
        contact_hours: form.contact_hours.trim() || null,
        account_manager_id: form.account_manager_id === '' ? null : Number(form.account_manager_id),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="stack" onSubmit={submit} data-testid="customer-edit-form">
      <div className="field">
        <label htmlFor="cust-name">{t('admin.name')}</label>
        <input {...fieldProps('cust-name', err, 'name')} value={form.name} onChange={(e) => set({ name: e.target.value })} />
        <FieldError id="cust-name" error={err} field="name" />
      </div>
      <div className="field">
        <label htmlFor="cust-segment">{t('customer.segment')}</label>
        <input {...fieldProps('cust-segment', err, 'segment')} value={form.segment} onChange={(e) => set({ segment: e.target.value })} />
        <FieldError id="cust-segment" error={err} field="segment" />
      </div>
      <div className="field">
        <label htmlFor="cust-language">{t('customer.language')}</label>
        <select {...fieldProps('cust-language', err, 'language')} value={form.language} onChange={(e) => set({ language: e.target.value as Language })}>
          <option value="nl">{t('languageName.nl')}</option>
          <option value="en">{t('languageName.en')}</option>
        </select>
        <FieldError id="cust-language" error={err} field="language" />
      </div>
      <div className="field">
        <label htmlFor="cust-channel">{t('customer.preferredChannel')}</label>
        <select {...fieldProps('cust-channel', err, 'preferred_channel')} value={form.preferred_channel} onChange={(e) => set({ preferred_channel: e.target.value as Channel | '' })}>
          <option value="">{t('customer.none')}</option>
          {CHANNELS.map((ch) => (
            <option key={ch} value={ch}>
              {t(`channel.${ch}`)}
            </option>
          ))}
        </select>
        <FieldError id="cust-channel" error={err} field="preferred_channel" />
      </div>
      <div className="field">
        <label htmlFor="cust-hours">{t('customer.contactHours')}</label>
        <input {...fieldProps('cust-hours', err, 'contact_hours')} value={form.contact_hours} placeholder="09:00-17:30" onChange={(e) => set({ contact_hours: e.target.value })} />
        <FieldError id="cust-hours" error={err} field="contact_hours" />
      </div>
      <div className="field">
        <label htmlFor="cust-manager">{t('customer.accountManager')}</label>
        <select
          {...fieldProps('cust-manager', err, 'account_manager_id')}
          value={form.account_manager_id}
          onChange={(e) => set({ account_manager_id: e.target.value ? Number(e.target.value) : '' })}
        >
          <option value="">{t('customer.none')}</option>
          {users.data
            ?.filter((u) => u.active && (u.role === 'account_manager' || u.role === 'manager' || u.id === c.account_manager_id))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
        <FieldError id="cust-manager" error={err} field="account_manager_id" />
      </div>
      <FormError error={err} fields={fields} />
      <div className="form-actions">
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {t('customer.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={update.isPending}>
          {update.isPending ? t('customer.saving') : t('customer.save')}
        </button>
      </div>
    </form>
  );
}
