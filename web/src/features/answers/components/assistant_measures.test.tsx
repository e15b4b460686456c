import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { AssistantStats } from '@/types/api';
import { AnswersPage } from './answers_page';

const stats = (over: Partial<AssistantStats> = {}): AssistantStats => ({
  from: '2026-11-03T09:00:00.000Z', to: '2026-12-03T09:00:00.000Z',
  sessions: 12, questions: 30, answered: 20, no_match: 8, no_answer_rate: 8 / 30, handed_over: 4, handover_rate: 4 / 12,
  handover_reasons: { asked: 1, button: 0, not_helped: 0, no_match: 3, angry: 0 },
  settled: 6, resolved: 3, resolved_rate: 0.5,
  answers: [
    { answer_id: 4, topic: 'Retourneren', title: 'Hoe lang heb ik?', shown: 5, helped: 3, not_helped: 1 },
    { answer_id: 9, topic: 'Levering', title: 'Wanneer komt het?', shown: 15, helped: 11, not_helped: 2 },
  ],
  ...over,
});

function renderPage(route = '/answers?view=assistant') {
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(['read_conversations', 'write_conversations']));
  return renderWithProviders(<AnswersPage />, { client, route });
}

const figure = (key: string) => screen.getByTestId(`assistant-${key}`);
const rows = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AnswersPage: the self-service assistant', () => {
  it('shows the figures, why customers went to a person and how each answer did, for the last 30 days', async () => {
    const calls = stubApi({ 'GET /assistant/stats': () => json(stats()) });
    renderPage();
    await screen.findByTestId('assistant-figures');
    expect(calls.find((c) => c.key === 'GET /assistant/stats')?.query.get('days')).toBe('30');
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'Self-service assistant' })).toHaveAttribute('aria-current', 'page');

    expect(figure('sessions')).toHaveTextContent('Sessions12');
    expect(figure('questions')).toHaveTextContent('Questions30');
    expect(figure('answered')).toHaveTextContent('Answered67%20 of 30 questions');
    expect(figure('no-answer')).toHaveTextContent('No answer27%8 questions without a matching answer');
    expect(figure('handed-over')).toHaveTextContent('Handed to a person33%4 of 12 sessions');
    expect(figure('resolved')).toHaveTextContent('Resolved without a person50%3 of 6 answers shown at least 7 days ago');

    // Only the reasons that happened, the most first, with their share of the hand-overs.
    expect(rows('assistant-reasons')).toEqual([
      ['No answer matched', '3', '75%'],
      ['Asked for a person', '1', '25%'],
    ]);
    // The most shown answer first, each linking to it in the library.
    expect(rows('assistant-answers')).toEqual([
      ['Levering · Wanneer komt het?', '15', '11', '2'],
      ['Retourneren · Hoe lang heb ik?', '5', '3', '1'],
    ]);
    expect(screen.getByRole('link', { name: 'Levering' })).toHaveAttribute('href', '/answers?id=9');
  });

  it('asks again for another period, and says "—" where there is nothing to divide by yet', async () => {
    const calls = stubApi({
      'GET /assistant/stats': ({ query }) =>
        json(
          query.get('days') === '7'
            ? stats({ sessions: 1, questions: 1, answered: 0, no_match: 1, no_answer_rate: 1, handed_over: 1, handover_rate: 1, settled: 0, resolved: 0, resolved_rate: null, answers: [] })
            : stats(),
        ),
    });
    renderPage();
    await screen.findByTestId('assistant-figures');
    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await vi.waitFor(() => expect(figure('questions')).toHaveTextContent('Questions1'));
    expect(calls.filter((c) => c.key === 'GET /assistant/stats').map((c) => c.query.get('days'))).toEqual(['30', '7']);
    expect(figure('no-answer')).toHaveTextContent('No answer100%1 question without a matching answer');
    expect(figure('resolved')).toHaveTextContent('Resolved without a person—Counted once an answer was shown at least 7 days ago');
    expect(screen.getByText('The assistant showed no answers in this period.')).toBeInTheDocument();
  });

  it('says so when nobody asked the assistant anything', async () => {
    stubApi({
      'GET /assistant/stats': () =>
        json(stats({ sessions: 0, questions: 0, answered: 0, no_match: 0, no_answer_rate: null, handed_over: 0, handover_rate: null, handover_reasons: {}, settled: 0, resolved: 0, resolved_rate: null, answers: [] })),
    });
    renderPage('/answers?view=assistant&days=90');
    expect(await screen.findByText('Nobody asked the assistant anything in this period.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Last 90 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByTestId('assistant-figures')).not.toBeInTheDocument();
  });

  it('shows the figures in Dutch', async () => {
    stubApi({ 'GET /assistant/stats': () => json(stats()) });
    await i18n.changeLanguage('nl');
    renderPage();
    await screen.findByTestId('assistant-figures');
    expect(figure('handed-over')).toHaveTextContent('Naar een medewerker33%4 van 12 sessies');
    expect(rows('assistant-reasons')[0]).toEqual(['Geen passend antwoord', '3', '75%']);
    expect(screen.getByRole('button', { name: 'Afgelopen 30 dagen' })).toHaveAttribute('aria-pressed', 'true');
  });
});
