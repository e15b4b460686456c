import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useJob, useRequestExport } from '../api/export_customer';

/** Subject access export for privacy officers: request it, wait for the job, download. */
export function ExportPanel({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<number | null>(null);
  const request = useRequestExport(customerId);
  const job = useJob(jobId);
  const state = job.data?.state;
  // A job that cannot be read (gone, or the network) is not waited for.
  const busy = request.isPending || (jobId != null && !job.isError && state !== 'done' && state !== 'failed');

  const start = () => {
    setJobId(null);
    request.mutate(undefined, { onSuccess: (j) => setJobId(j.id) });
  };

  return (
    <section className="card" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title" className="panel-title">
        {t('customer.export')}
      </h2>
      <p className="help">{t('customer.exportHelp')}</p>
      {busy && <Spinner label={t('customer.exportPreparing')} />}
      {state === 'done' && job.data?.result_url && (
        <p role="status">
          {t('customer.exportReady', { time: formatDateTime(job.data.finished_at ?? job.data.created_at, currentLanguage()) })}{' '}
          <a className="btn btn--small" href={job.data.result_url} download>
            {t('customer.exportDownload')}
          </a>
        </p>
      )}
      {state === 'failed' && <p role="alert">{t('customer.exportFailed', { error: job.data?.error ?? '' })}</p>}
      {request.isError && <ErrorPanel error={request.error} />}
      {job.isError && <ErrorPanel error={job.error} onRetry={() => void job.refetch()} />}
      {!busy && (
        <button type="button" className="btn btn--small" onClick={start}>
          {jobId == null ? t('customer.exportStart') : t('customer.exportAgain')}
        </button>
      )}
    </section>
  );
}
