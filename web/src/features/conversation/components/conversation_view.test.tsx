import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Conversation } from '@/types/api';
import { ConversationView } from './conversation_view';

const at = '2026-11-26T09:00:00.000Z';

const conversation = (over: Partial<Conversation>): Conversation => ({
  id: 18, customer_id: 5, customer_name: 'Jan Jansen', channel: 'email', subject: 'Refund, again', status: 'new', priority: 'normal',
  department_id: 1, queue_id: 7, assignee_id: null, tags: [], message_count: 1, follows_id: null, location_id: null, public: false,
  created_at: at, updated_at: at, last_message_at: at, first_response_at: null, resolved_at: null, ...over,
});

/** The conversation as given; every other read answers empty (or 404). */
function stubApi(c: Conversation) {
  vi.stubGlobal('fetch', vi.fn().mockImplementation(async (url: string) => {
    const path = url.split('?')[0].replace('/api/v1', '');
    if (path === `/conversations/${c.id}`) return json(c);
    if (path === `/conversations/${c.id}/messages`) return json({ items: [], next_cursor: null });
    if (['/users', '/departments', '/queues'].includes(path)) return json({ items: [] });
    return problem(404, { title: 'Not found' });
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('ConversationView: a follow-up of a closed conversation', () => {
  it('links to the closed conversation it follows', async () => {
    stubApi(conversation({ follows_id: 17 }));
    renderWithProviders(<ConversationView id={18} />);
    const link = await screen.findByRole('link', { name: 'Follows up closed conversation #17' });
    expect(link).toHaveAttribute('href', '/conversations/17');
  });

  it('says so in Dutch', async () => {
    await i18n.changeLanguage('nl');
    stubApi(conversation({ follows_id: 17 }));
    renderWithProviders(<ConversationView id={18} />);
    expect(await screen.findByRole('link', { name: 'Vervolg op gesloten gesprek #17' })).toHaveAttribute('href', '/conversations/17');
  });

  it('shows no such line for a conversation that follows none', async () => {
    stubApi(conversation({}));
    renderWithProviders(<ConversationView id={18} />);
    expect(await screen.findByRole('heading', { name: 'Refund, again' })).toBeInTheDocument();
    expect(screen.queryByTestId('conversation-follows')).not.toBeInTheDocument();
  });
});
