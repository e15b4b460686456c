import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Location } from '@/types/api';
import { WalkInPage } from './walk_in_page';

const at = '2026-12-03T09:00:00.000Z';
const utrecht: Location = { id: 4, department_id: 2, name: 'Utrecht Centrum', address: 'Oudegracht 1', active: true, created_at: at };
const closed: Location = { ...utrecht, id: 5, name: 'Zwolle', active: false };
const directory = {
  'GET /locations': () => json({ items: [utrecht, closed] }),
  'GET /departments': () => json({ items: [{ id: 2, name: 'Winkels', created_at: at }] }),
};

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('WalkInPage', () => {
  it('offers open locations only, logs who came and why, and remembers the location', async () => {
    const calls = stubApi({
      ...directory,
      'POST /walk-ins': () => json({ conversation: { id: 31 }, customer_id: 8, new_customer: true }, 201),
    });
    renderWithProviders(<WalkInPage />);
    const select = await screen.findByLabelText('Location');
    expect(Array.from((select as HTMLSelectElement).options).map((o) => o.textContent)).toEqual(['Choose a location…', 'Utrecht Centrum (Winkels)']);
    await userEvent.selectOptions(select, '4');
    await userEvent.type(screen.getByLabelText('Name'), 'Kees Smit');
    await userEvent.type(screen.getByLabelText('Phone number'), '06 1111 2222');
    await userEvent.type(screen.getByLabelText('What did they come for?'), 'Bestelling ophalen');
    await userEvent.click(screen.getByLabelText('Answered at the counter'));
    await userEvent.click(screen.getByRole('button', { name: 'Log walk-in' }));
    expect(await screen.findByTestId('walk-in-logged')).toHaveTextContent('Logged as conversation #31, for a new customer.');
    expect(screen.getByRole('link', { name: 'Open the conversation' })).toHaveAttribute('href', '/conversations/31');
    expect(calls.find((c) => c.key === 'POST /walk-ins')?.body).toEqual({
      location_id: 4, question: 'Bestelling ophalen', resolved: true, language: 'nl', name: 'Kees Smit', phone: '06 1111 2222',
    });
    expect(localStorage.getItem('luister.walkIn.location')).toBe('4');
    expect(screen.getByLabelText('Name')).toHaveValue('');
  });

  it('logs for a known customer without asking who, and shows a refused field under it', async () => {
    localStorage.setItem('luister.walkIn.location', '4');
    const calls = stubApi({
      ...directory,
      'POST /walk-ins': () => problem(400, { title: 'Invalid request', detail: 'the walk-in is not valid', errors: [{ field: 'question', message: 'must not be empty' }] }),
    });
    renderWithProviders(<WalkInPage customerId={12} />);
    expect(await screen.findByLabelText('Location')).toHaveDisplayValue('Utrecht Centrum (Winkels)');
    expect(screen.queryByLabelText('Name')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'For customer #12' })).toHaveAttribute('href', '/customers/12');
    await userEvent.type(screen.getByLabelText('What did they come for?'), ' ');
    await userEvent.click(screen.getByRole('button', { name: 'Log walk-in' }));
    expect(await screen.findByText('must not be empty')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /walk-ins')?.body).toMatchObject({ customer_id: 12, location_id: 4 });
  });

  it('says so when no location is open', async () => {
    stubApi({ ...directory, 'GET /locations': () => json({ items: [closed] }) });
    renderWithProviders(<WalkInPage />);
    expect(await screen.findByText(/No shop or counter is open/)).toBeInTheDocument();
  });
});
