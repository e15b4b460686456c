import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { noteChatEvent } from '@/lib/live/chat_signals';
import { queryKeys } from '@/lib/query_keys';
import { stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Chat, Conversation, Permission } from '@/types/api';
import { ChatPanel } from './chat_panel';

const at = new Date(Date.now() - 3 * 60_000).toISOString();

const conversation: Conversation = {
  id: 41, customer_id: 5, customer_name: 'Piet Bakker', channel: 'chat', subject: 'Waar blijft mijn pakket?', status: 'new', priority: 'normal',
  department_id: 1, queue_id: 7, assignee_id: null, tags: [], message_count: 1, follows_id: null, location_id: null, public: false,
  created_at: at, updated_at: at, last_message_at: at, first_response_at: null, resolved_at: null,
};

const chat = (over: Partial<Chat> = {}): Chat => ({
  conversation_id: 41, widget_id: 1, queue_id: 7, state: 'waiting', agent_id: null, requested_at: at, accepted_at: null,
  last_activity_at: at, ended_at: null, page_url: 'https://shop.example/orders/17', visitor_read_id: null, agent_read_id: null, ...over,
});

const users = { items: [{ id: 3, email: 'anne@example.org', name: 'Anne Agent', role: 'agent', language: 'en', department_id: null, active: true, created_at: at }] };

function render(state: () => Chat, routes = {}, permissions: Permission[] = ['read_conversations', 'write_conversations'], c = conversation) {
  const calls = stubApi({ 'GET /users': () => json(users), 'GET /chats/41': () => json(state()), ...routes });
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  renderWithProviders(<ChatPanel conversation={c} />, { client });
  return calls;
}

describe('The chat panel', () => {
  it('shows a waiting chat with its page, and Accept takes it', async () => {
    let current = chat();
    const calls = render(() => current, {
      'POST /chats/41/accept': () => {
        current = chat({ state: 'active', agent_id: 3, accepted_at: new Date().toISOString() });
        return json(current);
      },
    });
    const panel = await screen.findByTestId('chat-panel');
    expect(panel).toHaveAttribute('data-state', 'waiting');
    expect(panel).toHaveTextContent('Waiting for an agent since');
    expect(within(panel).getByRole('link', { name: 'Page the visitor started on' })).toHaveAttribute('href', 'https://shop.example/orders/17');
    await userEvent.click(within(panel).getByRole('button', { name: 'Accept chat' }));
    expect(await screen.findByText('In chat with Anne Agent')).toBeInTheDocument();
    expect(calls.some((c) => c.key === 'POST /chats/41/accept')).toBe(true);
    expect(within(panel).queryByRole('button', { name: 'Accept chat' })).not.toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'End chat' })).toBeInTheDocument();
  });

  it('says why when someone else took it first', async () => {
    render(() => chat(), { 'POST /chats/41/accept': () => problem(409, { title: 'Conflict', detail: 'the chat is active' }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Accept chat' }));
    expect(await screen.findByText(/conflicts with a change made meanwhile/)).toBeInTheDocument();
  });

  it('shows the visitor typing for a few seconds', async () => {
    render(() => chat({ state: 'active', agent_id: 3 }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('');
    act(() => noteChatEvent({ seq: 1, type: 'chat.typing', conversation_id: 41 }, () => undefined));
    expect(status).toHaveTextContent('The visitor is typing…');
    // An agent's typing is not the visitor's.
    act(() => noteChatEvent({ seq: 2, type: 'chat.typing', conversation_id: 42 }, () => undefined));
  });

  it('offers no actions to a session that may not write, and says it in Dutch', async () => {
    await i18n.changeLanguage('nl');
    try {
      render(() => chat({ state: 'by_email' }), {}, ['read_conversations']);
      const panel = await screen.findByTestId('chat-panel');
      expect(panel).toHaveTextContent('Niemand nam op tijd aan: gaat verder per e-mail');
      expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('e-mails the transcript, or says why not', async () => {
    let fails = true;
    render(() => chat({ state: 'ended', agent_id: 3 }), {
      'POST /chats/41/transcript': () =>
        fails ? problem(409, { title: 'Conflict', detail: 'the visitor left no e-mail address to send the transcript to' }) : json({}, 201),
    });
    const button = await screen.findByRole('button', { name: 'E-mail the transcript' });
    await userEvent.click(button);
    expect(await screen.findByText(/conflicts with a change made meanwhile|no e-mail address/)).toBeInTheDocument();
    fails = false;
    await userEvent.click(button);
    expect(await screen.findByText('The transcript goes out by e-mail.')).toBeInTheDocument();
  });

  it('is not there for other channels', () => {
    render(() => chat(), {}, undefined, { ...conversation, channel: 'email' });
    expect(screen.queryByTestId('chat-panel')).not.toBeInTheDocument();
  });
});
