import type { HistoryDay, Shift, StaffingInterval, StaffingSchedulePlan, VolumeCell, VolumeCounts, VolumeForecast, VolumeHeatmap } from '@/types/api';

// Answers of the staffing endpoints for the component tests: Amsterdam time,
// around Christmas 2026 (Friday 25 December is a holiday).

const zero: VolumeCounts = {
  contacts: 0, opened: 0, messages_in: 0, replies: 0, calls_offered: 0, calls_answered: 0, calls_abandoned: 0, chats_offered: 0, chats_answered: 0, chats_abandoned: 0,
  abandon_rate: null, avg_wait_seconds: null, avg_first_response_seconds: null, avg_handle_seconds: null,
};

/**
 * 7 × 24 cells, Monday 0:00 first; Thursday 10:00 had two calls (one given up) and a chat (answered), so one in three of
 * those that waited gave up; Monday 9:00 one e-mail.
 */
export function heatmapFixture(over: Partial<VolumeHeatmap> = {}): VolumeHeatmap {
  const cells: VolumeCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) for (let hour = 0; hour < 24; hour++) cells.push({ ...zero, weekday, hour });
  cells[3 * 24 + 10] = {
    ...zero, weekday: 4, hour: 10, contacts: 3, opened: 1, messages_in: 1, replies: 1, calls_offered: 2, calls_answered: 1, calls_abandoned: 1,
    chats_offered: 1, chats_answered: 1, abandon_rate: 1 / 3, avg_wait_seconds: 52.5, avg_first_response_seconds: 90, avg_handle_seconds: 390,
  };
  cells[9] = { ...zero, weekday: 1, hour: 9, contacts: 1, opened: 1, messages_in: 1, avg_first_response_seconds: 600 };
  return {
    from: '2026-11-26T23:00:00Z', to: '2026-12-24T23:00:00Z', tz: 'Europe/Amsterdam', weeks: 4,
    total: {
      ...zero, contacts: 4, opened: 2, messages_in: 2, replies: 1, calls_offered: 2, calls_answered: 1, calls_abandoned: 1, chats_offered: 1, chats_answered: 1,
      abandon_rate: 1 / 3, avg_wait_seconds: 52.5, avg_first_response_seconds: 345, avg_handle_seconds: 390,
    },
    cells,
    ...over,
  };
}

/** Fourteen days of history to Wednesday 23 December: 10 a day the first week, 12 the second (Thursday 17th: 20). */
export function historyFixture(): HistoryDay[] {
  const days: HistoryDay[] = [];
  for (let i = 0; i < 14; i++) {
    const d = new Date(Date.UTC(2026, 11, 10 + i));
    const weekday = ((d.getUTCDay() + 6) % 7) + 1;
    days.push({ date: d.toISOString().slice(0, 10), weekday, contacts: i < 7 ? 10 : i === 7 ? 20 : 12, holiday: null });
  }
  return days;
}

const startOfThe24th = Date.parse('2026-12-23T23:00:00Z');

/** Two days from Thursday 24 December in hours; the 25th is Eerste Kerstdag. The model beat the baseline. */
export function forecastFixture(over: Partial<VolumeForecast> = {}): VolumeForecast {
  const intervals = Array.from({ length: 48 }, (_, h) => {
    const busy = h % 24 >= 9 && h % 24 < 17;
    const expected = busy ? (h < 24 ? 6 : 1.5) : 0;
    return { start: new Date(startOfThe24th + h * 3_600_000).toISOString(), expected, low: Math.max(0, expected - 2), high: expected + 3 };
  });
  return {
    tz: 'Europe/Amsterdam', interval_minutes: 60, method: 'weekday_trend', history_from: '2026-12-10', history_days: 14,
    history: historyFixture(),
    days: [
      { date: '2026-12-24', weekday: 4, expected: 48, holiday: null },
      { date: '2026-12-25', weekday: 5, expected: 12, holiday: 'Eerste Kerstdag' },
    ],
    intervals,
    backtest: {
      origins: 21, wape: 0.183, naive_wape: 0.254, beats_baseline: true,
      horizons: [
        { days_ahead: 1, wape: 0.15, mape: 0.08, naive_wape: 0.25, naive_mape: 0.12 },
        { days_ahead: 2, wape: 0.21, mape: 0.1, naive_wape: 0.26, naive_mape: 0.13 },
      ],
    },
    ...over,
  };
}

/** Thursday 24 December in hours: 09:00–11:00 understaffed, 14:00 overstaffed, the rest enough or nothing scheduled. */
export function planFixture(over: Partial<StaffingSchedulePlan> = {}): StaffingSchedulePlan {
  const intervals: StaffingInterval[] = Array.from({ length: 24 }, (_, h) => {
    const busy = h >= 9 && h < 17;
    const status = h === 9 || h === 10 ? 'under' : h === 14 ? 'over' : busy ? 'ok' : 'none';
    return {
      start: new Date(startOfThe24th + h * 3_600_000).toISOString(),
      contacts: busy ? 6 : 0, low: busy ? 4 : 0, high: busy ? 9 : 0,
      required: busy ? 3 : 0, required_with_shrinkage: busy ? 5 : 0,
      service_level: busy ? 0.86 : null, asa_seconds: busy ? 12.5 : null, occupancy: busy ? 0.7 : null,
      scheduled: status === 'under' ? (h === 9 ? 2 : 4) : status === 'over' ? 8 : busy ? 5 : 0,
      online: h < 10 ? (busy ? 2 : 0) : null,
      status,
    };
  });
  return {
    tz: 'Europe/Amsterdam', interval_minutes: 60, method: 'seasonal_naive', aht_seconds: 312, aht_measured: true,
    target_seconds: 20, service_level: 0.8, max_occupancy: 0.85, shrinkage: 0.3, patience_seconds: null, measured_patience_seconds: 95,
    backtest: { origins: 21, wape: 0.3, naive_wape: 0.254, beats_baseline: false, horizons: [] },
    intervals,
    totals: { contacts: 48, agent_hours_required: 40, agent_hours_scheduled: 39, under: 2, over: 1 },
    ...over,
  };
}

export function shiftFixture(id: number, over: Partial<Shift> = {}): Shift {
  return {
    id, starts_at: '2026-12-24T08:00:00Z', ends_at: '2026-12-24T16:00:00Z', agents: 4, channel: null, department_id: null, queue_id: null,
    label: 'Dagdienst', created_at: '2026-12-01T10:00:00Z', ...over,
  };
}
