import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type { Channel, List, NewShift, Shift, ShiftImport, StaffingSchedulePlan, VolumeForecast, VolumeHeatmap } from '@/types/api';

// The planner's endpoints (docs/openapi.yaml, tag `staffing`; docs/staffing.md).
// Aggregates only: counts, durations and agents, never a conversation.

/**
 * What the volume is counted over: a time zone, and one channel, department,
 * queue, location (a shop or counter: its walk-ins) or customer segment, or all.
 */
export interface VolumeFilters {
  tz: string;
  channel?: Channel;
  department_id?: number;
  queue_id?: number;
  location_id?: number;
  segment?: string;
}

/** The forecast's shape: intervals of 15, 30 or 60 minutes over the next `horizon_days` days. */
export interface ForecastParams extends VolumeFilters {
  interval_minutes: number;
  horizon_days: number;
}

/**
 * The planner's what-if, as the server reads it: seconds, and shares as
 * fractions (0.8). Left out, the server's defaults apply, and a handle time
 * left out is measured from the calls answered.
 */
export interface WhatIf {
  target_seconds?: number;
  service_level?: number;
  max_occupancy?: number;
  shrinkage?: number;
  aht_seconds?: number;
  patience_seconds?: number;
  concurrency?: number;
}

/** Contacts and waits by hour and weekday over [`from`, `to`). */
export function useVolumeHeatmap(params: VolumeFilters & { from: string; to: string }) {
  return useQuery({
    queryKey: queryKeys.volumeHeatmap(params),
    queryFn: ({ signal }) => api.get<VolumeHeatmap>('/volume/heatmap', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The customer segments counted in the last year, sorted: the segment
 * filter's choices. Labels only, never customers; a segment seen for the
 * first time appears when this goes stale.
 */
export function useVolumeSegments() {
  return useQuery({
    queryKey: queryKeys.volumeSegments,
    queryFn: ({ signal }) => api.get<List<string>>('/volume/segments', undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** The contacts expected per interval, the days learnt from and the back-test. */
export function useVolumeForecast(params: ForecastParams) {
  return useQuery({
    queryKey: queryKeys.volumeForecast(params),
    queryFn: ({ signal }) => api.get<VolumeForecast>('/volume/forecast', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The staff each interval needs (Erlang C, or A with a patience) against the shifts and who was online. */
export function useStaffingPlan(params: ForecastParams & WhatIf, enabled = true) {
  return useQuery({
    queryKey: queryKeys.staffingPlan(params),
    queryFn: ({ signal }) => api.get<StaffingSchedulePlan>('/staffing/plan', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  });
}

/** The shifts planned from today's midnight for four weeks, earliest first. */
export function useShifts() {
  return useQuery({
    queryKey: queryKeys.shifts({}),
    queryFn: ({ signal }) => api.get<List<Shift>>('/staffing/shifts', undefined, signal),
    select: (d) => d.items,
  });
}

/** A change to the shifts changes what is scheduled in the plan. */
function useShiftsChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.shifts({}).slice(0, 2) });
    void qc.invalidateQueries({ queryKey: queryKeys.staffingPlan({}).slice(0, 2) });
  };
}

export function useCreateShift() {
  const changed = useShiftsChanged();
  return useMutation({
    mutationFn: (shift: NewShift) => api.post<Shift>('/staffing/shifts', shift),
    onSuccess: changed,
  });
}

/**
 * Shifts from CSV text (`date,start,end,agents` and optional columns), local
 * to `tz`. All or nothing: a refusal (400) names each bad line in its field
 * errors, as `line 3: agents`.
 */
export function useImportShifts() {
  const changed = useShiftsChanged();
  return useMutation({
    mutationFn: ({ csv, tz }: { csv: string; tz: string }) => api.postRaw<ShiftImport>('/staffing/shifts/import', csv, 'text/csv', { tz }),
    onSuccess: changed,
  });
}

export function useDeleteShift() {
  const changed = useShiftsChanged();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/staffing/shifts/${id}`),
    onSuccess: changed,
  });
}
