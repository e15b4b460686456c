import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { messageFixture as message, outboxFixture } from '@/testing/mail';
import { type RouteHandler, type StubbedRequest, stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Attachment, Conversation, Customer, Message, Permission } from '@/types/api';
import { MessageThread } from './message_thread';

// What an agent does below a reply the desk could not send: edit and resend
// it, dismiss it, or confirm an uncertain one arrived; and how a cancelled
// reply looks afterwards.

const at = '2026-11-26T09:00:00.000Z';

const conversation: Conversation = {
  id: 17, customer_id: 5, customer_name: 'Jan Jansen', channel: 'email', subject: 'Refund', status: 'open', priority: 'normal',
  department_id: 1, queue_id: 7, assignee_id: null, tags: [], message_count: 2, follows_id: null, location_id: null, public: false,
  created_at: at, updated_at: at, last_message_at: at, first_response_at: at, resolved_at: null,
};

const users = { items: [{ id: 1, email: 'anne@example.org', name: 'Anne Agent', role: 'agent', language: 'en', department_id: null, active: true, created_at: at }] };

const customer = {
  id: 5, kind: 'person', name: 'Jan Jansen', organisation_id: null, segment: 'consumer', language: 'nl',
  preferred_channel: 'email', contact_hours: null, account_manager_id: null, merged_into_id: null,
  identities: [
    { id: 1, kind: 'email', value: 'jan@oud.example', display: 'jan@oud.example', created_at: at, failing: { reason: 'it bounced (550 no such user)', since: at } },
    { id: 2, kind: 'phone', value: '+31612345678', display: '06 12345678', created_at: at, failing: null },
    { id: 3, kind: 'email', value: 'jan@nieuw.example', display: 'jan@nieuw.example', created_at: at, failing: null },
  ],
  created_at: at, updated_at: at,
} as Customer;

const invoice: Attachment = { id: 31, filename: 'invoice.pdf', content_type: 'application/pdf', size_bytes: 2048, sha256: 'a'.repeat(64), content_id: '', inline: false };
const photo: Attachment = { id: 32, filename: 'photo.jpg', content_type: 'image/jpeg', size_bytes: 4096, sha256: 'b'.repeat(64), content_id: '', inline: false };



function render(messages: () => Message[], routes: Record<string, RouteHandler> = {}, permissions: Permission[] = ['read_conversations', 'write_conversations']) {
  const calls = stubApi({
    'GET /users': () => json(users),
    'GET /customers/5': () => json(customer),
    'GET /conversations/17/messages': () => json({ items: messages(), next_cursor: null }),
    ...routes,
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

const posts = (calls: StubbedRequest[], key: string) => calls.filter((c) => c.key === key);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DeliveryWarning: edit and resend', () => {
  it('opens an editor with the reply’s text and files, and resends the edit where it was going', async () => {
    let resent = false;
    const calls = render(
      () =>
        resent
          ? [message(6, { delivery: 'cancelled', attachments: [invoice, photo] }), message(7, { body_text: 'Sorry, the refund is on its way.', attachments: [photo] })]
          : [message(6, { delivery: 'failed', body_text: 'The refund is on its way.', attachments: [invoice, photo] })],
      {
        'POST /mail/outbox/6/resend': () => {
          resent = true;
          return json(message(7), 201);
        },
      },
    );
    const warning = within(within(await byId(6)).getByTestId('delivery-warning'));
    expect(warning.queryByRole('button', { name: 'It arrived' })).not.toBeInTheDocument();
    await userEvent.click(warning.getByRole('button', { name: 'Edit and resend' }));

    const editor = within(screen.getByRole('form', { name: 'Edit and resend' }));
    const text = editor.getByRole('textbox', { name: 'Reply' });
    expect(text).toHaveFocus();
    expect(text).toHaveValue('The refund is on its way.');
    expect(editor.getAllByTestId('resend-file').map((f) => f.textContent)).toEqual([
      expect.stringContaining('invoice.pdf'),
      expect.stringContaining('photo.jpg'),
    ]);

    // The customer's e-mail addresses, a bounced one marked; "where it was going" first.
    const to = editor.getByRole('combobox', { name: 'To' });
    expect(to).toHaveValue('');
    await vi.waitFor(() => expect(within(to).getAllByRole('option')).toHaveLength(3));
    expect(within(to).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Where it was going', 'jan@oud.example (bounced)', 'jan@nieuw.example',
    ]);

    await userEvent.click(editor.getByRole('button', { name: 'Remove invoice.pdf' }));
    await userEvent.clear(text);
    await userEvent.type(text, 'Sorry, the refund is on its way.');
    await userEvent.click(editor.getByRole('button', { name: 'Send again' }));

    await vi.waitFor(() => expect(screen.queryByTestId('resend-editor')).not.toBeInTheDocument());
    const [resend] = posts(calls, 'POST /mail/outbox/6/resend');
    expect(resend.body).toEqual({
      body_text: 'Sorry, the refund is on its way.',
      attachments: [{ filename: 'photo.jpg', content_type: 'image/jpeg', sha256: 'b'.repeat(64) }],
    });
    // The thread is read again: the old reply is cancelled, the new one waits.
    await vi.waitFor(async () => expect(within(await byId(6)).getByTestId('delivery')).toHaveTextContent('Not sent'));
    expect(within(await byId(7)).getByTestId('delivery')).toHaveTextContent('Waiting to be sent');
    expect(screen.queryByTestId('delivery-warning')).not.toBeInTheDocument();
  });

  it('sends to another address only when the agent picks one', async () => {
    const calls = render(() => [message(8, { delivery: 'failed' })], { 'POST /mail/outbox/8/resend': () => json(message(9), 201) });
    await userEvent.click(within(await byId(8)).getByRole('button', { name: 'Edit and resend' }));
    const to = screen.getByRole('combobox', { name: 'To' });
    await screen.findByRole('option', { name: 'jan@nieuw.example' });
    await userEvent.selectOptions(to, 'jan@nieuw.example');
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }));
    await vi.waitFor(() => expect(posts(calls, 'POST /mail/outbox/8/resend')).toHaveLength(1));
    expect(posts(calls, 'POST /mail/outbox/8/resend')[0].body).toEqual({ body_text: 'Message 8', to: 'jan@nieuw.example' });
  });

  it('closes on Escape or Cancel without sending, and puts focus back on its button', async () => {
    const calls = render(() => [message(10, { delivery: 'failed' })]);
    const button = within(await byId(10)).getByRole('button', { name: 'Edit and resend' });
    await userEvent.click(button);
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('resend-editor')).not.toBeInTheDocument();
    expect(within(await byId(10)).getByRole('button', { name: 'Edit and resend' })).toHaveFocus();

    await userEvent.click(within(await byId(10)).getByRole('button', { name: 'Edit and resend' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('resend-editor')).not.toBeInTheDocument();
    expect(within(await byId(10)).getByRole('button', { name: 'Edit and resend' })).toHaveFocus();
    expect(calls.some((c) => c.key.startsWith('POST'))).toBe(false);
  });

  it('shows a refused address under the To field, and keeps the editor open', async () => {
    render(() => [message(11, { delivery: 'failed' })], {
      'POST /mail/outbox/11/resend': () =>
        problem(400, { title: 'Bad request', detail: 'the reply is not valid', errors: [{ field: 'to', message: 'not one of the customer’s e-mail addresses' }] }),
    });
    await userEvent.click(within(await byId(11)).getByRole('button', { name: 'Edit and resend' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }));
    const to = screen.getByRole('combobox', { name: 'To' });
    await vi.waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription('not one of the customer’s e-mail addresses');
    expect(screen.getByTestId('resend-editor')).toBeInTheDocument();
  });

  it('shows the conflict when someone else got there first', async () => {
    render(() => [message(12, { delivery: 'uncertain' })], {
      'POST /mail/outbox/12/resend': () => problem(409, { title: 'Conflict', detail: 'reply 12 is cancelled; only failed or uncertain replies are sent again' }),
    });
    await userEvent.click(within(await byId(12)).getByRole('button', { name: 'Edit and resend' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }));
    const editor = within(screen.getByTestId('resend-editor'));
    expect(await editor.findByRole('alert')).toHaveTextContent(/Reply 12 is cancelled; only failed or uncertain replies are sent again/);
  });
});

describe('DeliveryWarning: dismiss, and "It arrived"', () => {
  it('asks before dismissing, then posts an empty body', async () => {
    let dismissed = false;
    const calls = render(() => [message(13, { delivery: dismissed ? 'cancelled' : 'failed' })], {
      'POST /mail/outbox/13/dismiss': () => {
        dismissed = true;
        return json(outboxFixture(13, { delivery: 'cancelled' }));
      },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const button = within(await byId(13)).getByRole('button', { name: 'Dismiss' });
    await userEvent.click(button);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Nobody will send this reply.'));
    expect(posts(calls, 'POST /mail/outbox/13/dismiss')).toHaveLength(0);
    await userEvent.click(button);
    await vi.waitFor(() => expect(posts(calls, 'POST /mail/outbox/13/dismiss')).toHaveLength(1));
    expect(posts(calls, 'POST /mail/outbox/13/dismiss')[0].body).toEqual({});
    await vi.waitFor(async () => expect(within(await byId(13)).getByTestId('delivery')).toHaveTextContent('Not sent'));
  });

  it('offers "It arrived" for an uncertain reply only, and marks it sent', async () => {
    let arrived = false;
    const calls = render(() => [message(14, { delivery: arrived ? 'sent' : 'uncertain' }), message(15, { delivery: 'failed' })], {
      'POST /mail/outbox/14/dismiss': () => {
        arrived = true;
        return json(outboxFixture(14, { delivery: 'sent' }));
      },
    });
    expect(within(await byId(15)).queryByRole('button', { name: 'It arrived' })).not.toBeInTheDocument();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(within(await byId(14)).getByRole('button', { name: 'It arrived' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('customer confirmed it arrived'));
    await vi.waitFor(() => expect(posts(calls, 'POST /mail/outbox/14/dismiss')).toHaveLength(1));
    expect(posts(calls, 'POST /mail/outbox/14/dismiss')[0].body).toEqual({ arrived: true });
    await vi.waitFor(async () => expect(within(await byId(14)).getByTestId('delivery')).toHaveTextContent('✓ Sent'));
  });

  it('shows a dismissal the server refused', async () => {
    render(() => [message(16, { delivery: 'failed' })], {
      'POST /mail/outbox/16/dismiss': () => problem(409, { title: 'Conflict', detail: 'reply 16 is queued; only failed or uncertain replies are dismissed' }),
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(within(await byId(16)).getByRole('button', { name: 'Dismiss' }));
    expect(await within(await byId(16)).findByRole('alert')).toHaveTextContent(/only failed or uncertain replies are dismissed/);
  });

  it('offers none of it to a session that may not write', async () => {
    render(() => [message(18, { delivery: 'uncertain' })], {}, ['read_conversations']);
    const warning = within(within(await byId(18)).getByTestId('delivery-warning'));
    expect(warning.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('A cancelled reply', () => {
  it('is marked "Not sent" with why, without a warning or buttons', async () => {
    render(() => [message(19, { delivery: 'cancelled', delivery_error: 'the server refused it: 550 5.1.1 mailbox unavailable' })]);
    const m = await byId(19);
    const mark = within(m).getByTestId('delivery');
    expect(mark).toHaveTextContent('Not sent');
    expect(mark).toHaveClass('delivery--cancelled');
    expect(mark).toHaveAttribute('title', expect.stringContaining('dismissed or replaced'));
    expect(mark).toHaveAttribute('title', expect.stringContaining('550 5.1.1 mailbox unavailable'));
    expect(m).not.toHaveClass('message--unsent');
    expect(within(m).queryByTestId('delivery-warning')).not.toBeInTheDocument();
    expect(within(m).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says so in Dutch, as do the actions', async () => {
    await i18n.changeLanguage('nl');
    render(() => [message(20, { delivery: 'cancelled' }), message(21, { delivery: 'uncertain' })]);
    expect(within(await byId(20)).getByTestId('delivery')).toHaveTextContent('Niet verzonden');
    const warning = within(await byId(21));
    expect(warning.getByRole('button', { name: 'Bewerken en opnieuw versturen' })).toBeInTheDocument();
    expect(warning.getByRole('button', { name: 'Niet meer versturen' })).toBeInTheDocument();
    expect(warning.getByRole('button', { name: 'Is aangekomen' })).toBeInTheDocument();
  });
});

describe('A reply waiting to be tried again', () => {
  it('says what its last attempt met', async () => {
    render(() => [message(40, { delivery: 'queued', delivery_error: 'HTTP 503: busy' })]);
    const mark = within(await byId(40)).getByTestId('delivery');
    expect(mark).toHaveTextContent('Waiting to be sent');
    expect(mark).toHaveAttribute('title', expect.stringContaining('HTTP 503: busy'));
  });

  it('has no such note before its first attempt', async () => {
    render(() => [message(41, { delivery: 'queued', delivery_error: null })]);
    expect(within(await byId(41)).getByTestId('delivery')).not.toHaveAttribute('title');
  });
});
