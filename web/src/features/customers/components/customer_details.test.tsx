import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import type { Customer } from '@/types/api';
import { IdentityList } from './customer_details';

const at = '2026-11-26T09:00:00.000Z';

const customer = (identities: Customer['identities']): Customer => ({
  id: 5, kind: 'person', name: 'Jan Jansen', organisation_id: null, segment: 'consumer', language: 'nl',
  preferred_channel: 'email', contact_hours: null, account_manager_id: null, merged_into_id: null,
  identities, created_at: at, updated_at: at,
} as Customer);

describe('IdentityList: addresses mail does not reach', () => {
  it('marks a bounced address with why, and leaves working ones alone', () => {
    renderWithProviders(
      <IdentityList
        customer={customer([
          { id: 1, kind: 'email', value: 'jan@oud.example', display: 'jan@oud.example', created_at: at, failing: { reason: 'it bounced for jan@oud.example (550 no such user)', since: at } },
          { id: 2, kind: 'email', value: 'jan@nieuw.example', display: 'jan@nieuw.example', created_at: at, failing: null },
        ])}
      />,
    );
    const marks = screen.getAllByTestId('identity-failing');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toHaveTextContent('Mail bounced since');
    expect(marks[0]).toHaveAttribute('title', 'it bounced for jan@oud.example (550 no such user)');
    expect(marks[0].closest('li')).toHaveTextContent('jan@oud.example');
  });
});

describe('IdentityList: phone numbers', () => {
  it('shows a number as people read it, and calls it with one click', () => {
    renderWithProviders(
      <IdentityList customer={customer([{ id: 3, kind: 'phone', value: '+31612345678', display: '06 12345678', created_at: at, failing: null }])} />,
    );
    const link = screen.getByRole('link', { name: '06 12345678' });
    expect(link).toHaveAttribute('href', 'tel:+31612345678');
    expect(link.closest('.identity__value')).toHaveAttribute('title', '+31612345678');
  });
});
