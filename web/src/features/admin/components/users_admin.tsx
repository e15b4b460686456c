import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { useDepartments, useUsers } from '@/lib/directory';
import { ROLES } from '@/types/api';
import type { Language, Role, User } from '@/types/api';
import { useCreateUser, useUpdateUser, type NewUser } from '../api/admin';

const userFields = ['email', 'name', 'role', 'language', 'department_id', 'password', 'active'];

function UserForm(props: {
  initial: NewUser & { active?: boolean };
  isNew: boolean;
  error: unknown;
  pending: boolean;
  onSubmit: (u: NewUser & { active?: boolean }) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [f, setF] = useState(props.initial);
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const p = props.isNew ? 'new-user' : `user-${props.initial.email}`;
  const err = props.error;
  return (
    <form
      className="grid-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(f);
      }}
    >
      {props.isNew && (
        <div className="field">
          <label htmlFor={`${p}-email`}>{t('admin.email')}</label>
          <input {...fieldProps(`${p}-email`, err, 'email')} type="email" value={f.email} onChange={(e) => set({ email: e.target.value })} />
          <FieldError id={`${p}-email`} error={err} field="email" />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${p}-name`}>{t('admin.name')}</label>
        <input {...fieldProps(`${p}-name`, err, 'name')} value={f.name} onChange={(e) => set({ name: e.target.value })} />
        <FieldError id={`${p}-name`} error={err} field="name" />
      </div>
      <div className="field">
        <label htmlFor={`${p}-role`}>{t('admin.role')}</label>
        <select {...fieldProps(`${p}-role`, err, 'role')} value={f.role} onChange={(e) => set({ role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${p}-role`} error={err} field="role" />
      </div>
      <div className="field">
        <label htmlFor={`${p}-language`}>{t('admin.language')}</label>
        <select {...fieldProps(`${p}-language`, err, 'language')} value={f.language} onChange={(e) => set({ language: e.target.value as Language })}>
          <option value="nl">{t('languageName.nl')}</option>
          <option value="en">{t('languageName.en')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${p}-department`}>{t('admin.department')}</label>
        <select
          {...fieldProps(`${p}-department`, err, 'department_id')}
          value={f.department_id ?? ''}
          onChange={(e) => set({ department_id: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('admin.noDepartment')}</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <FieldError id={`${p}-department`} error={err} field="department_id" />
      </div>
      <div className="field">
        <label htmlFor={`${p}-password`}>{props.isNew ? t('admin.password') : t('admin.newPassword')}</label>
        <input {...fieldProps(`${p}-password`, err, 'password')} type="password" autoComplete="new-password" value={f.password} onChange={(e) => set({ password: e.target.value })} />
        <FieldError id={`${p}-password`} error={err} field="password" />
      </div>
      {!props.isNew && (
        <label className="toggle">
          <input type="checkbox" checked={f.active ?? true} onChange={(e) => set({ active: e.target.checked })} />
          <span>{t('admin.active')}</span>
        </label>
      )}
      <FormError error={err} fields={userFields} />
      <div className="form-actions">
        {props.onCancel && (
          <button type="button" className="btn btn--ghost" onClick={props.onCancel}>
            {t('admin.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={props.pending}>
          {props.isNew ? t('admin.create') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}

function UserRow({ user, departmentName }: { user: User; departmentName?: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateUser(user.id);
  if (editing) {
    return (
      <tr>
        <td colSpan={6}>
          <UserForm
            isNew={false}
            initial={{ ...user, password: '' }}
            error={update.error}
            pending={update.isPending}
            onCancel={() => setEditing(false)}
            onSubmit={({ name, role, language, department_id, password, active }) =>
              update.mutate({ name, role, language, department_id, active, ...(password ? { password } : {}) }, { onSuccess: () => setEditing(false) })
            }
          />
        </td>
      </tr>
    );
  }
  return (
    <tr className={user.active ? undefined : 'is-muted'}>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>{t(`role.${user.role}`)}</td>
      <td>{departmentName ?? '—'}</td>
      <td>{user.active ? t('admin.active') : t('admin.inactive')}</td>
      <td>
        <button type="button" className="btn btn--small" aria-label={`${t('admin.edit')} ${user.name}`} onClick={() => setEditing(true)}>
          {t('admin.edit')}
        </button>
      </td>
    </tr>
  );
}

export function UsersAdmin() {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const create = useCreateUser();
  const [formKey, setFormKey] = useState(0);
  if (users.isPending) return <Spinner />;
  if (users.isError) return <ErrorPanel error={users.error} />;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.email')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.department')}</th>
            <th scope="col">{t('admin.active')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <UserRow key={u.id} user={u} departmentName={departments.data?.find((d) => d.id === u.department_id)?.name} />
          ))}
        </tbody>
      </table>
      <section className="card" aria-labelledby="add-user-title">
        <h3 id="add-user-title" className="panel-title">
          {t('admin.addUser')}
        </h3>
        <UserForm
          key={formKey}
          isNew
          initial={{ email: '', name: '', role: 'agent', language: 'nl', department_id: null, password: '' }}
          error={create.error}
          pending={create.isPending}
          onSubmit={({ email, name, role, language, department_id, password }) =>
            create.mutate({ email, name, role, language, department_id, password }, { onSuccess: () => setFormKey((k) => k + 1) })
          }
        />
      </section>
    </>
  );
}
