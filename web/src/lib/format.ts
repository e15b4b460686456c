import type { Language } from '@/types/api';

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

// Intl formatters are immutable and not free to create (a list renders one
// date per row), so there is one per language and style.
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(lang: Language): Intl.RelativeTimeFormat {
  let f = relativeFormats.get(lang);
  if (!f) relativeFormats.set(lang, (f = new Intl.RelativeTimeFormat(locales[lang], { numeric: 'auto' })));
  return f;
}

function dateFormat(lang: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}.${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
    dateFormats.set(key, f);
  }
  return f;
}

/** "3 d 4 h", "2 h 5 min", "12 min": a compact, language-neutral duration. */
export function formatDuration(ms: number, lang: Language): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const u = lang === 'nl' ? { d: 'd', h: 'u', m: 'min' } : { d: 'd', h: 'h', m: 'min' };
  if (minutes < 60) return `${minutes} ${u.m}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${u.h} ${minutes % 60} ${u.m}`;
  const days = Math.floor(hours / 24);
  return `${days} ${u.d} ${hours % 24} ${u.h}`;
}

/** A call's wait or length: "0:45", "4:05", "1:02:09". */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.floor(total));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** "5 minutes ago", "yesterday", "in 2 days" in the UI language. */
export function formatRelative(iso: string, lang: Language, now: number = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const rtf = relativeFormat(lang);
  const abs = Math.abs(diff);
  if (abs < 60_000) return rtf.format(0, 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  if (abs < 30 * 86_400_000) return rtf.format(Math.round(diff / 86_400_000), 'day');
  return formatDate(iso, lang);
}

export function formatDate(iso: string, lang: Language): string {
  return dateFormat(lang, false).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: Language): string {
  return dateFormat(lang, true).format(new Date(iso));
}

const dueFormats = new Map<string, Intl.DateTimeFormat>();

function dueFormat(lang: Language, part: 'day' | 'time', timeZone?: string): Intl.DateTimeFormat {
  const key = `${lang}.${part}.${timeZone ?? ''}`;
  let f = dueFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      part === 'day' ? { weekday: 'short', day: 'numeric', month: 'short' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    f = new Intl.DateTimeFormat(locales[lang], { ...options, timeZone });
    dueFormats.set(key, f);
  }
  return f;
}

/**
 * When something is due: "di 8 dec 12:00", "Tue 8 Dec 12:00". A due moment
 * at midnight ends the day before ("by Friday" is due before Saturday
 * 00:00), so it reads as that day alone: "vr 4 dec".
 */
export function formatDue(iso: string, lang: Language, timeZone?: string): string {
  const at = new Date(iso);
  const time = dueFormat(lang, 'time', timeZone).format(at);
  if (time === '00:00') return dueFormat(lang, 'day', timeZone).format(new Date(at.getTime() - 1)).replace(/\.$/, '');
  return `${dueFormat(lang, 'day', timeZone).format(at).replace(/\.$/, '')} ${time}`;
}

const byteFormats = new Map<string, Intl.NumberFormat>();

/** "812 bytes", "4.2 kB", "3.1 MB" (decimal units) in the UI language. */
export function formatBytes(bytes: number, lang: Language): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1e3],
    ['megabyte', 1e6],
    ['gigabyte', 1e9],
  ] as const;
  let [unit, size]: readonly [string, number] = units[0];
  for (const u of units) if (bytes >= u[1]) [unit, size] = u;
  const key = `${lang}.${unit}`;
  let f = byteFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 });
    byteFormats.set(key, f);
  }
  return f.format(bytes / size);
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share (0..1) as a percentage in the UI language, "83%" (or with `digits` decimals, "18.3%"); "—" when there is none. */
export function formatPercent(share: number | null, lang: Language, digits = 0): string {
  if (share == null || !Number.isFinite(share)) return '—';
  const key = `${lang}.${digits}`;
  let f = percentFormats.get(key);
  if (!f) percentFormats.set(key, (f = new Intl.NumberFormat(locales[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(share);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the UI language with at most `digits` decimals: "1,234.5", "1.234,5"; "—" when there is none. */
export function formatNumber(value: number | null | undefined, lang: Language, digits = 0): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const key = `${lang}.${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits })));
  return f.format(value);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0][0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}
