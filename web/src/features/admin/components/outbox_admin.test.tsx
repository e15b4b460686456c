import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailboxFixture, outboxFixture } from '@/testing/mail';
import { type RouteHandler, stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { OutboxItem } from '@/types/api';
import { OutboxAdmin } from './outbox_admin';

/** `GET /mail/outbox` answering per `state`. */
function outbox(byState: Partial<Record<'failed' | 'uncertain', OutboxItem[]>>): RouteHandler {
  return ({ query }) => json({ items: byState[query.get('state') as 'failed' | 'uncertain'] ?? [], next_cursor: null });
}

const mailboxes: Record<string, RouteHandler> = {
  'GET /mailboxes': () => json({ items: [mailboxFixture(1, { name: 'Support' })] }),
};

const failed = outboxFixture(41, { attempts: 8, last_error: 'not sent after 8 attempts: connect: connection refused' });
const noMailbox = outboxFixture(40, {
  conversation_id: 12, mailbox_id: null, attempts: 1, rfc_message_id: null,
  last_error: "no mailbox sends mail for this conversation's queue or department: give one SMTP settings in the admin",
});
const uncertain = outboxFixture(39, { delivery: 'uncertain', conversation_id: 9, last_error: 'the connection broke after the message was handed over; it may have arrived: timeout' });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('OutboxAdmin', () => {
  it('lists failed and uncertain replies with their conversation, mailbox, attempts, error and time', async () => {
    const calls = stubApi({ ...mailboxes, 'GET /mail/outbox': outbox({ failed: [failed, noMailbox], uncertain: [uncertain] }) });
    renderWithProviders(<OutboxAdmin />);
    const notSent = within(screen.getByRole('region', { name: 'Not sent' }));
    const rows = await notSent.findAllByTestId('outbox-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Conversation #17' })).toHaveAttribute('href', '/conversations/17');
    expect(await within(rows[0]).findByText('Support')).toBeInTheDocument();
    expect(within(rows[0]).getByText('8')).toBeInTheDocument();
    expect(within(rows[0]).getByText('not sent after 8 attempts: connect: connection refused')).toBeInTheDocument();
    expect(within(rows[0]).getByRole('button', { name: 'Retry reply #41' })).toBeEnabled();
    expect(within(rows[0]).getByText((_, el) => el?.tagName === 'TIME' && el.getAttribute('datetime') === failed.created_at)).toBeInTheDocument();
    expect(within(rows[1]).getByText(/no mailbox sends mail/)).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Conversation #12' })).toBeInTheDocument();

    const maybe = within(screen.getByRole('region', { name: 'Delivery uncertain' }));
    const [row] = await maybe.findAllByTestId('outbox-row');
    expect(row.dataset.delivery).toBe('uncertain');
    expect(maybe.getByText(/Check with the customer before retrying/)).toBeInTheDocument();

    const states = calls.filter((c) => c.key === 'GET /mail/outbox').map((c) => c.query.get('state'));
    expect(new Set(states)).toEqual(new Set(['failed', 'uncertain']));
  });

  it('retries a failed reply at once, and the list shows what is left', async () => {
    let left = [failed, noMailbox];
    const calls = stubApi({
      ...mailboxes,
      'GET /mail/outbox': (request) => outbox({ failed: left })(request),
      'POST /mail/outbox/41/retry': () => {
        left = [noMailbox];
        return json({ ...failed, delivery: 'queued', next_attempt_at: failed.created_at });
      },
    });
    const confirm = vi.spyOn(window, 'confirm');
    renderWithProviders(<OutboxAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry reply #41' }));
    expect(await screen.findByText('Reply #41 is queued to be sent again.')).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.key === 'POST /mail/outbox/41/retry')).toHaveLength(1);
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Retry reply #41' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Retry reply #40' })).toBeInTheDocument();
  });

  it('asks before retrying an uncertain reply, and shows a conflict on its row', async () => {
    const calls = stubApi({
      ...mailboxes,
      'GET /mail/outbox': outbox({ uncertain: [uncertain] }),
      'POST /mail/outbox/39/retry': () => problem(409, { title: 'Conflict', detail: 'reply 39 is queued; only failed or uncertain replies are sent again' }),
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderWithProviders(<OutboxAdmin />);
    const button = await screen.findByRole('button', { name: 'Retry reply #39' });
    await userEvent.click(button);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('may have arrived already'));
    expect(calls.some((c) => c.key === 'POST /mail/outbox/39/retry')).toBe(false);
    await userEvent.click(button);
    const row = screen.getAllByTestId('outbox-row')[0];
    expect(await within(row).findByRole('alert')).toHaveTextContent(/Reply 39 is queued; only failed or uncertain replies are sent again/);
  });

  it('says so when nothing failed', async () => {
    stubApi({ ...mailboxes, 'GET /mail/outbox': outbox({}) });
    renderWithProviders(<OutboxAdmin />);
    expect(await screen.findByText('No replies failed to send.')).toBeInTheDocument();
    expect(await screen.findByText('No replies with an uncertain delivery.')).toBeInTheDocument();
  });

  it('dismisses a reply after asking, with an empty body, and says so', async () => {
    let left = [failed, noMailbox];
    const calls = stubApi({
      ...mailboxes,
      'GET /mail/outbox': (request) => outbox({ failed: left })(request),
      'POST /mail/outbox/41/dismiss': () => {
        left = [noMailbox];
        return json({ ...failed, delivery: 'cancelled' });
      },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderWithProviders(<OutboxAdmin />);
    const [row] = await screen.findAllByTestId('outbox-row');
    expect(within(row).queryByRole('button', { name: 'Reply #41 arrived' })).not.toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Edit in conversation (reply #41)' })).toHaveAttribute('href', '/conversations/17');
    const dismiss = within(row).getByRole('button', { name: 'Dismiss reply #41' });
    await userEvent.click(dismiss);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Nobody will send this reply.'));
    expect(calls.some((c) => c.key === 'POST /mail/outbox/41/dismiss')).toBe(false);
    await userEvent.click(dismiss);
    expect(await screen.findByText('Reply #41 will not be sent.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /mail/outbox/41/dismiss').map((c) => c.body)).toEqual([{}]);
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Dismiss reply #41' })).not.toBeInTheDocument());
  });

  it('marks an uncertain reply as arrived, and shows a conflict on its row', async () => {
    let answer = () => problem(409, { title: 'Conflict', detail: 'reply 39 is queued; only failed or uncertain replies are dismissed' });
    const calls = stubApi({
      ...mailboxes,
      'GET /mail/outbox': outbox({ uncertain: [uncertain] }),
      'POST /mail/outbox/39/dismiss': () => answer(),
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithProviders(<OutboxAdmin />);
    const arrived = await screen.findByRole('button', { name: 'Reply #39 arrived' });
    await userEvent.click(arrived);
    const row = screen.getAllByTestId('outbox-row')[0];
    expect(await within(row).findByRole('alert')).toHaveTextContent(/only failed or uncertain replies are dismissed/);
    answer = () => json({ ...uncertain, delivery: 'sent', sent_at: uncertain.created_at });
    await userEvent.click(arrived);
    expect(await screen.findByText('Reply #39 is marked as sent.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /mail/outbox/39/dismiss').map((c) => c.body)).toEqual([{ arrived: true }, { arrived: true }]);
  });
});
