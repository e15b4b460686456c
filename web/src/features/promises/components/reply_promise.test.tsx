import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDue } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { PromiseSuggestion } from '@/types/api';
import { inputsFromDue } from './due';
import { PromisesPanel } from './promises_panel';
import { ReplyPromiseHint, ReplyPromiseNotice, type ReplyPromiseNoticeProps } from './reply_promise';

const text = 'Dank voor uw bericht. We bellen u morgen voor 12 uur terug.';
const sentence = 'We bellen u morgen voor 12 uur terug.';
const due = { start: '2026-12-04T15:00:00+01:00', end: '2026-12-05T12:00:00+01:00', grain: 'hour' as const };
const callback: PromiseSuggestion = { commitment: true, by: 'us', kind: 'callback', due, asap: false, sentence };
const nothing: PromiseSuggestion = { commitment: false, by: null, kind: null, due: null, asap: false, sentence: null };
const made = { id: 9, customer_id: 5, conversation_id: 17, message_id: 41, by: 'us', kind: 'callback', what: sentence };

/** The notice as the conversation shows it: gone once closed. */
function Notice(props: Partial<ReplyPromiseNoticeProps>) {
  const [open, setOpen] = useState(true);
  return open ? (
    <ReplyPromiseNotice customerId={5} conversationId={17} messageId={41} text={text} lang="nl" departmentId={2} onClose={() => setOpen(false)} {...props} />
  ) : (
    <p>closed</p>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReplyPromiseNotice', () => {
  it('shows what a sent reply promises, read in its language with the department\'s business days', async () => {
    const calls = stubApi({ 'POST /promises/suggest': () => json(callback) });
    renderWithProviders(<Notice />);
    const notice = await screen.findByTestId('promise-suggestion');
    expect(within(notice).getByRole('status')).toHaveTextContent(`This reply promises: callback, due ${formatDue(due.end, 'en')}`);
    expect(notice).toHaveTextContent(sentence);
    expect(within(notice).getByRole('button', { name: 'Record promise' })).toBeEnabled();
    expect(within(notice).getByRole('button', { name: 'Adjust' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(notice).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /This reply promises/ })).toBe(notice);
    expect(calls.find((c) => c.key === 'POST /promises/suggest')?.body).toEqual({ text, lang: 'nl', department_id: 2 });
  });

  it("asks for a callback within the customer's contact hours when they have them", async () => {
    const calls = stubApi({ 'POST /promises/suggest': () => json(callback) });
    renderWithProviders(<Notice contactHours="09:00-12:30" />);
    await screen.findByTestId('promise-suggestion');
    expect(calls.find((c) => c.key === 'POST /promises/suggest')?.body).toEqual({ text, lang: 'nl', department_id: 2, contact_hours: '09:00-12:30' });
  });

  it('says it in Dutch, "as soon as possible" without a time, and names what the customer commits to', async () => {
    await i18n.changeLanguage('nl');
    stubApi({ 'POST /promises/suggest': () => json(callback) });
    const { unmount } = renderWithProviders(<Notice />);
    expect(await screen.findByRole('status')).toHaveTextContent(`Deze reactie belooft: terugbellen, uiterlijk ${formatDue(due.end, 'nl')}`);
    expect(screen.getByRole('button', { name: 'Vastleggen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Aanpassen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Negeren' })).toBeInTheDocument();
    unmount();

    stubApi({ 'POST /promises/suggest': () => json({ ...callback, due: null, asap: true }) });
    const asap = renderWithProviders(<Notice text="We bellen u zo snel mogelijk terug." />);
    expect(await screen.findByRole('status')).toHaveTextContent('Deze reactie belooft: terugbellen, zo snel mogelijk');
    asap.unmount();

    await i18n.changeLanguage('en');
    stubApi({ 'POST /promises/suggest': () => json({ ...callback, by: 'customer', kind: 'payment', due: { ...due, end: '2026-12-12T00:00:00+01:00' } }) });
    renderWithProviders(<Notice text="U betaalt de factuur uiterlijk vrijdag." />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      `The customer commits to: payment, due ${formatDue('2026-12-12T00:00:00+01:00', 'en')}`,
    );
  });

  it('records the promise with one click: the sentence, due as read, from the message sent; the promises list is read again', async () => {
    let live: unknown[] = [];
    const calls = stubApi({
      'POST /promises/suggest': () => json(callback),
      'POST /promises': () => {
        live = [{ ...made, due_start: due.start, due_end: due.end, status: 'open', version: 1, owner_user_id: null, owner_department_id: null }];
        return json(made, 201);
      },
      'GET /promises': () => json({ items: live, next_cursor: null }),
      'GET /users': () => json({ items: [] }),
      'GET /departments': () => json({ items: [] }),
    });
    renderWithProviders(
      <>
        <Notice />
        <PromisesPanel customerId={5} conversationId={17} canWrite variant="aside" />
      </>,
    );
    expect(await within(await screen.findByTestId('promises-us')).findByText('Nothing open.')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Record promise' }));
    expect(await screen.findByText('The promise is recorded.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /promises').map((c) => c.body)).toEqual([
      { customer_id: 5, conversation_id: 17, message_id: 41, by: 'us', kind: 'callback', what: sentence, due_start: due.start, due_end: due.end },
    ]);
    expect(await within(screen.getByTestId('promises-us')).findByText(sentence)).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'GET /promises')).toHaveLength(2);
    // The button clicked is gone: its successor has the focus.
    expect(screen.getByRole('button', { name: 'OK' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.getByText('closed')).toBeInTheDocument();
  });

  it('shows the server\'s refusal with its field errors, and leaves the choice open', async () => {
    stubApi({
      'POST /promises/suggest': () => json(callback),
      'POST /promises': () =>
        problem(400, { title: 'Invalid request', detail: 'the promise is not valid', errors: [{ field: 'due_end', message: 'the due moment has passed' }] }),
    });
    renderWithProviders(<Notice />);
    await userEvent.click(await screen.findByRole('button', { name: 'Record promise' }));
    const error = await screen.findByRole('alert');
    expect(error).toHaveTextContent('The promise is not valid.');
    expect(error).toHaveTextContent('due_end: the due moment has passed');
    expect(screen.getByRole('button', { name: 'Record promise' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Adjust' })).toBeInTheDocument();
  });

  it('hides on Dismiss, recording nothing', async () => {
    const calls = stubApi({ 'POST /promises/suggest': () => json(callback) });
    renderWithProviders(<Notice />);
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('promise-suggestion')).not.toBeInTheDocument();
    expect(calls.some((c) => c.key === 'POST /promises')).toBe(false);
  });

  it('shows nothing for a reply that commits nobody', async () => {
    const calls = stubApi({ 'POST /promises/suggest': () => json(nothing) });
    const { container } = renderWithProviders(<Notice text="Dank voor uw bericht, fijne dag verder." />);
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /promises/suggest')).toBe(true));
    // The answer is in (and rendered) before looking.
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.queryByTestId('promise-suggestion')).not.toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();
  });

  it('opens the form filled in with the suggestion to adjust it, and records it from the message', async () => {
    const calls = stubApi({ 'POST /promises/suggest': () => json(callback), 'POST /promises': () => json(made, 201) });
    renderWithProviders(<Notice />);
    await userEvent.click(await screen.findByRole('button', { name: 'Adjust' }));
    expect(screen.getByRole('button', { name: 'Adjust' })).toHaveAttribute('aria-expanded', 'true');
    const form = within(screen.getByTestId('new-promise-form'));
    const end = new Date(due.end);
    // The due moment in the browser's zone (a midnight reads as the day before, without a time).
    const inputs = inputsFromDue(due.end);
    expect(form.getByLabelText('Who promised')).toHaveValue('us');
    expect(form.getByLabelText('Kind')).toHaveValue('callback');
    expect(form.getByLabelText('What')).toHaveValue(sentence);
    expect(form.getByLabelText('Due date')).toHaveValue(inputs.date);
    expect(form.getByLabelText('Time')).toHaveValue(inputs.time);
    // The one-click button gives way to the form's own.
    expect(screen.getAllByRole('button', { name: 'Record promise' })).toHaveLength(1);

    await userEvent.selectOptions(form.getByLabelText('Kind'), 'send_information');
    await userEvent.click(form.getByRole('button', { name: 'Record promise' }));
    expect(await screen.findByText('The promise is recorded.')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /promises')?.body).toEqual({
      customer_id: 5, conversation_id: 17, message_id: 41, by: 'us', kind: 'send_information', what: sentence,
      due_start: due.start, due_end: end.toISOString(),
    });
  });

  it('records at once what the agent ticked before sending', async () => {
    const calls = stubApi({ 'POST /promises/suggest': () => json(callback), 'POST /promises': () => json(made, 201) });
    renderWithProviders(<Notice recordAtOnce />);
    expect(await screen.findByText('The promise is recorded.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /promises')).toHaveLength(1);
    expect(calls.find((c) => c.key === 'POST /promises')?.body).toMatchObject({ message_id: 41, kind: 'callback', due_end: due.end });
    // Nothing was clicked here: the focus stays where the agent is (writing).
    expect(screen.getByRole('button', { name: 'OK' })).not.toHaveFocus();
  });
});

/** The hint under a reply box, as the composer shows it. */
function Hint() {
  const [draft, setDraft] = useState('');
  const [record, setRecord] = useState(false);
  return (
    <>
      <textarea aria-label="Reply" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <ReplyPromiseHint text={draft} lang="nl" departmentId={2} recordOnSend={record} onRecordOnSendChange={setRecord} />
    </>
  );
}

describe('ReplyPromiseHint', () => {
  it('reads the reply once the writer pauses, only past 20 characters, and offers to record it when sending', async () => {
    const calls = stubApi({ 'POST /promises/suggest': ({ body }) => json((body as { text: string }).text.includes('bellen') ? callback : nothing) });
    renderWithProviders(<Hint />);
    const reply = screen.getByLabelText('Reply');
    await userEvent.type(reply, 'We bellen u morgen.');
    await new Promise((r) => setTimeout(r, 900));
    expect(calls).toHaveLength(0);

    await userEvent.clear(reply);
    await userEvent.type(reply, text);
    const line = await screen.findByText(`This reply promises: callback, due ${formatDue(due.end, 'en')}`, undefined, { timeout: 2000 });
    expect(line).toHaveAttribute('aria-live', 'polite');
    // Only the text it paused on was read.
    expect(calls.map((c) => c.body)).toEqual([{ text, lang: 'nl', department_id: 2 }]);
    const box = screen.getByRole('checkbox', { name: 'Record as a promise when sending' });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    expect(box).toBeChecked();

    // Cleared (sent): gone at once.
    await userEvent.clear(reply);
    expect(screen.queryByText(/This reply promises/)).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
