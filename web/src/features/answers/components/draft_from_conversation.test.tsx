import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { ConversationStatus } from '@/types/api';
import { DraftAnswerFromConversation } from './draft_from_conversation';

const at = '2026-12-03T09:00:00.000Z';
const draft = {
  id: 31, topic: 'Lekkende fles', owner_user_id: 1, review_by: null, stale: false, retired_at: null, published_number: null,
  latest_number: 1, latest_state: 'draft', created_by: 1, created_at: at, updated_at: at, version: 1,
  versions: [], questions: [],
};

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{pathname + search}</p>;
}

function renderButton(status: ConversationStatus) {
  return renderWithProviders(
    <Routes>
      <Route path="/conversations/:id" element={<DraftAnswerFromConversation conversation={{ id: 17, status }} />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    { route: '/conversations/17' },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DraftAnswerFromConversation', () => {
  it('drafts an answer from a resolved conversation and opens the draft on the answers page', async () => {
    const calls = stubApi({ 'POST /answers/from-conversation': () => json(draft, 201) });
    renderButton('resolved');
    await userEvent.click(screen.getByRole('button', { name: 'Draft an answer from this conversation' }));
    expect(await screen.findByTestId('where')).toHaveTextContent('/answers?state=draft&id=31');
    expect(calls.map((c) => [c.key, c.body])).toEqual([['POST /answers/from-conversation', { conversation_id: 17 }]]);
  });

  it('offers it on a closed conversation too, and on none that is still going', () => {
    stubApi({});
    const { unmount } = renderButton('closed');
    expect(screen.getByRole('button', { name: 'Draft an answer from this conversation' })).toBeInTheDocument();
    unmount();
    for (const status of ['new', 'open', 'waiting_on_customer', 'waiting_on_us'] as const) {
      const { unmount } = renderButton(status);
      expect(screen.queryByTestId('draft-answer')).not.toBeInTheDocument();
      unmount();
    }
  });

  it('shows why the server refused, and stays on the conversation', async () => {
    stubApi({
      'POST /answers/from-conversation': () => problem(403, { title: 'Forbidden', detail: 'your role may not write answers' }),
    });
    renderButton('resolved');
    await userEvent.click(screen.getByRole('button', { name: 'Draft an answer from this conversation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role may not write answers.');
    expect(screen.queryByTestId('where')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Draft an answer from this conversation' })).toBeEnabled();
  });
});
