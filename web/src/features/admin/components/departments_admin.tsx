import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useDepartments, useLocations, useQueues } from '@/lib/directory';
import { can, useCurrentSession } from '@/lib/session';
import type { Department } from '@/types/api';
import { useCreateDepartment, useCreateLocation, useCreateQueue, useUpdateLocation } from '../api/admin';
import { DepartmentHoursAdmin } from './department_hours_admin';

function QueueForm({ department }: { department: Department }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useCreateQueue();
  const id = `queue-${department.id}`;
  return (
    <form className="inline-form" onSubmit={(e) => { e.preventDefault(); create.mutate({ name, department_id: department.id }, { onSuccess: () => setName('') }); }}>
      <label htmlFor={id} className="visually-hidden">
        {t('admin.addQueue')} ({department.name})
      </label>
      <input {...fieldProps(id, create.error, 'name')} value={name} placeholder={t('admin.addQueue')} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="btn btn--small" disabled={create.isPending}>
        +
      </button>
      <FieldError id={id} error={create.error} field="name" />
      <FormError error={create.error} fields={['name']} />
    </form>
  );
}

function LocationForm({ department }: { department: Department }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const create = useCreateLocation();
  const id = `location-${department.id}`;
  return (
    <form
      className="inline-form inline-form--wrap"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ department_id: department.id, name, ...(address.trim() ? { address } : {}) }, { onSuccess: () => { setName(''); setAddress(''); } });
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('admin.addLocation')} ({department.name})
      </label>
      <input {...fieldProps(id, create.error, 'name')} value={name} placeholder={t('admin.addLocation')} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-address`} className="visually-hidden">
        {t('admin.locationAddress')}
      </label>
      <input id={`${id}-address`} value={address} placeholder={t('admin.locationAddress')} onChange={(e) => setAddress(e.target.value)} />
      <button type="submit" className="btn btn--small" disabled={create.isPending}>
        +
      </button>
      <FieldError id={id} error={create.error} field="name" />
      <FormError error={create.error} fields={['name']} />
    </form>
  );
}

export function DepartmentsAdmin() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const departments = useDepartments();
  const queues = useQueues();
  const locations = useLocations();
  const updateLocation = useUpdateLocation();
  const create = useCreateDepartment();
  const [name, setName] = useState('');
  const editable = can(session, 'manage_directory');
  return (
    <>
      <ul className="dept-list">
        {departments.data?.map((d) => {
          const own = queues.data?.filter((q) => q.department_id === d.id) ?? [];
          return (
            <li key={d.id} className="card">
              <h3 className="panel-title">{d.name}</h3>
              <p className="label">{t('admin.queues')}</p>
              {own.length === 0 ? <p className="muted small">{t('admin.noQueues')}</p> : (
                <ul className="chips">
                  {own.map((q) => (
                    <li key={q.id} className="chip">{q.name}</li>
                  ))}
                </ul>
              )}
              {editable && <QueueForm department={d} />}
              <p className="label">{t('admin.locations')}</p>
              {(locations.data?.filter((l) => l.department_id === d.id) ?? []).length === 0 ? (
                <p className="muted small">{t('admin.noLocations')}</p>
              ) : (
                <ul className="plain-list" data-testid="location-list">
                  {locations.data
                    ?.filter((l) => l.department_id === d.id)
                    .map((l) => (
                      <li key={l.id} className={l.active ? undefined : 'muted'}>
                        {l.name}
                        {l.address && <span className="muted small"> · {l.address}</span>}
                        {!l.active && <span className="badge">{t('admin.locationClosed')}</span>}
                        {editable && (
                          <button type="button" className="btn btn--small btn--ghost" onClick={() => updateLocation.mutate({ id: l.id, active: !l.active })}>
                            {l.active ? t('admin.closeLocation') : t('admin.reopenLocation')}
                          </button>
                        )}
                      </li>
                    ))}
                </ul>
              )}
              {editable && <LocationForm department={d} />}
              <DepartmentHoursAdmin department={d} editable={editable} />
            </li>
          );
        })}
      </ul>
      {editable && (
        <form className="inline-form card" onSubmit={(e) => { e.preventDefault(); create.mutate(name, { onSuccess: () => setName('') }); }}>
          <label htmlFor="new-department">{t('admin.addDepartment')}</label>
          <input {...fieldProps('new-department', create.error, 'name')} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending}>
            {t('admin.create')}
          </button>
          <FieldError id="new-department" error={create.error} field="name" />
          <FormError error={create.error} fields={['name']} />
        </form>
      )}
    </>
  );
}
