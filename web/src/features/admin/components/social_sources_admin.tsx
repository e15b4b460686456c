import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useQueueLabels } from '@/lib/directory';
import type { SocialSource } from '@/types/api';
import { useCreateSocialSource, useSocialSources, useUpdateSocialSource } from '../api/admin';

// Admin › Social media: the sources that post signed webhooks, the queue
// each feeds, and their secrets: made by the server, shown once (on
// creation or rotation), never again.
export function SocialSourcesAdmin() {
  const { t } = useTranslation();
  const sources = useSocialSources();
  const { queues, label: queueName } = useQueueLabels();
  const create = useCreateSocialSource();
  const update = useUpdateSocialSource();
  const [shown, setShown] = useState<SocialSource | null>(null);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [queue, setQueue] = useState('');
  const [replyUrl, setReplyUrl] = useState('');
  return (
    <>
      <p className="help">{t('admin.socialIntro')}</p>
      {shown?.secret && (
        <div className="notice" role="status" data-testid="social-secret">
          <p>{t('admin.socialSecret', { name: shown.name })}</p>
          <code className="secret">{shown.secret}</code>
        </div>
      )}
      {sources.isPending ? (
        <Spinner />
      ) : sources.isError ? (
        <ErrorPanel error={sources.error} onRetry={() => void sources.refetch()} />
      ) : sources.data.length === 0 ? (
        <Empty>{t('admin.noSocialSources')}</Empty>
      ) : (
        <table className="table table--dense" data-testid="social-sources">
          <thead>
            <tr>
              <th scope="col">{t('admin.socialName')}</th>
              <th scope="col">{t('admin.socialQueue')}</th>
              <th scope="col">{t('admin.socialWebhook')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('outbox.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'muted'} data-testid="social-source-row">
                <td>
                  {s.name} {!s.active && <span className="badge">{t('admin.webFormClosed')}</span>}
                </td>
                <td>{queueName(s.queue_id)}</td>
                <td>
                  <code>POST {s.webhook_path}</code>
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="btn btn--small"
                      disabled={update.isPending}
                      onClick={() => window.confirm(t('admin.socialRotateConfirm')) && update.mutate({ id: s.id, rotate_secret: true }, { onSuccess: setShown })}
                    >
                      {t('admin.socialRotate')}
                    </button>
                    <button type="button" className="btn btn--small btn--ghost" disabled={update.isPending} onClick={() => update.mutate({ id: s.id, active: !s.active })}>
                      {s.active ? t('admin.socialClose') : t('admin.socialReopen')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError error={update.error} />
      <form
        className="inline-form inline-form--wrap card"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { slug, name, queue_id: Number(queue), ...(replyUrl.trim() ? { reply_url: replyUrl.trim() } : {}) },
            {
              onSuccess: (s) => {
                setShown(s);
                setSlug('');
                setName('');
                setReplyUrl('');
              },
            },
          );
        }}
      >
        <label htmlFor="social-slug">{t('admin.socialSlug')}</label>
        <input {...fieldProps('social-slug', create.error, 'slug')} value={slug} placeholder="forum" onChange={(e) => setSlug(e.target.value)} />
        <label htmlFor="social-name">{t('admin.socialName')}</label>
        <input {...fieldProps('social-name', create.error, 'name')} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="social-queue">{t('admin.socialQueue')}</label>
        <select {...fieldProps('social-queue', create.error, 'queue_id')} required value={queue} onChange={(e) => setQueue(e.target.value)}>
          <option value="" />
          {queues.map((q) => (
            <option key={q.id} value={String(q.id)}>
              {queueName(q.id)}
            </option>
          ))}
        </select>
        <label htmlFor="social-reply-url">{t('admin.socialReplyUrl')}</label>
        <input {...fieldProps('social-reply-url', create.error, 'reply_url')} type="url" value={replyUrl} onChange={(e) => setReplyUrl(e.target.value)} />
        <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending}>
          {t('admin.socialCreate')}
        </button>
        <FieldError id="social-slug" error={create.error} field="slug" />
        <FieldError id="social-reply-url" error={create.error} field="reply_url" />
        <FormError error={create.error} fields={['slug', 'reply_url']} />
      </form>
    </>
  );
}
