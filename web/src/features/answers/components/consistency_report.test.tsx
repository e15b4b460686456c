import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { ConsistencyReport, ConsistencyTopic, Permission, User } from '@/types/api';
import { AnswersPage } from './answers_page';
import { dayStart } from './consistency_chart';

// ECharts does not draw in jsdom (no canvas, no layout): a stand-in records
// the options the chart is given. The tables are what the tests read.
const echarts = vi.hoisted(() => ({ setOption: vi.fn(), dispose: vi.fn() }));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ setOption: echarts.setOption, resize: vi.fn(), dispose: echarts.dispose })),
}));
vi.mock('echarts/charts', () => ({ LineChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

interface LineSeries {
  name: string;
  type: string;
  data: [number, number | null][];
}
const lastChart = () => echarts.setOption.mock.lastCall?.[0] as { series: LineSeries[]; xAxis: { type: string; min: number; max: number } };
const halfDay = 12 * 3600_000;

const garantie: ConsistencyTopic = {
  answer_id: 7, topic: 'Garantie', title: 'Hoe lang heb ik garantie?', live_number: 2,
  checked: 3, contradictions: 2, without_library: 1, overridden: 1, score: 1 / 3,
  channels: [
    { channel: 'email', checked: 2, contradictions: 2, without_library: 1, overridden: 1, score: 0 },
    { channel: 'chat', checked: 1, contradictions: 0, without_library: 0, overridden: 0, score: 1 },
  ],
  disagreements: [
    { kind: 'period', published: '24 maanden', written: '12 maanden', total: 1, channels: { email: 1 } },
    { kind: 'period', published: '24 maanden', written: '36 maanden', total: 1, channels: { email: 1 } },
  ],
  conflicts: [
    {
      message_id: 91, conversation_id: 17, channel: 'email', author_user_id: 5, sent_at: '2026-12-03T09:00:00Z', answer_number: 2,
      used_library: false, overridden: false, kind: 'period', published: '24 maanden', written: '12 maanden',
      published_sentence: 'Op elektrische apparaten heeft u 24 maanden garantie.',
      written_sentence: 'Beste klant, op uw wasmachine zit 12 maanden garantie.',
    },
    {
      message_id: 92, conversation_id: 18, channel: 'email', author_user_id: null, sent_at: '2026-12-03T10:00:00Z', answer_number: 2,
      used_library: true, overridden: true, kind: 'period', published: '24 maanden', written: '36 maanden',
      published_sentence: 'Op elektrische apparaten heeft u 24 maanden garantie.',
      written_sentence: 'U heeft op uw droger 36 maanden garantie.',
    },
  ],
};
const levering: ConsistencyTopic = {
  answer_id: 8, topic: null, title: null, live_number: null,
  checked: 1, contradictions: 0, without_library: 1, overridden: 0, score: 1,
  channels: [{ channel: 'chat', checked: 1, contradictions: 0, without_library: 1, overridden: 0, score: 1 }],
  disagreements: [], conflicts: [],
};
const report: ConsistencyReport = {
  from: '2026-11-04T00:00:00Z', to: '2026-12-04T00:00:00Z',
  checked: 4, contradictions: 2, without_library: 2, overridden: 1, score: 0.5,
  channels: [
    { channel: 'email', checked: 2, contradictions: 2, without_library: 1, overridden: 1, score: 0 },
    { channel: 'chat', checked: 2, contradictions: 0, without_library: 1, overridden: 0, score: 1 },
  ],
  topics: [garantie, levering],
  series: [
    { channel: 'chat', points: [{ day: '2026-12-03', checked: 2, contradictions: 0, score: 1 }] },
    { channel: 'email', points: [{ day: '2026-12-02', checked: 1, contradictions: 1, score: 0 }, { day: '2026-12-03', checked: 1, contradictions: 1, score: 0 }] },
  ],
};
const chatOnly: ConsistencyReport = {
  ...report, checked: 2, contradictions: 0, without_library: 1, overridden: 0, score: 1,
  channels: [report.channels[1]], topics: [{ ...levering }], series: [report.series[0]],
};
const nothing: ConsistencyReport = { ...report, checked: 0, contradictions: 0, without_library: 0, overridden: 0, score: null, channels: [], topics: [], series: [] };
const kim: User = { id: 5, email: 'kim@example.org', name: 'Kim Jansen', role: 'agent', language: 'nl', department_id: null, active: true, created_at: '2026-11-01T09:00:00Z' };

function renderPage(route = '/answers?view=consistency', permissions: Permission[] = ['read_conversations', 'read_customers']) {
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  return renderWithProviders(<AnswersPage />, { client, route });
}

const asked = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'GET /answers/consistency').map((c) => Object.fromEntries(c.query));
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

afterEach(() => {
  vi.unstubAllGlobals();
  echarts.setOption.mockClear();
});

describe('AnswersPage: consistency report', () => {
  it('shows the totals, the score per channel per day and each topic, worst first', async () => {
    const calls = stubApi({ 'GET /answers/consistency': () => json(report), 'GET /users': () => json({ items: [kim] }) });
    renderPage();
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    const figures = await screen.findByTestId('consistency-figures');
    expect(asked(calls)).toEqual([{ days: '30' }]);
    expect(screen.getByRole('link', { name: 'Consistency' })).toHaveAttribute('aria-current', 'page');
    expect(within(figures).getAllByRole('term').map((d) => d.textContent)).toEqual([
      'Replies checked', 'Contradicting', 'Sent without the library', 'Sent over the warning', 'Score',
    ]);
    expect(screen.getByTestId('consistency-checked')).toHaveTextContent('4');
    expect(screen.getByTestId('consistency-contradictions')).toHaveTextContent('2');
    expect(screen.getByTestId('consistency-without-library')).toHaveTextContent('2');
    expect(screen.getByTestId('consistency-overridden')).toHaveTextContent('1');
    expect(screen.getByTestId('consistency-score')).toHaveTextContent('50%');

    // The chart: a line per channel, the score in percent per day, over the whole period (and half a day either side).
    expect(await screen.findByRole('img', { name: /^Score per channel per day · Last 30 days\. 4 replies checked, 2 contradicting; score 50%\.$/ })).toBeInTheDocument();
    const chart = lastChart();
    expect(chart.xAxis).toMatchObject({ type: 'time', min: dayStart('2026-11-04') - halfDay, max: dayStart('2026-12-03') + halfDay });
    expect(chart.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['Chat', 'line', [[dayStart('2026-12-03'), 100]]],
      ['E-mail', 'line', [[dayStart('2026-12-02'), 0], [dayStart('2026-12-03'), 0]]],
    ]);
    // The same figures as a table, for screen readers.
    const days = screen.getByRole('table', { name: 'Score per channel per day · Last 30 days' });
    expect(within(days).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Day', 'Chat', 'E-mail']);
    expect(rows(days)).toEqual([
      ['2 Dec 2026', '—', '0% (1 checked)'],
      ['3 Dec 2026', '100% (2 checked)', '0% (1 checked)'],
    ]);

    // The topics in the server's order, each with its figures per channel.
    const topics = screen.getAllByTestId('consistency-topic');
    expect(topics.map((tp) => within(tp).getAllByRole('heading')[0].textContent)).toEqual(['Garantie', 'Answer #8 (no longer published)']);
    const first = within(topics[0]);
    expect(first.getByRole('link', { name: 'Garantie' })).toHaveAttribute('href', '/answers?id=7');
    expect(first.getByText('Hoe lang heb ik garantie?')).toBeInTheDocument();
    expect(first.getByText('Live: version 2')).toBeInTheDocument();
    expect(first.getByText('3 checked, 2 contradicting, score 33%')).toBeInTheDocument();
    const perChannel = first.getByRole('table', { name: 'Per channel: Garantie' });
    expect(within(perChannel).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Channel', 'Replies checked', 'Contradicting', 'Sent without the library', 'Sent over the warning', 'Score',
    ]);
    expect(rows(perChannel)).toEqual([
      ['E-mail', '2', '2', '1', '1', '0%'],
      ['Chat', '1', '0', '0', '0', '100%'],
    ]);
    expect(rows(first.getByTestId('consistency-disagreements'))).toEqual([
      ['Period', '24 maanden', '12 maanden', '1', 'E-mail 1'],
      ['Period', '24 maanden', '36 maanden', '1', 'E-mail 1'],
    ]);
    const second = within(topics[1]);
    expect(second.getByRole('link', { name: 'Answer #8 (no longer published)' })).toHaveAttribute('href', '/answers?id=8');
    expect(second.queryByText(/Live: version/)).not.toBeInTheDocument();
    expect(second.queryByTestId('consistency-conflict')).not.toBeInTheDocument();
  });

  it('shows each contradicting sentence beside the published one, with the channel, the agent and the conversation', async () => {
    stubApi({ 'GET /answers/consistency': () => json(report), 'GET /users': () => json({ items: [kim] }) });
    renderPage();
    const [wrong, anyway] = await screen.findAllByTestId('consistency-conflict');
    // The agent's name comes from the directory.
    await within(wrong).findByText(/Kim Jansen/);
    const published = within(wrong).getByTestId('conflict-published');
    const written = within(wrong).getByTestId('conflict-written');
    expect(within(published).getByRole('term')).toHaveTextContent('Published answer, version 2');
    expect(within(published).getByRole('definition')).toHaveTextContent('Op elektrische apparaten heeft u 24 maanden garantie.');
    expect(within(written).getByRole('term')).toHaveTextContent('Written instead');
    expect(within(written).getByRole('definition')).toHaveTextContent('Beste klant, op uw wasmachine zit 12 maanden garantie.');
    // The values that differ are marked in both sentences.
    expect(published.querySelector('mark')).toHaveTextContent('24 maanden');
    expect(written.querySelector('mark')).toHaveTextContent('12 maanden');
    // Side by side: the published sentence first, in one row with what was written.
    expect(published.parentElement).toBe(written.parentElement);
    expect(published.compareDocumentPosition(written) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(wrong).toHaveTextContent(/^.*Period · E-mail · Kim Jansen · .+ · Conversation #17 without the library$/);
    expect(within(wrong).getByRole('link', { name: 'Conversation #17' })).toHaveAttribute('href', '/conversations/17');
    expect(within(wrong).queryByText('sent with a reason')).not.toBeInTheDocument();
    expect(anyway).toHaveTextContent('U heeft op uw droger 36 maanden garantie.');
    expect(anyway).toHaveTextContent(/Unknown agent · .+ · Conversation #18 sent with a reason$/);
  });

  it('asks for the chosen channel and period, kept in the address', async () => {
    const calls = stubApi({
      'GET /answers/consistency': ({ query }) => json(query.get('channel') === 'chat' ? chatOnly : report),
      'GET /users': () => json({ items: [kim] }),
    });
    renderPage();
    await screen.findByTestId('consistency-figures');
    const select = screen.getByRole('combobox', { name: 'Channel' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All channels', 'E-mail', 'Chat']);
    await userEvent.selectOptions(select, 'Chat');
    await vi.waitFor(() => expect(screen.getByTestId('consistency-checked')).toHaveTextContent('2'));
    // The choice stays among the others while only its own channel is reported.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All channels', 'E-mail', 'Chat']);
    expect(select).toHaveValue('chat');
    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await vi.waitFor(() => expect(asked(calls).at(-1)).toEqual({ days: '7', channel: 'chat' }));
    expect(asked(calls)).toEqual([{ days: '30' }, { days: '30', channel: 'chat' }, { days: '7', channel: 'chat' }]);
    // Other tabs keep the choice: the link back here carries it.
    expect(screen.getByRole('link', { name: 'Knowledge gaps' })).toHaveAttribute('href', '/answers?view=gaps&channel=chat&days=7');
  });

  it('reads the channel from the address', async () => {
    const calls = stubApi({ 'GET /answers/consistency': () => json(chatOnly), 'GET /users': () => json({ items: [kim] }) });
    renderPage('/answers?view=consistency&channel=chat&days=90');
    await screen.findByTestId('consistency-figures');
    expect(asked(calls)).toEqual([{ days: '90', channel: 'chat' }]);
    expect(screen.getByRole('combobox', { name: 'Channel' })).toHaveValue('chat');
    expect(screen.getByRole('button', { name: 'Last 90 days' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('says so when no reply was checked', async () => {
    stubApi({ 'GET /answers/consistency': () => json(nothing), 'GET /users': () => json({ items: [kim] }) });
    renderPage();
    expect(await screen.findByText('No reply about a topic of the library was checked in this period.')).toBeInTheDocument();
    expect(screen.queryByTestId('consistency-figures')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consistency-chart')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consistency-topic')).not.toBeInTheDocument();
    expect(echarts.setOption).not.toHaveBeenCalled();
  });

  it('shows the error with a way to try again', async () => {
    let fail = true;
    const calls = stubApi({
      'GET /answers/consistency': () => (fail ? problem(500, { title: 'Internal Server Error', detail: 'the database is busy' }) : json(report)),
      'GET /users': () => json({ items: [kim] }),
    });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The database is busy.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(await screen.findByTestId('consistency-figures')).toBeInTheDocument();
    expect(asked(calls)).toHaveLength(2);
  });

  it('is not offered to those who may not read customers’ conversations', async () => {
    const calls = stubApi({ 'GET /answers': () => json({ items: [], next_cursor: null }) });
    renderPage('/answers?view=consistency', ['read_conversations']);
    expect(await screen.findByText('No answers here.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Consistency' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
    expect(asked(calls)).toEqual([]);
  });
});
