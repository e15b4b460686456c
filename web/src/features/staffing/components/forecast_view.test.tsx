import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { VolumeForecast } from '@/types/api';
import { StaffingPage } from './staffing_page';
import { forecastFixture } from './test_fixtures';

// ECharts does not draw in jsdom: a stand-in records the options the chart is given.
const echarts = vi.hoisted(() => ({ setOption: vi.fn(), dispose: vi.fn() }));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ setOption: echarts.setOption, resize: vi.fn(), dispose: echarts.dispose })),
}));
vi.mock('echarts/charts', () => ({ BarChart: {}, HeatmapChart: {}, LineChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, MarkAreaComponent: {}, TooltipComponent: {}, VisualMapComponent: {} }));
vi.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

interface Series {
  name: string;
  stack?: string;
  data: number[];
  markArea?: { data: [{ name: string; xAxis: string }, { xAxis: string }][] };
}
const lastChart = () =>
  waitFor(() => {
    const option = echarts.setOption.mock.lastCall?.[0] as { series: Series[]; xAxis: { data: string[] } } | undefined;
    if (!option) throw new Error('no chart yet');
    return option;
  });

function renderForecast(answer: VolumeForecast = forecastFixture(), route = '/staffing?view=forecast') {
  const calls = stubApi({
    'GET /volume/forecast': () => json(answer),
    'GET /departments': () => json({ items: [] }),
    'GET /queues': () => json({ items: [] }),
    'GET /locations': () => json({ items: [] }),
    'GET /volume/segments': () => json({ items: [] }),
  });
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(['read_conversations']));
  renderWithProviders(<StaffingPage />, { client, route });
  return calls;
}

const asked = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'GET /volume/forecast').map((c) => Object.fromEntries(c.query));
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  echarts.setOption.mockClear();
});

describe('StaffingPage: forecast', () => {
  it('shows the expected contacts per interval in their band, the days with their holidays and the back-test', async () => {
    const calls = renderForecast();
    const method = await screen.findByTestId('forecast-method');
    expect(asked(calls)).toEqual([{ tz: 'Europe/Amsterdam', interval_minutes: '30', horizon_days: '7' }]);
    expect(method).toHaveTextContent(
      'Forecast by the model. The model beat the baseline: WAPE 18.3% against 25.4% for the baseline (each interval as it was a week before), over 21 forecasts from earlier in the history. Its figures are used.',
    );
    expect(screen.getByTestId('forecast-expected')).toHaveTextContent('60');
    expect(screen.getByTestId('forecast-history')).toHaveTextContent('14since 2026-12-10');
    expect(screen.getByTestId('forecast-wape')).toHaveTextContent('18.3%');

    expect(rows(screen.getByTestId('forecast-days'))).toEqual([
      ['Thu 24 Dec', '48', ''],
      ['Fri 25 Dec', '12', 'Eerste Kerstdag'],
    ]);
    const backtest = screen.getByTestId('forecast-backtest');
    expect(within(backtest).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Days ahead', 'Model WAPE', 'Baseline WAPE', 'Model MAPE (days)', 'Baseline MAPE (days)', 'Better',
    ]);
    expect(rows(backtest)).toEqual([
      ['1 day ahead', '15.0%', '25.0%', '8.0%', '12.0%', 'Model'],
      ['2 days ahead', '21.0%', '26.0%', '10.0%', '13.0%', 'Model'],
      ['Overall (21 forecasts)', '18.3%', '25.4%', '', '', 'Model'],
    ]);

    // The chart: the low line with the band's width stacked on it, the expected line, the holiday shaded.
    const chart = await lastChart();
    expect(chart.xAxis.data[0]).toBe('Thu 24 Dec, 00:00');
    expect(chart.series.map((s) => [s.name, s.stack])).toEqual([['low', 'band'], ['80 % band', 'band'], ['Expected', undefined]]);
    expect(chart.series[0].data[10]).toBe(4);
    expect(chart.series[1].data[10]).toBe(5);
    expect(chart.series[2].data[10]).toBe(6);
    expect(chart.series[2].markArea!.data).toEqual([[{ name: 'Eerste Kerstdag', xAxis: 'Fri 25 Dec, 00:00' }, { xAxis: 'Fri 25 Dec, 23:00' }]]);

    // Per interval, in a table that opens.
    const intervals = screen.getByTestId('forecast-intervals');
    expect(rows(intervals)).toHaveLength(48);
    expect(rows(intervals)[9]).toEqual(['Thu 24 Dec, 09:00', '6', '4', '9']);
  });

  it('says so when the baseline was better and is used', async () => {
    const base = forecastFixture();
    renderForecast({ ...base, method: 'seasonal_naive', backtest: { ...base.backtest!, wape: 0.31, naive_wape: 0.254, beats_baseline: false } });
    expect(await screen.findByTestId('forecast-method')).toHaveTextContent(
      'Forecast by the baseline. The baseline was better (WAPE 25.4% against 31.0% for the model, over 21 forecasts from earlier in the history), so it is used: each interval as it was a week before.',
    );
    expect(screen.getByTestId('forecast-wape')).toHaveTextContent('25.4%');
    expect(rows(screen.getByTestId('forecast-backtest')).at(-1)).toEqual(['Overall (21 forecasts)', '31.0%', '25.4%', '', '', 'Baseline']);
  });

  it('says so when the history is too short for a back-test', async () => {
    renderForecast({ ...forecastFixture(), backtest: null, history_days: 20 });
    expect(await screen.findByTestId('forecast-method')).toHaveTextContent(/With under five weeks of history it could not yet be checked against the baseline\.$/);
    expect(screen.getByText('There is no back-test yet: it needs five weeks of history.')).toBeInTheDocument();
    expect(screen.queryByTestId('forecast-backtest')).not.toBeInTheDocument();
    expect(screen.getByTestId('forecast-wape')).toHaveTextContent('—');
  });

  it('asks for more days ahead in other intervals, kept in the address', async () => {
    const calls = renderForecast();
    await screen.findByTestId('forecast-method');
    await userEvent.click(screen.getByRole('button', { name: 'Next 14 days' }));
    await userEvent.click(screen.getByRole('button', { name: '15 minutes' }));
    await vi.waitFor(() => expect(asked(calls).at(-1)).toEqual({ tz: 'Europe/Amsterdam', interval_minutes: '15', horizon_days: '14' }));
    expect(screen.getByRole('link', { name: 'Staffing plan' })).toHaveAttribute('href', '/staffing?view=plan&days=14&interval=15');
  });

  it('downloads the intervals, the days and the back-test as CSV', async () => {
    renderForecast();
    const texts: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (void (b as Blob).text().then((t) => texts.push(t.replace(/^\uFEFF/, ''))), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await screen.findByTestId('forecast-method');
    await userEvent.click(screen.getByText('Per interval (table)'));
    await userEvent.click(screen.getByRole('button', { name: 'Download per interval (CSV)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download per day (CSV)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download the back-test (CSV)' }));
    expect(click.mock.contexts.map((a) => (a as HTMLAnchorElement).download)).toEqual([
      'staffing-forecast-intervals-2026-12-24-2026-12-25.csv',
      'staffing-forecast-days-2026-12-24-2026-12-25.csv',
      'staffing-forecast-backtest-2026-12-24-2026-12-25.csv',
    ]);
    await vi.waitFor(() => expect(texts).toHaveLength(3));
    const intervals = texts[0].split('\r\n');
    expect(intervals[0]).toBe('Date,Time,Start (UTC),Expected,Low (10 %),High (90 %)');
    expect(intervals[10]).toBe('2026-12-24,09:00,2026-12-24T08:00:00.000Z,6,4,9');
    expect(intervals).toHaveLength(1 + 48 + 1);
    expect(texts[1]).toBe('Date,Weekday (1 = Monday),Expected,Holiday\r\n2026-12-24,4,48,\r\n2026-12-25,5,12,Eerste Kerstdag\r\n');
    expect(texts[2].split('\r\n').slice(0, 2)).toEqual(['Days ahead,Model WAPE (%),Baseline WAPE (%),Model MAPE (%),Baseline MAPE (%)', '1,15,25,8,12']);
  });

  it('speaks Dutch', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderForecast();
    expect(await screen.findByTestId('forecast-method')).toHaveTextContent(
      'Verwachting van het model. Het model was beter dan de basislijn: WAPE 18,3% tegen 25,4% voor de basislijn',
    );
    expect(rows(screen.getByTestId('forecast-days'))[1]).toEqual(['vr 25 dec', '12', 'Eerste Kerstdag']);
    expect(screen.getByRole('button', { name: 'Komende 14 dagen' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Verwachting' })).toHaveAttribute('aria-current', 'page');
  });
});
