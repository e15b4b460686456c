import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import { testUser } from '@/testing/session';
import type { Message, PromiseRecord } from '@/types/api';
import { PromisesPanel } from './promises_panel';

const at = '2026-12-03T09:00:00.000Z';
const promise = (over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  id: 1, customer_id: 5, conversation_id: 17, message_id: null, by: 'us', kind: 'callback', what: 'Terugbellen over de lekkende fles',
  due_start: null, due_end: new Date(2099, 11, 8, 12, 0).toISOString(), original_due_end: null, renegotiations: 0, channel: 'email',
  owner_user_id: 1, owner_department_id: 2, status: 'open', evidence_kind: null, evidence_id: null, created_by: 1,
  created_at: at, updated_at: at, closed_at: null, version: 1, ...over,
});
const late = promise({ id: 2, kind: 'send_information', what: 'Handleiding mailen', due_end: '2020-01-06T09:00:00.000Z', owner_user_id: null });
const payment = promise({ id: 3, by: 'customer', kind: 'payment', what: 'Betaalt de factuur', due_end: null, owner_user_id: null, owner_department_id: null });
const message = (id: number, body: string, direction: 'in' | 'out' = 'in') =>
  ({ id, conversation_id: 17, customer_id: 5, channel: 'email', direction, internal: false, body_text: body, created_at: at }) as Message;

const directory = {
  'GET /users': () => json({ items: [testUser] }),
  'GET /departments': () => json({ items: [{ id: 2, name: 'Klantenservice', created_at: at }] }),
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PromisesPanel', () => {
  it("lists the customer's live promises both ways, with due, owner and the overdue ones highlighted", async () => {
    const calls = stubApi({ ...directory, 'GET /promises': () => json({ items: [late, promise(), payment], next_cursor: null }) });
    renderWithProviders(<PromisesPanel customerId={5} canWrite />);
    const ours = within(await screen.findByTestId('promises-us'));
    const rows = await ours.findAllByTestId('promise');
    expect(rows.map((r) => r.dataset.promiseId)).toEqual(['2', '1']);
    expect(rows[0]).toHaveAttribute('data-overdue', 'true');
    expect(within(rows[0]).getByText('Overdue')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Send information')).toBeInTheDocument();
    expect(within(rows[0]).getByText(/· Klantenservice/)).toBeInTheDocument();
    expect(rows[1]).not.toHaveAttribute('data-overdue');
    expect(within(rows[1]).getByText('Callback')).toBeInTheDocument();
    expect(within(rows[1]).getByText(/^Due Tue 8 Dec \d{2}:\d{2}$/)).toBeInTheDocument();
    expect(await within(rows[1]).findByText(/· Anne Agent/)).toBeInTheDocument();
    const theirs = within(screen.getByTestId('promises-customer'));
    expect(theirs.getByText('Betaalt de factuur')).toBeInTheDocument();
    expect(theirs.getByText('As soon as possible')).toBeInTheDocument();
    const list = calls.find((c) => c.key === 'GET /promises');
    expect(list?.query.get('customer_id')).toBe('5');
    expect(list?.query.get('status')).toBe('live');
  });

  it('keeps a promise with a message of the conversation, and the list shows who is left', async () => {
    let live = [promise(), payment];
    const calls = stubApi({
      ...directory,
      'GET /promises': () => json({ items: live, next_cursor: null }),
      'POST /promises/1/keep': () => {
        live = [payment];
        return json(promise({ status: 'kept', evidence_kind: 'message', evidence_id: 31, version: 2 }));
      },
    });
    const messages = [message(30, 'Mijn fles lekt'), message(31, 'We hebben u net gebeld', 'out')];
    renderWithProviders(<PromisesPanel customerId={5} conversationId={17} messages={messages} canWrite variant="aside" />);
    const [first] = await screen.findAllByTestId('promise');
    const row = within(first);
    await userEvent.click(row.getByRole('button', { name: 'Keep' }));
    const keep = within(screen.getByTestId('promise-keep'));
    expect(keep.getByRole('button', { name: 'Mark kept' })).toBeDisabled();
    await userEvent.selectOptions(keep.getByLabelText('What kept it'), '31');
    await userEvent.click(keep.getByRole('button', { name: 'Mark kept' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('promise')).toHaveLength(1));
    expect(calls.find((c) => c.key === 'POST /promises/1/keep')?.body).toEqual({ version: 1, evidence_kind: 'message', evidence_id: 31 });
  });

  it('keeps one with a call id where there are no messages, renegotiates and cancels with a reason', async () => {
    const calls = stubApi({
      ...directory,
      'GET /promises': () => json({ items: [promise()], next_cursor: null }),
      'POST /promises/1/keep': () => json(promise({ status: 'kept', version: 2 })),
      'POST /promises/1/renegotiate': () => json(promise({ status: 'renegotiated', version: 2 })),
      'POST /promises/1/cancel': () => json(promise({ status: 'cancelled', version: 2 })),
    });
    renderWithProviders(<PromisesPanel customerId={5} canWrite />);
    const row = within(await screen.findByTestId('promise'));

    await userEvent.click(row.getByRole('button', { name: 'Keep' }));
    await userEvent.type(row.getByLabelText('What kept it'), '44');
    await userEvent.type(row.getByLabelText('Note (optional)'), ' Teruggebeld ');
    await userEvent.click(row.getByRole('button', { name: 'Mark kept' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /promises/1/keep')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /promises/1/keep')?.body).toEqual({ version: 1, evidence_kind: 'call', evidence_id: 44, note: 'Teruggebeld' });

    await userEvent.click(row.getByRole('button', { name: 'Renegotiate' }));
    fireEvent.change(row.getByLabelText('New due date'), { target: { value: '2099-01-15' } });
    fireEvent.change(row.getByLabelText('Time'), { target: { value: '10:30' } });
    await userEvent.click(row.getByRole('button', { name: 'Save new due moment' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /promises/1/renegotiate')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /promises/1/renegotiate')?.body).toEqual({ version: 1, due_end: new Date(2099, 0, 15, 10, 30).toISOString() });

    await userEvent.click(row.getByRole('button', { name: 'Cancel' }));
    const confirm = row.getByRole('button', { name: 'Cancel the promise' });
    expect(confirm).toBeDisabled();
    await userEvent.type(row.getByLabelText('Why is it cancelled?'), 'Dubbel vastgelegd');
    await userEvent.click(confirm);
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /promises/1/cancel')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /promises/1/cancel')?.body).toEqual({ version: 1, note: 'Dubbel vastgelegd' });
  });

  it('shows the promise as it is now when someone changed it first (409)', async () => {
    let version = 1;
    const calls = stubApi({
      ...directory,
      'GET /promises': () => json({ items: version === 1 ? [promise()] : [], next_cursor: null }),
      'POST /promises/1/break': () => {
        version = 2;
        return problem(409, {
          type: 'https://luister.dev/problems/conflict', title: 'Conflict', detail: 'the promise is kept already; a closed promise stays as it was',
          current: promise({ status: 'kept', evidence_kind: 'call', evidence_id: 44, closed_at: at, version: 2 }),
        });
      },
    });
    renderWithProviders(<PromisesPanel customerId={5} canWrite />);
    const row = within(await screen.findByTestId('promise'));
    await userEvent.click(row.getByRole('button', { name: 'Break' }));
    await userEvent.click(row.getByRole('button', { name: 'Mark broken' }));
    const notice = await screen.findByTestId('promise-conflict');
    expect(notice).toHaveTextContent('The promise is kept already');
    expect(notice).toHaveTextContent('it is now: Kept, version 2');
    expect(notice).toHaveTextContent('Terugbellen over de lekkende fles');
    expect(calls.find((c) => c.key === 'POST /promises/1/break')?.body).toEqual({ version: 1 });
    // The list is stale: it is read again, and the closed promise leaves it.
    await vi.waitFor(() => expect(screen.queryByTestId('promise')).not.toBeInTheDocument());
    await userEvent.click(within(notice).getByRole('button', { name: 'OK' }));
    expect(screen.queryByTestId('promise-conflict')).not.toBeInTheDocument();
  });

  it('shows readers the promises without actions or the form', async () => {
    stubApi({ ...directory, 'GET /promises': () => json({ items: [promise()], next_cursor: null }) });
    renderWithProviders(<PromisesPanel customerId={5} canWrite={false} />);
    await screen.findByTestId('promise');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
