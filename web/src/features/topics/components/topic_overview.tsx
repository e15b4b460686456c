import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Segmented } from '@/components/segmented';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useNameLookup, useUsers } from '@/lib/directory';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { TopicModel, TopicsOverview } from '@/types/api';
import { useTopicAlerts, useTopicsOverview } from '../api/topics';
import { TopicConversations } from './topic_conversations';
import { PERIODS, useTopicParams } from './topic_params';
import { TopicTable } from './topic_table';
import { formatWeek } from './topic_words';

// The overview tab: how the period's conversations got their topic and the
// model that reads them, the rising topics' alerts, the weekly volume of the
// largest topics and the priority of the hardest, and the table of every
// active topic, each opening its conversations.

const WeeklyChart = lazy(() => import('./weekly_chart'));
const PriorityChart = lazy(() => import('./priority_chart'));

/** How many topics the weekly chart shows apart (the rest together), and the priority chart at most. */
const CHART_TOPICS = 6;
const PRIORITY_TOPICS = 10;

export function TopicOverviewView() {
  const { t } = useTranslation();
  const p = useTopicParams();
  const overview = useTopicsOverview(p.period);
  return (
    <section aria-labelledby="topics-overview-title" aria-busy={overview.isFetching} data-testid="topics-overview">
      <h2 id="topics-overview-title" className="visually-hidden">
        {t('topics.view.overview')}
      </h2>
      <div className="filter-bar">
        <Segmented
          label={t('topics.period')}
          testId="topics-period"
          choices={PERIODS.map((d) => ({ value: d, text: t('topics.lastDays', { count: d }) }))}
          value={p.days}
          onChoose={(d) => p.set({ days: d === 28 ? undefined : d })}
        />
      </div>
      {overview.isPending ? (
        <Spinner />
      ) : overview.isError ? (
        <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <OverviewFigures overview={overview.data} />
      )}
    </section>
  );
}

function OverviewFigures({ overview: o }: { overview: TopicsOverview }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const p = useTopicParams();
  const ownerName = useNameLookup(useUsers().data);
  const open = (topic: number | 'unclassified' | undefined) => p.set({ topic });
  const drilled = p.topic === 'unclassified' ? undefined : o.topics.find((tp) => tp.id === p.topic)?.name;
  const n = (v: number) => formatNumber(v, lang);
  const figures = [
    { key: 'labelled', label: t('topics.counts.labelled'), value: n(o.counts.labelled), note: t('topics.counts.labelledNote') },
    { key: 'classified', label: t('topics.counts.classified'), value: n(o.counts.classified), note: t('topics.counts.classifiedNote') },
    { key: 'unclassified', label: t('topics.counts.unclassified'), value: n(o.counts.unclassified), note: t('topics.counts.unclassifiedNote') },
  ];
  return (
    <>
      <dl className="stat-tiles" aria-label={t('topics.counts.title', { date: formatDate(o.from, lang) })} data-testid="topics-counts">
        {figures.map((f) => (
          <div key={f.key} className="stat-tile card" data-testid={`topics-${f.key}`}>
            <dt>{f.label}</dt>
            <dd className="stat-tile__value">{f.value}</dd>
            <dd className="stat-tile__note muted small">{f.note}</dd>
          </div>
        ))}
        <ModelTile model={o.model} />
      </dl>
      <TopicAlerts onOpen={open} />
      {o.topics.length === 0 ? (
        <Empty>{t('topics.empty')}</Empty>
      ) : (
        <>
          <TopicCharts overview={o} />
          <TopicTable overview={o} sort={p.sort} onSort={(sort) => p.set({ sort: sort === 'priority' ? undefined : sort })} onOpen={open} ownerName={ownerName} />
        </>
      )}
      {p.topic != null && <TopicConversations key={String(p.topic)} topic={p.topic} name={drilled} period={p.period} onClose={() => open(undefined)} />}
    </>
  );
}

function ModelTile({ model }: { model: TopicModel | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="stat-tile card" data-testid="topics-model">
      <dt>{t('topics.model.title')}</dt>
      {model ? (
        <>
          <dd className="stat-tile__value">{model.accuracy == null ? '—' : formatPercent(model.accuracy, lang)}</dd>
          <dd className="stat-tile__note muted small">
            {t('topics.model.summary', { examples: formatNumber(model.examples, lang), topics: model.topics, time: formatDateTime(model.created_at, lang) })}
            {model.accuracy == null && ` ${t('topics.model.noAccuracy')}`}
            {` ${t('topics.model.threshold', { threshold: formatPercent(model.threshold, lang) })}`}
          </dd>
        </>
      ) : (
        <dd className="stat-tile__note muted small">{t('topics.model.none')}</dd>
      )}
    </div>
  );
}

function TopicAlerts({ onOpen }: { onOpen: (topic: number) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const alerts = useTopicAlerts();
  const ownerName = useNameLookup(useUsers().data);
  const items = (alerts.data ?? []).slice(0, 5);
  return (
    <section className="card topic-alerts" aria-labelledby="topic-alerts-title" data-testid="topic-alerts">
      <h3 id="topic-alerts-title" className="panel-subtitle">
        {t('topics.alerts.title')}
      </h3>
      {alerts.isPending ? (
        <Spinner />
      ) : alerts.isError ? (
        <ErrorPanel error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted small">{t('topics.alerts.empty')}</p>
      ) : (
        <ul className="plain-list topic-alerts__list">
          {items.map((a) => (
            <li key={a.id} data-testid="topic-alert">
              <span className="badge badge--overdue" aria-hidden="true">↑</span>{' '}
              <button type="button" className="btn btn--link" onClick={() => onOpen(a.topic_id)}>
                {a.topic_name ?? `#${a.topic_id}`}
              </button>{' '}
              {t('topics.alerts.rose', {
                week: formatWeek(Date.parse(a.week_start), lang),
                observed: formatNumber(a.observed, lang),
                expected: formatNumber(a.expected, lang, 1),
              })}
              {a.owner_user_id != null && <span className="muted small"> · {t('topics.alerts.owner', { name: ownerName(a.owner_user_id) ?? `#${a.owner_user_id}` })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TopicCharts({ overview: o }: { overview: TopicsOverview }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { shown, others, prioritised } = useMemo(() => {
    const byVolume = [...o.topics].sort((a, b) => b.effort.volume - a.effort.volume || a.name.localeCompare(b.name));
    const shown = byVolume.slice(0, CHART_TOPICS);
    const rest = byVolume.slice(CHART_TOPICS);
    const others = rest.length > 0 ? rest[0].weekly.map((_, i) => rest.reduce((s, tp) => s + (tp.weekly[i] ?? 0), 0)) : null;
    const prioritised = o.topics
      .filter((tp) => (tp.priority ?? 0) > 0)
      .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.name.localeCompare(b.name))
      .slice(0, PRIORITY_TOPICS);
    return { shown, others, prioritised };
  }, [o.topics]);
  const weeklyCaption = t('topics.chart.weekly', { count: shown.length });
  const weeklySummary = shown.map((tp) => `${tp.name}: ${tp.weekly.at(-1) ?? 0}`).join(', ');
  const priorityCaption = t('topics.chart.priority');
  const prioritySummary = prioritised.map((tp) => `${tp.name}: ${formatNumber(tp.priority, lang, 1)}`).join(', ');
  return (
    <div className="topic-charts">
      <figure className="chart card topic-chart">
        <figcaption className="panel-subtitle">{weeklyCaption}</figcaption>
        <Suspense fallback={<div className="chart chart--placeholder" />}>
          <WeeklyChart shown={shown} others={others} weekStart={o.week_start} label={`${weeklyCaption}. ${t('topics.chart.thisWeek')}: ${weeklySummary}`} />
        </Suspense>
      </figure>
      <figure className="chart card topic-chart">
        <figcaption className="panel-subtitle">{priorityCaption}</figcaption>
        {prioritised.length === 0 ? (
          <p className="muted small">{t('topics.chart.noPriority')}</p>
        ) : (
          <Suspense fallback={<div className="chart chart--placeholder" />}>
            <PriorityChart topics={prioritised} label={`${priorityCaption}. ${prioritySummary}`} />
          </Suspense>
        )}
      </figure>
    </div>
  );
}
