import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { stubApi, type StubbedRequest } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { ConversationTopic } from '@/types/api';
import { ConversationTopicControl } from './conversation_topic';
import { conversationTopicFixture, overviewFixture } from './test_fixtures';

/** Conversation 17, read by the model as Retourneren (82 %); a PUT answers as the server does. */
function renderControl({ topic = conversationTopicFixture(), canWrite = true, refuse = null as Response | null } = {}) {
  const calls = stubApi({
    'GET /conversations/17/topic': () => json(topic),
    'GET /topics': () => json(overviewFixture()),
    'PUT /conversations/17/topic': ({ body }) => {
      if (refuse) return refuse;
      const id = (body as { topic_id: number | null }).topic_id;
      const name = overviewFixture().topics.find((t) => t.id === id)?.name ?? null;
      return json({ ...topic, topic_id: id, topic_name: name, source: 'agent', confidence: 1, model_id: null, assigned_by: 1 } satisfies ConversationTopic);
    },
  });
  renderWithProviders(<ConversationTopicControl conversationId={17} canWrite={canWrite} />);
  return calls;
}

const put = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'PUT /conversations/17/topic').map((c) => c.body);

afterEach(() => vi.unstubAllGlobals());

describe('ConversationTopicControl', () => {
  it('shows the model’s suggestion with its confidence, and sets another topic with one choice', async () => {
    const calls = renderControl();
    const select = await screen.findByRole('combobox', { name: 'Topic' });
    expect(screen.getByTestId('conversation-topic-source')).toHaveTextContent('Suggested by the model, 82%');
    await waitFor(() => expect(select).toHaveDisplayValue('Retourneren'));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Garantie', 'Levering', 'Retourneren', 'No topic fits']);
    await userEvent.selectOptions(select, 'Levering');
    await waitFor(() => expect(screen.getByTestId('conversation-topic-source')).toHaveTextContent('Chosen by an agent'));
    expect(put(calls)).toEqual([{ topic_id: 4 }]);
    expect(select).toHaveDisplayValue('Levering');
    // Set by a person: nothing left to confirm.
    expect(screen.queryByRole('button', { name: 'Confirm' })).not.toBeInTheDocument();
  });

  it('says no topic fits with `topic_id: null`, and confirms the model’s suggestion as a label', async () => {
    const calls = renderControl();
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(put(calls)).toEqual([{ topic_id: 3 }]));
    await waitFor(() => expect(screen.getByTestId('conversation-topic-source')).toHaveTextContent('Chosen by an agent'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Topic' }), 'No topic fits');
    await waitFor(() => expect(put(calls)).toEqual([{ topic_id: 3 }, { topic_id: null }]));
    expect(await screen.findByTestId('conversation-topic-source')).toHaveTextContent('An agent said no topic fits');
  });

  it('offers a choice while the conversation was not read yet', async () => {
    const calls = renderControl({
      topic: { conversation_id: 17, topic_id: null, topic_name: null, source: null, confidence: null, model_id: null, assigned_by: null, assigned_at: null, message_id: null },
    });
    const select = await screen.findByRole('combobox', { name: 'Topic' });
    expect(select).toHaveDisplayValue('Choose a topic…');
    expect(screen.getByTestId('conversation-topic-source')).toHaveTextContent('Not read yet');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(5));
    await userEvent.selectOptions(select, 'Garantie');
    await waitFor(() => expect(put(calls)).toEqual([{ topic_id: 5 }]));
  });

  it('names the candidate topic discovery put an unplaced question in', async () => {
    renderControl({
      topic: {
        ...conversationTopicFixture(),
        topic_id: null,
        topic_name: null,
        confidence: 0.41,
        candidate: { id: 31, name: 'cadeaubon, betalen', new_theme: true },
      },
    });
    expect(await screen.findByTestId('conversation-topic-candidate')).toHaveTextContent(
      'Discovery groups it with: cadeaubon, betalen (a new theme this week).',
    );
  });

    it('shows the server’s refusal beside the choice', async () => {
    renderControl({
      refuse: problem(400, { title: 'Bad Request', detail: 'the topic is not valid', errors: [{ field: 'topic_id', message: 'must be an active topic, not merged' }] }),
    });
    const select = await screen.findByRole('combobox', { name: 'Topic' });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(4));
    await userEvent.selectOptions(select, 'Garantie');
    expect(await screen.findByTestId('field-error')).toHaveTextContent('must be an active topic, not merged');
    expect(select).toHaveAttribute('aria-invalid', 'true');
  });

  it('only shows the topic to someone who may not write', async () => {
    const calls = renderControl({ canWrite: false });
    expect(await screen.findByTestId('conversation-topic-name')).toHaveTextContent('Retourneren');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm' })).not.toBeInTheDocument();
    // The topics to choose from are not read for nothing.
    expect(calls.some((c) => c.key === 'GET /topics')).toBe(false);
  });

  it('speaks Dutch', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderControl();
    expect(await screen.findByRole('combobox', { name: 'Onderwerp' })).toBeInTheDocument();
    expect(screen.getByTestId('conversation-topic-source')).toHaveTextContent('Voorgesteld door het model, 82%');
    expect(screen.getByRole('button', { name: 'Bevestigen' })).toBeInTheDocument();
  });
});
