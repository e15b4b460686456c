import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api_client';
import { formatDue } from '@/lib/format';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type RouteHandler, type StubbedRequest } from '@/testing/fetch_stub';
import { json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Conversation, Customer, Message, Permission, PromiseRecord, PromiseSuggestion } from '@/types/api';
import { Component as ConversationRoute } from './conversation';

const at = '2026-12-04T09:00:00.000Z';
const conversation: Conversation = {
  id: 17, customer_id: 5, customer_name: 'Jan Jansen', channel: 'email', subject: 'Lekkende fles', status: 'open', priority: 'normal',
  department_id: 3, queue_id: null, assignee_id: null, tags: [], message_count: 1, follows_id: null, location_id: null, public: false,
  created_at: at, updated_at: at, last_message_at: at, first_response_at: null, resolved_at: null,
};
const customer = {
  id: 5, kind: 'person', name: 'Jan Jansen', organisation_id: null, segment: 'consumer', language: 'nl', preferred_channel: 'email',
  contact_hours: null, account_manager_id: null, merged_into_id: null, identities: [], created_at: at, updated_at: at,
} as unknown as Customer;

const promising = 'Dank voor uw geduld. We bellen u morgen voor 12 uur terug.';
const sentence = 'We bellen u morgen voor 12 uur terug.';
const due = { start: '2026-12-04T10:15:00+01:00', end: '2026-12-05T12:00:00+01:00', grain: 'hour' as const };
const callback: PromiseSuggestion = { commitment: true, by: 'us', kind: 'callback', due, asap: false, sentence };
const nothing: PromiseSuggestion = { commitment: false, by: null, kind: null, due: null, asap: false, sentence: null };

/**
 * The desk as the conversation screen reads it; a reply becomes message 41, a note 42.
 * `thread` are the conversation's messages, `made` the promises they made (asked for with `status=all`).
 */
function stubDesk({
  thread = [] as Message[],
  made = [] as PromiseRecord[],
  shown = conversation,
  permissions = ['read_conversations', 'write_conversations'] as Permission[],
  more = {} as Record<string, RouteHandler>,
} = {}) {
  let live: unknown[] = [];
  return stubApi({
    'GET /session': () => json(sessionInfo(permissions)),
    'GET /conversations/17': () => json(shown),
    'GET /conversations/17/messages': () => json({ items: thread, next_cursor: null }),
    'GET /customers/5': () => json(customer),
    'GET /customers/5/timeline': () => json({ items: [], next_cursor: null }),
    'GET /customers/5/duplicates': () => json({ items: [] }),
    'GET /users': () => json({ items: [] }),
    'GET /departments': () => json({ items: [] }),
    'GET /queues': () => json({ items: [] }),
    'GET /promises': ({ query }) => json({ items: query.get('status') === 'all' ? made : live, next_cursor: null }),
    'POST /conversations/17/messages': ({ body }) => {
      const { internal, body_text } = body as { internal: boolean; body_text: string };
      return json({ id: internal ? 42 : 41, conversation_id: 17, customer_id: 5, direction: 'out', internal, body_text }, 201);
    },
    'POST /promises/suggest': ({ body }) => json((body as { text: string }).text.includes('bellen') ? callback : nothing),
    'POST /promises': ({ body }) => {
      const made = { ...(body as object), id: 9, status: 'open', version: 1, owner_user_id: null, owner_department_id: 3 };
      live = [made];
      return json(made, 201);
    },
    ...more,
  });
}

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{pathname + search}</p>;
}

function renderRoute() {
  return renderWithProviders(
    <Routes>
      <Route path="/conversations/:id" element={<ConversationRoute />} />
      <Route path="/answers" element={<Where />} />
    </Routes>,
    { route: '/conversations/17' },
  );
}

async function sendReply(text: string, how: 'reply' | 'note' = 'reply') {
  if (how === 'note') await userEvent.click(await screen.findByRole('button', { name: 'Internal note' }));
  const box = how === 'note' ? await screen.findByLabelText('Internal note', { selector: 'textarea' }) : await screen.findByLabelText('Reply via E-mail');
  await userEvent.type(box, text);
  await userEvent.click(screen.getByRole('button', { name: how === 'note' ? 'Add note' : 'Send' }));
  await vi.waitFor(() => expect(box).toHaveValue(''));
}

const suggested = (calls: StubbedRequest[]) => calls.filter((c) => c.key === 'POST /promises/suggest').map((c) => c.body);

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('Conversation: what a sent reply promises', () => {
  it('suggests the promise of a reply that went out, records it with one click, and the promises panel shows it', async () => {
    const calls = stubDesk();
    renderRoute();
    const panel = within(await screen.findByTestId('promises-us'));
    await sendReply(promising);

    const notice = within(await screen.findByTestId('promise-suggestion'));
    expect(notice.getByRole('status')).toHaveTextContent(`This reply promises: callback, due ${formatDue(due.end, 'en')}`);
    // Read in the customer's language, with the conversation's department's business days.
    expect(suggested(calls)).toContainEqual({ text: promising, lang: 'nl', department_id: 3 });

    await userEvent.click(notice.getByRole('button', { name: 'Record promise' }));
    expect(await screen.findByText('The promise is recorded.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /promises').map((c) => c.body)).toEqual([
      { customer_id: 5, conversation_id: 17, message_id: 41, by: 'us', kind: 'callback', what: sentence, due_start: due.start, due_end: due.end },
    ]);
    expect(await panel.findByText(sentence)).toBeInTheDocument();
  });

  it('shows nothing for a reply that commits nobody, and does not read notes', async () => {
    const calls = stubDesk();
    renderRoute();
    await sendReply('Dank voor uw bericht, fijne dag verder!');
    await vi.waitFor(() => expect(suggested(calls)).toContainEqual({ text: 'Dank voor uw bericht, fijne dag verder!', lang: 'nl', department_id: 3 }));
    await sendReply('Klant belt morgen zelf terug, dan bellen we niet.', 'note');
    expect(suggested(calls).some((b) => (b as { text: string }).text.startsWith('Klant'))).toBe(false);
    expect(screen.queryByTestId('promise-suggestion')).not.toBeInTheDocument();
  });

  it('hides the notice on Dismiss', async () => {
    const calls = stubDesk();
    renderRoute();
    await sendReply(promising);
    await userEvent.click(within(await screen.findByTestId('promise-suggestion')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('promise-suggestion')).not.toBeInTheDocument();
    expect(calls.some((c) => c.key === 'POST /promises')).toBe(false);
  });

  it('records at once, after sending, what the agent ticked while writing', async () => {
    const calls = stubDesk();
    renderRoute();
    await userEvent.type(await screen.findByLabelText('Reply via E-mail'), promising);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Record as a promise when sending' }, { timeout: 2000 }));
    expect(screen.getByText(`This reply promises: callback, due ${formatDue(due.end, 'en')}`)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('The promise is recorded.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'POST /promises').map((c) => c.body)).toEqual([
      { customer_id: 5, conversation_id: 17, message_id: 41, by: 'us', kind: 'callback', what: sentence, due_start: due.start, due_end: due.end },
    ]);
    // The box is for that reply only.
    expect(screen.queryByRole('checkbox', { name: 'Record as a promise when sending' })).not.toBeInTheDocument();
  });
});

describe('Conversation: the promises its messages made', () => {
  it('marks each message with the promises it made, with their status', async () => {
    const message = (id: number, direction: 'in' | 'out', body_text: string) =>
      ({ id, conversation_id: 17, customer_id: 5, channel: 'email', direction, internal: false, body_text, attachments: [], created_at: at }) as unknown as Message;
    const made = {
      id: 9, customer_id: 5, conversation_id: 17, message_id: 41, by: 'us', kind: 'callback', what: sentence, due_start: due.start, due_end: due.end,
      original_due_end: null, renegotiations: 0, channel: 'email', owner_user_id: 1, owner_department_id: 3, status: 'kept',
      evidence_kind: 'call', evidence_id: 3, created_by: 1, created_at: at, updated_at: at, closed_at: at, version: 2,
    } as PromiseRecord;
    const calls = stubDesk({ thread: [message(40, 'in', 'Mijn fles lekt'), message(41, 'out', promising)], made: [made] });
    renderRoute();
    const badge = await screen.findByTestId('message-promise');
    expect(badge.closest('[data-testid="message"]')).toHaveAttribute('data-message-id', '41');
    expect(badge).toHaveTextContent(`Promise: callback, due ${formatDue(due.end, 'en')} · Kept`);
    expect(screen.getAllByTestId('message-promise')).toHaveLength(1);
    const asked = calls.find((c) => c.key === 'GET /promises' && c.query.get('status') === 'all');
    expect(asked?.query.get('conversation_id')).toBe('17');
  });
});

describe('Conversation: a draft answer from how it was resolved', () => {
  const draftButton = { name: 'Draft an answer from this conversation' };

  it('offers it once the conversation is resolved, and opens the new draft on the answers page', async () => {
    const calls = stubDesk({
      shown: { ...conversation, status: 'resolved', resolved_at: at },
      more: { 'POST /answers/from-conversation': () => json({ id: 31, topic: 'Lekkende fles', versions: [], questions: [] }, 201) },
    });
    renderRoute();
    await userEvent.click(await screen.findByRole('button', draftButton));
    expect(await screen.findByTestId('where')).toHaveTextContent('/answers?state=draft&id=31');
    expect(calls.find((c) => c.key === 'POST /answers/from-conversation')?.body).toEqual({ conversation_id: 17 });
  });

  it('offers nothing while the conversation is open, nor to someone who may not write', async () => {
    stubDesk();
    const { unmount } = renderRoute();
    await screen.findByRole('heading', { name: 'Lekkende fles' });
    expect(screen.queryByRole('button', draftButton)).not.toBeInTheDocument();
    unmount();
    stubDesk({ shown: { ...conversation, status: 'closed' }, permissions: ['read_conversations'] });
    const { client } = renderRoute();
    await screen.findByRole('heading', { name: 'Lekkende fles' });
    await vi.waitFor(() => expect(client.getQueryData(queryKeys.session)).toBeTruthy());
    expect(screen.queryByRole('button', draftButton)).not.toBeInTheDocument();
  });
});
