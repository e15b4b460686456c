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
  /** The most agents short (under) or to spare (over) in the stretch (shortBy, spareBy). */
  worst: number;
}

/**
 * How many agents an interval is short: scheduled against the staff to
 * roster and, once it has begun, online against the productive staff
 * needed; the larger of the two.
 */
export function shortBy(iv: StaffingInterval): number {
  return Math.max(iv.required_with_shrinkage - iv.scheduled, iv.online == null ? 0 : iv.required - iv.online, 0);
}

/** How many agents an interval has to spare, on the same terms. */
export function spareBy(iv: StaffingInterval): number {
  return Math.max(iv.scheduled - iv.required_with_shrinkage, iv.online == null ? 0 : iv.online - iv.required, 0);
}

/** Consecutive intervals flagged `under` or `over`, each stretch with its worst gap. */
export function staffingSpans(intervals: StaffingInterval[]): StaffingSpan[] {
  const spans: StaffingSpan[] = [];
  intervals.forEach((iv, i) => {
    if (iv.status !== 'under' && iv.status !== 'over') return;
    const gap = iv.status === 'under' ? shortBy(iv) : spareBy(iv);
    const open = spans.at(-1);
    if (open && open.status === iv.status && open.last === i - 1) {
      open.last = i;
      open.worst = Math.max(open.worst, gap);
    } else spans.push({ status: iv.status, first: i, last: i, worst: gap });
  });
  return spans;
}
