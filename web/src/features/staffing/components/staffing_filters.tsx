import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelFilter, DepartmentFilter, FilterSelect } from '@/components/filter_select';
import { useDepartments, useLocations, useNameLookup, useQueueLabels } from '@/lib/directory';
import { useVolumeSegments, type VolumeFilters } from '../api/staffing';
import { DEFAULT_TZ } from './staffing_params';
import { browserTimeZone, timeZones } from './zoned_time';

// What the volume is counted over: one channel, department, queue, location
// or customer segment (a queue and a location belong to a department:
// choosing a department narrows them, and one that is not in it is let go),
// and the time zone the hours and days are read in.

export function StaffingFilters({ filters, onChange, zoneOnly = false }: {
  filters: VolumeFilters;
  onChange: (changes: Record<string, string | number | undefined>) => void;
  /** The schedule shows times in the zone but counts nothing. */
  zoneOnly?: boolean;
}) {
  return (
    <div className="filter-bar" data-testid="staffing-filters">
      {!zoneOnly && <CountedFilters filters={filters} onChange={onChange} />}
      <TimeZoneSelect value={filters.tz} onChange={(tz) => onChange({ tz: tz === DEFAULT_TZ ? undefined : tz })} />
    </div>
  );
}

/** Which contacts are counted; apart, so that the schedule does not load the lists these choose from. */
function CountedFilters({ filters, onChange }: { filters: VolumeFilters; onChange: (changes: Record<string, string | number | undefined>) => void }) {
  const { t } = useTranslation();
  const { queues, label } = useQueueLabels();
  const shownQueues = queues.filter((q) => !filters.department_id || q.department_id === filters.department_id);
  const locations = useLocations().data ?? [];
  const departmentName = useNameLookup(useDepartments().data);
  // The chosen location stays a choice even outside the department or
  // unknown (an address typed by hand), so the select shows what is counted.
  const locationOptions = locations
    .filter((l) => l.id === filters.location_id || !filters.department_id || l.department_id === filters.department_id)
    .map((l) => {
      const name = `${departmentName(l.department_id) ?? ''} › ${l.name}`;
      return { value: l.id, label: l.active ? name : t('staffing.filters.closedLocation', { name }) };
    });
  if (filters.location_id && !locationOptions.some((o) => o.value === filters.location_id)) {
    locationOptions.unshift({ value: filters.location_id, label: String(filters.location_id) });
  }
  // Likewise a chosen segment the list does not have (none counted in the
  // last year, or an address typed by hand).
  const segments = useVolumeSegments().data ?? [];
  const shownSegments = filters.segment && !segments.includes(filters.segment) ? [filters.segment, ...segments] : segments;
  /** Whether a queue or location of department `of` falls outside the department `chosen`. */
  const outside = (of: number | undefined, chosen: number | undefined) => !!of && !!chosen && of !== chosen;
  return (
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
          const location = locations.find((l) => l.id === filters.location_id);
          onChange({
            department_id,
            ...(outside(queue?.department_id, department_id) ? { queue_id: undefined } : {}),
            ...(outside(location?.department_id, department_id) ? { location_id: undefined } : {}),
          });
        }}
      />
      <FilterSelect<number>
        label={t('staffing.filters.queue')}
        anyLabel={t('staffing.filters.allQueues')}
        value={filters.queue_id}
        onChange={(queue_id) => onChange({ queue_id })}
        options={shownQueues.map((q) => ({ value: q.id, label: label(q.id) }))}
      />
      <FilterSelect<number>
        label={t('staffing.filters.location')}
        anyLabel={t('staffing.filters.allLocations')}
        value={filters.location_id}
        onChange={(location_id) => onChange({ location_id })}
        options={locationOptions}
        disabled={locationOptions.length === 0}
      />
      <FilterSelect<string>
        label={t('staffing.filters.segment')}
        anyLabel={t('staffing.filters.allSegments')}
        value={filters.segment}
        onChange={(segment) => onChange({ segment })}
        options={shownSegments.map((s) => ({ value: s, label: s }))}
        disabled={shownSegments.length === 0}
      />
    </>
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
