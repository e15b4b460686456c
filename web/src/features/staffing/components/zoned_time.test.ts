import { describe, expect, it } from 'vitest';
import { addDays, formatLocalDay, formatSlot, localDate, localTime, weekdayName, zonedToUtc } from './zoned_time';

describe('zoned time', () => {
  it('turns a local date and time in a zone into the instant, in winter and summer', () => {
    expect(zonedToUtc('2026-12-28', '08:00', 'Europe/Amsterdam')).toBe('2026-12-28T07:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '08:00', 'Europe/Amsterdam')).toBe('2026-07-01T06:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '08:00', 'UTC')).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '08:00', 'America/New_York')).toBe('2026-07-01T12:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '08:00', 'Asia/Kathmandu')).toBe('2026-07-01T02:15:00.000Z');
  });

  it('moves a time the clocks skip an hour on, and takes the first of a time they repeat', () => {
    // 29 March 2026: 02:00 becomes 03:00 in Amsterdam; 25 October: 03:00 becomes 02:00 again.
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Amsterdam')).toBe('2026-03-29T01:30:00.000Z');
    expect(localTime('2026-03-29T01:30:00.000Z', 'Europe/Amsterdam')).toBe('03:30');
    expect(zonedToUtc('2026-10-25', '02:30', 'Europe/Amsterdam')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToUtc('2026-10-25', '03:30', 'Europe/Amsterdam')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('reads the local date and time of an instant', () => {
    expect(localDate('2026-12-24T23:30:00Z', 'Europe/Amsterdam')).toBe('2026-12-25');
    expect(localDate('2026-12-24T23:30:00Z', 'UTC')).toBe('2026-12-24');
    expect(localTime('2026-12-24T23:30:00Z', 'Europe/Amsterdam')).toBe('00:30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -7)).toBe('2026-02-22');
  });

  it('names days and intervals in the UI language', () => {
    expect(formatSlot('2026-12-24T08:00:00Z', 'Europe/Amsterdam', 'en')).toBe('Thu 24 Dec, 09:00');
    expect(formatSlot('2026-12-24T08:00:00Z', 'UTC', 'nl')).toBe('do 24 dec, 08:00');
    expect(formatLocalDay('2026-12-25', 'nl')).toBe('vr 25 dec');
    expect([1, 7].map((d) => weekdayName(d, 'en'))).toEqual(['Mon', 'Sun']);
  });
});
