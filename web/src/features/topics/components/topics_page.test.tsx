import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo, testUser } from '@/testing/session';
import { TOPIC_DRIVERS, type Permission, type TopicsOverview } from '@/types/api';
import { alertFixture, conversationFixture, effortFixture, overviewFixture } from './test_fixtures';
import { TopicsPage } from './topics_page';
import { periodOf } from './topic_params';

// ECharts does not draw in jsdom: a stand-in records the options the charts are given.
const echarts = vi.hoisted(() => ({ setOption: vi.fn(), dispose: vi.fn() }));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ setOption: echarts.setOption, resize: vi.fn(), dispose: echarts.dispose })),
}));
vi.mock('echarts/charts', () => ({ BarChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

interface Series {
  name?: string;
  stack?: string;
  data: number[];
}
interface Option {
  series: Series[];
  xAxis: { data?: string[] };
  yAxis: { data?: string[] };
}
/** The options every chart was last given, by the chart's test id. */
const charts = () =>
  waitFor(() => {
    const options = echarts.setOption.mock.calls.map((c) => c[0] as Option).reverse();
    const weekly = options.find((o) => o.series.some((s) => s.stack === 'weeks'));
    const priority = options.find((o) => Array.isArray(o.yAxis.data));
    if (!weekly || !priority) throw new Error('no charts yet');
    return { weekly, priority };
  });

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{pathname + search}</p>;
}

function renderPage({ overview = overviewFixture(), permissions = ['read_conversations'] as Permission[], route = '/topics' } = {}) {
  const calls = stubApi({
    'GET /topics': () => json(overview),
    'GET /topics/alerts': () => json({ items: [alertFixture] }),
    'GET /users': () => json({ items: [testUser] }),
    'GET /topics/3/conversations': ({ query }) =>
      json(
        query.get('cursor') === 'page-2'
          ? { items: [conversationFixture(103, { source: 'agent', confidence: 1, channel: 'chat', status: 'resolved' })], next_cursor: null }
          : { items: [conversationFixture(101), conversationFixture(102, { question: 'Waar is mijn retourlabel?' })], next_cursor: 'page-2' },
      ),
    'GET /topics/unclassified/conversations': () => json({ items: [conversationFixture(104, { source: 'classifier', confidence: 0.31 })], next_cursor: null }),
  });
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  renderWithProviders(
    <Routes>
      <Route path="/topics" element={<><TopicsPage /><Where /></>} />
      <Route path="/conversations/:id" element={<Where />} />
    </Routes>,
    { client, route },
  );
  return calls;
}

const rowNames = () => screen.getAllByTestId('topic-row').map((r) => within(r).getByRole('rowheader').textContent);
const row = (name: string) => screen.getAllByTestId('topic-row').find((r) => within(r).getByRole('rowheader').textContent === name)!;
const asked = (calls: StubbedRequest[], key: string) => calls.filter((c) => c.key === key).map((c) => Object.fromEntries(c.query));

afterEach(() => {
  vi.unstubAllGlobals();
  echarts.setOption.mockClear();
});

describe('TopicsPage: the overview', () => {
  it('lists the topics by priority with their volume, weeks, trend and what makes them hard', async () => {
    const calls = renderPage();
    await screen.findByTestId('topic-table');
    // Asked for the server's default period (the last 28 days): no parameters.
    expect(asked(calls, 'GET /topics')).toEqual([{}]);
    expect(rowNames()).toEqual(['Retourneren', 'Levering', 'Garantie']);
    expect(screen.getByRole('button', { name: 'Priority' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('columnheader', { name: 'Priority' })).toHaveAttribute('aria-sort', 'descending');

    const rising = row('Retourneren');
    expect(within(rising).getByTestId('topic-volume')).toHaveTextContent('40');
    expect(within(rising).getByTestId('topic-rising')).toHaveTextContent('Rising ↑ ×2.5');
    expect(within(rising).getByTestId('topic-trend')).toHaveTextContent('15 against 6 expected');
    expect(within(rising).getByText('season included')).toBeInTheDocument();
    expect(within(rising).getByTestId('topic-difficulty')).toHaveTextContent('×1.2');
    expect(within(rising).getByTestId('topic-drivers')).toHaveTextContent('slow to resolve (31 h)');
    expect(within(rising).getByTestId('topic-priority')).toHaveTextContent('48');
    expect(within(rising).getByRole('img', { name: 'Conversations per week, oldest first: 2, 3, 2, 4, 3, 2, 3, 4, 3, 2, 5, 15' })).toBeInTheDocument();
    expect(await within(rising).findByText(testUser.name)).toBeInTheDocument();

    const hard = row('Garantie');
    expect(within(hard).queryByTestId('topic-rising')).not.toBeInTheDocument();
    expect(within(hard).getByTestId('topic-trend')).toHaveTextContent('×0.8');
    expect([...within(hard).getByTestId('topic-drivers').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'often reopened (30%)',
      'complaints (13%)',
    ]);
    expect(within(row('Levering')).getByTestId('topic-drivers')).toHaveTextContent('—');
    expect(screen.getByTestId('topic-row-unclassified')).toHaveTextContent('Without topic7');
  });

  it('shows how the topics were set, the model, and the alerts of rising topics', async () => {
    renderPage();
    expect(await screen.findByTestId('topics-labelled')).toHaveTextContent('Labelled by people25');
    expect(screen.getByTestId('topics-classified')).toHaveTextContent('By the model80');
    expect(screen.getByTestId('topics-unclassified')).toHaveTextContent('Without topic7');
    const model = screen.getByTestId('topics-model');
    expect(model).toHaveTextContent('Model accuracy87%');
    expect(model).toHaveTextContent('Learnt from 1,234 examples, 3 topics; trained');
    const alert = await screen.findByTestId('topic-alert');
    expect(alert).toHaveTextContent('Retourneren rose in the week of 30 Nov: 15 conversations against 6 expected');
    expect(alert).toHaveTextContent(`${testUser.name} was told`);
  });

  it('says so before the first model', async () => {
    renderPage({ overview: overviewFixture({ model: null }) });
    expect(await screen.findByTestId('topics-model')).toHaveTextContent('No model has been trained yet.');
  });

  it('sorts by volume and by trend, kept in the address', async () => {
    renderPage();
    await screen.findByTestId('topic-table');
    await userEvent.click(screen.getByRole('button', { name: 'Volume' }));
    expect(rowNames()).toEqual(['Levering', 'Retourneren', 'Garantie']);
    expect(screen.getByTestId('where')).toHaveTextContent('/topics?sort=volume');
    await userEvent.click(screen.getByRole('button', { name: 'Trend' }));
    expect(rowNames()).toEqual(['Retourneren', 'Levering', 'Garantie']);
    expect(screen.getByRole('columnheader', { name: 'Trend' })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(screen.getByRole('button', { name: 'Priority' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/topics$/);
  });

  it('charts the weekly volume of the largest topics and the priority of each', async () => {
    renderPage();
    const { weekly, priority } = await charts();
    expect(weekly.series.map((s) => s.name)).toEqual(['Levering', 'Retourneren', 'Garantie']);
    expect(weekly.series[1].data).toEqual([2, 3, 2, 4, 3, 2, 3, 4, 3, 2, 5, 15]);
    expect(weekly.xAxis.data?.at(-1)).toBe('30 Nov');
    expect(weekly.xAxis.data?.[0]).toBe('14 Sept');
    // Highest at the top: the category axis runs upwards.
    expect(priority.yAxis.data).toEqual(['Garantie', 'Levering', 'Retourneren']);
    expect(priority.series[0].data).toEqual([24, 36, 48]);
  });

  it('opens a topic’s conversations, a page at a time, each linking to the conversation', async () => {
    const calls = renderPage();
    await screen.findByTestId('topic-table');
    await userEvent.click(within(row('Retourneren')).getByRole('button', { name: 'Retourneren' }));
    const drill = await screen.findByTestId('topic-conversations');
    expect(within(drill).getByRole('heading', { name: 'Conversations about “Retourneren”' })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/topics?topic=3');
    await within(drill).findAllByTestId('topic-conversation');
    const first = within(drill).getAllByTestId('topic-conversation')[0];
    expect(within(first).getByRole('link', { name: 'Hoe stuur ik bestelling 101 terug?' })).toHaveAttribute('href', '/conversations/101');
    expect(first).toHaveTextContent('E-mail');
    expect(first).toHaveTextContent('Open');
    expect(first).toHaveTextContent('Suggested by the model, 82%');

    await userEvent.click(within(drill).getByRole('button', { name: 'More conversations' }));
    await waitFor(() => expect(within(drill).getAllByTestId('topic-conversation')).toHaveLength(3));
    const last = within(drill).getAllByTestId('topic-conversation')[2];
    expect(last).toHaveTextContent('Chosen by an agent');
    expect(last).toHaveTextContent('Chat');
    expect(asked(calls, 'GET /topics/3/conversations')).toEqual([{ limit: '25' }, { limit: '25', cursor: 'page-2' }]);
    expect(within(drill).queryByRole('button', { name: 'More conversations' })).not.toBeInTheDocument();

    await userEvent.click(within(first).getByRole('link'));
    expect(screen.getByTestId('where')).toHaveTextContent('/conversations/101');
  });

  it('opens the conversations without a topic, saying why none fits', async () => {
    renderPage({ route: '/topics?topic=unclassified' });
    const drill = await screen.findByTestId('topic-conversations');
    expect(within(drill).getByRole('heading', { name: 'Conversations without a topic' })).toBeInTheDocument();
    expect(await within(drill).findByTestId('topic-conversation')).toHaveTextContent('The model was unsure (31%)');
    await userEvent.click(within(drill).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('topic-conversations')).not.toBeInTheDocument();
  });

  it('counts over another period from midnight UTC that many days ago, the drill-down too', async () => {
    const calls = renderPage({ route: '/topics?topic=3' });
    await screen.findByTestId('topic-table');
    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));
    const from = periodOf(7).from!;
    expect(from).toMatch(/T00:00:00\.000Z$/);
    await waitFor(() => expect(asked(calls, 'GET /topics').at(-1)).toEqual({ from }));
    await waitFor(() => expect(asked(calls, 'GET /topics/3/conversations').at(-1)).toEqual({ from, limit: '25' }));
    expect(screen.getByTestId('where')).toHaveTextContent('days=7');
  });

  it('shows training and discovery only to those who manage topics', async () => {
    renderPage();
    await screen.findByTestId('topic-table');
    expect(screen.queryByRole('link', { name: 'Training and discovery' })).not.toBeInTheDocument();
  });

  it('speaks Dutch, drivers and trend included', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderPage({ permissions: ['read_conversations', 'manage_topics'] });
    await screen.findByTestId('topic-table');
    expect(screen.getByRole('heading', { level: 1, name: 'Onderwerpen' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Trainen en ontdekken' })).toBeInTheDocument();
    expect(within(row('Retourneren')).getByTestId('topic-rising')).toHaveTextContent('Stijgt ↑ ×2,5');
    expect(within(row('Retourneren')).getByText('seizoen meegeteld')).toBeInTheDocument();
    expect(within(row('Retourneren')).getByTestId('topic-drivers')).toHaveTextContent('duurt lang (31 uur tot opgelost)');
    expect(within(row('Garantie')).getByTestId('topic-drivers')).toHaveTextContent('vaak heropend (30%)klachten (13%)');
    expect(screen.getByRole('button', { name: 'Prioriteit' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('topics-model')).toHaveTextContent('Nauwkeurigheid van het model87%');
    expect(await screen.findByTestId('topic-alert')).toHaveTextContent('Retourneren steeg in de week van 30 nov: 15 gesprekken tegen 6 verwacht');
  });

  it('words every driver in both languages', async () => {
    const all: TopicsOverview = overviewFixture({
      topics: [{ ...overviewFixture().topics[0], drivers: TOPIC_DRIVERS, effort: effortFixture({ volume: 3, handle_minutes: 14, satisfaction: 2.1 }) }],
    });
    renderPage({ overview: all });
    const english = [...(await screen.findByTestId('topic-drivers')).querySelectorAll('li')].map((li) => li.textContent);
    expect(english).toEqual([
      'long handling (14 min)', 'slow to resolve (4 h)', 'many messages (3 to resolve)', 'customers contact us again (1.1 contacts to resolve)',
      'often transferred (5%)', 'often reopened (5%)', 'customers come back (10%)', 'complaints (1%)', 'low satisfaction (2.1 of 5)',
    ]);
    await act(async () => i18n.changeLanguage('nl'));
    const dutch = [...screen.getByTestId('topic-drivers').querySelectorAll('li')].map((li) => li.textContent);
    expect(dutch).toEqual([
      'lange behandeltijd (14 min)', 'duurt lang (4 uur tot opgelost)', 'veel berichten (3 tot opgelost)', 'klanten nemen opnieuw contact op (1,1 contacten tot opgelost)',
      'vaak doorgezet (5%)', 'vaak heropend (5%)', 'klanten komen terug (10%)', 'klachten (1%)', 'lage tevredenheid (2,1 van 5)',
    ]);
  });
});
