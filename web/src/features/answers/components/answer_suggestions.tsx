import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerUse, Language } from '@/types/api';
import { renderAnswer, useAnswerSuggestions } from '../api/answers';

export interface AnswerSuggestionsProps {
  /** What the customer asked (their latest message); nothing is suggested without it. */
  question: string;
  lang?: Language;
  /** Values for the answers' variables the desk knows. */
  values: Record<string, string | undefined>;
  /** Puts the answer's text in the reply, remembering which version it is. */
  onInsert: (text: string, answer: AnswerUse) => void;
}

/**
 * Above the reply box: the published answers the customer's question asks
 * for, best first, each inserted with one click or Alt+1, Alt+2, Alt+3. The
 * reply then records which answer and version it used.
 */
export function AnswerSuggestions({ question, lang, values, onInsert }: AnswerSuggestionsProps) {
  const { t } = useTranslation();
  const suggestions = useAnswerSuggestions(question, lang);
  const items = useMemo(() => suggestions.data ?? [], [suggestions.data]);
  useEffect(() => {
    if (items.length === 0) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      const s = Number.isInteger(n) && n >= 1 ? items[n - 1] : undefined;
      if (!s) return;
      e.preventDefault();
      onInsert(renderAnswer(s.body, values), { id: s.answer_id, number: s.number });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, values, onInsert]);
  if (items.length === 0) return null;
  return (
    <section className="answer-suggestions" aria-label={t('answers.suggested')} data-testid="answer-suggestions">
      <p className="panel-subtitle">{t('answers.suggested')}</p>
      <ol className="answer-suggestions__list">
        {items.map((s, i) => (
          <li key={s.answer_id} className="answer-suggestions__item" data-testid="answer-suggestion">
            <button
              type="button"
              className="btn btn--small"
              aria-keyshortcuts={`Alt+${i + 1}`}
              title={t('answers.insertKey', { key: `Alt+${i + 1}` })}
              onClick={() => onInsert(renderAnswer(s.body, values), { id: s.answer_id, number: s.number })}
            >
              {t('answers.insert')}
            </button>{' '}
            <strong>{s.title}</strong> <span className="muted small">{t('answers.versionOf', { number: s.number, topic: s.topic })}</span>
            <p className="muted small answer-suggestions__body">{s.body.slice(0, 160)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
