import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '@/testing/render';
import type { Conversation } from '@/types/api';
import { ConversationRow } from './conversation_row';

const conversation: Conversation = {
  id: 17, customer_id: 5, customer_name: '', channel: 'email', subject: 'Refund', status: 'open', priority: 'normal',
  department_id: 1, queue_id: null, assignee_id: null, tags: [], message_count: 1, follows_id: null, location_id: null, public: false,
  created_at: '2026-11-26T09:00:00.000Z', updated_at: '2026-11-26T09:00:00.000Z',
  last_message_at: '2026-11-26T09:00:00.000Z', first_response_at: null, resolved_at: null,
};

function renderRow(c: Conversation) {
  return renderWithProviders(
    <ol>
      <ConversationRow conversation={c} active={false} onFocus={() => {}} />
    </ol>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('ConversationRow', () => {
  it('shows customer_name from the list without fetching the customer', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({}, 500));
    vi.stubGlobal('fetch', fetchMock);
    renderRow({ ...conversation, customer_name: 'Fenna de Vries' });
    expect(screen.getByText('Fenna de Vries')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('falls back to fetching the customer when customer_name is empty', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ id: 5, name: 'Jan Jansen' }));
    vi.stubGlobal('fetch', fetchMock);
    renderRow(conversation);
    expect(screen.getByText('#5')).toBeInTheDocument();
    expect(await screen.findByText('Jan Jansen')).toBeInTheDocument();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/customers/5');
  });
});
