import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { stubApi } from '@/testing/fetch_stub';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { AnswerDetail, AnswerRecord, Permission } from '@/types/api';
import { AnswersPage } from './answers_page';

const at = '2026-12-03T09:00:00.000Z';
const record = (over: Partial<AnswerRecord> = {}): AnswerRecord => ({
  id: 4, topic: 'Retourneren', owner_user_id: 1, review_by: null, stale: false, retired_at: null, published_number: null,
  latest_number: 1, latest_state: 'in_review', created_by: 2, created_at: at, updated_at: at, version: 2, ...over,
});
const detail = (over: Partial<AnswerDetail> = {}): AnswerDetail => ({
  ...record(),
  versions: [
    { number: 1, state: 'in_review', nl: { title: 'Hoe lang?', body: '14 dagen.' }, en: null, change_note: 'first version', material: false,
      created_by: 2, created_at: at, updated_at: at, reviewed_by: null, published_at: null },
  ],
  questions: [{ id: 1, text: 'Mag ik het terugsturen?', created_at: at }],
  ...over,
});

function renderPage(permissions: Permission[], route = '/answers') {
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  return renderWithProviders(<AnswersPage />, { client, route });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AnswersPage', () => {
  it('lists the library, opens an answer with its versions, and lets a manager publish the one in review', async () => {
    const calls = stubApi({
      'GET /answers': () => json({ items: [record(), record({ id: 5, topic: 'Levering', stale: true, published_number: 1, latest_state: 'published' })], next_cursor: null }),
      'GET /answers/4': () => json(detail()),
      'POST /answers/4/publish': () => json(detail({ published_number: 1, latest_state: 'published', version: 3 })),
    });
    renderPage(['read_conversations', 'write_conversations', 'publish_answers', 'read_customers']);
    const list = await screen.findByTestId('answers-list');
    expect(within(list).getByText('Review date passed')).toBeInTheDocument();
    await userEvent.click(within(list).getByRole('button', { name: /Retourneren/ }));
    const panel = await screen.findByTestId('answer-panel');
    expect(within(panel).getByTestId('answer-versions')).toHaveTextContent('Version 1');
    expect(within(panel).getByText('Mag ik het terugsturen?')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Publish version 1' }));
    await vi.waitFor(() => expect(calls.find((c) => c.key === 'POST /answers/4/publish')?.body).toEqual({ version: 2 }));
  });

  it('offers writers no publishing, and filters by state in the address', async () => {
    const calls = stubApi({
      'GET /answers': () => json({ items: [record()], next_cursor: null }),
      'GET /answers/4': () => json(detail()),
    });
    renderPage(['read_conversations', 'write_conversations'], '/answers?state=in_review&id=4');
    const panel = await screen.findByTestId('answer-panel');
    expect(within(panel).queryByRole('button', { name: /Publish/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In review' })).toHaveAttribute('aria-pressed', 'true');
    expect(Object.fromEntries(calls.find((c) => c.key === 'GET /answers')!.query)).toMatchObject({ state: 'in_review' });
  });
  it('lists who was told an older version and sends them the correction in one action', async () => {
    const told = (corrected: boolean) => ({
      before: 2,
      items: [{ message_id: 9, conversation_id: 3, customer_id: 8, channel: 'email', number: 1, author_user_id: 2, at, corrected }],
      next_cursor: null,
    });
    let sent = false;
    const calls = stubApi({
      'GET /answers': () => json({ items: [record({ published_number: 2, latest_state: 'published' })], next_cursor: null }),
      'GET /answers/4': () => json(detail({ published_number: 2, latest_number: 2, latest_state: 'published' })),
      'GET /answers/4/told': () => json(told(sent)),
      'GET /customers/8': () => json({ id: 8, name: 'Karin Retour' }),
      'POST /answers/4/corrections': () => {
        sent = true;
        return json({ job_id: 5, conversations: 1 }, 202);
      },
    });
    renderPage(['read_conversations', 'write_conversations', 'read_customers'], '/answers?id=4');
    const panel = await screen.findByTestId('answer-panel');
    await userEvent.click(within(panel).getByRole('button', { name: /Who was told a version before 2/ }));
    await userEvent.click(await within(panel).findByRole('button', { name: 'Send the correction to 1 reply' }));
    await vi.waitFor(() => expect(calls.some((c) => c.key === 'POST /answers/4/corrections')).toBe(true));
    expect(await within(panel).findByTestId('corrections-sent')).toHaveTextContent('The correction went out in 1 conversation.');
    expect(within(panel).getByText('corrected')).toBeInTheDocument();
  });
});
