import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelFilter, PriorityFilter, StatusFilter } from '@/components/filter_select';
import type { InboxFilters, InboxSort } from '../api/get_conversations';

export function InboxFilterBar({ filters, onChange }: { filters: InboxFilters; onChange: (f: InboxFilters) => void }) {
  const { t } = useTranslation();
  const [tag, setTag] = useState(filters.tag ?? '');
  useEffect(() => setTag(filters.tag ?? ''), [filters.tag]);
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  const hasFilters = !!(filters.channel || filters.status || filters.priority || filters.tag);
  return (
    <form
      className="filter-bar"
      aria-label={t('inbox.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        set({ tag: tag.trim() || undefined });
      }}
    >
      <ChannelFilter value={filters.channel} onChange={(channel) => set({ channel })} />
      <StatusFilter
        value={filters.view === 'waiting' ? 'waiting_on_us' : filters.status}
        disabled={filters.view === 'waiting'}
        onChange={(status) => set({ status })}
      />
      <PriorityFilter value={filters.priority} onChange={(priority) => set({ priority })} />
      <label className="filter">
        <span>{t('inbox.tag')}</span>
        <input
          type="text"
          value={tag}
          size={10}
          onChange={(e) => setTag(e.target.value)}
          onBlur={() => tag.trim() !== (filters.tag ?? '') && set({ tag: tag.trim() || undefined })}
        />
      </label>
      <label className="filter">
        <span>{t('inbox.sort')}</span>
        <select value={filters.sort} onChange={(e) => set({ sort: e.target.value as InboxSort })}>
          <option value="-last_message_at">{t('inbox.sortNewestMessage')}</option>
          <option value="-created_at">{t('inbox.sortNewest')}</option>
          <option value="created_at">{t('inbox.sortOldest')}</option>
        </select>
      </label>
      {hasFilters && (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => set({ channel: undefined, status: undefined, priority: undefined, tag: undefined })}
        >
          {t('inbox.clearFilters')}
        </button>
      )}
    </form>
  );
}
