import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { AssistantStats } from '@/types/api';
import { useAssistantStats } from '../api/answers';
import { PeriodChoice, usePeriod } from './period';

// The assistant tab of the answers page: what the self-service assistant in
// the chat widget did over the last 7, 30 or 90 days (`GET /assistant/stats`).
// Figures first, then why customers went to a person, then per answer how
// often it was shown and whether it helped. Tables rather than a chart: five
// reasons and a handful of answers read best as numbers.

const share = (n: number, of: number): number | null => (of > 0 ? n / of : null);

export function AssistantMeasures() {
  const { t } = useTranslation();
  const [days, setDays] = usePeriod();
  const stats = useAssistantStats(days);
  return (
    <section aria-labelledby="assistant-title" aria-busy={stats.isFetching} data-testid="assistant-measures">
      <h2 id="assistant-title" className="visually-hidden">
        {t('answers.assistant.title')}
      </h2>
      <div className="filter-bar">
        <PeriodChoice days={days} onChoose={setDays} />
      </div>
      {stats.isPending ? (
        <Spinner />
      ) : stats.isError ? (
        <ErrorPanel error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.data.sessions === 0 && stats.data.questions === 0 ? (
        <Empty>{t('answers.assistant.empty')}</Empty>
      ) : (
        <AssistantFigures stats={stats.data} />
      )}
    </section>
  );
}

function AssistantFigures({ stats: s }: { stats: AssistantStats }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pct = (v: number | null) => formatPercent(v, lang);
  const figures: { key: string; label: string; value: string; note?: string }[] = [
    { key: 'sessions', label: t('answers.assistant.sessions'), value: String(s.sessions) },
    { key: 'questions', label: t('answers.assistant.questions'), value: String(s.questions) },
    {
      key: 'answered',
      label: t('answers.assistant.answered'),
      value: pct(share(s.answered, s.questions)),
      note: t('answers.assistant.answeredOf', { answered: s.answered, questions: s.questions }),
    },
    { key: 'no-answer', label: t('answers.assistant.noAnswer'), value: pct(s.no_answer_rate), note: t('answers.assistant.noAnswerOf', { count: s.no_match }) },
    {
      key: 'handed-over',
      label: t('answers.assistant.handedOver'),
      value: pct(s.handover_rate),
      note: t('answers.assistant.handedOverOf', { handedOver: s.handed_over, sessions: s.sessions }),
    },
    {
      key: 'resolved',
      label: t('answers.assistant.resolved'),
      value: pct(s.resolved_rate),
      note: s.settled > 0 ? t('answers.assistant.resolvedOf', { resolved: s.resolved, settled: s.settled }) : t('answers.assistant.resolvedNone'),
    },
  ];
  const reasons = Object.entries(s.handover_reasons)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const reasonTotal = reasons.reduce((sum, [, n]) => sum + n, 0);
  const answers = [...s.answers].sort((a, b) => b.shown - a.shown || a.topic.localeCompare(b.topic));
  return (
    <>
      <dl className="stat-tiles" aria-label={t('answers.assistant.figures')} data-testid="assistant-figures">
        {figures.map((f) => (
          <div key={f.key} className="stat-tile card" data-testid={`assistant-${f.key}`}>
            <dt>{f.label}</dt>
            <dd className="stat-tile__value">{f.value}</dd>
            {f.note && <dd className="stat-tile__note muted small">{f.note}</dd>}
          </div>
        ))}
      </dl>
      <h3 className="panel-subtitle" id="assistant-reasons-title">
        {t('answers.assistant.reasons')}
      </h3>
      {reasons.length === 0 ? (
        <p className="muted">{t('answers.assistant.noHandovers')}</p>
      ) : (
        <div className="table-scroll card">
          <table className="table table--dense" aria-labelledby="assistant-reasons-title" data-testid="assistant-reasons">
            <thead>
              <tr>
                <th scope="col">{t('answers.assistant.reason')}</th>
                <th scope="col" className="num">
                  {t('answers.assistant.handovers')}
                </th>
                <th scope="col" className="num">
                  {t('answers.assistant.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {reasons.map(([reason, n]) => (
                <tr key={reason} data-reason={reason}>
                  <th scope="row">{t(`answers.assistant.reasonName.${reason}`, { defaultValue: reason })}</th>
                  <td className="num">{n}</td>
                  <td className="num">{pct(share(n, reasonTotal))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="panel-subtitle" id="assistant-answers-title">
        {t('answers.assistant.perAnswer')}
      </h3>
      {answers.length === 0 ? (
        <p className="muted">{t('answers.assistant.noAnswersShown')}</p>
      ) : (
        <div className="table-scroll card">
          <table className="table table--dense" aria-labelledby="assistant-answers-title" data-testid="assistant-answers">
            <thead>
              <tr>
                <th scope="col">{t('answers.assistant.answer')}</th>
                <th scope="col" className="num">
                  {t('answers.assistant.shown')}
                </th>
                <th scope="col" className="num">
                  {t('answers.assistant.helped')}
                </th>
                <th scope="col" className="num">
                  {t('answers.assistant.notHelped')}
                </th>
              </tr>
            </thead>
            <tbody>
              {answers.map((a) => (
                <tr key={a.answer_id} data-answer-id={a.answer_id}>
                  <th scope="row">
                    <Link to={`/answers?id=${a.answer_id}`}>{a.topic}</Link>
                    {a.title && <span className="muted small"> · {a.title}</span>}
                  </th>
                  <td className="num">{a.shown}</td>
                  <td className="num">{a.helped}</td>
                  <td className="num">{a.not_helped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
