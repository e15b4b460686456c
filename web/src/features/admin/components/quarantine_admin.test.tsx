import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heldMailFixture } from '@/testing/mail';
import { type RouteHandler, stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import { QuarantineAdmin } from './quarantine_admin';

const at = '2026-11-27T09:00:00.000Z';

const held = heldMailFixture;



const directory: Record<string, RouteHandler> = {
  'GET /queues': () => json({ items: [{ id: 7, department_id: 3, name: 'First line', created_at: at }] }),
  'GET /users': () => json({ items: [{ id: 1, email: 'a@example.org', name: 'Ada Admin', role: 'admin', language: 'en', department_id: null, active: true, created_at: at }] }),
  'GET /mailboxes': () => json({ items: [{ id: 1, name: 'Support' }] }),
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('QuarantineAdmin', () => {
  it('lists held mail with its reason, source, queue, size and time, and filters by state', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mail/quarantine': () => json({
        items: [held(5), held(4, { source: 'mailgate', queue_id: null, size_bytes: 812, reason: 'no sender' })],
        next_cursor: null,
      }),
    });
    renderWithProviders(<QuarantineAdmin />);
    const rows = await screen.findAllByTestId('quarantine-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('not an e-mail message: no From header')).toBeInTheDocument();
    expect(await within(rows[0]).findByText('Mailbox Support')).toBeInTheDocument();
    expect(within(rows[0]).getByText('First line')).toBeInTheDocument();
    expect(within(rows[0]).getByText('4.2 kB')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Held')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Mail gateway')).toBeInTheDocument();
    expect(within(rows[1]).getByText('812 bytes')).toBeInTheDocument();
    // Mail without a queue cannot be reprocessed here; the row says how instead.
    expect(within(rows[1]).getByRole('button', { name: 'Reprocess mail #4' })).toBeDisabled();
    expect(within(rows[1]).getByText(/luister mail reprocess 4 --queue/)).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'GET /mail/quarantine')?.query.get('state')).toBe('held');

    await userEvent.selectOptions(screen.getByLabelText('State'), '');
    await vi.waitFor(() => expect(calls.filter((c) => c.key === 'GET /mail/quarantine').map((c) => c.query.get('state'))).toContain('all'));
  });

  it('reprocesses held mail and links the conversation it went to', async () => {
    let resolved = false;
    const calls = stubApi({
      ...directory,
      'GET /mail/quarantine': () => json({ items: resolved ? [] : [held(5)], next_cursor: null }),
      'POST /mail/quarantine/5/reprocess': () => {
        resolved = true;
        return json({ ...held(5), state: 'reprocessed', resolved_at: at, resolved_by: 1, outcome: 'opened', conversation_id: 42 });
      },
    });
    renderWithProviders(<QuarantineAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reprocess mail #5' }));
    const result = await screen.findByTestId('reprocess-result');
    expect(result).toHaveTextContent('Mail #5 reprocessed: it opened a new conversation.');
    expect(within(result).getByRole('link', { name: 'Open conversation #42' })).toHaveAttribute('href', '/conversations/42');
    expect(await screen.findByText('No mail is waiting in the quarantine.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'GET /mail/quarantine').length).toBeGreaterThan(1);
  });

  it('discards only after confirmation, and shows why an action was refused in its row', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mail/quarantine': () => json({ items: [held(5)], next_cursor: null }),
      'POST /mail/quarantine/5/discard': () => problem(409, { title: 'Conflict', detail: 'quarantined mail 5 was already reprocessed' }),
      'POST /mail/quarantine/5/reprocess': () => problem(400, { title: 'Invalid request', detail: 'the message is still not readable: no From header' }),
    });
    renderWithProviders(<QuarantineAdmin />);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Discard mail #5' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(calls.some((c) => c.key === 'POST /mail/quarantine/5/discard')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Discard mail #5' }));
    const row = (await screen.findAllByTestId('quarantine-row'))[0];
    expect(await within(row).findByRole('alert')).toHaveTextContent('Quarantined mail 5 was already reprocessed.');

    await userEvent.click(within(row).getByRole('button', { name: 'Reprocess mail #5' }));
    expect(await within(row).findByText(/The message is still not readable: no From header/)).toBeInTheDocument();
    expect(screen.queryByTestId('reprocess-result')).not.toBeInTheDocument();
  });

  it('shows who resolved mail in the other states', async () => {
    stubApi({
      ...directory,
      'GET /mail/quarantine': () => json({ items: [held(3, { state: 'discarded', resolved_at: at, resolved_by: 1 })], next_cursor: null }),
    });
    renderWithProviders(<QuarantineAdmin />);
    await userEvent.selectOptions(screen.getByLabelText('State'), 'discarded');
    const row = (await screen.findAllByTestId('quarantine-row'))[0];
    expect(within(row).getByText('Discarded')).toBeInTheDocument();
    expect(await within(row).findByText(/Ada Admin/)).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });
});
