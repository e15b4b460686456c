import { useTranslation } from 'react-i18next';
import { useDepartments, useQueues } from '@/lib/directory';
import type { InboxFilters, InboxView } from '../api/get_conversations';

const views: { view: InboxView; label: string }[] = [
  { view: 'all', label: 'inbox.all' },
  { view: 'mine', label: 'inbox.mine' },
  { view: 'unassigned', label: 'inbox.unassigned' },
  { view: 'waiting', label: 'inbox.waitingOnUs' },
];

export function InboxSidebar({ filters, onChange }: { filters: InboxFilters; onChange: (f: InboxFilters) => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const queues = useQueues();
  const select = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  return (
    <nav className="inbox__sidebar" aria-label={t('inbox.views')}>
      <h2 className="sidebar-heading">{t('inbox.views')}</h2>
      <ul className="sidebar-list">
        {views.map((v) => {
          const current = filters.view === v.view && !filters.department_id && !filters.queue_id;
          return (
            <li key={v.view}>
              <button
                type="button"
                className={current ? 'sidebar-item is-active' : 'sidebar-item'}
                aria-current={current ? 'page' : undefined}
                onClick={() => select({ view: v.view, department_id: undefined, queue_id: undefined })}
              >
                {t(v.label)}
              </button>
            </li>
          );
        })}
      </ul>
      <h2 className="sidebar-heading">{t('inbox.departments')}</h2>
      <ul className="sidebar-list">
        {departments.data?.map((d) => {
          const current = filters.department_id === d.id && !filters.queue_id;
          return (
            <li key={d.id}>
              <button
                type="button"
                className={current ? 'sidebar-item is-active' : 'sidebar-item'}
                aria-current={current ? 'page' : undefined}
                onClick={() => select({ department_id: d.id, queue_id: undefined })}
              >
                {d.name}
              </button>
              <ul className="sidebar-list sidebar-list--nested">
                {queues.data
                  ?.filter((q) => q.department_id === d.id)
                  .map((q) => {
                    const qCurrent = filters.queue_id === q.id;
                    return (
                      <li key={q.id}>
                        <button
                          type="button"
                          className={qCurrent ? 'sidebar-item sidebar-item--queue is-active' : 'sidebar-item sidebar-item--queue'}
                          aria-current={qCurrent ? 'page' : undefined}
                          onClick={() => select({ department_id: d.id, queue_id: q.id })}
                        >
                          {q.name}
                        </button>
                      </li>
                    );
                  })}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
