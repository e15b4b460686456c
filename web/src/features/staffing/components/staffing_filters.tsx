import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelFilter, DepartmentFilter, FilterSelect } from '@/components/filter_select';
import { useQueueLabels } from '@/lib/directory';
import type { VolumeFilters } from '../api/staffing';
import { DEFAULT_TZ } from './staffing_params';
import { browserTimeZone, timeZones } from './zoned_time';

// What the volume is counted over: one channel, department or queue (a
// queue belongs to a department: choosing a department narrows the queues,
// and one that is not in it is let go), and the time zone the hours and
// days are read in.

export function StaffingFilters({ filters, onChange, zoneOnly = false }: {
  filters: VolumeFilters;
  onChange: (changes: Record<string, string | number | undefined>) => void;
  /** The schedule shows times in the zone but counts nothing. */
  zoneOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { queues, label } = useQueueLabels();
  const shownQueues = queues.filter((q) => !filters.department_id || q.department_id === filters.department_id);
  return (
    <div className="filter-bar" data-testid="staffing-filters">
      {!zoneOnly && (
        <>
          <ChannelFilter
            label={t('staffing.filters.channel')}
            anyLabel={t('staffing.filters.allChannels')}
            value={filters.channel}
            onChange={(channel) => onChange({ channel })}
          />
          <DepartmentFilter
            label={t('staffing.filters.department')}
            anyLabel={t('staffing.filters.allDepartments')}
            value={filters.department_id}
            onChange={(department_id) => {
              const queue = queues.find((q) => q.id === filters.queue_id);
              onChange({ department_id, ...(queue && department_id && queue.department_id !== department_id ? { queue_id: undefined } : {}) });
            }}
          />
          <FilterSelect<number>
            label={t('staffing.filters.queue')}
            anyLabel={t('staffing.filters.allQueues')}
            value={filters.queue_id}
            onChange={(queue_id) => onChange({ queue_id })}
            options={shownQueues.map((q) => ({ value: q.id, label: label(q.id) }))}
          />
        </>
      )}
      <TimeZoneSelect value={filters.tz} onChange={(tz) => onChange({ tz: tz === DEFAULT_TZ ? undefined : tz })} />
    </div>
  );
}

function TimeZoneSelect({ value, onChange }: { value: string; onChange: (tz: string) => void }) {
  const { t } = useTranslation();
  const zones = useMemo(() => {
    const all = timeZones();
    // The desk's zone and the browser's first, then every other one.
    const first = [...new Set([DEFAULT_TZ, browserTimeZone(), value])];
    return [...first, ...all.filter((z) => !first.includes(z))];
  }, [value]);
  return (
    <label className="filter">
      <span>{t('staffing.filters.timeZone')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}
