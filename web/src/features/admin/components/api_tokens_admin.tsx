import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { useUsers } from '@/lib/directory';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/admin';

export function ApiTokensAdmin() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const users = useUsers();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<number | ''>('');
  const lang = currentLanguage();
  if (tokens.isPending) return <Spinner />;
  if (tokens.isError) return <ErrorPanel error={tokens.error} />;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.tokenName')}</th>
            <th scope="col">{t('admin.tokenPrefix')}</th>
            <th scope="col">{t('admin.tokenUser')}</th>
            <th scope="col">{t('admin.created')}</th>
            <th scope="col">{t('admin.lastUsed')}</th>
            <th scope="col"><span className="visually-hidden">{t('admin.revoke')}</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.data.map((tk) => (
            <tr key={tk.id} className={tk.revoked_at ? 'is-muted' : undefined}>
              <td>{tk.name}</td>
              <td><code>{tk.prefix}…</code></td>
              <td>{users.data?.find((u) => u.id === tk.user_id)?.name ?? `#${tk.user_id}`}</td>
              <td>{formatDateTime(tk.created_at, lang)}</td>
              <td>{tk.last_used_at ? formatDateTime(tk.last_used_at, lang) : t('admin.never')}</td>
              <td>
                {tk.revoked_at ? (
                  t('admin.revoked')
                ) : (
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    aria-label={`${t('admin.revoke')} ${tk.name}`}
                    onClick={() => window.confirm(t('admin.revokeConfirm', { name: tk.name })) && revoke.mutate(tk.id)}
                  >
                    {t('admin.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={revoke.error} />
      <section className="card" aria-labelledby="create-token-title">
        <h3 id="create-token-title" className="panel-title">{t('admin.createToken')}</h3>
        <form className="inline-form inline-form--wrap" onSubmit={(e) => { e.preventDefault(); create.mutate({ name, user_id: userId === '' ? null : userId }, { onSuccess: () => setName('') }); }}>
          <label htmlFor="token-name">{t('admin.tokenName')}</label>
          <input {...fieldProps('token-name', create.error, 'name')} value={name} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="token-user">{t('admin.tokenUser')}</label>
          <select {...fieldProps('token-user', create.error, 'user_id')} value={userId} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">—</option>
            {users.data?.filter((u) => u.active).map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
          <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending}>{t('admin.create')}</button>
          <FieldError id="token-name" error={create.error} field="name" />
          <FieldError id="token-user" error={create.error} field="user_id" />
          <FormError error={create.error} fields={['name', 'user_id']} />
        </form>
        {create.data && (
          <div className="notice" role="status" data-testid="token-secret">
            <p>{t('admin.tokenSecret')}</p>
            <code className="secret">{create.data.token}</code>
          </div>
        )}
      </section>
    </>
  );
}
