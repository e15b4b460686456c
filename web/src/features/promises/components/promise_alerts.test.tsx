import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { clearPromiseAlerts, notePromiseEvent } from '@/lib/live/promise_alerts';
import { queryKeys } from '@/lib/query_keys';
import { stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Customer, Permission } from '@/types/api';
import { PromiseAlerts } from './promise_alerts';

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search}</p>;
}

function renderAlerts(permissions: Permission[] = ['read_conversations', 'read_customers'], department: number | null = 2) {
  const calls = stubApi({ 'GET /customers/5': () => json({ id: 5, name: 'Jan Jansen' } as Customer) });
  const client = createTestQueryClient();
  const session = sessionInfo(permissions);
  client.setQueryData(queryKeys.session, { ...session, user: { ...session.user, department_id: department } });
  renderWithProviders(
    <>
      <PromiseAlerts />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </>,
    { client, route: '/inbox' },
  );
  return calls;
}

// The test session's user is user 1.
const send = (e: Parameters<typeof notePromiseEvent>[0]) => act(() => notePromiseEvent(e, 1));

afterEach(() => {
  act(() => clearPromiseAlerts());
  vi.unstubAllGlobals();
});

describe('PromiseAlerts', () => {
  it('says a promise of mine is due within the hour, for which customer, and links to what is due today and to its conversation', async () => {
    renderAlerts();
    const region = screen.getByTestId('promise-alerts');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    send({ seq: 10, type: 'promise.due', customer_id: 5, conversation_id: 17, department_id: 2, user_id: 1 });
    const alert = within(await screen.findByTestId('promise-alert'));
    expect(alert.getByText('A promise is due within the hour')).toBeInTheDocument();
    expect(await alert.findByText(/Jan Jansen/)).toBeInTheDocument();
    expect(alert.getByRole('link', { name: 'Open conversation #17' })).toHaveAttribute('href', '/conversations/17');
    await userEvent.click(alert.getByRole('link', { name: 'Show promises' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/promises?due=today');
    // Followed: it is done.
    expect(screen.queryByTestId('promise-alert')).not.toBeInTheDocument();
  });

  it("says an overdue promise was escalated to me, linking to my department's overdue ones, until dismissed", async () => {
    renderAlerts();
    send({ seq: 11, type: 'promise.overdue', customer_id: 5, department_id: 2, user_id: 1 });
    send({ seq: 12, type: 'promise.overdue', customer_id: 5, department_id: 2, user_id: 9 });
    const alerts = await screen.findAllByTestId('promise-alert');
    expect(alerts).toHaveLength(1);
    const alert = within(alerts[0]);
    expect(alerts[0]).toHaveAttribute('data-kind', 'overdue');
    expect(alert.getByText('A promise is overdue (escalated to you)')).toBeInTheDocument();
    expect(alert.getByRole('link', { name: 'Show promises' })).toHaveAttribute('href', '/promises?whose=department&due=overdue');
    expect(alert.queryByRole('link', { name: /conversation/ })).not.toBeInTheDocument();
    const dismiss = alert.getByRole('button', { name: 'Dismiss' });
    expect(dismiss).toHaveAccessibleDescription(/A promise is overdue \(escalated to you\)/);
    await userEvent.click(dismiss);
    expect(screen.queryByTestId('promise-alert')).not.toBeInTheDocument();
  });

  it("links to my own overdue ones when the promise is not my department's, in Dutch too, without the customer for those who may not read customers", async () => {
    const calls = renderAlerts(['read_conversations'], 3);
    await act(async () => i18n.changeLanguage('nl'));
    send({ seq: 13, type: 'promise.overdue', customer_id: 5, department_id: 2, user_id: 1 });
    const alert = within(await screen.findByTestId('promise-alert'));
    expect(alert.getByText('Belofte verlopen (geëscaleerd naar u)')).toBeInTheDocument();
    expect(alert.getByRole('link', { name: 'Beloftes bekijken' })).toHaveAttribute('href', '/promises?due=overdue');
    send({ seq: 14, type: 'promise.due', customer_id: 5, user_id: 1 });
    expect(await screen.findByText('Belofte bijna verlopen')).toBeInTheDocument();
    expect(calls.some((c) => c.key === 'GET /customers/5')).toBe(false);
  });
});
