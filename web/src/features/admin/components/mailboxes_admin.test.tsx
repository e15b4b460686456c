import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailboxFixture } from '@/testing/mail';
import { type RouteHandler, stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import { MailboxesAdmin } from './mailboxes_admin';

const at = '2026-11-27T09:00:00.000Z';

const mailbox = mailboxFixture;

const support = mailbox(1, { name: 'Support' });
const sales = mailbox(2, { name: 'Sales', address: 'sales@example.org' }, {
  health: 'failing', last_error: 'LOGIN failed: authentication failed', last_error_at: at, failures: 3,
});
const fresh = mailbox(3, { name: 'Billing' }, { health: 'new', last_success_at: null });



const directory: Record<string, RouteHandler> = {
  'GET /queues': () => json({ items: [{ id: 7, department_id: 3, name: 'First line', created_at: at }] }),
  'GET /departments': () => json({ items: [{ id: 3, name: 'Support', created_at: at }] }),
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('MailboxesAdmin', () => {
  it('lists each mailbox with its queue, health, last success and counts; failing ones first and called out', async () => {
    stubApi({ ...directory, 'GET /mailboxes': () => json({ items: [support, sales, fresh] }) });
    renderWithProviders(<MailboxesAdmin />);
    const rows = await screen.findAllByTestId('mailbox-row');
    expect(rows.map((r) => r.dataset.health)).toEqual(['failing', 'ok', 'new']);
    expect(rows[0]).toHaveClass('is-failing');
    expect(within(rows[0]).getByText('Failing')).toBeInTheDocument();
    expect(within(rows[0]).getByText('LOGIN failed: authentication failed')).toBeInTheDocument();
    expect(within(rows[0]).getByText(/3 failed attempts in a row/)).toBeInTheDocument();
    expect(within(rows[0]).getByText('sales@example.org')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('1 mailbox is failing: Sales');

    const ok = rows[1];
    expect(within(ok).getByRole('rowheader')).toHaveTextContent('Support');
    expect(within(ok).getByText('OK')).toBeInTheDocument();
    expect(await within(ok).findByText('Support › First line')).toBeInTheDocument();
    const cells = within(ok).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(expect.arrayContaining(['40', '35', '2', '1']));
    expect(within(rows[2]).getByText('Never polled')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Never')).toBeInTheDocument();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Received', 'Imported', 'Duplicates', 'Ignored', 'Quarantined', 'Last success']));
  });

  it('adds a mailbox: tests the connection first, then saves it with its password', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [] }),
      'POST /mailboxes/test': () => json({
        ok: true, message: 'IMAP: logged in; INBOX holds 12 messages; SMTP: logged in to smtp.example.org:465',
        imap: { ok: true, message: 'logged in; INBOX holds 12 messages' }, smtp: { ok: true, message: 'logged in to smtp.example.org:465' },
      }),
      'POST /mailboxes': () => json(mailbox(4), 201),
    });
    renderWithProviders(<MailboxesAdmin />);
    expect(await screen.findByText(/No mailboxes yet/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Add mailbox' });
    const f = within(form);
    await userEvent.type(f.getByLabelText('Name'), 'Support');
    await userEvent.type(f.getByLabelText('Address customers write to'), 'support@example.org');
    await f.findByRole('option', { name: 'Support › First line' });
    await userEvent.selectOptions(f.getByLabelText('Queue'), '7');
    await userEvent.type(f.getByLabelText('IMAP server'), 'imap.example.org');
    await userEvent.selectOptions(f.getByLabelText('Security'), 'starttls');
    expect(f.getByLabelText('Port')).toHaveValue(143);
    await userEvent.type(f.getByLabelText('User name'), 'support');
    const password = f.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    await userEvent.type(password, 's3cret');
    expect(password).toHaveAccessibleDescription(/Also used to log in to the SMTP server\./);

    // Outgoing mail: the SMTP server replies go through, with the same login.
    const smtp = within(f.getByRole('group', { name: 'Outgoing mail (SMTP)' }));
    expect(smtp.getByLabelText('SMTP port')).toHaveValue(587);
    expect(smtp.getByLabelText('SMTP security')).toHaveValue('starttls');
    await userEvent.type(smtp.getByLabelText('SMTP server'), 'smtp.example.org');
    await userEvent.selectOptions(smtp.getByLabelText('SMTP security'), 'tls');
    expect(smtp.getByLabelText('SMTP port')).toHaveValue(465);
    expect(smtp.getByLabelText('Sender name')).toHaveAccessibleDescription('Replies come from “Agent name (Support)”; when empty, the mailbox name is used.');
    await userEvent.type(smtp.getByLabelText('Sender name'), 'Acme Support');
    expect(smtp.getByLabelText('Sender name')).toHaveAccessibleDescription(/“Agent name \(Acme Support\)”/);

    await userEvent.click(f.getByRole('button', { name: 'Test connection' }));
    const result = await f.findByTestId('mailbox-test-result');
    expect(result).toHaveClass('test-result--ok');
    expect(within(result).getByTestId('mailbox-test-imap')).toHaveTextContent('✓ IMAP works: logged in; INBOX holds 12 messages');
    expect(within(result).getByTestId('mailbox-test-smtp')).toHaveTextContent('✓ SMTP works: logged in to smtp.example.org:465');
    const test = calls.find((c) => c.key === 'POST /mailboxes/test');
    expect(test?.body).toMatchObject({ queue_id: 7, name: 'Support', host: 'imap.example.org', port: 143, security: 'starttls', secret: 's3cret', closed_replies: 'reopen' });
    expect(test?.body).not.toHaveProperty('mailbox_id');

    await userEvent.click(f.getByRole('button', { name: 'Add mailbox' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /mailboxes')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /mailboxes')?.body).toEqual({
      queue_id: 7, name: 'Support', address: 'support@example.org', host: 'imap.example.org', port: 143,
      security: 'starttls', username: 'support', auth: 'password', folder: 'INBOX', poll_seconds: 60,
      after_import: 'mark_seen', move_to: '', smtp_host: 'smtp.example.org', smtp_port: 465, smtp_security: 'tls',
      from_name: 'Acme Support', closed_replies: 'reopen', enabled: true, secret: 's3cret',
    });
  });

  it('sends nothing by default: a new mailbox without an SMTP server has the usual SMTP defaults', async () => {
    const calls = stubApi({ ...directory, 'GET /mailboxes': () => json({ items: [] }), 'POST /mailboxes': () => json(mailbox(4), 201) });
    renderWithProviders(<MailboxesAdmin />);
    const f = within(await screen.findByRole('form', { name: 'Add mailbox' }));
    await userEvent.type(f.getByLabelText('Name'), 'Support');
    await userEvent.click(f.getByRole('button', { name: 'Add mailbox' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /mailboxes')).toBe(true));
    expect(calls.find((c) => c.key === 'POST /mailboxes')?.body).toMatchObject({ smtp_host: '', smtp_port: 587, smtp_security: 'starttls', from_name: '' });
  });

  it('shows a failed test and the server’s field errors beside their fields', async () => {
    stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [] }),
      'POST /mailboxes/test': () => json({ ok: false, message: 'IMAP: connect: connection refused', imap: { ok: false, message: 'connect: connection refused' }, smtp: null }),
      'POST /mailboxes': () => problem(400, {
        title: 'Invalid request', detail: 'the mailbox is not valid',
        errors: [{ field: 'secret', message: 'is required' }, { field: 'host', message: "give the IMAP server's host name" }],
      }),
    });
    renderWithProviders(<MailboxesAdmin />);
    const form = await screen.findByRole('form', { name: 'Add mailbox' });
    const f = within(form);
    await userEvent.click(f.getByRole('button', { name: 'Test connection' }));
    const result = await f.findByTestId('mailbox-test-result');
    expect(result).toHaveClass('test-result--failed');
    expect(result).toHaveTextContent(/^Connection failed/);
    expect(within(result).getByTestId('mailbox-test-imap')).toHaveTextContent('✗ IMAP failed: connect: connection refused');
    expect(within(result).getByTestId('mailbox-test-smtp')).toHaveTextContent('SMTP: no SMTP server set, so this mailbox sends no replies.');
    await userEvent.click(f.getByRole('button', { name: 'Add mailbox' }));
    expect(await f.findByText('is required')).toBeInTheDocument();
    expect(f.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(f.getByLabelText('Password')).toHaveAccessibleDescription(/is required/);
    expect(f.getByLabelText('IMAP server')).toHaveAccessibleDescription("give the IMAP server's host name");
  });

  it('edits a mailbox without showing its password: only what changed is sent, the stored password is kept', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [support] }),
      'POST /mailboxes/test': () => json({ ok: true, message: 'IMAP: logged in; INBOX holds 0 messages', imap: { ok: true, message: 'logged in; INBOX holds 0 messages' }, smtp: null }),
      'PATCH /mailboxes/1': ({ body }) => json({ ...support, ...(body as object) }),
    });
    renderWithProviders(<MailboxesAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Support' }));
    const f = within(screen.getByRole('form', { name: 'Edit mailbox Support' }));
    const password = f.getByLabelText('Password (leave empty to keep the stored one)');
    expect(password).toHaveValue('');
    expect(password).toHaveAccessibleDescription('One is stored; it is never shown. Also used to log in to the SMTP server.');
    expect(f.getByLabelText('IMAP server')).toHaveValue('imap.example.org');

    await userEvent.click(f.getByRole('button', { name: 'Test connection' }));
    await f.findByTestId('mailbox-test-result');
    const test = calls.find((c) => c.key === 'POST /mailboxes/test')?.body as Record<string, unknown>;
    expect(test.mailbox_id).toBe(1);
    expect(test).not.toHaveProperty('secret');

    await userEvent.selectOptions(f.getByLabelText('After import'), 'move');
    await userEvent.type(f.getByLabelText('Move to folder'), 'Archive');
    await userEvent.clear(f.getByLabelText('Check every (seconds)'));
    await userEvent.type(f.getByLabelText('Check every (seconds)'), '300');
    await userEvent.click(f.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'PATCH /mailboxes/1')).toBe(true));
    expect(calls.find((c) => c.key === 'PATCH /mailboxes/1')?.body).toEqual({ after_import: 'move', move_to: 'Archive', poll_seconds: 300 });
  });

  it('shows IMAP and SMTP apart when only SMTP fails', async () => {
    stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [support] }),
      'POST /mailboxes/test': () => json({
        ok: false, message: 'IMAP: logged in; SMTP: 535 5.7.8 authentication failed',
        imap: { ok: true, message: 'logged in; INBOX holds 3 messages' }, smtp: { ok: false, message: '535 5.7.8 authentication failed' },
      }),
    });
    renderWithProviders(<MailboxesAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Support' }));
    const f = within(screen.getByRole('form', { name: 'Edit mailbox Support' }));
    await userEvent.click(f.getByRole('button', { name: 'Test connection' }));
    const result = within(await f.findByTestId('mailbox-test-result'));
    expect(result.getByTestId('mailbox-test-imap')).toHaveAttribute('data-ok', 'true');
    expect(result.getByTestId('mailbox-test-imap')).toHaveTextContent('✓ IMAP works: logged in; INBOX holds 3 messages');
    expect(result.getByTestId('mailbox-test-smtp')).toHaveAttribute('data-ok', 'false');
    expect(result.getByTestId('mailbox-test-smtp')).toHaveTextContent('✗ SMTP failed: 535 5.7.8 authentication failed');
  });

  it('opens a new linked conversation for answers to closed ones when asked, and says so in the request', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [support] }),
      'POST /mailboxes/test': () => json({ ok: true, message: 'ok', imap: { ok: true, message: 'logged in' }, smtp: null }),
      'PATCH /mailboxes/1': ({ body }) => json({ ...support, ...(body as object) }),
    });
    renderWithProviders(<MailboxesAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Support' }));
    const f = within(screen.getByRole('form', { name: 'Edit mailbox Support' }));
    const select = f.getByLabelText('When a customer answers a closed conversation');
    expect(select).toHaveValue('reopen');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Reopen it', 'Open a new conversation linked to it']);
    await userEvent.selectOptions(select, 'new_conversation');
    await userEvent.click(f.getByRole('button', { name: 'Test connection' }));
    await f.findByTestId('mailbox-test-result');
    expect(calls.find((c) => c.key === 'POST /mailboxes/test')?.body).toMatchObject({ mailbox_id: 1, closed_replies: 'new_conversation' });
    await userEvent.click(f.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'PATCH /mailboxes/1')).toBe(true));
    expect(calls.find((c) => c.key === 'PATCH /mailboxes/1')?.body).toEqual({ closed_replies: 'new_conversation' });
  });

  it('shows a mailbox’s saved choice for answers to closed conversations', async () => {
    stubApi({ ...directory, 'GET /mailboxes': () => json({ items: [mailbox(6, { name: 'Shop', closed_replies: 'new_conversation' })] }) });
    renderWithProviders(<MailboxesAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Shop' }));
    const f = within(screen.getByRole('form', { name: 'Edit mailbox Shop' }));
    expect(f.getByLabelText('When a customer answers a closed conversation')).toHaveValue('new_conversation');
  });

  it('fetches now, and deletes only after confirmation', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [support] }),
      'POST /mailboxes/1/poll': () => json({ scheduled: true }, 202),
      'DELETE /mailboxes/1': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<MailboxesAdmin />);
    await userEvent.click(await screen.findByRole('button', { name: 'Fetch now Support' }));
    expect(await screen.findByText('Fetching shortly.')).toBeInTheDocument();

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await userEvent.click(screen.getByRole('button', { name: 'Delete Support' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete mailbox “Support”?'));
    expect(calls.some((c) => c.key === 'DELETE /mailboxes/1')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Delete Support' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'DELETE /mailboxes/1')).toBe(true));
  });

  it('says why the list cannot be shown (a server without the e-mail channel)', async () => {
    stubApi({ ...directory, 'GET /mailboxes': () => problem(503, { title: 'Service unavailable', detail: 'this server was started without the e-mail channel' }) });
    renderWithProviders(<MailboxesAdmin />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This server was started without the e-mail channel.');
  });
});

describe('MailboxesAdmin: the stored password only goes where it went before', () => {
  it('asks for the password again when the SMTP server changes, and shows the server’s refusal under it', async () => {
    const calls = stubApi({
      ...directory,
      'GET /mailboxes': () => json({ items: [support] }),
      'PATCH /mailboxes/1': () => problem(400, {
        title: 'Invalid request', detail: 'the mailbox is not valid',
        errors: [{ field: 'secret', message: 'give the password again: the server or user changed' }],
      }),
    });
    renderWithProviders(<MailboxesAdmin />);
    expect(await screen.findByText('Replies via smtp.example.org')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit Support' }));
    const f = within(screen.getByRole('form', { name: 'Edit mailbox Support' }));
    const smtp = within(f.getByRole('group', { name: 'Outgoing mail (SMTP)' }));
    expect(smtp.getByLabelText('SMTP server')).toHaveValue('smtp.example.org');
    const password = f.getByLabelText('Password (leave empty to keep the stored one)');

    // A change that keeps the servers and the user keeps the stored password.
    await userEvent.type(smtp.getByLabelText('Sender name'), 'Acme');
    expect(password).toHaveAccessibleDescription(/^One is stored/);

    await userEvent.clear(smtp.getByLabelText('SMTP server'));
    await userEvent.type(smtp.getByLabelText('SMTP server'), 'mail.elsewhere.example');
    expect(password).toHaveAccessibleDescription(/You changed the server, port, security or user name: enter the password again\./);
    await userEvent.click(f.getByRole('button', { name: 'Save' }));
    expect(await f.findByText('give the password again: the server or user changed')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.key === 'PATCH /mailboxes/1')?.body).toEqual({ smtp_host: 'mail.elsewhere.example', from_name: 'Acme' });
  });

  it('says when a mailbox sends no replies', async () => {
    stubApi({ ...directory, 'GET /mailboxes': () => json({ items: [mailbox(5, { name: 'Intake', smtp_host: '' })] }) });
    renderWithProviders(<MailboxesAdmin />);
    const row = await screen.findByTestId('mailbox-row');
    expect(within(row).getByTestId('mailbox-sends')).toHaveTextContent('Sends no replies');
  });
});
