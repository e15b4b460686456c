import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import { NewPromiseForm } from './new_promise_form';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('NewPromiseForm', () => {
  it("records the customer's commitment on the conversation, due by the end of the day given", async () => {
    const calls = stubApi({ 'POST /promises': () => json({ id: 8, customer_id: 5 }, 201) });
    renderWithProviders(<NewPromiseForm customerId={5} conversationId={17} />);
    expect(screen.getByRole('button', { name: 'Record promise' })).toBeDisabled();
    await userEvent.selectOptions(screen.getByLabelText('Who promised'), 'customer');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'payment');
    await userEvent.type(screen.getByLabelText('What'), ' Betaalt de openstaande factuur ');
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2099-01-15' } });
    await userEvent.click(screen.getByRole('button', { name: 'Record promise' }));
    expect(await screen.findByText('The promise is recorded.')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /promises')?.body).toEqual({
      customer_id: 5, conversation_id: 17, by: 'customer', kind: 'payment', what: 'Betaalt de openstaande factuur',
      due_end: new Date(2099, 0, 16).toISOString(),
    });
    expect(screen.getByLabelText('What')).toHaveValue('');
  });

  it('offers every kind, sends no due moment for "as soon as possible", and shows the server\'s word under the field', async () => {
    const calls = stubApi({
      'POST /promises': () =>
        problem(400, { title: 'Invalid request', detail: 'the promise is not valid', errors: [{ field: 'due_end', message: 'the due moment has passed' }] }),
    });
    renderWithProviders(<NewPromiseForm customerId={5} />);
    expect(Array.from((screen.getByLabelText('Kind') as HTMLSelectElement).options).map((o) => o.value)).toEqual([
      'callback', 'send_information', 'repair_replace', 'refund', 'visit', 'payment', 'documents', 'other',
    ]);
    await userEvent.type(screen.getByLabelText('What'), 'Terugbellen');
    await userEvent.click(screen.getByRole('button', { name: 'Record promise' }));
    expect(await screen.findByText('the due moment has passed')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /promises')?.body).toEqual({ customer_id: 5, by: 'us', kind: 'callback', what: 'Terugbellen' });
  });
});
