import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Topic, TopicOverview } from '@/types/api';
import { isStale, useCandidateAction, useCandidateQuestions, type CandidateAction } from '../api/topics';

// A candidate topic discovery proposes: its name, its most distinctive
// words, how many questions it holds (and how many are recent: a new
// theme), its questions when asked for (an audited read), and what a
// person does with it: accept it (under the name typed), merge it into a
// topic or another candidate, split it in two, or dismiss it.

/** A split needs this many questions (the server's rule). */
const SPLIT_MIN = 6;

export function CandidateCard({ candidate: c, topics, candidates, onDone }: {
  candidate: Topic;
  topics: TopicOverview[];
  candidates: Topic[];
  /** The action went through: what happened, in words. */
  onDone: (what: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const act = useCandidateAction();
  const [name, setName] = useState(c.name);
  const [into, setInto] = useState('');
  const [showQuestions, setShowQuestions] = useState(false);
  const id = `candidate-${c.id}`;
  const size = c.size ?? 0;
  const run = (action: CandidateAction, done: string) => act.mutate(action, { onSuccess: () => onDone(done) });
  const intoName = (target: number) => [...topics, ...candidates].find((x) => x.id === target)?.name ?? `#${target}`;
  return (
    <li className="card topic-candidate" aria-labelledby={`${id}-title`} data-testid="candidate" data-candidate-id={c.id}>
      <div className="topic-candidate__head">
        <h4 id={`${id}-title`} className="topic-candidate__name">
          {c.name}
        </h4>
        {c.new_theme && (
          <span className="badge badge--warning" data-testid="new-theme">
            {t('topics.candidates.newTheme')}
          </span>
        )}
        <span className="muted small">{t('topics.candidates.size', { count: size, recent: formatNumber(c.recent ?? 0, lang) })}</span>
      </div>
      {c.terms.length > 0 && (
        <ul className="chips topic-candidate__terms" aria-label={t('topics.candidates.terms')}>
          {c.terms.map((term) => (
            <li key={term} className="chip">
              {term}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--link" aria-expanded={showQuestions} aria-controls={`${id}-questions`} onClick={() => setShowQuestions(!showQuestions)}>
        {t(showQuestions ? 'topics.candidates.hideQuestions' : 'topics.candidates.showQuestions')}
      </button>
      {showQuestions && <CandidateQuestions id={c.id} listId={`${id}-questions`} />}

      <div className="topic-candidate__actions">
        <form
          className="inline-form inline-form--wrap"
          onSubmit={(e) => {
            e.preventDefault();
            run({ action: 'accept', id: c.id, version: c.version, name: name.trim() }, t('topics.candidates.accepted', { name: name.trim() }));
          }}
        >
          <label htmlFor={`${id}-name`}>{t('topics.candidates.acceptAs')}</label>
          <input {...fieldProps(`${id}-name`, act.error, 'name')} maxLength={120} required value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn btn--primary btn--small" disabled={act.isPending || !name.trim()}>
            {t('topics.candidates.accept')}
          </button>
        </form>
        <FieldError id={`${id}-name`} error={act.error} field="name" />
        <form
          className="inline-form inline-form--wrap"
          onSubmit={(e) => {
            e.preventDefault();
            if (!into) return;
            run({ action: 'merge', id: c.id, version: c.version, into: Number(into) }, t('topics.candidates.merged', { name: c.name, into: intoName(Number(into)) }));
          }}
        >
          <label htmlFor={`${id}-into`}>{t('topics.candidates.mergeInto')}</label>
          <select {...fieldProps(`${id}-into`, act.error, 'into')} value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">{t('topics.candidates.choose')}</option>
            {topics.length > 0 && (
              <optgroup label={t('topics.candidates.topics')}>
                {topics.map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {tp.name}
                  </option>
                ))}
              </optgroup>
            )}
            {candidates.length > 1 && (
              <optgroup label={t('topics.candidates.otherCandidates')}>
                {candidates
                  .filter((x) => x.id !== c.id)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
              </optgroup>
            )}
          </select>
          <button type="submit" className="btn btn--small" disabled={act.isPending || !into}>
            {t('topics.candidates.merge')}
          </button>
        </form>
        <FieldError id={`${id}-into`} error={act.error} field="into" />
        <div className="row-actions">
          <button
            type="button"
            className="btn btn--small"
            disabled={act.isPending || size < SPLIT_MIN}
            title={size < SPLIT_MIN ? t('topics.candidates.splitTooSmall', { count: SPLIT_MIN }) : undefined}
            onClick={() => run({ action: 'split', id: c.id, version: c.version }, t('topics.candidates.split', { name: c.name }))}
          >
            {t('topics.candidates.splitAction')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            disabled={act.isPending}
            onClick={() => run({ action: 'dismiss', id: c.id, version: c.version }, t('topics.candidates.dismissed', { name: c.name }))}
          >
            {t('topics.candidates.dismiss')}
          </button>
        </div>
      </div>
      {isStale(act.error) && (
        <p className="notice notice--warn" data-testid="candidate-stale">
          {t('topics.stale')}
        </p>
      )}
      <FormError error={act.error} fields={['name', 'into']} />
    </li>
  );
}

/** The candidate's questions, the most typical first (the first three marked as examples), each opening its conversation. */
function CandidateQuestions({ id, listId }: { id: number; listId: string }) {
  const { t } = useTranslation();
  const questions = useCandidateQuestions(id, true);
  if (questions.isPending) return <Spinner />;
  if (questions.isError) return <ErrorPanel error={questions.error} onRetry={() => void questions.refetch()} />;
  return (
    <ul className="topic-candidate__questions small" id={listId} aria-label={t('topics.candidates.questions')} data-testid="candidate-questions">
      {questions.data.map((q) => (
        <li key={q.id} data-example={q.example ? 'true' : undefined}>
          {q.example && <span className="badge">{t('topics.candidates.example')}</span>} <q>{q.question}</q>{' '}
          <Link to={`/conversations/${q.id}`} className="muted">
            {t('topics.candidates.conversation', { id: q.id })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
