import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { PromiseMeasureRow, PromiseMeasures } from '@/types/api';
import { PromisesPage } from './promises_page';

// ECharts does not draw in jsdom (no canvas, no layout): a stand-in records
// the options the chart is given. The table is what the tests read.
const echarts = vi.hoisted(() => ({ setOption: vi.fn(), dispose: vi.fn() }));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ setOption: echarts.setOption, resize: vi.fn(), dispose: echarts.dispose })),
}));
vi.mock('echarts/charts', () => ({ BarChart: {}, LineChart: {}, ScatterChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

interface Series {
  name: string;
  type: string;
  stack?: string;
  yAxisIndex?: number;
  xAxisIndex?: number;
  data: unknown[];
}
const lastChart = () => echarts.setOption.mock.lastCall?.[0] as { series: Series[]; xAxis: unknown; yAxis: unknown };

const row = (over: Partial<PromiseMeasureRow>): PromiseMeasureRow => ({
  key: 'x', label: 'x', made: 0, kept: 0, kept_on_time: 0, broken: 0, cancelled: 0, live: 0, overdue: 0, chased: 0,
  kept_rate: null, median_lateness_minutes: null, ...over,
});

const weeks: PromiseMeasures = {
  group: 'week', by: 'us', from: '2026-11-30T00:00:00Z', to: '2026-12-05T00:00:00Z',
  rows: [row({ key: '2026-W49', label: '2026-W49', made: 12, kept: 8, kept_on_time: 6, broken: 2, cancelled: 1, live: 1, overdue: 1, chased: 3, kept_rate: 0.8, median_lateness_minutes: 95 })],
};
const agents: PromiseMeasures = {
  group: 'agent', by: 'us', from: '2026-11-30T00:00:00Z', to: '2026-12-05T00:00:00Z',
  rows: [
    row({ key: '1', label: 'Anne Agent', made: 5, kept: 4, kept_on_time: 4, broken: 0, live: 1, kept_rate: 1, median_lateness_minutes: 0 }),
    row({ key: null, label: null, made: 2, kept: 0, broken: 1, cancelled: 1, chased: 1, kept_rate: 0 }),
    row({ key: '7', label: 'Bram, "de" Boer', made: 9, kept: 3, kept_on_time: 1, broken: 3, live: 3, overdue: 2, chased: 2, kept_rate: 0.5, median_lateness_minutes: 40 }),
  ],
};

function renderMeasures(route = '/promises?view=measures') {
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(['read_conversations']));
  return renderWithProviders(<PromisesPage />, { client, route });
}

const asked = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'GET /promises/measures').map((c) => Object.fromEntries(c.query));
const cells = (table: HTMLElement) => within(table).getAllByTestId('measures-row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  echarts.setOption.mockClear();
});

describe('Promise measures', () => {
  it('shows the figures per week in a table under the chart, ours over the last 13 weeks by default', async () => {
    const calls = stubApi({ 'GET /promises/measures': () => json(weeks) });
    renderMeasures();
    const table = await screen.findByTestId('measures-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Week', 'Made', 'Kept', 'On time', 'Broken', 'Cancelled', 'Open', 'Overdue', 'Customer chased us', 'Kept rate', 'Median lateness',
    ]);
    // The response's period is one week: that week, filled in where nothing was due.
    expect(cells(table)).toEqual([['Week 49, 2026', '12', '8', '6', '2', '1', '1', '1', '3', '80%', '1:35 h']]);
    expect(screen.getByRole('link', { name: 'Measures' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Per week' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Our promises' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Last 13 weeks' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('img')).toHaveAccessibleName(
      'Our promises · Per week · Last 13 weeks. 12 made, 8 kept (6 on time), 2 broken, 1 open and overdue; kept rate 80%.',
    );

    await vi.waitFor(() => expect(echarts.setOption).toHaveBeenCalled());
    const chart = lastChart();
    expect(chart.series.map((x) => [x.name, x.type, x.stack ?? x.yAxisIndex])).toEqual([
      ['Kept on time', 'bar', 'promises'], ['Kept late', 'bar', 'promises'], ['Broken', 'bar', 'promises'],
      ['Open and overdue', 'bar', 'promises'], ['Kept rate', 'line', 1],
    ]);
    expect(chart.series.map((x) => x.data.at(-1))).toEqual([6, 2, 2, 1, 80]);

    const [query] = asked(calls);
    expect(query).toMatchObject({ group: 'week', by: 'us' });
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    expect(days).toBeGreaterThan(12 * 7);
    expect(days).toBeLessThanOrEqual(13 * 7 + 1);
    expect(calls.some((c) => c.key === 'GET /promises')).toBe(false);
  });

  it('asks per agent when the grouping changes, and for the customers\' promises over 52 weeks', async () => {
    const calls = stubApi({ 'GET /promises/measures': ({ query }) => json(query.get('group') === 'agent' ? agents : weeks) });
    renderMeasures();
    await screen.findByTestId('measures-table');
    await userEvent.click(screen.getByRole('button', { name: 'Per agent' }));
    await vi.waitFor(() => expect(screen.getByRole('columnheader', { name: 'Agent' })).toBeInTheDocument());
    expect(asked(calls)[1]).toMatchObject({ group: 'agent', by: 'us' });
    expect(cells(screen.getByTestId('measures-table'))).toEqual([
      ['Bram, "de" Boer', '9', '3', '1', '3', '0', '3', '2', '2', '50%', '40 min'],
      ['Anne Agent', '5', '4', '4', '0', '0', '1', '0', '0', '100%', '0 min'],
      ['No agent (department only)', '2', '0', '0', '1', '1', '0', '0', '1', '0%', '—'],
    ]);
    // Horizontal bars, the biggest group on top (ECharts draws the first category at the bottom), the rate as markers.
    await vi.waitFor(() => expect(lastChart().yAxis).toMatchObject({ type: 'category' }));
    const chart = lastChart();
    expect(chart.yAxis).toMatchObject({ data: ['No agent (department only)', 'Anne Agent', 'Bram, "de" Boer'] });
    expect(chart.series.find((x) => x.name === 'Kept on time')?.data).toEqual([0, 4, 1]);
    expect(chart.series.find((x) => x.name === 'Kept rate')).toMatchObject({ type: 'scatter', xAxisIndex: 1, data: [[0, 0], [100, 1], [50, 2]] });

    await userEvent.click(screen.getByRole('button', { name: "The customers' promises" }));
    await userEvent.click(screen.getByRole('button', { name: 'Last 52 weeks' }));
    await vi.waitFor(() => expect(asked(calls)).toHaveLength(4));
    expect(asked(calls)[3]).toMatchObject({ group: 'agent', by: 'customer' });
    const { from, to } = asked(calls)[3];
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBeGreaterThan(51 * 7);
  });

  it('downloads the table as CSV', async () => {
    stubApi({ 'GET /promises/measures': () => json(agents) });
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:measures'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderMeasures('/promises?view=measures&group=agent');
    await screen.findByTestId('measures-table');
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(click).toHaveBeenCalledOnce();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(/^promises-us-agent-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder().decode(new Uint8Array(await blob!.arrayBuffer()));
    expect(text.split('\r\n')).toEqual([
      'Agent,Made,Kept,On time,Broken,Cancelled,Open,Overdue,Customer chased us,Kept rate (%),Median lateness (minutes)',
      '"Bram, ""de"" Boer",9,3,1,3,0,3,2,2,50,40',
      'Anne Agent,5,4,4,0,0,1,0,0,100,0',
      'No agent (department only),2,0,0,1,1,0,0,1,0,',
      '',
    ]);
  });

  it('says so when no promises were made, and keeps the list\'s choices when switching tabs', async () => {
    stubApi({
      'GET /promises/measures': () => json({ ...weeks, rows: [] }),
      'GET /promises': () => json({ items: [], next_cursor: null }),
    });
    renderMeasures('/promises?view=measures&whose=everyone&weeks=4');
    expect(await screen.findByText('No promises were made in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Live' })).toHaveAttribute('href', '/promises?whose=everyone&weeks=4');
  });
});
