import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatDue, formatDuration, formatPercent, formatRelative, formatSeconds } from './format';

const now = Date.parse('2026-11-26T12:00:00.000Z');

describe('format', () => {
  it('says how long ago in the UI language, switching languages freely', () => {
    expect(formatRelative('2026-11-26T09:00:00.000Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-26T09:00:00.000Z', 'nl', now)).toBe('3 uur geleden');
    expect(formatRelative('2026-11-25T12:00:00.000Z', 'en', now)).toBe('yesterday');
    expect(formatRelative('2026-11-25T12:00:00.000Z', 'nl', now)).toBe('gisteren');
    expect(formatRelative('2026-11-26T11:59:30.000Z', 'en', now)).toBe('now');
  });

  it('falls back to the date after a month', () => {
    expect(formatRelative('2026-09-01T12:00:00.000Z', 'en', now)).toBe(formatDate('2026-09-01T12:00:00.000Z', 'en'));
    // ICU versions differ on "Sep"/"Sept", so the month is matched loosely.
    expect(formatDate('2026-09-01T12:00:00.000Z', 'en')).toMatch(/^1 Sept? 2026$/);
    expect(formatDate('2026-09-01T12:00:00.000Z', 'nl')).toMatch(/^1 sep 2026$/);
  });

  it('formats a date with its time, per language', () => {
    expect(formatDateTime('2026-09-01T12:00:00.000Z', 'en')).toMatch(/^1 Sept? 2026,? \d{2}:\d{2}$/);
    expect(formatDateTime('2026-09-01T12:00:00.000Z', 'nl')).toMatch(/^1 sep 2026,? \d{2}:\d{2}$/);
    expect(formatDateTime('2026-09-01T12:00:00.000Z', 'en')).not.toBe(formatDateTime('2026-09-01T12:00:00.000Z', 'nl'));
  });

  it('says when something is due with the weekday, and a midnight end as the day before', () => {
    expect(formatDue('2026-12-08T11:00:00.000Z', 'nl', 'Europe/Amsterdam')).toBe('di 8 dec 12:00');
    expect(formatDue('2026-12-08T11:00:00.000Z', 'en', 'Europe/Amsterdam')).toBe('Tue 8 Dec 12:00');
    // "By Friday": due before Saturday 00:00.
    expect(formatDue('2026-12-04T23:00:00.000Z', 'nl', 'Europe/Amsterdam')).toBe('vr 4 dec');
    expect(formatDue('2026-12-04T23:00:00.000Z', 'en', 'Europe/Amsterdam')).toBe('Fri 4 Dec');
  });

  it('writes call times as m:ss, with hours when long', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(59.9)).toBe('0:59');
    expect(formatSeconds(605)).toBe('10:05');
    expect(formatSeconds(3600 + 62)).toBe('1:01:02');
    expect(formatSeconds(-4)).toBe('0:00');
  });

  it('writes compact durations', () => {
    expect(formatDuration(12 * 60_000, 'en')).toBe('12 min');
    expect(formatDuration((2 * 60 + 5) * 60_000, 'nl')).toBe('2 u 5 min');
    expect(formatDuration((3 * 24 + 4) * 3_600_000, 'en')).toBe('3 d 4 h');
  });

  it('writes sizes in decimal units, per language', () => {
    expect(formatBytes(812, 'en')).toBe('812 bytes');
    expect(formatBytes(4200, 'en')).toBe('4.2 kB');
    expect(formatBytes(4200, 'nl')).toBe('4,2 kB');
    expect(formatBytes(3_100_000, 'en')).toBe('3.1 MB');
  });

  it('writes shares as whole percentages, and none as a dash', () => {
    expect(formatPercent(0.8333, 'en')).toBe('83%');
    expect(formatPercent(0.5, 'nl')).toBe('50%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(null, 'nl')).toBe('—');
  });
});
