import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { AnswerGapGroup, AnswerGaps, Permission } from '@/types/api';
import { AnswersPage, newAnswerFromGap } from './answers_page';

const at = '2026-12-03T09:00:00.000Z';
const bitcoin: AnswerGapGroup = {
  label: 'bitcoin betalen', count: 3, last_at: at,
  examples: [
    { text: 'Kan ik met bitcoin betalen?', source: 'assistant', lang: 'nl', conversation_id: null, at },
    { text: 'Accepteren jullie bitcoin als betaling?', source: 'message', lang: 'nl', conversation_id: 17, at },
    { text: 'Can I pay with bitcoin?', source: 'assistant', lang: 'en', conversation_id: null, at },
  ],
};
const shop: AnswerGapGroup = {
  label: 'winkel utrecht', count: 1, last_at: at,
  examples: [{ text: 'Hebben jullie een winkel in Utrecht?', source: 'assistant', lang: 'nl', conversation_id: null, at }],
};
const made = {
  id: 12, topic: 'bitcoin betalen', owner_user_id: 1, review_by: null, stale: false, retired_at: null, published_number: null,
  latest_number: 1, latest_state: 'draft', created_by: 1, created_at: at, updated_at: at, version: 1, questions: [],
  versions: [{ number: 1, state: 'draft', nl: { title: 'Kan ik met bitcoin betalen?', body: 'Nee, alleen met iDEAL.' }, en: null, change_note: '',
    material: false, created_by: 1, created_at: at, updated_at: at, reviewed_by: null, published_at: null }],
};
const gaps: AnswerGaps = { days: 30, questions: 4, groups: [bitcoin, shop] };

function renderPage(permissions: Permission[], route = '/answers?view=gaps') {
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  return renderWithProviders(<AnswersPage />, { client, route });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AnswersPage: knowledge gaps', () => {
  it('lists the grouped questions with their counts and examples', async () => {
    const calls = stubApi({ 'GET /answers/gaps': () => json(gaps) });
    renderPage(['read_conversations', 'write_conversations']);
    const items = await screen.findAllByTestId('gap');
    expect(calls.find((c) => c.key === 'GET /answers/gaps')?.query.get('days')).toBe('30');
    expect(screen.getByTestId('gaps-summary')).toHaveTextContent('4 customer questions without a good answer in 2 groups.');
    expect(items.map((g) => within(g).getByRole('heading').textContent)).toEqual(['bitcoin betalen', 'winkel utrecht']);
    const first = within(items[0]);
    expect(first.getByText('3 questions')).toBeInTheDocument();
    expect(first.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Kan ik met bitcoin betalen? · Assistant',
      'Accepteren jullie bitcoin als betaling? · Message · Conversation #17',
      'Can I pay with bitcoin? · Assistant',
    ]);
    expect(first.getByRole('link', { name: 'Conversation #17' })).toHaveAttribute('href', '/conversations/17');
    expect(within(items[1]).getByText('1 question')).toBeInTheDocument();
  });

  it('opens the new-answer form for a gap, with its label as the topic and its question as the title, and creates the answer', async () => {
    const calls = stubApi({
      'GET /answers/gaps': () => json(gaps),
      'GET /answers': () => json({ items: [], next_cursor: null }),
      'POST /answers': () => json(made, 201),
      'GET /answers/12': () => json(made),
    });
    renderPage(['read_conversations', 'write_conversations']);
    const [first] = await screen.findAllByTestId('gap');
    await userEvent.click(within(first).getByRole('button', { name: 'Write an answer for “bitcoin betalen”' }));

    // The library tab, with the form open and filled in.
    expect(screen.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
    const form = within(await screen.findByTestId('new-answer-form'));
    expect(form.getByLabelText('Topic')).toHaveValue('bitcoin betalen');
    expect(form.getByLabelText('Topic')).toHaveFocus();
    const dutch = within(screen.getByTestId('answer-nl'));
    const english = within(screen.getByTestId('answer-en'));
    expect(dutch.getByLabelText('Title (as customers ask)')).toHaveValue('Kan ik met bitcoin betalen?');
    expect(english.getByLabelText('Title (as customers ask)')).toHaveValue('');
    expect(screen.getByTestId('new-answer-asked')).toHaveTextContent('Accepteren jullie bitcoin als betaling?');

    await userEvent.type(dutch.getByLabelText('Answer'), 'Nee, alleen met iDEAL.');
    await userEvent.click(form.getByRole('button', { name: 'Create draft' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'GET /answers/12')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /answers')?.body).toEqual({
      topic: 'bitcoin betalen',
      nl: { title: 'Kan ik met bitcoin betalen?', body: 'Nee, alleen met iDEAL.' },
      en: null,
    });
    expect(screen.queryByTestId('new-answer-form')).not.toBeInTheDocument();
    expect(await screen.findByTestId('answer-panel')).toHaveTextContent('Draft 1');
  });

  it('offers readers no button, and says when there are no gaps', async () => {
    stubApi({ 'GET /answers/gaps': ({ query }) => json(query.get('days') === '7' ? { days: 7, questions: 0, groups: [] } : gaps) });
    renderPage(['read_conversations']);
    await screen.findAllByTestId('gap');
    expect(screen.queryByRole('button', { name: /Write an answer/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));
    expect(await screen.findByText('Every customer question in this period had a good answer.')).toBeInTheDocument();
  });
});

describe('newAnswerFromGap', () => {
  it('takes the language most questions are in, else the one given', () => {
    expect(newAnswerFromGap(bitcoin, 'en')).toMatchObject({ topic: 'bitcoin betalen', lang: 'nl', title: 'Kan ik met bitcoin betalen?' });
    const even = { ...bitcoin, examples: [bitcoin.examples[0], bitcoin.examples[2]] };
    expect(newAnswerFromGap(even, 'en')).toMatchObject({ lang: 'en', title: 'Can I pay with bitcoin?' });
    expect(newAnswerFromGap({ ...bitcoin, examples: [] }, 'nl')).toMatchObject({ lang: 'nl', title: 'bitcoin betalen' });
  });
});
