import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TopicPeriod } from '../api/topics';

// The topics page's choices live in the address, so that a view can be
// shared and coming back finds it as it was: the tab (`view`), the period
// (`days`), the table's order (`sort`) and the topic drilled into (`topic`,
// an id or `unclassified`). A choice equal to its default is left out.

export const VIEWS = ['overview', 'manage'] as const;
export type View = (typeof VIEWS)[number];
export const PERIODS = [7, 28, 90, 365] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_DAYS: Period = 28;
export const SORTS = ['priority', 'volume', 'trend'] as const;
export type Sort = (typeof SORTS)[number];

const pick = <T extends string | number>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => String(a) === value) ?? fallback;

/**
 * The period as the API reads it: the server's default (the 28 days before
 * now) as no parameters at all, so the page and the conversation screen
 * share one cached overview; any other from midnight UTC `days` days ago,
 * which keeps the same query (and cache entry) all day.
 */
export function periodOf(days: Period, now: number = Date.now()): TopicPeriod {
  if (days === DEFAULT_DAYS) return {};
  const today = new Date(now);
  const from = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days);
  return { from: new Date(from).toISOString() };
}

export function useTopicParams() {
  const [params, setParams] = useSearchParams();
  const view = pick(params.get('view'), VIEWS, 'overview');
  const days = pick(params.get('days'), PERIODS, DEFAULT_DAYS);
  const sort = pick(params.get('sort'), SORTS, 'priority');
  const raw = params.get('topic');
  const id = Number(raw);
  const topic: number | 'unclassified' | null = raw === 'unclassified' ? 'unclassified' : Number.isInteger(id) && id > 0 ? id : null;
  const period = useMemo(() => periodOf(days), [days]);

  /** Sets (or, with `undefined`, removes) some of the choices at once. */
  const set = (changes: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, String(value));
      }
      return next;
    });

  /** The address of another tab, keeping every other choice. */
  const tabPath = (v: View) => {
    const next = new URLSearchParams(params);
    if (v === 'overview') next.delete('view');
    else next.set('view', v);
    const qs = next.toString();
    return qs ? `/topics?${qs}` : '/topics';
  };

  return { view, days, sort, topic, period, set, tabPath };
}
