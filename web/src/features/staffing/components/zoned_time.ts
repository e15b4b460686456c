import type { Language } from '@/types/api';

// Wall-clock time in a named time zone (the zone the planner looks at, not
// necessarily the browser's): the server counts days, hours and shifts in
// it, so the page shows and asks for them in it too.

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const partFormats = new Map<string, Intl.DateTimeFormat>();

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(ms: number, tz: string): WallClock {
  let f = partFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    partFormats.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour) % 24, minute: Number(p.minute) };
}

/** How far `tz` is ahead of UTC at `ms`, in milliseconds (whole minutes). */
function offset(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - (ms - (((ms % 60_000) + 60_000) % 60_000));
}

const two = (n: number) => String(n).padStart(2, '0');

/** The local date of `iso` in `tz`: "2026-12-07". */
export function localDate(iso: string | number, tz: string): string {
  const w = wallClock(typeof iso === 'number' ? iso : Date.parse(iso), tz);
  return `${w.year}-${two(w.month)}-${two(w.day)}`;
}

/** The local time of `iso` in `tz`: "09:30". */
export function localTime(iso: string | number, tz: string): string {
  const w = wallClock(typeof iso === 'number' ? iso : Date.parse(iso), tz);
  return `${two(w.hour)}:${two(w.minute)}`;
}

/**
 * The instant a local date and time ("2026-12-07", "09:30") in `tz` stand
 * for, as ISO-8601 UTC. A time skipped by the clocks going forward lands an
 * hour later; one repeated when they go back is the first of the two.
 */
export function zonedToUtc(date: string, time: string, tz: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  // The offsets half a day either side: the clocks change at most once between them.
  const before = offset(wall - 43_200_000, tz);
  const after = offset(wall + 43_200_000, tz);
  const fits = [wall - before, wall - after].filter((ms) => ms + offset(ms, tz) === wall);
  return new Date(fits.length > 0 ? Math.min(...fits) : wall - before).toISOString();
}

/** A local date `days` days on (or back): ("2026-12-31", 1) → "2027-01-01". */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const slotFormats = new Map<string, Intl.DateTimeFormat>();

function slotFormat(lang: Language, tz: string, style: 'slot' | 'day' | 'weekday'): Intl.DateTimeFormat {
  const key = `${lang}.${tz}.${style}`;
  let f = slotFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'slot'
        ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : style === 'day'
          ? { weekday: 'short', day: 'numeric', month: 'short' }
          : { weekday: 'short' };
    f = new Intl.DateTimeFormat(locales[lang], { ...options, timeZone: tz });
    slotFormats.set(key, f);
  }
  return f;
}

/** An interval's start in `tz`: "Mon 7 Dec, 09:30", "ma 7 dec 09:30". */
export function formatSlot(iso: string, tz: string, lang: Language): string {
  return slotFormat(lang, tz, 'slot').format(new Date(iso));
}

/** A local date ("2026-12-07") as the day it is: "Mon 7 Dec", "ma 7 dec". */
export function formatLocalDay(date: string, lang: Language): string {
  return slotFormat(lang, 'UTC', 'day').format(new Date(`${date}T12:00:00Z`));
}

/** A weekday, 1 = Monday … 7 = Sunday: "Mon", "ma". */
export function weekdayName(weekday: number, lang: Language): string {
  // 2026-11-30 is a Monday.
  return slotFormat(lang, 'UTC', 'weekday').format(new Date(Date.UTC(2026, 10, 29 + weekday, 12)));
}

/** The browser's own time zone, or Amsterdam's where it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam';
  } catch {
    return 'Europe/Amsterdam';
  }
}

/** Every time zone the browser knows (IANA names), or a few common ones where it cannot list them. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    const all = intl.supportedValuesOf?.('timeZone');
    if (all && all.length > 0) return all.includes('UTC') ? all : ['UTC', ...all];
  } catch {
    // older browsers
  }
  return ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'UTC'];
}
