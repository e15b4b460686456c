import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Customer } from '@/types/api';
import { CallLogForm } from './call_log_form';

const at = '2026-12-03T09:00:00.000Z';
const customer = {
  id: 5, kind: 'person', name: 'Jan Jansen', organisation_id: null, segment: '', language: 'nl',
  preferred_channel: 'phone', contact_hours: null, account_manager_id: null, merged_into_id: null, created_at: at, updated_at: at,
  identities: [{ id: 3, kind: 'phone', value: '+31612345678', display: '06 12345678', created_at: at, failing: null }],
} as Customer;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CallLogForm', () => {
  it("logs a call out on the customer's number with its length in seconds and the notes", async () => {
    const calls = stubApi({ 'POST /calls': () => json({ id: 9, customer_id: 5 }, 201) });
    renderWithProviders(<CallLogForm customer={customer} />);
    expect(screen.getByLabelText('Number')).toHaveDisplayValue('06 12345678');
    await userEvent.type(screen.getByLabelText('Duration (minutes)'), '4.5');
    await userEvent.type(screen.getByLabelText('Notes'), 'Nieuwe fles toegezegd');
    await userEvent.click(screen.getByRole('button', { name: 'Log call' }));
    expect(await screen.findByText('The call is on the timeline.')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /calls')?.body).toEqual({
      customer_id: 5, direction: 'out', outcome: 'answered', number: '+31612345678', duration_seconds: 270, notes: 'Nieuwe fles toegezegd',
    });
    expect(screen.getByLabelText('Notes')).toHaveValue('');
  });

  it('offers the outcomes of the direction and shows the server\'s word on a mistyped number under the field', async () => {
    stubApi({ 'POST /calls': () => problem(400, { title: 'Bad request', detail: 'the call is not valid', errors: [{ field: 'number', message: 'is not a valid number for NL' }] }) });
    renderWithProviders(<CallLogForm customer={customer} />);
    const outcome = screen.getByLabelText('Outcome');
    expect(Array.from((outcome as HTMLSelectElement).options).map((o) => o.value)).toEqual(['answered', 'voicemail', 'no_answer']);
    await userEvent.selectOptions(screen.getByLabelText('Direction'), 'in');
    expect(Array.from((screen.getByLabelText('Outcome') as HTMLSelectElement).options).map((o) => o.value)).toEqual(['answered', 'abandoned', 'voicemail', 'callback_requested']);
    await userEvent.selectOptions(screen.getByLabelText('Number'), '__other');
    await userEvent.type(screen.getAllByLabelText('Number')[1], '06 1234');
    await userEvent.click(screen.getByRole('button', { name: 'Log call' }));
    expect(await screen.findByText('is not a valid number for NL')).toBeInTheDocument();
  });
});
