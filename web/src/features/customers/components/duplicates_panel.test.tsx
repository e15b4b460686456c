import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Customer, DuplicateSuggestion } from '@/types/api';
import { DuplicatesPanel } from './duplicates_panel';

const at = '2026-12-03T10:00:00.000Z';
const anna: Customer = {
  id: 5, kind: 'person', name: 'Anna Visser', organisation_id: null, segment: '', language: 'nl', preferred_channel: null,
  contact_hours: null, account_manager_id: null, merged_into_id: null, created_at: at, updated_at: at, identities: [],
};
const suggestion = (over: Partial<DuplicateSuggestion> = {}): DuplicateSuggestion => ({
  id: 9, status: 'open',
  customer: { id: 5, name: 'Anna Visser', kind: 'person', created_at: at, identities: [] },
  other: { id: 12, name: 'A. Visser', kind: 'person', created_at: at, identities: [] },
  evidence: [
    { reason: 'same_phone', detail: '+31655550101', door: 'shop', at },
    { reason: 'same_name_and_email_domain', detail: 'visser.nl', door: 'scan', at },
  ],
  created_at: at, updated_at: at, decided_by: null, decided_at: null, ...over,
});

afterEach(() => vi.unstubAllGlobals());

describe('DuplicatesPanel', () => {
  it('shows the other customer with every piece of evidence and merges into this one', async () => {
    let open = true;
    const calls = stubApi({
      'GET /customers/5/duplicates': () => json({ items: open ? [suggestion()] : [] }),
      'POST /duplicates/9/merge': () => {
        open = false;
        return json(suggestion({ status: 'merged', decided_by: 1, decided_at: at }));
      },
    });
    renderWithProviders(<DuplicatesPanel customer={anna} mayDecide />);
    const item = within(await screen.findByTestId('duplicate'));
    expect(item.getByRole('link', { name: 'A. Visser · #12' })).toHaveAttribute('href', '/customers/12');
    expect(item.getByText(/Same phone number: \+31655550101/)).toBeInTheDocument();
    expect(item.getByText(/Same name, e-mail at visser.nl/)).toBeInTheDocument();
    expect(item.getByText(/at the counter/)).toBeInTheDocument();
    await userEvent.click(item.getByRole('button', { name: 'Merge into this customer' }));
    expect(await screen.findByText('Merged.')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /duplicates/9/merge')?.body).toEqual({ keep: 5 });
  });

  it('dismisses, says why a refusal was refused, and shows nothing when there is nothing to decide', async () => {
    stubApi({
      'GET /customers/5/duplicates': () => json({ items: [suggestion()] }),
      'POST /duplicates/9/dismiss': () => problem(409, { title: 'Conflict', detail: 'this suggestion was dismissed already' }),
    });
    renderWithProviders(<DuplicatesPanel customer={anna} mayDecide />);
    await userEvent.click(await screen.findByRole('button', { name: 'Not the same person' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('dismissed already');

    vi.unstubAllGlobals();
    stubApi({ 'GET /customers/5/duplicates': () => json({ items: [] }) });
    const { container } = renderWithProviders(<DuplicatesPanel customer={{ ...anna }} mayDecide />);
    await vi.waitFor(() => expect(container.querySelector('[data-testid="duplicates-panel"]')).toBeNull());
  });

  it('lets readers see the evidence without the buttons', async () => {
    stubApi({ 'GET /customers/5/duplicates': () => json({ items: [suggestion()] }) });
    renderWithProviders(<DuplicatesPanel customer={anna} mayDecide={false} />);
    expect(await screen.findByTestId('duplicate')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
