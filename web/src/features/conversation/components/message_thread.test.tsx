import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { messageFixture } from '@/testing/mail';
import { stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Conversation, Message, Permission } from '@/types/api';
import { PENDING_DELIVERY_REFRESH } from '../api/get_messages';
import { MessageThread } from './message_thread';

const at = '2026-11-26T09:00:00.000Z';

const conversation: Conversation = {
  id: 17, customer_id: 5, customer_name: 'Jan Jansen', channel: 'email', subject: 'Refund', status: 'open', priority: 'normal',
  department_id: 1, queue_id: 7, assignee_id: null, tags: [], message_count: 7, follows_id: null, location_id: null, public: false,
  created_at: at, updated_at: at, last_message_at: at, first_response_at: at, resolved_at: null,
};

const users = { items: [{ id: 1, email: 'anne@example.org', name: 'Anne Agent', role: 'agent', language: 'en', department_id: null, active: true, created_at: at }] };

const message = messageFixture;



function renderThread(messages: () => Message[], permissions: Permission[] = ['read_conversations', 'write_conversations']) {
  const calls = stubApi({
    'GET /users': () => json(users),
    'GET /conversations/17/messages': () => json({ items: messages(), next_cursor: null }),
  });
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  renderWithProviders(<MessageThread conversation={conversation} customerName="Jan Jansen" includeInternal />, { client });
  return calls;
}

const byId = async (id: number) => {
  const all = await screen.findAllByTestId('message');
  const found = all.find((m) => m.dataset.messageId === String(id));
  if (!found) throw new Error(`no message ${id}`);
  return found;
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('MessageThread: delivery of e-mail replies', () => {
  it('names the desk, not an agent, as the author of its automatic notices', async () => {
    renderThread(() => [
      message(1, { direction: 'in', author_user_id: null, delivery: null, body_text: 'See the video.' }),
      message(2, { author_user_id: null, automatic: true, delivery: 'sent', body_text: 'The file video.mp4 was too large.' }),
      message(3, { delivery: 'sent' }),
    ]);
    expect(within(await byId(2)).getByText('Automatic reply from the desk')).toBeInTheDocument();
    expect(within(await byId(3)).getByText('Anne Agent')).toBeInTheDocument();
    expect(within(await byId(3)).queryByText('Automatic reply from the desk')).not.toBeInTheDocument();
  });

  it('marks sent and pending replies lightly, and nothing on messages the desk does not send', async () => {
    renderThread(() => [
      message(1, { direction: 'in', author_user_id: null, delivery: null, body_text: 'Where is my refund?' }),
      message(2, { delivery: 'sent' }),
      message(3, { delivery: 'queued' }),
      message(4, { delivery: 'sending' }),
      message(5, { internal: true, delivery: null, body_text: 'Checked the warehouse.' }),
    ]);
    expect(within(await byId(1)).queryByTestId('delivery')).not.toBeInTheDocument();
    expect(within(await byId(2)).getByTestId('delivery')).toHaveTextContent('✓ Sent');
    expect(within(await byId(3)).getByTestId('delivery')).toHaveTextContent('Waiting to be sent');
    expect(within(await byId(4)).getByTestId('delivery')).toHaveTextContent('Sending…');
    expect(within(await byId(5)).queryByTestId('delivery')).not.toBeInTheDocument();
    expect(screen.queryByTestId('delivery-warning')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('warns on a failed reply and retries it: the thread then shows it waiting', async () => {
    let retried = false;
    const calls = stubApi({
      'GET /users': () => json(users),
      'GET /conversations/17/messages': () => json({ items: [message(6, { delivery: retried ? 'queued' : 'failed' })], next_cursor: null }),
      'POST /mail/outbox/6/retry': () => {
        retried = true;
        return json({ message_id: 6, conversation_id: 17, delivery: 'queued', rfc_message_id: null, mailbox_id: null, attempts: 1, next_attempt_at: at, last_error: 'x', sent_at: null, created_at: at });
      },
    });
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['read_conversations', 'write_conversations']));
    renderWithProviders(<MessageThread conversation={conversation} includeInternal />, { client });

    const failed = await byId(6);
    expect(failed).toHaveClass('message--unsent');
    const warning = within(failed).getByTestId('delivery-warning');
    expect(warning).toHaveTextContent('Not sent This reply could not be sent to the customer.');
    // The reason is in the outbox, which only admins read.
    expect(within(warning).queryByRole('link')).not.toBeInTheDocument();
    const confirm = vi.spyOn(window, 'confirm');
    await userEvent.click(within(warning).getByRole('button', { name: 'Retry' }));
    expect(confirm).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect(within(await byId(6)).getByTestId('delivery')).toHaveTextContent('Waiting to be sent'));
    expect(screen.queryByTestId('delivery-warning')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /mail/outbox/6/retry')).toHaveLength(1);
  });

  it('explains an uncertain reply and asks before sending it again', async () => {
    const calls = renderThread(() => [message(7, { delivery: 'uncertain' })]);
    const warning = within(within(await byId(7)).getByTestId('delivery-warning'));
    expect(warning.getByText('Delivery uncertain')).toBeInTheDocument();
    expect(within(await byId(7)).getByTestId('delivery-warning')).toHaveTextContent(
      'The connection broke after the message was handed over; it may have arrived — check before retrying.',
    );
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await userEvent.click(warning.getByRole('button', { name: 'Retry' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('may have arrived already'));
    expect(calls.map((c) => c.key)).not.toContain('POST /mail/outbox/7/retry');
  });

  it('shows a retry the server refused (someone retried it already)', async () => {
    stubApi({
      'GET /users': () => json(users),
      'GET /conversations/17/messages': () => json({ items: [message(8, { delivery: 'failed' })], next_cursor: null }),
      'POST /mail/outbox/8/retry': () => problem(409, { title: 'Conflict', detail: 'reply 8 is sending; only failed or uncertain replies are sent again' }),
    });
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['read_conversations', 'write_conversations']));
    renderWithProviders(<MessageThread conversation={conversation} includeInternal />, { client });
    await userEvent.click(within(await byId(8)).getByRole('button', { name: 'Retry' }));
    expect(await within(await byId(8)).findByRole('alert')).toHaveTextContent(/only failed or uncertain replies are sent again/);
  });

  it('offers no retry to a session that may not write', async () => {
    renderThread(() => [message(9, { delivery: 'failed' })], ['read_conversations']);
    const warning = within(within(await byId(9)).getByTestId('delivery-warning'));
    expect(warning.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(warning.queryByRole('link')).not.toBeInTheDocument();
  });

  it('links admins to Failed to send for the reason', async () => {
    renderThread(() => [message(10, { delivery: 'failed' })], ['read_conversations', 'write_conversations', 'manage_channels']);
    const warning = within(within(await byId(10)).getByTestId('delivery-warning'));
    expect(warning.getByRole('link', { name: 'See why in Admin › Failed to send' })).toHaveAttribute('href', '/admin/outbox');
    expect(warning.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('looks again while a reply is on its way out, and stops once it is sent', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let state: Message['delivery'] = 'sending';
    const calls = renderThread(() => [message(11, { delivery: state })]);
    expect(within(await byId(11)).getByTestId('delivery')).toHaveTextContent('Sending…');
    const reads = () => calls.filter((c) => c.key === 'GET /conversations/17/messages').length;
    expect(reads()).toBe(1);
    state = 'sent';
    await act(async () => {
      await vi.advanceTimersByTimeAsync(PENDING_DELIVERY_REFRESH);
    });
    await vi.waitFor(async () => expect(within(await byId(11)).getByTestId('delivery')).toHaveTextContent('Sent'));
    expect(reads()).toBe(2);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(PENDING_DELIVERY_REFRESH * 3);
    });
    expect(reads()).toBe(2);
  });
});

describe('MessageThread: e-mail content', () => {
  it('shows the sanitised HTML when there is some, and the text otherwise', async () => {
    renderThread(() => [
      message(20, {
        direction: 'in', author_user_id: null, delivery: null, body_text: 'Hello there (plain)',
        body_html: '<p>Hello <b>there</b></p><p><img src="/api/v1/attachments/31" alt="Screenshot"></p><table><tr><td>Order</td><td>42</td></tr></table>',
      }),
      message(21, { direction: 'in', author_user_id: null, delivery: null, body_text: 'Line one\nLine two' }),
    ]);
    const html = within(await byId(20)).getByTestId('message-html');
    expect(html).toHaveClass('message__html');
    expect(within(html).getByText('there').tagName).toBe('B');
    expect(within(html).getByRole('img', { name: 'Screenshot' })).toHaveAttribute('src', '/api/v1/attachments/31');
    expect(within(html).getByRole('table')).toBeInTheDocument();
    expect(within(await byId(20)).queryByText('Hello there (plain)')).not.toBeInTheDocument();

    const text = await byId(21);
    expect(within(text).queryByTestId('message-html')).not.toBeInTheDocument();
    const body = text.querySelector('.message__body');
    expect(body?.textContent).toBe('Line one\nLine two');
    expect(within(text).queryByRole('button', { name: 'Show quoted text' })).not.toBeInTheDocument();
  });

  it('shows only the new text of a message that quotes history, and the whole message on request', async () => {
    renderThread(() => [
      message(22, {
        direction: 'in', author_user_id: null, delivery: null,
        new_text: 'Thanks, that worked!',
        body_text: 'Thanks, that worked!\n\nOn Monday Anne wrote:\n> Try restarting it.',
        body_html: '<p>Thanks, that worked!</p><blockquote>Try restarting it.</blockquote>',
      }),
    ]);
    const m = within(await byId(22));
    expect(m.getByText('Thanks, that worked!')).toHaveClass('message__body');
    expect(m.queryByText('Try restarting it.')).not.toBeInTheDocument();
    const toggle = m.getByRole('button', { name: 'Show quoted text' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Hide quoted text');
    expect(m.getByText('Try restarting it.').tagName).toBe('BLOCKQUOTE');
    expect(m.getByTestId('message-html')).toHaveAttribute('id', toggle.getAttribute('aria-controls'));

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(m.queryByText('Try restarting it.')).not.toBeInTheDocument();
  });

  it('reveals the whole text when a quoting message has no HTML', async () => {
    renderThread(() => [
      message(23, {
        direction: 'in', author_user_id: null, delivery: null,
        new_text: 'See below.', body_text: 'See below.\n\n-- \nJan Jansen\nAcme B.V.', body_html: '',
      }),
    ]);
    const m = within(await byId(23));
    expect(m.queryByText(/Acme B\.V\./)).not.toBeInTheDocument();
    await userEvent.click(m.getByRole('button', { name: 'Show quoted text' }));
    expect(m.getByText(/Acme B\.V\./)).toHaveClass('message__body');
  });

  it('names the toggle in Dutch', async () => {
    await i18n.changeLanguage('nl');
    renderThread(() => [message(24, { direction: 'in', author_user_id: null, delivery: null, new_text: 'Dank!', body_text: 'Dank!\n> eerder' })]);
    await userEvent.click(within(await byId(24)).getByRole('button', { name: 'Geciteerde tekst tonen' }));
    expect(within(await byId(24)).getByRole('button', { name: 'Geciteerde tekst verbergen' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('MessageThread: why a reply was not sent', () => {
  it('shows the mail server’s answer to everyone who sees the reply, admin or not', async () => {
    renderThread(() => [
      message(25, { delivery: 'failed', delivery_error: 'the server refused it: 550 5.1.1 mailbox unavailable' }),
      message(26, { delivery: 'failed' }),
    ], ['read_conversations']);
    expect(within(await byId(25)).getByTestId('delivery-error')).toHaveTextContent('Reason: the server refused it: 550 5.1.1 mailbox unavailable');
    expect(within(await byId(26)).getByTestId('delivery-warning')).toBeInTheDocument();
    expect(within(await byId(26)).queryByTestId('delivery-error')).not.toBeInTheDocument();
  });

  it('says it in Dutch too', async () => {
    await i18n.changeLanguage('nl');
    renderThread(() => [message(27, { delivery: 'uncertain', delivery_error: 'connection reset after DATA' })]);
    expect(within(await byId(27)).getByTestId('delivery-error')).toHaveTextContent('Reden: connection reset after DATA');
  });
});

describe('MessageThread: read receipts of a chat', () => {
  it('tells the desk the visitor’s newest message is read and shows which answer the visitor has seen', async () => {
    const chat = {
      conversation_id: 17, widget_id: 1, queue_id: 7, state: 'active', agent_id: 1, requested_at: at, accepted_at: at,
      last_activity_at: at, ended_at: null, page_url: '', visitor_read_id: 3, agent_read_id: 1,
    };
    const calls = stubApi({
      'GET /users': () => json(users),
      'GET /chats/17': () => json(chat),
      'POST /chats/17/read': () => new Response(null, { status: 204 }),
      'GET /conversations/17/messages': () =>
        json({
          items: [
            message(1, { direction: 'in', author_user_id: null, delivery: null, channel: 'chat' }),
            message(2, { delivery: null, channel: 'chat' }),
            message(3, { delivery: null, channel: 'chat' }),
            message(4, { direction: 'in', author_user_id: null, delivery: null, channel: 'chat' }),
            message(5, { delivery: null, channel: 'chat' }),
          ],
          next_cursor: null,
        }),
    });
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['read_conversations', 'write_conversations']));
    renderWithProviders(<MessageThread conversation={{ ...conversation, channel: 'chat' }} includeInternal />, { client });
    expect(await within(await byId(3)).findByTestId('seen')).toHaveTextContent('Seen by the visitor');
    expect(within(await byId(2)).queryByTestId('seen')).not.toBeInTheDocument();
    expect(within(await byId(5)).queryByTestId('seen')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /chats/17/read')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /chats/17/read')?.body).toEqual({ message_id: 4 });
  });
});

describe('MessageThread: what the app adds under a message', () => {
  it('shows it under the message it is about, and nothing under the others', async () => {
    stubApi({
      'GET /users': () => json(users),
      'GET /conversations/17/messages': () => json({ items: [message(1, { direction: 'in', delivery: null }), message(2, { delivery: 'sent' })], next_cursor: null }),
    });
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['read_conversations']));
    const extras = vi.fn((m: Message) => (m.id === 2 ? <p data-testid="extra">Promise: callback</p> : null));
    renderWithProviders(<MessageThread conversation={conversation} includeInternal messageExtras={extras} />, { client });
    expect(within(await byId(2)).getByTestId('extra')).toHaveTextContent('Promise: callback');
    expect(within(await byId(1)).queryByTestId('extra')).not.toBeInTheDocument();
    expect(extras.mock.calls.map(([m]) => m.id)).toContain(1);
  });
});
