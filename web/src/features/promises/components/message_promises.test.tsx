import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDue } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/render';
import type { PromiseRecord } from '@/types/api';
import { MessagePromises } from './message_promises';

const at = '2026-12-03T09:00:00.000Z';
const due = new Date(2099, 11, 8, 12, 0).toISOString();
const promise = (over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  id: 1, customer_id: 5, conversation_id: 17, message_id: 31, by: 'us', kind: 'callback', what: 'We bellen u morgen voor 12 uur terug.',
  due_start: null, due_end: due, original_due_end: null, renegotiations: 0, channel: 'email',
  owner_user_id: 1, owner_department_id: 2, status: 'open', evidence_kind: null, evidence_id: null, created_by: 1,
  created_at: at, updated_at: at, closed_at: null, version: 1, ...over,
});

describe('MessagePromises', () => {
  it('names what the message promised, due when, with its status', () => {
    renderWithProviders(
      <MessagePromises
        promises={[
          promise(),
          promise({ id: 2, kind: 'send_information', due_end: null, status: 'kept' }),
          promise({ id: 3, by: 'customer', kind: 'documents', due_end: '2020-01-06T09:00:00.000Z', status: 'renegotiated' }),
        ]}
      />,
    );
    const [callback, info, photos] = screen.getAllByTestId('message-promise');
    expect(screen.getByRole('list', { name: 'Promises' })).toBeInTheDocument();
    expect(callback).toHaveTextContent(`Promise: callback, due ${formatDue(due, 'en')} · Open`);
    expect(callback).toHaveAttribute('title', expect.stringContaining('We bellen u morgen'));
    expect(info).toHaveTextContent('Promise: send information, as soon as possible · Kept');
    expect(info).toHaveClass('message-promise--closed');
    expect(photos).toHaveTextContent(`Customer promise: documents, due ${formatDue('2020-01-06T09:00:00.000Z', 'en')} · Renegotiated · Overdue`);
    expect(photos).toHaveClass('message-promise--overdue');
  });

  it('speaks Dutch', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderWithProviders(<MessagePromises promises={[promise({ status: 'broken' })]} />);
    expect(screen.getByTestId('message-promise')).toHaveTextContent(`Belofte: terugbellen, uiterlijk ${formatDue(due, 'nl')} · Gebroken`);
  });

  it('shows nothing for a message that promised nothing', () => {
    const { container } = renderWithProviders(<MessagePromises promises={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
