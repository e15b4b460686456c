import { describe, expect, it } from 'vitest';
import { dueFromInputs, inputsFromDue, isOverdue } from './due';

describe('dueFromInputs', () => {
  it('reads a date and time in the browser\'s zone, and a date alone as the end of that day', () => {
    expect(dueFromInputs('2026-12-08', '12:00')).toBe(new Date(2026, 11, 8, 12, 0).toISOString());
    expect(dueFromInputs('2026-12-04', '')).toBe(new Date(2026, 11, 5).toISOString());
    expect(dueFromInputs('2026-12-31', '')).toBe(new Date(2027, 0, 1).toISOString());
    expect(dueFromInputs('', '12:00')).toBeUndefined();
  });

  it('gives back the inputs of a due moment: that minute, or at midnight the day before without a time', () => {
    expect(inputsFromDue(new Date(2026, 11, 5, 12, 0).toISOString())).toEqual({ date: '2026-12-05', time: '12:00' });
    expect(inputsFromDue(new Date(2026, 11, 5, 9, 30).toISOString())).toEqual({ date: '2026-12-05', time: '09:30' });
    expect(inputsFromDue(new Date(2027, 0, 1).toISOString())).toEqual({ date: '2026-12-31', time: '' });
    for (const iso of [new Date(2026, 11, 8, 12, 0).toISOString(), new Date(2026, 11, 5).toISOString()]) {
      const { date, time } = inputsFromDue(iso);
      expect(dueFromInputs(date, time)).toBe(iso);
    }
    expect(inputsFromDue('not a time')).toEqual({ date: '', time: '' });
  });

  it('calls a promise overdue once its due moment has passed, and one without a due moment never', () => {
    const now = Date.parse('2026-12-04T10:00:00.000Z');
    expect(isOverdue('2026-12-04T09:59:00.000Z', now)).toBe(true);
    expect(isOverdue('2026-12-04T10:01:00.000Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});
