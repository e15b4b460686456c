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
  it('sends the customer a confirmation right after recording it, when asked, and says so when it cannot go', async () => {
    const calls = stubApi({
      'POST /promises': () => json({ id: 8, customer_id: 5 }, 201),
      'POST /promises/8/confirm': () => json({ id: 8, customer_id: 5, notice: { conversation_id: 17, message_id: 90, channel: 'email', fallback: false } }),
    });
    const { unmount } = renderWithProviders(<NewPromiseForm customerId={5} conversationId={17} />);
    await userEvent.type(screen.getByLabelText('What'), 'Terugbellen');
    await userEvent.click(screen.getByLabelText('Send the customer a confirmation'));
    await userEvent.click(screen.getByRole('button', { name: 'Record promise' }));
    expect(await screen.findByText(/Sent to the customer by E-mail\./)).toBeInTheDocument();
    expect(calls.map((c) => c.key)).toEqual(['POST /promises', 'POST /promises/8/confirm']);
    unmount();

    stubApi({
      'POST /promises': () => json({ id: 9, customer_id: 5 }, 201),
      'POST /promises/9/confirm': () => problem(409, { title: 'Conflict', detail: 'the customer has no working e-mail address to write to' }),
    });
    renderWithProviders(<NewPromiseForm customerId={5} />);
    await userEvent.type(screen.getByLabelText('What'), 'Terugbellen');
    await userEvent.click(screen.getByLabelText('Send the customer a confirmation'));
    await userEvent.click(screen.getByRole('button', { name: 'Record promise' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The promise is recorded, but the confirmation did not go: The customer has no working e-mail address');
  });
});
