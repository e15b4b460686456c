import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import { StaffingPage } from './staffing_page';
import { forecastFixture, heatmapFixture } from './test_fixtures';
import { periodFor } from './volume_view';

// ECharts does not draw in jsdom (no canvas, no layout): a stand-in records
// the options each chart is given. The tables are what the tests read.
const echarts = vi.hoisted(() => ({ setOption: vi.fn(), dispose: vi.fn() }));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ setOption: echarts.setOption, resize: vi.fn(), dispose: echarts.dispose })),
}));
vi.mock('echarts/charts', () => ({ BarChart: {}, HeatmapChart: {}, LineChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, MarkAreaComponent: {}, TooltipComponent: {}, VisualMapComponent: {} }));
vi.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

interface Option {
  series: { type: string; name?: string; data: unknown[] }[];
  yAxis: { data?: string[] };
}
const charts = () => echarts.setOption.mock.calls.map((c) => c[0] as Option);
const heatmapOption = () => charts().filter((o) => o.series[0]?.type === 'heatmap').at(-1);
/** The value once `get` finds it (the chart modules load lazily). */
const until = <T,>(get: () => T | undefined) =>
  waitFor(() => {
    const v = get();
    if (v === undefined) throw new Error('not yet');
    return v;
  });

const departments = {
  items: [
    { id: 3, name: 'Klantenservice', created_at: '2026-01-01T00:00:00Z' },
    { id: 4, name: 'Zakelijk', created_at: '2026-01-01T00:00:00Z' },
  ],
};
const queues = { items: [{ id: 7, department_id: 3, name: 'Algemeen', created_at: '2026-01-01T00:00:00Z' }] };
const locations = {
  items: [
    { id: 11, department_id: 3, name: 'Winkel Utrecht', address: 'Oudegracht 1', active: true, created_at: '2026-01-01T00:00:00Z' },
    { id: 12, department_id: 4, name: 'Balie Zwolle', address: '', active: false, created_at: '2026-01-01T00:00:00Z' },
  ],
};

function routes(over: Record<string, (r: StubbedRequest) => Response> = {}) {
  return {
    'GET /volume/heatmap': () => json(heatmapFixture()),
    'GET /volume/forecast': () => json(forecastFixture()),
    'GET /departments': () => json(departments),
    'GET /queues': () => json(queues),
    'GET /locations': () => json(locations),
    'GET /volume/segments': () => json({ items: ['MKB', 'Particulier'] }),
    ...over,
  };
}

function renderPage(route = '/staffing') {
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(['read_conversations']));
  return renderWithProviders(<StaffingPage />, { client, route });
}

const asked = (calls: StubbedRequest[], key: string) => calls.filter((c) => c.key === key).map((c) => Object.fromEntries(c.query));
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
const options = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);
const cell = (weekday: number, hour: number) => screen.getByTestId('heatmap-table').querySelector(`td[data-weekday="${weekday}"][data-hour="${hour}"]`);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  echarts.setOption.mockClear();
});

describe('StaffingPage: when customers come', () => {
  it('asks for the last four weeks up to the next whole hour', () => {
    const now = Date.parse('2026-12-24T10:20:00Z');
    expect(periodFor(4, now)).toEqual({ from: '2026-11-26T11:00:00.000Z', to: '2026-12-24T11:00:00.000Z' });
    expect(periodFor(1, Date.parse('2026-12-24T11:00:00Z'))).toEqual({ from: '2026-12-17T11:00:00.000Z', to: '2026-12-24T11:00:00.000Z' });
  });

  it('draws the contacts by hour and weekday, with the same figures in a table and the totals', async () => {
    const calls = stubApi(routes());
    renderPage();
    const table = await screen.findByTestId('heatmap-table');
    const [query] = asked(calls, 'GET /volume/heatmap');
    expect(query.tz).toBe('Europe/Amsterdam');
    expect(Date.parse(query.to) - Date.parse(query.from)).toBe(28 * 86_400_000);
    expect(screen.getByRole('link', { name: 'When customers come' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Last 4 weeks' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Contacts' })).toHaveAttribute('aria-pressed', 'true');

    // The table: hours down, weekdays across, Monday first.
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Hour', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(rows(table)).toHaveLength(24);
    expect(rows(table)[10]).toEqual(['10:00', '0', '0', '0', '3', '0', '0', '0']);
    expect(cell(1, 9)).toHaveTextContent('1');
    expect(table).toHaveAccessibleName('Contacts by hour and weekday · 2026-11-27 – 2026-12-24 (4 weeks) · Europe/Amsterdam');

    // The chart: a heatmap of [hour, weekday (Monday = 0), value], weekdays down from Monday.
    const chart = await until(heatmapOption);
    expect(chart.yAxis.data).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(chart.series[0].data).toHaveLength(168);
    expect(chart.series[0].data).toContainEqual([10, 3, 3]);
    expect(chart.series[0].data).toContainEqual([9, 0, 1]);
    expect(screen.getByRole('img', { name: /^Contacts by hour and weekday .*\. 4 contacts, of which 2 calls and 1 chat; abandon rate 33%\.$/ })).toBeInTheDocument();

    expect(screen.getByTestId('volume-contacts')).toHaveTextContent('4');
    expect(screen.getByTestId('volume-calls')).toHaveTextContent('Calls offered21 answered, 1 abandoned');
    expect(screen.getByTestId('volume-chats')).toHaveTextContent('Chats offered11 answered, 0 abandoned');
    expect(screen.getByTestId('volume-abandon')).toHaveTextContent('33%');
    expect(screen.getByTestId('volume-wait')).toHaveTextContent('0:52');
    expect(screen.getByTestId('volume-handle')).toHaveTextContent('6:30');
  });

  it('shows another measure from the same answer, kept in the address', async () => {
    const calls = stubApi(routes());
    renderPage();
    await screen.findByTestId('heatmap-table');
    await userEvent.click(screen.getByRole('button', { name: 'Average wait' }));
    expect(cell(4, 10)).toHaveTextContent('0:52');
    expect(cell(1, 9)).toHaveTextContent('—');
    expect(screen.getByTestId('heatmap-table')).toHaveAccessibleName(/^Average wait by hour and weekday/);
    await vi.waitFor(() => expect(heatmapOption()!.series[0].data).toContainEqual([10, 3, 52.5]));
    expect(heatmapOption()!.series[0].data).toContainEqual([9, 0, '-']);
    await userEvent.click(screen.getByRole('button', { name: 'Abandon rate' }));
    expect(cell(4, 10)).toHaveTextContent('33%');
    // Nothing was asked again, and the other tabs keep the choice.
    expect(asked(calls, 'GET /volume/heatmap')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Forecast' })).toHaveAttribute('href', '/staffing?metric=abandon_rate&view=forecast');
  });

  it('asks again for one channel, department or queue, in another time zone and period', async () => {
    const calls = stubApi(routes());
    renderPage();
    await screen.findByTestId('heatmap-table');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Phone');
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/heatmap')).toHaveLength(2));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Department' }), 'Klantenservice');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Queue' }), 'Klantenservice › Algemeen');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'UTC');
    await userEvent.click(screen.getByRole('button', { name: 'Last week' }));
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/heatmap')).toHaveLength(6));
    const last = asked(calls, 'GET /volume/heatmap').at(-1)!;
    expect(last).toMatchObject({ channel: 'phone', department_id: '3', queue_id: '7', tz: 'UTC' });
    expect(Date.parse(last.to) - Date.parse(last.from)).toBe(7 * 86_400_000);
    // The trend's history is asked for the same contacts.
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/forecast').at(-1)).toEqual({ channel: 'phone', department_id: '3', queue_id: '7', tz: 'UTC', interval_minutes: '30', horizon_days: '7' }));
  });

  it('asks again for one location and one segment, kept in the address', async () => {
    const calls = stubApi(routes());
    renderPage();
    await screen.findByTestId('heatmap-table');
    const location = screen.getByRole('combobox', { name: 'Location' });
    const segment = screen.getByRole('combobox', { name: 'Segment' });
    // Every department's shops and counters, closed ones too (they were counted); the segments the server counted.
    await waitFor(() => expect(options(location)).toEqual(['All locations', 'Klantenservice › Winkel Utrecht', 'Zakelijk › Balie Zwolle (closed)']));
    await waitFor(() => expect(options(segment)).toEqual(['All segments', 'MKB', 'Particulier']));
    expect(asked(calls, 'GET /volume/segments')).toEqual([{}]);

    await userEvent.selectOptions(location, 'Klantenservice › Winkel Utrecht');
    await userEvent.selectOptions(segment, 'MKB');
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/heatmap')).toHaveLength(3));
    expect(asked(calls, 'GET /volume/heatmap').at(-1)).toMatchObject({ tz: 'Europe/Amsterdam', location_id: '11', segment: 'MKB' });
    await vi.waitFor(() =>
      expect(asked(calls, 'GET /volume/forecast').at(-1)).toEqual({ tz: 'Europe/Amsterdam', location_id: '11', segment: 'MKB', interval_minutes: '30', horizon_days: '7' }),
    );
    expect(location).toHaveValue('11');
    expect(segment).toHaveValue('MKB');
    expect(screen.getByRole('link', { name: 'Forecast' })).toHaveAttribute('href', '/staffing?location_id=11&segment=MKB&view=forecast');

    // Back to every segment: the parameter leaves the address and the request.
    await userEvent.selectOptions(segment, 'All segments');
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/heatmap')).toHaveLength(4));
    expect(asked(calls, 'GET /volume/heatmap').at(-1)).not.toHaveProperty('segment');
    expect(screen.getByRole('link', { name: 'Forecast' })).toHaveAttribute('href', '/staffing?location_id=11&view=forecast');
  });

  it('narrows the locations to the department chosen, and lets go of one outside it', async () => {
    const calls = stubApi(routes());
    renderPage('/staffing?location_id=12');
    await screen.findByTestId('heatmap-table');
    expect(asked(calls, 'GET /volume/heatmap')[0]).toMatchObject({ location_id: '12' });
    const location = screen.getByRole('combobox', { name: 'Location' });
    await waitFor(() => expect(location).toHaveValue('12'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Department' }), 'Klantenservice');
    await waitFor(() => expect(options(location)).toEqual(['All locations', 'Klantenservice › Winkel Utrecht']));
    expect(location).toHaveValue('');
    expect(screen.getByRole('link', { name: 'Forecast' })).toHaveAttribute('href', '/staffing?department_id=3&view=forecast');
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/heatmap').at(-1)).toMatchObject({ department_id: '3' }));
    expect(asked(calls, 'GET /volume/heatmap').at(-1)).not.toHaveProperty('location_id');
  });

  it('keeps a chosen segment the list does not have, and offers none when nothing is counted', async () => {
    const calls = stubApi(routes({ 'GET /volume/segments': () => json({ items: [] }) }));
    renderPage('/staffing?segment=Oud%20segment');
    await screen.findByTestId('heatmap-table');
    expect(asked(calls, 'GET /volume/heatmap')[0]).toMatchObject({ segment: 'Oud segment' });
    const segment = screen.getByRole('combobox', { name: 'Segment' });
    await vi.waitFor(() => expect(asked(calls, 'GET /volume/segments')).toHaveLength(1));
    expect(segment).toHaveValue('Oud segment');
    expect(options(segment)).toEqual(['All segments', 'Oud segment']);
    expect(segment).toBeEnabled();
    await userEvent.selectOptions(segment, 'All segments');
    await waitFor(() => expect(segment).toBeDisabled());
    expect(options(segment)).toEqual(['All segments']);
  });

  it('shows the chats offered, answered and given up', async () => {
    // Tuesday 14:00: three chats waited for an agent, two were taken and one visitor left.
    const map = heatmapFixture();
    const tuesday = 1 * 24 + 14;
    map.cells[tuesday] = { ...map.cells[tuesday], contacts: 3, opened: 3, chats_offered: 3, chats_answered: 2, chats_abandoned: 1, abandon_rate: 1 / 3, avg_wait_seconds: 40 };
    map.total = { ...map.total, contacts: 7, opened: 5, chats_offered: 4, chats_answered: 3, chats_abandoned: 1, abandon_rate: 2 / 6 };
    stubApi(routes({ 'GET /volume/heatmap': () => json(map) }));
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage();
    await screen.findByTestId('heatmap-table');
    const chats = screen.getByTestId('volume-chats');
    expect(within(chats).getByRole('term')).toHaveTextContent('Chats offered');
    expect(chats.querySelector('.stat-tile__value')).toHaveTextContent('4');
    expect(chats.querySelector('.stat-tile__note')).toHaveTextContent('3 answered, 1 abandoned');
    expect(screen.getByRole('img', { name: /\. 7 contacts, of which 2 calls and 4 chats; abandon rate 33%\.$/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Download the heatmap (CSV)' }));
    const lines = (await blob!.text()).replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0].split(',');
    const row = lines[1 + tuesday].split(',');
    const column = (name: string) => row[header.indexOf(name)];
    expect(row.slice(0, 3)).toEqual(['2', 'Tue', '14']);
    expect([column('Chats offered'), column('Chats answered'), column('Chats abandoned')]).toEqual(['3', '2', '1']);
    expect([column('Calls offered'), column('Abandon rate (%)'), column('Average wait (s)')]).toEqual(['0', '33.3', '40']);
  });

  it('compares this week with the week before, day by day', async () => {
    stubApi(routes());
    renderPage();
    const trend = await screen.findByTestId('trend-table');
    expect(screen.getByTestId('trend-summary')).toHaveTextContent('The last 7 days: 92 contacts, against 70 the 7 days before (+31%).');
    expect(rows(trend)[0]).toEqual(['Thu 17 Dec', '20', '10', '+100%']);
    expect(rows(trend)[6]).toEqual(['Wed 23 Dec', '12', '10', '+20%']);
    expect(rows(trend)[7]).toEqual(['Total', '92', '70', '+31%']);
    const line = await until(() => charts().find((o) => o.series[0]?.name === 'Contacts'));
    expect(line.series.map((s) => s.name)).toEqual(['Contacts', 'A week earlier']);
    expect(line.series[0].data).toHaveLength(14);
    expect(line.series[1].data.slice(6, 8)).toEqual([null, 10]);
  });

  it('still shows the heatmap when the forecast cannot be had', async () => {
    stubApi(routes({ 'GET /volume/forecast': () => problem(404, { title: 'Not found', detail: 'No resource matches this path.' }) }));
    renderPage();
    expect(await screen.findByTestId('heatmap-table')).toBeInTheDocument();
    expect(await within(screen.getByTestId('week-trend')).findByRole('alert')).toHaveTextContent('No resource matches this path.');
  });

  it('downloads the cells as CSV, every measure in a column', async () => {
    stubApi(routes());
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage();
    await screen.findByTestId('heatmap-table');
    await userEvent.click(screen.getByRole('button', { name: 'Download the heatmap (CSV)' }));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('staffing-heatmap-2026-11-27-2026-12-24.csv');
    const lines = (await blob!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Weekday (1 = Monday),Weekday,Hour,Contacts,Conversations opened,Messages in,Replies,Calls offered,Calls answered,Calls abandoned,' +
        'Chats offered,Chats answered,Chats abandoned,Abandon rate (%),Average wait (s),Average first response (s),Average handle time (s)',
    );
    expect(lines).toHaveLength(1 + 168 + 1);
    expect(lines[1]).toBe('1,Mon,0,0,0,0,0,0,0,0,0,0,0,,,,');
    expect(lines[1 + 3 * 24 + 10]).toBe('4,Thu,10,3,1,1,1,2,1,1,1,1,0,33.3,52.5,90,390');
  });

  it('speaks Dutch', async () => {
    stubApi(routes());
    await act(async () => i18n.changeLanguage('nl'));
    renderPage('/staffing?metric=avg_handle_seconds');
    const table = await screen.findByTestId('heatmap-table');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bezetting');
    expect(screen.getByRole('link', { name: 'Wanneer klanten komen' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Verwachting' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Afhandeltijd' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Uur', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    expect(table).toHaveAccessibleName(/^Afhandeltijd per uur en weekdag · .* \(4 weken\) · Europe\/Amsterdam$/);
    expect(cell(4, 10)).toHaveTextContent('6:30');
    expect(screen.getByRole('combobox', { name: 'Kanaal' })).toBeInTheDocument();
    await waitFor(() => expect(options(screen.getByRole('combobox', { name: 'Locatie' }))).toEqual(['Alle locaties', 'Klantenservice › Winkel Utrecht', 'Zakelijk › Balie Zwolle (gesloten)']));
    expect(options(screen.getByRole('combobox', { name: 'Segment' }))[0]).toBe('Alle segmenten');
    expect(screen.getByTestId('volume-chats')).toHaveTextContent('Aangeboden chats11 beantwoord, 0 afgehaakt');
    expect(await screen.findByTestId('trend-summary')).toHaveTextContent('De afgelopen 7 dagen: 92 contacten, tegen 70 in de 7 dagen daarvoor (+31%).');
    expect(screen.getByRole('button', { name: 'Heatmap downloaden (CSV)' })).toBeInTheDocument();
  });
});
