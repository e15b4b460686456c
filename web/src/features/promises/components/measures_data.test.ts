import { describe, expect, it } from 'vitest';
import type { PromiseMeasureRow } from '@/types/api';
import { isoWeek, lateness, orderRows, parseIsoWeek, periodRange, totals, weeksBetween } from './measures_data';

const row = (over: Partial<PromiseMeasureRow>): PromiseMeasureRow => ({
  key: 'x', label: 'x', made: 1, kept: 0, kept_on_time: 0, broken: 0, cancelled: 0, live: 1, overdue: 0, chased: 0,
  kept_rate: null, median_lateness_minutes: null, ...over,
});

describe('measures arithmetic', () => {
  it('names ISO weeks, also across the turn of the year', () => {
    expect(isoWeek(new Date(2026, 11, 4))).toBe('2026-W49');
    expect(isoWeek(new Date(2026, 11, 31))).toBe('2026-W53');
    expect(isoWeek(new Date(2027, 0, 3))).toBe('2026-W53');
    expect(isoWeek(new Date(2027, 0, 4))).toBe('2027-W01');
    expect(isoWeek(new Date(2024, 11, 30))).toBe('2025-W01');
    expect(parseIsoWeek('2026-W09')).toEqual({ year: 2026, week: 9 });
    expect(parseIsoWeek(null)).toBeNull();
    expect(parseIsoWeek('email')).toBeNull();
  });

  it('asks for whole weeks up to tonight, this week included', () => {
    const { from, to } = periodRange(4, new Date(2026, 11, 4, 15, 30)); // a Friday
    expect(new Date(from)).toEqual(new Date(2026, 10, 9)); // Monday three weeks before
    expect(new Date(to)).toEqual(new Date(2026, 11, 5));
    expect(weeksBetween(from, to)).toEqual(['2026-W46', '2026-W47', '2026-W48', '2026-W49']);
  });

  it('fills the weeks without promises with zeros, oldest first, and keeps the weeks after the period', () => {
    const period = periodRange(4, new Date(2026, 11, 4, 15, 30));
    const rows = orderRows('week', [row({ key: '2027-W02', made: 2 }), row({ key: '2026-W49', made: 3 }), row({ key: '2026-W47' })], period, (r) => r.key ?? '');
    expect(rows.map((r) => [r.key, r.made])).toEqual([
      ['2026-W46', 0], ['2026-W47', 1], ['2026-W48', 0], ['2026-W49', 3], ['2027-W02', 2],
    ]);
    expect(rows[0].kept_rate).toBeNull();
  });

  it('puts the groups with the most promises first, then by name', () => {
    const rows = [row({ key: '1', label: 'Bram', made: 2 }), row({ key: '2', label: 'Anne', made: 2 }), row({ key: '3', label: 'Cas', made: 5 })];
    expect(orderRows('agent', rows, periodRange(4), (r) => r.label ?? '').map((r) => r.label)).toEqual(['Cas', 'Anne', 'Bram']);
  });

  it('adds up the rows, with the kept rate of kept and broken', () => {
    expect(totals([row({ made: 4, kept: 3, kept_on_time: 2, broken: 1, overdue: 0 }), row({ made: 2, kept: 0, broken: 1, overdue: 1 })])).toEqual({
      made: 6, kept: 3, kept_on_time: 2, broken: 2, overdue: 1, kept_rate: 0.6,
    });
    expect(totals([row({})]).kept_rate).toBeNull();
  });

  it('writes a lateness in minutes below the hour and as h:mm above', () => {
    expect(lateness(0)).toEqual({ text: '0', hours: false });
    expect(lateness(45)).toEqual({ text: '45', hours: false });
    expect(lateness(90)).toEqual({ text: '1:30', hours: true });
    expect(lateness(1505)).toEqual({ text: '25:05', hours: true });
  });
});
