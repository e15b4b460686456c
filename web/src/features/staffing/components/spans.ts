import type { ForecastDay, StaffingInterval } from '@/types/api';
import { localDate } from './zoned_time';

// Runs of intervals that belong together, by index: a holiday's intervals,
// and the understaffed or overstaffed stretches of a plan.

export interface Span {
  first: number;
  last: number;
}

/** The intervals of each holiday (a day with a name), in `tz`. */
export function holidaySpans(intervals: { start: string }[], days: ForecastDay[], tz: string): (Span & { name: string })[] {
  const names = new Map(days.filter((d) => d.holiday).map((d) => [d.date, d.holiday!]));
  const spans: (Span & { name: string; date: string })[] = [];
  intervals.forEach((iv, i) => {
    const date = localDate(iv.start, tz);
    const name = names.get(date);
    if (!name) return;
    const open = spans.at(-1);
    if (open && open.date === date && open.last === i - 1) open.last = i;
    else spans.push({ first: i, last: i, name, date });
  });
  return spans.map(({ first, last, name }) => ({ first, last, name }));
}

export interface StaffingSpan extends Span {
  status: 'under' | 'over';
  /** The most agents short (under) or spare (over) in the stretch, against what is rostered. */
  worst: number;
}

/** The gap an interval's status is about: scheduled against rostered staff, or, once begun, online against productive staff. */
export function staffingGap(iv: StaffingInterval): number {
  if (iv.online != null) return iv.online - iv.required;
  return iv.scheduled - iv.required_with_shrinkage;
}

/** Consecutive intervals flagged `under` or `over`, each stretch with its worst gap. */
export function staffingSpans(intervals: StaffingInterval[]): StaffingSpan[] {
  const spans: StaffingSpan[] = [];
  intervals.forEach((iv, i) => {
    if (iv.status !== 'under' && iv.status !== 'over') return;
    const gap = Math.abs(staffingGap(iv));
    const open = spans.at(-1);
    if (open && open.status === iv.status && open.last === i - 1) {
      open.last = i;
      open.worst = Math.max(open.worst, gap);
    } else spans.push({ status: iv.status, first: i, last: i, worst: gap });
  });
  return spans;
}
