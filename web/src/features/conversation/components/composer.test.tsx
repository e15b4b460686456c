import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api_client';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Conversation } from '@/types/api';
import { Composer } from './composer';

const conversation: Conversation = {
  id: 17, customer_id: 5, customer_name: 'Jan Jansen', channel: 'email', subject: 'Refund', status: 'open', priority: 'normal',
  department_id: 1, queue_id: null, assignee_id: null, tags: [], message_count: 1, follows_id: null, location_id: null, public: false,
  created_at: '2026-11-26T09:00:00.000Z', updated_at: '2026-11-26T09:00:00.000Z',
  last_message_at: '2026-11-26T09:00:00.000Z', first_response_at: null, resolved_at: null,
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('Composer', () => {
  it('names personal data before a public reply goes out, and sends only when the agent confirms', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ id: 1 }, 201));
    vi.stubGlobal('fetch', fetchMock);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderWithProviders(<Composer conversation={{ ...conversation, channel: 'social', public: true }} />);
    const box = screen.getByLabelText('Reply via Social');
    await userEvent.type(box, 'Bel ons op 06 1234 5678 of mail anna@example.nl');
    expect(screen.getByTestId('composer-public-warning')).toHaveTextContent('This reply is public and seems to contain an e-mail address, a phone number.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    // A note stays inside the desk: no warning.
    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    await userEvent.type(screen.getByLabelText('Internal note', { selector: 'textarea' }), 'anna@example.nl');
    expect(screen.queryByTestId('composer-public-warning')).not.toBeInTheDocument();
    confirm.mockRestore();
  });

  it('puts a canonical answer in the reply and sends which version it used; an emptied reply forgets it', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ id: 1 }, 201));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Composer
        conversation={conversation}
        answerSlot={(insert) => (
          <button type="button" onClick={() => insert('U kunt binnen 30 dagen retourneren.', { id: 4, number: 2 })}>
            use answer
          </button>
        )}
      />,
    );
    const box = screen.getByLabelText('Reply via E-mail');
    await userEvent.type(box, 'Beste Jan,');
    await userEvent.click(screen.getByRole('button', { name: 'use answer' }));
    expect(box).toHaveValue('Beste Jan,\n\nU kunt binnen 30 dagen retourneren.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string)).toMatchObject({ answer: { id: 4, number: 2 } });
    // The next reply, typed anew, used no answer.
    await userEvent.click(screen.getByRole('button', { name: 'use answer' }));
    await userEvent.clear(box);
    await userEvent.type(box, 'Iets anders.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(JSON.parse(fetchMock.mock.calls[1][1].body as string)).not.toHaveProperty('answer');
  });

  it('warns before a reply that contradicts the published answer: correct it, or send it with a reason', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json({ id: 1 }, 201));
    vi.stubGlobal('fetch', fetchMock);
    const check = {
      answer: { answer_id: 4, number: 2, topic: 'Retourneren', lang: 'nl' as const, title: 'Retourtermijn' },
      conflicts: [
        {
          kind: 'period' as const,
          published: '14 dagen',
          written: '30 dagen',
          published_sentence: 'U kunt binnen 14 dagen retourneren.',
          written_sentence: 'Je hebt 30 dagen.',
        },
      ],
    };
    const checkReply = vi.fn().mockResolvedValueOnce(check).mockResolvedValueOnce(check).mockResolvedValueOnce({ answer: null, conflicts: [] });
    renderWithProviders(<Composer conversation={conversation} checkReply={checkReply} />);
    const box = screen.getByLabelText('Reply via E-mail');
    await userEvent.type(box, 'Je hebt 30 dagen.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const warning = await screen.findByTestId('reply-conflicts');
    expect(warning).toHaveTextContent('The published answer says 14 dagen, you wrote 30 dagen.');
    expect(warning).toHaveTextContent('U kunt binnen 14 dagen retourneren.');
    expect(fetchMock).not.toHaveBeenCalled();
    // Correct it: the warning goes, nothing was sent.
    await userEvent.click(within(warning).getByRole('button', { name: 'Correct it' }));
    expect(screen.queryByTestId('reply-conflicts')).not.toBeInTheDocument();
    expect(box).toHaveFocus();
    // Send anyway needs a reason, which goes with the answer it differs from.
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const again = await screen.findByTestId('reply-conflicts');
    const anyway = within(again).getByRole('button', { name: 'Send anyway' });
    expect(anyway).toBeDisabled();
    await userEvent.type(within(again).getByTestId('override-reason'), 'afspraak met teamleider');
    await userEvent.click(anyway);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string)).toMatchObject({
      body_text: 'Je hebt 30 dagen.',
      answer: { id: 4, number: 2, override: 'afspraak met teamleider' },
    });
    // A reply the check finds nothing in goes out at once.
    await vi.waitFor(() => expect(box).toHaveValue(''));
    await userEvent.type(box, 'Dank u wel.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(checkReply).toHaveBeenCalledTimes(3);
  });

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

describe('Composer: what the app adds about a reply', () => {
  it('tells the app which reply went out, with its text, and shows the extras under a reply only', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => json({ id: 41, internal: false }, 201)));
    const onReplySent = vi.fn();
    renderWithProviders(
      <Composer conversation={conversation} onReplySent={onReplySent} replyExtras={(text) => <p data-testid="extras">{text.length}</p>} />,
    );
    await userEvent.type(screen.getByLabelText('Reply via E-mail'), 'We call you back.');
    expect(screen.getByTestId('extras')).toHaveTextContent('17');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(onReplySent).toHaveBeenCalledTimes(1));
    expect(onReplySent).toHaveBeenCalledWith(expect.objectContaining({ id: 41 }), 'We call you back.');
    expect(screen.getByTestId('extras')).toHaveTextContent('0');

    // A note is no reply: no extras, and nothing told.
    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    expect(screen.queryByTestId('extras')).not.toBeInTheDocument();
    const note = screen.getByLabelText('Internal note', { selector: 'textarea' });
    await userEvent.type(note, 'We promised a callback.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(note).toHaveValue(''));
    expect(onReplySent).toHaveBeenCalledTimes(1);
  });
});

const sha = (c: string) => c.repeat(64);

/**
 * Stubs fetch: uploads answer per file name (a 413 for big.zip; invoice.pdf
 * only when `release` is called), a message is accepted. Records the calls.
 */
function stubUploads() {
  let release: () => void = () => {};
  const invoiceUploaded = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetchMock = vi.fn().mockImplementation(async (url: string, init: RequestInit) => {
    const u = new URL(url, 'http://localhost');
    if (u.pathname === '/api/v1/uploads') {
      const name = u.searchParams.get('filename');
      if (name === 'big.zip')
        return problem(413, { title: 'Payload too large', detail: 'the file is larger than the attachment limit of 25 MiB' });
      if (name === 'invoice.pdf') await invoiceUploaded;
      const type = (init.headers as Record<string, string>)['Content-Type'];
      return json({ sha256: sha(name === 'invoice.pdf' ? 'a' : 'b'), filename: name, content_type: type, size_bytes: (init.body as Blob).size }, 201);
    }
    return json({ id: 3 }, 201);
  });
  vi.stubGlobal('fetch', fetchMock);
  const calls = () => fetchMock.mock.calls as [string, RequestInit][];
  return { release: () => release(), calls, messages: () => calls().filter(([url]) => url === '/api/v1/conversations/17/messages') };
}

describe('Composer: attachments', () => {
  it('uploads each chosen file at once, waits for it, shows what was refused and sends the uploaded ones by hash', async () => {
    setCsrfToken('csrf-1');
    const api = stubUploads();
    renderWithProviders(<Composer conversation={conversation} />);
    const invoice = new File(['x'.repeat(2048)], 'invoice.pdf', { type: 'application/pdf' });
    const big = new File(['zip'], 'big.zip', { type: 'application/zip' });
    await userEvent.upload(screen.getByLabelText('Attach file'), [invoice, big]);

    const list = within(screen.getByRole('list', { name: 'Files to send' }));
    const [first, second] = list.getAllByTestId('composer-file');
    expect(first).toHaveTextContent('invoice.pdf (2 KB) uploading…');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(await within(second).findByRole('alert')).toHaveTextContent('This is too large to send. The file is larger than the attachment limit of 25 MiB.');
    expect(second).toHaveAttribute('data-state', 'failed');

    const [url, init] = api.calls().find(([u]) => u.startsWith('/api/v1/uploads?filename=invoice.pdf'))!;
    expect(url).toBe('/api/v1/uploads?filename=invoice.pdf');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(invoice);
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/pdf', 'X-CSRF-Token': 'csrf-1' });

    await act(async () => api.release());
    await vi.waitFor(() => expect(first).toHaveAttribute('data-state', 'uploaded'));
    expect(first).not.toHaveTextContent('uploading…');
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();

    // No text: the file alone is the message.
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(api.messages()).toHaveLength(1));
    expect(JSON.parse(String(api.messages()[0][1].body))).toEqual({
      body_text: '', internal: false,
      attachments: [{ filename: 'invoice.pdf', content_type: 'application/pdf', sha256: sha('a') }],
    });
    await vi.waitFor(() => expect(screen.queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument());
  });

  it('removes a chosen file, sends a type-less one as octet-stream, and attaches to notes too', async () => {
    const api = stubUploads();
    renderWithProviders(<Composer conversation={conversation} />);
    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    await userEvent.upload(screen.getByLabelText('Attach file'), [
      new File(['log'], 'trace.log', { type: '' }),
      new File(['zip'], 'big.zip', { type: 'application/zip' }),
    ]);
    const list = within(screen.getByRole('list', { name: 'Files to send' }));
    await list.findByRole('alert');
    await userEvent.click(list.getByRole('button', { name: 'Remove big.zip' }));
    expect(list.getAllByTestId('composer-file')).toHaveLength(1);
    await vi.waitFor(() => expect(list.getByTestId('composer-file')).toHaveAttribute('data-state', 'uploaded'));
    const upload = api.calls().find(([u]) => u.includes('filename=trace.log'))!;
    expect(upload[1].headers).toMatchObject({ 'Content-Type': 'application/octet-stream' });

    // A file chosen for the note is not the reply's.
    await userEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(screen.queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Internal note' }));

    await userEvent.type(screen.getByLabelText('Internal note', { selector: 'textarea' }), 'Customer log attached.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(api.messages()).toHaveLength(1));
    expect(JSON.parse(String(api.messages()[0][1].body))).toEqual({
      body_text: 'Customer log attached.', internal: true,
      attachments: [{ filename: 'trace.log', content_type: 'application/octet-stream', sha256: sha('b') }],
    });
  });

  it('keeps the files when sending fails', async () => {
    const fetchMock = vi.fn().mockImplementation(async (url: string) =>
      url.startsWith('/api/v1/uploads')
        ? json({ sha256: sha('c'), filename: 'a.txt', content_type: 'text/plain', size_bytes: 1 }, 201)
        : problem(400, { title: 'Invalid request', detail: 'the message is not valid', errors: [{ field: 'attachments[0].sha256', message: 'no upload has this hash' }] }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Composer conversation={conversation} />);
    await userEvent.upload(screen.getByLabelText('Attach file'), new File(['a'], 'a.txt', { type: 'text/plain' }));
    await vi.waitFor(() => expect(screen.getByTestId('composer-file')).toHaveAttribute('data-state', 'uploaded'));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('attachments[0].sha256: no upload has this hash');
    expect(screen.getByTestId('composer-file')).toHaveTextContent('a.txt');
  });
});
