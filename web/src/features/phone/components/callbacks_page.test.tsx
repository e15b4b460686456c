import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Callback, Permission } from '@/types/api';
import { CallbacksPage } from './callbacks_page';

const anna: Callback = {
  number: '+31612345678', number_display: '06 12345678', customer_id: 7, customer_name: 'Anna de Vries',
  attempts: 3, first_at: '2026-12-03T08:01:00.000Z', last_at: '2026-12-03T09:15:00.000Z',
  longest_wait_seconds: 310, last_call_id: 44, last_outcome: 'voicemail', last_line: 'Support',
};
const bert: Callback = { ...anna, number: '+31687654321', number_display: '06 87654321', customer_id: 8, customer_name: 'Bert', attempts: 1, last_call_id: 45, last_outcome: 'callback_requested', last_line: '' };

const session = (permissions: Permission[]) => ({ 'GET /session': () => json(sessionInfo(permissions)) });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CallbacksPage', () => {
  it('lists each number once with its tries, longest wait and last outcome, callable with one click', async () => {
    stubApi({ ...session(['read_customers', 'write_conversations']), 'GET /calls/callbacks': () => json({ items: [anna, bert], next_cursor: null }) });
    renderWithProviders(<CallbacksPage />);
    const rows = await screen.findAllByTestId('callback-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByRole('link', { name: 'Call 06 12345678' })).toHaveAttribute('href', 'tel:+31612345678');
    expect(first.getByRole('link', { name: 'Anna de Vries' })).toHaveAttribute('href', '/customers/7');
    expect(first.getByText('3')).toBeInTheDocument();
    expect(first.getByText('5:10')).toBeInTheDocument();
    expect(first.getByText('Voicemail')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Asked to be called back')).toBeInTheDocument();
  });

  it('logs a call out when the customer was reached, and the list shows who is left', async () => {
    let left = [anna, bert];
    const calls = stubApi({
      ...session(['read_customers', 'write_conversations']),
      'GET /calls/callbacks': () => json({ items: left, next_cursor: null }),
      'POST /calls': () => {
        left = [bert];
        return json({ id: 50, customer_id: 7 }, 201);
      },
    });
    renderWithProviders(<CallbacksPage />);
    const [row] = await screen.findAllByTestId('callback-row');
    await userEvent.click(await within(row).findByRole('button', { name: 'Reached' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('callback-row')).toHaveLength(1));
    expect(calls.find((c) => c.key === 'POST /calls')?.body).toEqual({ customer_id: 7, direction: 'out', number: '+31612345678', outcome: 'answered' });
  });

  it('takes a number off the list by hand and shows why it could not', async () => {
    const calls = stubApi({
      ...session(['read_customers', 'write_conversations']),
      'GET /calls/callbacks': () => json({ items: [anna], next_cursor: null }),
      'POST /calls/44/close-callbacks': () => problem(404, { title: 'Not found', detail: 'no call back is open for +31612345678' }),
    });
    renderWithProviders(<CallbacksPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Take off the list' }));
    expect(await screen.findByText(/No call back is open/)).toBeInTheDocument();
    expect(calls.some((c) => c.key === 'POST /calls/44/close-callbacks')).toBe(true);
  });

  it('shows no actions to a reader who may not log calls, and says when nobody waits', async () => {
    stubApi({ ...session(['read_customers']), 'GET /calls/callbacks': () => json({ items: [anna], next_cursor: null }) });
    const { unmount } = renderWithProviders(<CallbacksPage />);
    await screen.findByTestId('callback-row');
    expect(screen.queryByRole('button', { name: 'Reached' })).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    stubApi({ ...session(['read_customers']), 'GET /calls/callbacks': () => json({ items: [], next_cursor: null }) });
    renderWithProviders(<CallbacksPage />);
    expect(await screen.findByText('Nobody is waiting for a call back.')).toBeInTheDocument();
  });
});
