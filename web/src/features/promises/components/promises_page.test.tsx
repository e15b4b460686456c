import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDue } from '@/lib/format';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type RouteHandler, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Customer, Permission, PromiseRecord } from '@/types/api';
import { PROMISE_PAGE_SIZE } from '../api/promises';
import { PromisesPage } from './promises_page';
import { promisesPath } from './promises_view';

const at = '2026-12-03T09:00:00.000Z';
const future = new Date(2099, 11, 8, 12, 0).toISOString();
const promise = (over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  id: 1, customer_id: 5, conversation_id: 17, message_id: 30, by: 'us', kind: 'callback', what: 'Terugbellen over de lekkende fles',
  due_start: null, due_end: future, original_due_end: null, renegotiations: 0, channel: 'email',
  owner_user_id: 1, owner_department_id: 2, status: 'open', evidence_kind: null, evidence_id: null, created_by: 1,
  created_at: at, updated_at: at, closed_at: null, version: 1, ...over,
});
const late = promise({ id: 2, kind: 'send_information', what: 'Handleiding mailen', due_end: '2020-01-06T09:00:00.000Z', owner_user_id: null });
const payment = promise({
  id: 3, customer_id: 6, conversation_id: null, message_id: null, by: 'customer', kind: 'payment', what: 'Betaalt de factuur',
  due_end: null, owner_user_id: null, owner_department_id: null,
});
const customer = (id: number, name: string) => ({ id, name }) as Customer;

const writer: Permission[] = ['read_conversations', 'write_conversations', 'read_customers'];

function renderPage({ permissions = writer, department = 2 as number | null, route = '/promises' } = {}) {
  const client = createTestQueryClient();
  const session = sessionInfo(permissions);
  client.setQueryData(queryKeys.session, { ...session, user: { ...session.user, department_id: department } });
  return renderWithProviders(<PromisesPage />, { client, route });
}

function stubDesk(list: RouteHandler, more: Record<string, RouteHandler> = {}) {
  return stubApi({
    'GET /users': () => json({ items: [{ id: 1, email: 'anne@example.org', name: 'Anne Agent', role: 'agent', language: 'en', department_id: 2, active: true, created_at: at }] }),
    'GET /departments': () => json({ items: [{ id: 2, name: 'Klantenservice', created_at: at }] }),
    'GET /customers/5': () => json(customer(5, 'Jan Jansen')),
    'GET /customers/6': () => json(customer(6, 'Bakkerij De Korst')),
    'GET /promises': list,
    ...more,
  });
}

const listed = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'GET /promises').map((c) => Object.fromEntries(c.query));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PromisesPage', () => {
  it('lists my live promises due first: kind, what, customer, due (overdue highlighted), owner and who promised', async () => {
    const calls = stubDesk(() => json({ items: [late, promise(), payment, promise({ id: 4, what: 'Nog eens bellen' })], next_cursor: null }));
    renderPage();
    const table = await screen.findByRole('table', { name: 'Promises' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Kind', 'What', 'Customer', 'Due', 'Owner', 'By', 'Actions']);
    const rows = within(table).getAllByTestId('promise-row');
    expect(rows.map((r) => r.dataset.promiseId)).toEqual(['2', '1', '3', '4']);

    const first = within(rows[0]);
    expect(rows[0]).toHaveAttribute('data-overdue', 'true');
    expect(first.getByText('Send information')).toBeInTheDocument();
    expect(first.getByText('Overdue')).toBeInTheDocument();
    expect(first.getByText('Klantenservice')).toBeInTheDocument();
    expect(first.getByText('By us')).toBeInTheDocument();

    const second = within(rows[1]);
    expect(rows[1]).not.toHaveAttribute('data-overdue');
    expect(second.getByText(formatDue(future, 'en'))).toBeInTheDocument();
    expect(await second.findByRole('link', { name: 'Jan Jansen' })).toHaveAttribute('href', '/customers/5');
    expect(second.getByRole('link', { name: 'Conversation #17' })).toHaveAttribute('href', '/conversations/17');
    expect(await second.findByText('Anne Agent')).toBeInTheDocument();

    const third = within(rows[2]);
    expect(await third.findByRole('link', { name: 'Bakkerij De Korst' })).toHaveAttribute('href', '/customers/6');
    expect(third.getByText('As soon as possible')).toBeInTheDocument();
    expect(third.getByText('By customer')).toBeInTheDocument();
    expect(third.getByText('—')).toBeInTheDocument();

    expect(listed(calls)).toEqual([{ owner: 'me', status: 'live', limit: String(PROMISE_PAGE_SIZE) }]);
    // One read per customer on the page, however many of its promises it shows.
    expect(calls.filter((c) => c.key === 'GET /customers/5')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'All open' })).toHaveAttribute('aria-pressed', 'true');
  });

  it("switches between mine, my department's and everyone's, and between overdue, today, this week and all open", async () => {
    const calls = stubDesk(() => json({ items: [promise()], next_cursor: null }));
    renderPage();
    await screen.findByTestId('promise-row');
    const whose = within(screen.getByRole('group', { name: 'Whose promises' }));
    const when = within(screen.getByRole('group', { name: 'Due when' }));
    expect(whose.getAllByRole('button').map((b) => b.textContent)).toEqual(['Mine', 'My department', 'Everyone', 'My customers']);
    expect(when.getAllByRole('button').map((b) => b.textContent)).toEqual(['Overdue', 'Due today', 'This week', 'All open']);

    await userEvent.click(when.getByRole('button', { name: 'Overdue' }));
    await vi.waitFor(() => expect(listed(calls)).toHaveLength(2));
    expect(listed(calls)[1]).toEqual({ owner: 'me', due: 'overdue', status: 'live', limit: String(PROMISE_PAGE_SIZE) });
    expect(when.getByRole('button', { name: 'Overdue' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(whose.getByRole('button', { name: 'My department' }));
    await vi.waitFor(() => expect(listed(calls)).toHaveLength(3));
    expect(listed(calls)[2]).toEqual({ department_id: '2', due: 'overdue', status: 'live', limit: String(PROMISE_PAGE_SIZE) });

    await userEvent.click(when.getByRole('button', { name: 'Due today' }));
    await vi.waitFor(() => expect(listed(calls)).toHaveLength(4));
    expect(listed(calls)[3]).toEqual({ department_id: '2', due: 'today', status: 'live', limit: String(PROMISE_PAGE_SIZE) });

    await userEvent.click(when.getByRole('button', { name: 'This week' }));
    await userEvent.click(whose.getByRole('button', { name: 'Everyone' }));
    await vi.waitFor(() => expect(listed(calls)).toHaveLength(6));
    expect(listed(calls)[5]).toEqual({ due: 'week', status: 'live', limit: String(PROMISE_PAGE_SIZE) });
  });

  it('opens on the view its address names, and leaves out "my department" for someone without one', async () => {
    const calls = stubDesk(() => json({ items: [], next_cursor: null }));
    const { unmount } = renderPage({ route: promisesPath({ whose: 'department', due: 'overdue' }) });
    expect(await screen.findByText('No promises here.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'My department' })).toHaveAttribute('aria-pressed', 'true');
    expect(listed(calls)).toEqual([{ department_id: '2', due: 'overdue', status: 'live', limit: String(PROMISE_PAGE_SIZE) }]);
    unmount();

    renderPage({ department: null, route: '/promises?whose=department' });
    await vi.waitFor(() => expect(listed(calls)).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'My department' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
    expect(listed(calls)[1]).toEqual({ owner: 'me', status: 'live', limit: String(PROMISE_PAGE_SIZE) });
  });

  it("shows an account manager's customers with what we owe beside what they owe, and sends a gentle reminder", async () => {
    const ours = promise({ id: 7, customer_id: 6, conversation_id: null });
    const calls = stubDesk(() => json({ items: [ours, promise(), payment], next_cursor: null }), {
      'POST /promises/3/remind-customer': () =>
        json({ ...payment, version: 2, notice: { conversation_id: 40, message_id: 41, channel: 'email', fallback: true } }),
    });
    renderPage({ route: '/promises?whose=accounts' });
    const accounts = await screen.findAllByTestId('account');
    expect(accounts.map((a) => a.dataset.customerId)).toEqual(['6', '5']);
    expect(listed(calls)).toEqual([{ account_manager: 'me', status: 'live', limit: String(PROMISE_PAGE_SIZE) }]);
    const bakery = within(accounts[0]);
    expect(within(bakery.getByTestId('account-us')).getByText('Terugbellen over de lekkende fles')).toBeInTheDocument();
    const theirs = within(bakery.getByTestId('account-customer'));
    expect(theirs.getByText('Betaalt de factuur')).toBeInTheDocument();
    // A reminder only for what the customer owes.
    expect(within(bakery.getByTestId('account-us')).queryByRole('button', { name: 'Send a gentle reminder' })).not.toBeInTheDocument();
    await userEvent.click(theirs.getByRole('button', { name: 'Send a gentle reminder' }));
    const sent = await screen.findByTestId('promise-notice-sent');
    expect(sent).toHaveTextContent('Sent to the customer by E-mail.');
    expect(sent).toHaveTextContent("the customer's own channel cannot carry a written message");
    expect(within(sent).getByRole('link', { name: 'Open the message' })).toHaveAttribute('href', '/conversations/40');
    expect(calls.filter((c) => c.key === 'POST /promises/3/remind-customer')).toHaveLength(1);
  });

  it('says why a confirmation could not go', async () => {
    stubDesk(() => json({ items: [promise()], next_cursor: null }), {
      'POST /promises/1/confirm': () => problem(409, { title: 'Conflict', detail: 'the customer has no working e-mail address to write to' }),
    });
    renderPage();
    await screen.findByTestId('promise-row');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm to customer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no working e-mail address');
  });

  it('loads more with the cursor of the page before', async () => {
    const calls = stubDesk(({ query }) =>
      query.get('cursor') === 'c2' ? json({ items: [payment], next_cursor: null }) : json({ items: [late, promise()], next_cursor: 'c2' }),
    );
    renderPage();
    expect(await screen.findAllByTestId('promise-row')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('promise-row')).toHaveLength(3));
    expect(listed(calls)[1]).toMatchObject({ owner: 'me', cursor: 'c2' });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('keeps a promise from its row, and shows the promise as it is now when someone changed another first', async () => {
    let live = [promise(), late];
    const calls = stubDesk(() => json({ items: live, next_cursor: null }), {
      'POST /promises/1/keep': () => {
        live = [late];
        return json(promise({ status: 'kept', evidence_kind: 'call', evidence_id: 44, version: 2 }));
      },
      'POST /promises/2/break': () =>
        problem(409, {
          type: 'https://luister.dev/problems/conflict', title: 'Conflict', detail: 'the promise is kept already; a closed promise stays as it was',
          current: { ...late, status: 'kept', version: 2 },
        }),
    });
    renderPage();
    const [row] = await screen.findAllByTestId('promise-row');
    const keep = within(row).getByRole('button', { name: 'Keep' });
    expect(keep).toHaveAccessibleDescription('Terugbellen over de lekkende fles');
    await userEvent.click(keep);
    await userEvent.type(within(row).getByLabelText('What kept it'), '44');
    await userEvent.click(within(row).getByRole('button', { name: 'Mark kept' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('promise-row')).toHaveLength(1));
    expect(calls.find((c) => c.key === 'POST /promises/1/keep')?.body).toEqual({ version: 1, evidence_kind: 'call', evidence_id: 44 });

    const other = within(screen.getByTestId('promise-row'));
    await userEvent.click(other.getByRole('button', { name: 'Break' }));
    await userEvent.click(other.getByRole('button', { name: 'Mark broken' }));
    const notice = await screen.findByTestId('promise-conflict');
    expect(notice).toHaveTextContent('it is now: Kept, version 2');
    expect(notice).toHaveTextContent('Handleiding mailen');
  });

  it('shows readers the list without actions, and customer numbers to those who may not read customers', async () => {
    const calls = stubDesk(() => json({ items: [promise()], next_cursor: null }));
    renderPage({ permissions: ['read_conversations'] });
    const row = within(await screen.findByTestId('promise-row'));
    expect(row.getByText('#5')).toBeInTheDocument();
    expect(row.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.key.startsWith('GET /customers'))).toBe(false);
  });

  it('shows why the list could not be read', async () => {
    stubDesk(() => problem(503, { title: 'Service unavailable', detail: 'the database is busy' }));
    renderPage();
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
