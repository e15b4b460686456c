import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Conversation } from '@/types/api';
import { Composer } from './composer';

const conversation: Conversation = {
  id: 17, customer_id: 5, customer_name: 'Jan Jansen', channel: 'email', subject: 'Refund', status: 'open', priority: 'normal',
  department_id: 1, queue_id: null, assignee_id: null, tags: [], message_count: 1,
  created_at: '2026-11-26T09:00:00.000Z', updated_at: '2026-11-26T09:00:00.000Z',
  last_message_at: '2026-11-26T09:00:00.000Z', first_response_at: null, resolved_at: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('Composer', () => {
  it('keeps the text and shows the field error when sending fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () =>
      problem(400, { title: 'Invalid request', detail: 'the message is not valid', errors: [{ field: 'body_text', message: 'is too long' }] }),
    ));
    renderWithProviders(<Composer conversation={conversation} />);
    const box = screen.getByLabelText('Reply via E-mail');
    await userEvent.type(box, 'Your refund is on its way.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('is too long')).toBeInTheDocument();
    expect(box).toHaveValue('Your refund is on its way.');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(sessionStorage.getItem('luister.draft.17.reply')).toBe('Your refund is on its way.');
  });

  it('sends an internal note with internal: true and clears it after success', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ id: 1 }, 201));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Composer conversation={conversation} />);
    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    const box = screen.getByLabelText('Internal note', { selector: 'textarea' });
    await userEvent.type(box, 'Called the warehouse.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(box).toHaveValue(''));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/conversations/17/messages');
    expect(JSON.parse(init.body)).toEqual({ body_text: 'Called the warehouse.', internal: true });
  });

  it('sets the status together with the reply when asked', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ id: 2 }, 201));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Composer conversation={conversation} />);
    await userEvent.type(screen.getByLabelText('Reply via E-mail'), 'Done!');
    await userEvent.selectOptions(screen.getByLabelText('Send and set status'), 'resolved');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ body_text: 'Done!', internal: false, status: 'resolved' });
  });
});
