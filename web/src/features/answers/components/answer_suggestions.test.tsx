import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, renderWithProviders } from '@/testing/render';
import { renderAnswer } from '../api/answers';
import { AnswerSuggestions } from './answer_suggestions';

const suggestion = (answer_id: number, number: number, title: string, body: string) => ({
  answer_id, number, topic: `Topic ${answer_id}`, lang: 'nl' as const, title, body, variables: [], score: 0.5,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AnswerSuggestions', () => {
  it('suggests the answers the question asks for and inserts one by click or Alt+number, with the known variables filled in', async () => {
    const calls = stubApi({
      'POST /answers/suggest': () =>
        json({
          items: [
            suggestion(4, 2, 'Hoe lang heb ik om iets terug te sturen?', 'Beste {{customer.name}}, binnen 30 dagen. Order {{order_number}}.'),
            suggestion(9, 1, 'Waar vind ik het retourlabel?', 'In uw account.'),
          ],
        }),
    });
    const onInsert = vi.fn();
    renderWithProviders(<AnswerSuggestions question="Kan ik dit nog terugsturen?" lang="nl" values={{ 'customer.name': 'Karin' }} onInsert={onInsert} />);
    const items = await screen.findAllByTestId('answer-suggestion');
    expect(items).toHaveLength(2);
    expect(calls.find((c) => c.key === 'POST /answers/suggest')?.body).toEqual({ text: 'Kan ik dit nog terugsturen?', lang: 'nl' });
    await userEvent.click(screen.getAllByRole('button', { name: 'Insert' })[1]);
    expect(onInsert).toHaveBeenLastCalledWith('In uw account.', { id: 9, number: 1 });
    await userEvent.keyboard('{Alt>}1{/Alt}');
    expect(onInsert).toHaveBeenLastCalledWith('Beste Karin, binnen 30 dagen. Order {{order_number}}.', { id: 4, number: 2 });
  });

  it('shows nothing without a question or without a match', async () => {
    const calls = stubApi({ 'POST /answers/suggest': () => json({ items: [] }) });
    const { container, unmount } = renderWithProviders(<AnswerSuggestions question="" values={{}} onInsert={vi.fn()} />);
    expect(container).toBeEmptyDOMElement();
    expect(calls).toHaveLength(0);
    unmount();
    renderWithProviders(<AnswerSuggestions question="iets heel anders" values={{}} onInsert={vi.fn()} />);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(screen.queryByTestId('answer-suggestions')).not.toBeInTheDocument();
  });
});

describe('renderAnswer', () => {
  it('fills the variables it knows and leaves the rest', () => {
    expect(renderAnswer('Dear {{ customer.name }}, {{x}}', { 'customer.name': 'Ann' })).toBe('Dear Ann, {{x}}');
  });
});
