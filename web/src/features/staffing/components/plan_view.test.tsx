import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type RouteHandler, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import { StaffingPage } from './staffing_page';
import { planFixture } from './test_fixtures';

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
  type: string;
  data: (number | null)[];
}
const lastChart = () =>
  waitFor(() => {
    const option = echarts.setOption.mock.lastCall?.[0] as { series: Series[] } | undefined;
    if (!option) throw new Error('no chart yet');
    return option;
  });

function renderPlan(plan: RouteHandler = () => json(planFixture()), route = '/staffing?view=plan') {
  const calls = stubApi({
    'GET /staffing/plan': plan,
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

const asked = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'GET /staffing/plan').map((c) => Object.fromEntries(c.query));
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
const base = { tz: 'Europe/Amsterdam', interval_minutes: '30', horizon_days: '7' };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  echarts.setOption.mockClear();
});

describe('StaffingPage: staffing plan', () => {
  it('sets the agents needed against those scheduled and online, with the stretches short or to spare and the totals', async () => {
    const calls = renderPlan();
    const tiles = await screen.findByTestId('plan-figures');
    expect(asked(calls)).toEqual([base]);
    expect(within(tiles).getAllByRole('term').map((d) => d.textContent)).toEqual([
      'Contacts expected', 'Most agents to roster at once', 'Agent hours needed', 'Agent hours scheduled', 'Intervals understaffed', 'Intervals overstaffed', 'Handle time used',
    ]);
    expect(screen.getByTestId('plan-peak')).toHaveTextContent('5');
    expect(screen.getByTestId('plan-hours-required')).toHaveTextContent('40');
    expect(screen.getByTestId('plan-hours-scheduled')).toHaveTextContent('39');
    expect(screen.getByTestId('plan-under')).toHaveTextContent('2');
    expect(screen.getByTestId('plan-over')).toHaveTextContent('1');
    expect(screen.getByTestId('plan-spans-under')).toHaveTextContent('Understaffed: 1 stretch');
    expect(screen.getByTestId('plan-aht')).toHaveTextContent('5:12measured from the calls answered');
    expect(screen.getByTestId('forecast-method')).toHaveTextContent('The baseline was better (WAPE 25.4% against 30.0% for the model');
    expect(screen.getByTestId('plan-target')).toHaveTextContent(
      'Erlang C for 80% answered within 20 s, occupancy at most 85%, shrinkage 30%. At most 5 agents to roster at once; 40 agent hours needed, 39 scheduled; 2 intervals understaffed, 1 overstaffed.',
    );
    expect(within(screen.getByTestId('plan-spans-under')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Thu 24 Dec, 09:00–11:00 · up to 3 agents short']);
    expect(within(screen.getByTestId('plan-spans-over')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Thu 24 Dec, 14:00–15:00 · up to 3 agents to spare']);

    // The curves, with the understaffed and overstaffed intervals shaded behind them.
    const chart = await lastChart();
    expect(chart.series.map((s) => [s.name, s.type])).toEqual([
      ['Understaffed', 'bar'], ['Overstaffed', 'bar'], ['To roster (with shrinkage)', 'line'], ['Needed (productive)', 'line'], ['Scheduled', 'line'], ['Online', 'line'],
    ]);
    expect(chart.series[0].data.slice(8, 12)).toEqual([null, 1, 1, null]);
    expect(chart.series[1].data[14]).toBe(1);
    expect(chart.series[2].data[9]).toBe(5);
    expect(chart.series[4].data.slice(9, 11)).toEqual([2, 4]);
    expect(chart.series[5].data.slice(8, 11)).toEqual([0, 2, null]);

    const table = screen.getByTestId('plan-intervals');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Interval', 'Contacts expected', 'Needed (productive)', 'To roster (with shrinkage)', 'Scheduled', 'Online', 'Service level', 'Average wait', 'Occupancy', 'Status',
    ]);
    expect(rows(table)[9]).toEqual(['Thu 24 Dec, 09:00', '6', '3', '5', '2', '2', '86%', '0:12', '70%', 'Understaffed']);
    expect(rows(table)[20]).toEqual(['Thu 24 Dec, 20:00', '0', '0', '0', '0', '—', '—', '—', '—', 'Nothing scheduled']);
  });

  it('asks again with the what-if once the planner pauses, and keeps it in the address', async () => {
    const calls = renderPlan(({ query }) =>
      json(planFixture(query.get('service_level') === '0.9' ? { service_level: 0.9, totals: { contacts: 48, agent_hours_required: 48, agent_hours_scheduled: 39, under: 8, over: 0 } } : {})),
    );
    await screen.findByTestId('plan-figures');
    const level = screen.getByLabelText('Service level (%)');
    expect(level).toHaveAttribute('placeholder', '80');
    expect(screen.getByLabelText('Answer within (seconds)')).toHaveAttribute('placeholder', '20');
    expect(screen.getByLabelText('Shrinkage (%)')).toHaveAttribute('placeholder', '30');
    expect(screen.getByTestId('what-if-note-aht_seconds')).toHaveTextContent('Measured: 312 s');
    expect(screen.getByTestId('what-if-note-patience_seconds')).toHaveTextContent('Empty: Erlang C, nobody gives up · callers gave up after 95 s on average');
    await userEvent.type(level, '90');
    await userEvent.type(screen.getByLabelText('Answer within (seconds)'), '30');
    await waitFor(() => expect(screen.getByTestId('plan-hours-required')).toHaveTextContent('48'));
    // One question for the pause, not one per key.
    expect(asked(calls)).toEqual([base, { ...base, target_seconds: '30', service_level: '0.9' }]);
    expect(screen.getByTestId('plan-spans-under')).toHaveTextContent('Understaffed: 1 stretch');
    expect(screen.getByRole('link', { name: 'Schedule' })).toHaveAttribute('href', '/staffing?view=schedule&target_seconds=30&service_level=90');

    // Erlang A with a patience, a handle time of our own (the measured one still shown), occupancy, shrinkage and chat concurrency.
    await userEvent.type(screen.getByLabelText('Patience (seconds)'), '60');
    await userEvent.type(screen.getByLabelText('Handle time (seconds)'), '240');
    await userEvent.type(screen.getByLabelText('Occupancy at most (%)'), '85,5');
    await userEvent.type(screen.getByLabelText('Shrinkage (%)'), '35');
    await userEvent.type(screen.getByLabelText('Chats at once per agent'), '2');
    await waitFor(() =>
      expect(asked(calls).at(-1)).toEqual({
        ...base, target_seconds: '30', service_level: '0.9', max_occupancy: '0.855', shrinkage: '0.35', aht_seconds: '240', patience_seconds: '60', concurrency: '2',
      }),
    );
    // The measured handle time comes from the plan without a what-if, asked once at the start.
    expect(screen.getByTestId('what-if-note-aht_seconds')).toHaveTextContent('Measured: 312 s');
    expect(asked(calls).filter((q) => Object.keys(q).length === 3)).toEqual([base]);

    await userEvent.click(screen.getByRole('button', { name: 'Back to the defaults' }));
    // Back to the plan first asked for, still at hand.
    await waitFor(() => expect(screen.getByRole('link', { name: 'Schedule' })).toHaveAttribute('href', '/staffing?view=schedule'));
    expect(screen.getByTestId('plan-hours-required')).toHaveTextContent('40');
    expect(screen.getByLabelText('Service level (%)')).toHaveValue('');
  });

  it('plans for the location and segment in the address', async () => {
    const calls = renderPlan(undefined, '/staffing?view=plan&location_id=11&segment=MKB');
    await screen.findByTestId('plan-figures');
    expect(asked(calls)).toEqual([{ ...base, location_id: '11', segment: 'MKB' }]);
  });

  it('reads the what-if from the address', async () => {
    const calls = renderPlan(undefined, '/staffing?view=plan&service_level=95&patience_seconds=45&days=14');
    await screen.findByTestId('plan-figures');
    expect(asked(calls)).toEqual([{ ...base, horizon_days: '14', service_level: '0.95', patience_seconds: '45' }]);
    expect(screen.getByLabelText('Service level (%)')).toHaveValue('95');
    expect(screen.getByRole('button', { name: 'Next 14 days' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the server’s objection under the field it is about', async () => {
    renderPlan(({ query }) =>
      query.get('service_level') === '1'
        ? problem(400, { title: 'Invalid request', detail: 'invalid query parameters', errors: [{ field: 'service_level', message: 'must be below 100 %' }] })
        : json(planFixture()),
    );
    await screen.findByTestId('plan-figures');
    const level = screen.getByLabelText('Service level (%)');
    await userEvent.type(level, '100');
    expect(await screen.findByText('must be below 100 %')).toBeInTheDocument();
    expect(level).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid query parameters.');
  });

  it('downloads the intervals as CSV', async () => {
    renderPlan();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await screen.findByTestId('plan-figures');
    await userEvent.click(screen.getByText('Per interval (table)'));
    await userEvent.click(screen.getByRole('button', { name: 'Download per interval (CSV)' }));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('staffing-plan-2026-12-24-2026-12-24.csv');
    const lines = (await blob!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Date,Time,Start (UTC),Expected,Low (10 %),High (90 %),Needed (productive),To roster (with shrinkage),Scheduled,Online,Service level (%),Average wait (s),Occupancy (%),Status',
    );
    expect(lines[10]).toBe('2026-12-24,09:00,2026-12-24T08:00:00.000Z,6,4,9,3,5,2,2,86,12.5,70,Understaffed');
    expect(lines[15]).toBe('2026-12-24,14:00,2026-12-24T13:00:00.000Z,6,4,9,3,5,8,,86,12.5,70,Overstaffed');
  });

  it('speaks Dutch', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderPlan(() => json(planFixture({ patience_seconds: 60, aht_measured: false, aht_seconds: 300 })));
    await screen.findByTestId('plan-figures');
    expect(screen.getByTestId('plan-spans-under')).toHaveTextContent('Onderbezet: 1 periode');
    expect(within(screen.getByTestId('plan-spans-under')).getByRole('listitem')).toHaveTextContent('do 24 dec, 09:00–11:00 · tot 3 medewerkers tekort');
    expect(screen.getByTestId('plan-target')).toHaveTextContent(/^Erlang A \(geduld 60 s\) voor 80% beantwoord binnen 20 s/);
    expect(screen.getByTestId('what-if-note-aht_seconds')).toHaveTextContent('Niet gemeten: geen beantwoorde gesprekken in de geschiedenis');
    expect(screen.getByLabelText('Serviceniveau (%)')).toBeInTheDocument();
    expect(screen.getByTestId('plan-aht')).toHaveTextContent('aangenomen: geen beantwoorde gesprekken om te meten');
  });
});
