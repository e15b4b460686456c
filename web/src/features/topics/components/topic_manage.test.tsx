import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type RouteHandler, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo, testUser } from '@/testing/session';
import type { TopicsOverview } from '@/types/api';
import { bezorging, conversationFixture, overviewFixture } from './test_fixtures';
import { TopicsPage } from './topics_page';

// The charts are on the other tab; nothing here draws.
vi.mock('echarts/core', () => ({ use: vi.fn(), init: vi.fn(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })) }));

const stale = () => problem(409, { title: 'Conflict', detail: 'the topic changed since it was read (version 5)' });

/** The manage tab of a manager; `answers` replaces what the overview is after each change. */
function renderManage(routes: Record<string, RouteHandler> = {}, overviews: TopicsOverview[] = [overviewFixture()]) {
  let reads = 0;
  const calls = stubApi({
    'GET /topics': () => json(overviews[Math.min(reads++, overviews.length - 1)]),
    'GET /users': () => json({ items: [testUser, { ...testUser, id: 2, name: 'Mark Manager' }] }),
    ...routes,
  });
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(['read_conversations', 'manage_topics'], 'manager'));
  renderWithProviders(<TopicsPage />, { client, route: '/topics?view=manage' });
  return calls;
}

const card = async (name: string) => {
  const heading = await screen.findByRole('heading', { name });
  return within(heading.closest('li')!);
};
const sent = (calls: StubbedRequest[], key: string) => calls.filter((c) => c.key === key).map((c) => c.body);
const reads = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'GET /topics').length;

afterEach(() => vi.unstubAllGlobals());

describe('TopicsPage: candidates', () => {
  it('shows each candidate with its words, size and a new-theme badge, and its questions when asked', async () => {
    const calls = renderManage({
      'GET /topics/21/conversations': () =>
        json({ items: [conversationFixture(201, { question: 'Mijn pakket is kwijt', example: true }), conversationFixture(202, { question: 'Bezorger kwam niet', example: false })], next_cursor: null }),
    });
    const c = await card('pakket bezorger kwijt');
    expect(c.getByTestId('new-theme')).toHaveTextContent('New theme');
    expect(c.getByText('12 questions, 9 in the last 7 days')).toBeInTheDocument();
    expect(c.getByRole('list', { name: 'Distinctive words' })).toHaveTextContent('pakketbezorgerkwijt');
    expect((await card('factuur btw')).queryByTestId('new-theme')).not.toBeInTheDocument();
    // A split needs six questions.
    expect((await card('factuur btw')).getByRole('button', { name: 'Split in two' })).toBeDisabled();

    await userEvent.click(c.getByRole('button', { name: 'Show questions' }));
    const questions = await c.findByTestId('candidate-questions');
    expect(within(questions).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Example Mijn pakket is kwijt conversation #201',
      ' Bezorger kwam niet conversation #202',
    ]);
    expect(within(questions).getByRole('link', { name: 'conversation #201' })).toHaveAttribute('href', '/conversations/201');
    expect(calls.find((x) => x.key === 'GET /topics/21/conversations')?.query.get('limit')).toBe('10');
  });

  it('accepts a candidate under the name typed, naming the version it saw', async () => {
    const after = overviewFixture({ candidates: overviewFixture().candidates.slice(1) });
    const calls = renderManage({ 'POST /topics/21/accept': ({ body }) => json({ ...bezorging, ...(body as object), status: 'active', version: 5 }) }, [overviewFixture(), after]);
    const c = await card('pakket bezorger kwijt');
    const name = c.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Pakket kwijt');
    await userEvent.click(c.getByRole('button', { name: 'Accept' }));
    expect(await screen.findByTestId('candidate-done')).toHaveTextContent('“Pakket kwijt” is now a topic.');
    expect(sent(calls, 'POST /topics/21/accept')).toEqual([{ version: 4, name: 'Pakket kwijt' }]);
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'pakket bezorger kwijt' })).not.toBeInTheDocument());
  });

  it('says so when the candidate changed meanwhile (409), with the server’s words, and reads it again', async () => {
    const calls = renderManage({ 'POST /topics/21/accept': stale });
    const c = await card('pakket bezorger kwijt');
    const before = reads(calls);
    await userEvent.click(c.getByRole('button', { name: 'Accept' }));
    expect(await c.findByTestId('form-error')).toHaveTextContent('This conflicts with a change made meanwhile. The topic changed since it was read (version 5).');
    expect(c.getByTestId('candidate-stale')).toHaveTextContent('Someone changed this topic meanwhile. It is shown as it is now: check it and try again.');
    await waitFor(() => expect(reads(calls)).toBeGreaterThan(before));
    expect(sent(calls, 'POST /topics/21/accept')).toEqual([{ version: 4, name: 'pakket bezorger kwijt' }]);
  });

  it('merges a candidate into a topic or another candidate, splits and dismisses it', async () => {
    const calls = renderManage({
      'POST /topics/21/merge': () => json({ id: 3 }),
      'POST /topics/21/split': () => json({ items: [] }),
      'POST /topics/22/dismiss': () => json({ id: 22 }),
    });
    const c = await card('pakket bezorger kwijt');
    const into = c.getByLabelText('Merge into');
    expect(within(into).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose…', 'Garantie', 'Levering', 'Retourneren', 'factuur btw']);
    expect(c.getByRole('button', { name: 'Merge' })).toBeDisabled();
    await userEvent.selectOptions(into, 'Retourneren');
    await userEvent.click(c.getByRole('button', { name: 'Merge' }));
    expect(await screen.findByTestId('candidate-done')).toHaveTextContent('“pakket bezorger kwijt” was merged into “Retourneren”.');
    await userEvent.click(c.getByRole('button', { name: 'Split in two' }));
    await userEvent.click((await card('factuur btw')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getByTestId('candidate-done')).toHaveTextContent('“factuur btw” was dismissed.'));
    expect(sent(calls, 'POST /topics/21/merge')).toEqual([{ version: 4, into: 3 }]);
    expect(sent(calls, 'POST /topics/21/split')).toEqual([{ version: 4 }]);
    expect(sent(calls, 'POST /topics/22/dismiss')).toEqual([{ version: 1 }]);
  });

  it('speaks Dutch', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderManage();
    const c = await card('pakket bezorger kwijt');
    expect(c.getByTestId('new-theme')).toHaveTextContent('Nieuw thema');
    expect(c.getByRole('button', { name: 'Accepteren' })).toBeInTheDocument();
    expect(c.getByLabelText('Samenvoegen met')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2 kandidaat-onderwerpen' })).toBeInTheDocument();
  });
});

describe('TopicsPage: defining topics, training and discovery', () => {
  it('defines a topic with an owner, and shows the server’s field errors under the field', async () => {
    let refuse = true;
    const calls = renderManage({
      'POST /topics': ({ body }) =>
        refuse
          ? ((refuse = false), problem(400, { title: 'Bad Request', detail: 'the topic is not valid', errors: [{ field: 'name', message: 'must not be empty' }] }))
          : json({ ...bezorging, id: 30, status: 'active', name: (body as { name: string }).name }, 201),
    });
    const form = within(await screen.findByTestId('topic-define'));
    await userEvent.type(form.getByLabelText('Name'), '  Facturen ');
    await userEvent.selectOptions(form.getByLabelText('Owner (mailed when it rises)'), 'Mark Manager');
    await userEvent.click(form.getByRole('button', { name: 'Add topic' }));
    expect(await form.findByTestId('field-error')).toHaveTextContent('must not be empty');
    expect(form.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(form.getByRole('button', { name: 'Add topic' }));
    expect(await form.findByText('“Facturen” was added.')).toBeInTheDocument();
    expect(sent(calls, 'POST /topics')).toEqual([
      { name: 'Facturen', owner_user_id: 2 },
      { name: 'Facturen', owner_user_id: 2 },
    ]);
    expect(form.getByLabelText('Name')).toHaveValue('');
  });

  it('renames a topic and clears its owner, sending only what changed with the version', async () => {
    const calls = renderManage({ 'PATCH /topics/3': () => json({ id: 3 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Change Retourneren' }));
    const form = within(screen.getByTestId('topic-edit'));
    expect(form.getByLabelText('Owner (mailed when it rises)')).toHaveValue('1');
    await userEvent.clear(form.getByLabelText('Name'));
    await userEvent.type(form.getByLabelText('Name'), 'Retour');
    await userEvent.selectOptions(form.getByLabelText('Owner (mailed when it rises)'), 'Nobody');
    await userEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByTestId('topic-edit')).not.toBeInTheDocument());
    expect(sent(calls, 'PATCH /topics/3')).toEqual([{ version: 2, name: 'Retour', owner_user_id: null }]);
  });

  it('trains now and says so when the new model is in', async () => {
    const newer = overviewFixture({ model: { ...overviewFixture().model!, id: 10, examples: 1300 } });
    const calls = renderManage({ 'POST /topics/train': () => json({ job_id: 77, kind: 'topics.train' }, 202) }, [overviewFixture(), overviewFixture(), newer]);
    const jobs = within(await screen.findByTestId('topic-jobs'));
    expect(jobs.getByTestId('topic-model-summary')).toHaveTextContent('The model learnt from 1,234 examples and knows 3 topics; accuracy 87%');
    await userEvent.click(jobs.getByRole('button', { name: 'Train now' }));
    expect(await jobs.findByText('Training started (job 77). This page updates when the new model is in.')).toBeInTheDocument();
    expect(jobs.getByRole('button', { name: 'Discover now' })).toBeDisabled();
    // The overview is read again every few seconds until the model changed.
    expect(await jobs.findByText('A new model is in.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(jobs.getByTestId('topic-model-summary')).toHaveTextContent('1,300 examples');
    expect(sent(calls, 'POST /topics/train')).toEqual([{}]);
  });
});
