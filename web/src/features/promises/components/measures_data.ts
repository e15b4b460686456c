import type { PromiseMeasureGroup, PromiseMeasureRow } from '@/types/api';

// The arithmetic behind the measures tab, apart from React and ECharts:
// the period asked for, the weeks in it (a week without promises is a row
// of zeros, not a gap), the order of the groups and the totals.

const DAY = 86_400_000;

/**
 * The promises made in the last `weeks` weeks, this one included: from
 * Monday 00:00 (local time) `weeks - 1` weeks ago to the coming midnight.
 * Whole days, so the question (and its cache) stays the same all day.
 */
export function periodRange(weeks: number, now: Date = new Date()): { from: string; to: string } {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const to = new Date(day);
  to.setDate(to.getDate() + 1);
  const from = new Date(day);
  from.setDate(from.getDate() - ((day.getDay() + 6) % 7) - 7 * (weeks - 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Thursday of the ISO week 1 of `year`, as UTC midnight. */
function firstThursday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
}

/** "2026-W49": the ISO week (Monday first; week 1 holds the year's first Thursday) of the local day of `date`. */
export function isoWeek(date: Date): string {
  const day = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.round((thursday - firstThursday(year)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The year and week of "2026-W49"; null for anything else. */
export function parseIsoWeek(key: string | null): { year: number; week: number } | null {
  const m = key ? /^(\d{4})-W(\d{2})$/.exec(key) : null;
  return m ? { year: Number(m[1]), week: Number(m[2]) } : null;
}

/** Every ISO week from the one of `from` to the one just before `to` (exclusive), oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = new Date(Date.parse(to) - 1);
  const last = isoWeek(end);
  const d = new Date(Date.parse(from));
  for (let i = 0; i < 120; i++) {
    const w = isoWeek(d);
    if (out[out.length - 1] !== w) out.push(w);
    if (w === last) break;
    d.setDate(d.getDate() + 7);
  }
  return out;
}

const empty = (key: string): PromiseMeasureRow => ({
  key, label: key, made: 0, kept: 0, kept_on_time: 0, broken: 0, cancelled: 0, live: 0, overdue: 0, chased: 0,
  kept_rate: null, median_lateness_minutes: null,
});

/**
 * The rows in the order the tab shows them. Per week: oldest first, every
 * week of the period present (zeros where nothing was due), and weeks
 * outside it (promises due later) as the server gave them. Otherwise: the
 * most promises first, then by name.
 */
export function orderRows(
  group: PromiseMeasureGroup,
  rows: PromiseMeasureRow[],
  period: { from: string; to: string },
  name: (row: PromiseMeasureRow) => string,
): PromiseMeasureRow[] {
  if (group !== 'week') {
    return [...rows].sort((a, b) => b.made - a.made || name(a).localeCompare(name(b)));
  }
  const byKey = new Map(rows.map((r) => [r.key ?? '', r]));
  for (const w of weeksBetween(period.from, period.to)) if (!byKey.has(w)) byKey.set(w, empty(w));
  return [...byKey.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
}

export interface MeasureTotals {
  made: number;
  kept: number;
  kept_on_time: number;
  broken: number;
  overdue: number;
  /** Kept of kept and broken, over all rows; null when none is closed either way. */
  kept_rate: number | null;
}

export function totals(rows: PromiseMeasureRow[]): MeasureTotals {
  const sum = (f: (r: PromiseMeasureRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const kept = sum((r) => r.kept);
  const broken = sum((r) => r.broken);
  return {
    made: sum((r) => r.made),
    kept,
    kept_on_time: sum((r) => r.kept_on_time),
    broken,
    overdue: sum((r) => r.overdue),
    kept_rate: kept + broken > 0 ? kept / (kept + broken) : null,
  };
}

/** A median lateness: "0 min", "45 min", or hours and minutes, "1:30" (the unit follows). */
export function lateness(minutes: number): { text: string; hours: boolean } {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return { text: String(m), hours: false };
  return { text: `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`, hours: true };
}

/** A kept rate as a whole percentage (0..100), or null. */
export const percent = (rate: number | null): number | null => (rate == null ? null : Math.round(rate * 100));
