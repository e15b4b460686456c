import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { formatRelative } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { AnswerGapGroup } from '@/types/api';
import { useAnswerGaps } from '../api/answers';
import { PeriodChoice, usePeriod } from './period';

// The knowledge gaps tab of the answers page: customer questions of the last
// 7, 30 or 90 days that no published answer matches well (`GET
// /answers/gaps`), grouped by the words they share, the largest group first,
// each with examples in the customers' own words and, for writers, a button
// that opens the new-answer form for it.

export function KnowledgeGaps({ onWrite }: { onWrite?: (gap: AnswerGapGroup) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [days, setDays] = usePeriod();
  const gaps = useAnswerGaps(days);
  const groups = gaps.data?.groups ?? [];
  return (
    <section aria-labelledby="gaps-title" aria-busy={gaps.isFetching} data-testid="knowledge-gaps">
      <h2 id="gaps-title" className="visually-hidden">
        {t('answers.gaps.title')}
      </h2>
      <div className="filter-bar">
        <PeriodChoice days={days} onChoose={setDays} />
      </div>
      {gaps.isPending ? (
        <Spinner />
      ) : gaps.isError ? (
        <ErrorPanel error={gaps.error} onRetry={() => void gaps.refetch()} />
      ) : groups.length === 0 ? (
        <Empty>{t('answers.gaps.empty')}</Empty>
      ) : (
        <>
          <p className="help" data-testid="gaps-summary">
            {t('answers.gaps.questions', { count: gaps.data.questions })} {t('answers.gaps.groups', { count: groups.length })}.
          </p>
          <ul className="gap-list" aria-labelledby="gaps-title">
            {groups.map((g, i) => (
              <li key={`${g.label}-${i}`} className="card gap" data-testid="gap">
                <div className="gap__head">
                  <h3 className="gap__label">{g.label}</h3>
                  <span className="badge">{t('answers.gaps.questionCount', { count: g.count })}</span>
                  <span className="muted small">{t('answers.gaps.lastAsked', { time: formatRelative(g.last_at, lang) })}</span>
                  {onWrite && (
                    <button type="button" className="btn btn--small gap__write" aria-label={t('answers.gaps.writeFor', { label: g.label })} onClick={() => onWrite(g)}>
                      {t('answers.gaps.write')}
                    </button>
                  )}
                </div>
                <ul className="gap__examples small" aria-label={t('answers.gaps.examples')}>
                  {g.examples.map((e, j) => (
                    <li key={j} lang={e.lang}>
                      <q>{e.text}</q>{' '}
                      <span className="muted">
                        · {t(`answers.gaps.source.${e.source}`)}
                        {e.conversation_id != null && (
                          <>
                            {' '}
                            · <Link to={`/conversations/${e.conversation_id}`}>{t('answers.gaps.conversation', { id: e.conversation_id })}</Link>
                          </>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
