import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useQueueLabels } from '@/lib/directory';
import { useCreateWebForm, useUpdateWebForm, useWebForms } from '../api/admin';

// Admin › Web forms: the public pages (/forms/<slug>) and the queue each
// feeds, with the address an organisation's own site posts to.
export function WebFormsAdmin() {
  const { t } = useTranslation();
  const forms = useWebForms();
  const { queues, label: queueName } = useQueueLabels();
  const create = useCreateWebForm();
  const update = useUpdateWebForm();
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [queue, setQueue] = useState('');
  return (
    <>
      <p className="help">{t('admin.webFormsIntro')}</p>
      {forms.isPending ? (
        <Spinner />
      ) : forms.isError ? (
        <ErrorPanel error={forms.error} onRetry={() => void forms.refetch()} />
      ) : forms.data.length === 0 ? (
        <Empty>{t('admin.noWebForms')}</Empty>
      ) : (
        <table className="table table--dense" data-testid="web-forms">
          <thead>
            <tr>
              <th scope="col">{t('admin.webFormName')}</th>
              <th scope="col">{t('admin.webFormQueue')}</th>
              <th scope="col">{t('admin.webFormPage')}</th>
              <th scope="col">{t('admin.webFormApi')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('outbox.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {forms.data.map((f) => (
              <tr key={f.id} className={f.active ? undefined : 'muted'} data-testid="web-form-row">
                <td>
                  {f.name} {!f.active && <span className="badge">{t('admin.webFormClosed')}</span>}
                </td>
                <td>{queueName(f.queue_id)}</td>
                <td>
                  <a href={f.url} target="_blank" rel="noreferrer">
                    {f.url}
                  </a>
                </td>
                <td>
                  <code>POST /api/v1/public/forms/{f.slug}</code>
                </td>
                <td>
                  <button type="button" className="btn btn--small btn--ghost" disabled={update.isPending} onClick={() => update.mutate({ id: f.id, active: !f.active })}>
                    {f.active ? t('admin.webFormClose') : t('admin.webFormReopen')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="inline-form inline-form--wrap card"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ slug, name, queue_id: Number(queue) }, { onSuccess: () => { setSlug(''); setName(''); } });
        }}
      >
        <label htmlFor="web-form-slug">{t('admin.webFormSlug')}</label>
        <input {...fieldProps('web-form-slug', create.error, 'slug')} value={slug} placeholder="contact" onChange={(e) => setSlug(e.target.value)} />
        <label htmlFor="web-form-name">{t('admin.webFormName')}</label>
        <input {...fieldProps('web-form-name', create.error, 'name')} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="web-form-queue">{t('admin.webFormQueue')}</label>
        <select {...fieldProps('web-form-queue', create.error, 'queue_id')} required value={queue} onChange={(e) => setQueue(e.target.value)}>
          <option value="" />
          {queues.map((q) => (
            <option key={q.id} value={String(q.id)}>
              {queueName(q.id)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending}>
          {t('admin.webFormCreate')}
        </button>
        <FieldError id="web-form-slug" error={create.error} field="slug" />
        <FieldError id="web-form-name" error={create.error} field="name" />
        <FormError error={create.error} fields={['slug', 'name']} />
      </form>
    </>
  );
}
