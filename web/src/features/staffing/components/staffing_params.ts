import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CHANNELS } from '@/types/api';
import type { ForecastParams, VolumeFilters, WhatIf } from '../api/staffing';

// The staffing page's choices live in the address, so that a view can be
// shared and coming back finds it as it was: the tab (`view`), what is
// counted (`channel`, `department_id`, `queue_id`, `location_id`, `segment`,
// `tz`), the heatmap's period and measure (`weeks`, `metric`), the
// forecast's shape (`days`, `interval`) and the what-if (the API's names;
// shares in percent as typed). A choice equal to its default is left out.

export const VIEWS = ['volume', 'forecast', 'plan', 'schedule'] as const;
export type View = (typeof VIEWS)[number];

export const DEFAULT_TZ = 'Europe/Amsterdam';
export const PERIOD_WEEKS = [1, 4, 13] as const;
export const HORIZONS = [7, 14, 28] as const;
export const INTERVALS = [15, 30, 60] as const;
export const METRICS = ['contacts', 'avg_wait_seconds', 'abandon_rate', 'avg_first_response_seconds', 'avg_handle_seconds'] as const;
export type Metric = (typeof METRICS)[number];

/** The what-if inputs, in the address's (and the form's) units: seconds, shares in percent, a count. */
export const WHAT_IF_FIELDS = ['target_seconds', 'service_level', 'max_occupancy', 'shrinkage', 'aht_seconds', 'patience_seconds', 'concurrency'] as const;
export type WhatIfField = (typeof WHAT_IF_FIELDS)[number];
export type WhatIfDraft = Record<WhatIfField, string>;
const PERCENT_FIELDS: WhatIfField[] = ['service_level', 'max_occupancy', 'shrinkage'];
export const isPercent = (f: WhatIfField) => PERCENT_FIELDS.includes(f);

const pick = <T extends string | number>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => String(a) === value) ?? fallback;

const positiveId = (value: string | null): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The what-if as the server reads it: numbers only (anything else is left
 * to the server's default), percentages as fractions.
 */
export function whatIfQuery(draft: Partial<WhatIfDraft>): WhatIf {
  const out: WhatIf = {};
  for (const f of WHAT_IF_FIELDS) {
    const text = draft[f]?.trim().replace(',', '.');
    if (!text) continue;
    const n = Number(text);
    if (!Number.isFinite(n)) continue;
    out[f] = isPercent(f) ? n / 100 : n;
  }
  return out;
}

export function useStaffingParams() {
  const [params, setParams] = useSearchParams();
  const view = pick(params.get('view'), VIEWS, 'volume');
  const channel = CHANNELS.find((c) => c === params.get('channel'));
  const departmentId = positiveId(params.get('department_id'));
  const queueId = positiveId(params.get('queue_id'));
  const locationId = positiveId(params.get('location_id'));
  // Any label the server counted; an empty one means every segment.
  const segment = params.get('segment') || undefined;
  const tz = params.get('tz') || DEFAULT_TZ;
  const weeks = pick(params.get('weeks'), PERIOD_WEEKS, 4);
  const metric = pick(params.get('metric'), METRICS, 'contacts');
  const days = pick(params.get('days'), HORIZONS, 7);
  const interval = pick(params.get('interval'), INTERVALS, 30);
  const whatIfKey = WHAT_IF_FIELDS.map((f) => params.get(f) ?? '').join('|');

  const filters = useMemo<VolumeFilters>(
    () => ({
      tz,
      ...(channel ? { channel } : {}),
      ...(departmentId ? { department_id: departmentId } : {}),
      ...(queueId ? { queue_id: queueId } : {}),
      ...(locationId ? { location_id: locationId } : {}),
      ...(segment ? { segment } : {}),
    }),
    [tz, channel, departmentId, queueId, locationId, segment],
  );
  const forecast = useMemo<ForecastParams>(() => ({ ...filters, interval_minutes: interval, horizon_days: days }), [filters, interval, days]);
  const whatIf = useMemo<WhatIfDraft>(() => {
    const values = whatIfKey.split('|');
    return Object.fromEntries(WHAT_IF_FIELDS.map((f, i) => [f, values[i]])) as WhatIfDraft;
  }, [whatIfKey]);

  /** Sets (or, with `undefined` or '', removes) some of the choices at once; `replace` keeps the history short while typing. */
  const set = (changes: Record<string, string | number | undefined>, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(name);
          else next.set(name, String(value));
        }
        return next;
      },
      { replace },
    );

  return { params, view, filters, forecast, weeks, metric, days, interval, whatIf, set };
}

/** The address of another tab, keeping every other choice. */
export function tabPath(params: URLSearchParams, view: View): string {
  const next = new URLSearchParams(params);
  if (view === 'volume') next.delete('view');
  else next.set('view', view);
  const qs = next.toString();
  return qs ? `/staffing?${qs}` : '/staffing';
}
