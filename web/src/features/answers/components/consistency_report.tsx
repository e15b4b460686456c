import { lazy, Suspense } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { FilterSelect } from '@/components/filter_select';
import { useNameLookup, useUsers } from '@/lib/directory';
import { formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { CHANNELS } from '@/types/api';
import type { Channel, ConsistencyReport as Report } from '@/types/api';
import { useAnswerConsistency } from '../api/answers';
import { ConsistencyTopicCard } from './consistency_topic';
import { PeriodChoice, usePeriod, type Period } from './period';

// The consistency tab of the answers page: what agents' replies said
// against the published answers over the last 7, 30 or 90 days (`GET
// /answers/consistency`), on one channel or all (`?channel=`). The totals,
// the score per channel per day as a chart (and, for screen readers, as a
// table), then per topic, worst first as the server orders them, its
// figures per channel and the contradicting sentences beside the answer's.

const ConsistencyChart = lazy(() => import('./consistency_chart'));

function useChannel(): [Channel | undefined, (channel: Channel | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const channel = CHANNELS.find((c) => c === params.get('channel'));
  const choose = (next: Channel | undefined) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next) p.set('channel', next);
      else p.delete('channel');
      return p;
    });
  return [channel, choose];
}

/**
 * The channels to choose from: those the report for every channel had
 * replies on (a report for one channel lists that one only), in the usual
 * order, and the chosen one.
 */
function useChannelChoices(days: Period, channel: Channel | undefined, report: Report | undefined): Channel[] {
  const all = useQueryClient().getQueryData<Report>(queryKeys.answerConsistency({ days }));
  const seen = new Set<Channel>([...(all?.channels ?? []), ...(report?.channels ?? [])].map((c) => c.channel));
  if (channel) seen.add(channel);
  return CHANNELS.filter((c) => seen.has(c));
}

export function ConsistencyReport() {
  const { t } = useTranslation();
  const [days, setDays] = usePeriod();
  const [channel, setChannel] = useChannel();
  const report = useAnswerConsistency(days, channel);
  const choices = useChannelChoices(days, channel, report.data);
  return (
    <section aria-labelledby="consistency-title" aria-busy={report.isFetching} data-testid="answers-consistency">
      <h2 id="consistency-title" className="visually-hidden">
        {t('answers.consistency.title')}
      </h2>
      <div className="filter-bar">
        <PeriodChoice days={days} onChoose={setDays} />
        <FilterSelect<Channel>
          label={t('answers.consistency.channel')}
          anyLabel={t('answers.consistency.allChannels')}
          value={channel}
          onChange={setChannel}
          options={choices.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
      </div>
      {report.isPending ? (
        <Spinner />
      ) : report.isError ? (
        <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.checked === 0 ? (
        <Empty>{t('answers.consistency.empty')}</Empty>
      ) : (
        <ConsistencyFigures report={report.data} days={days} />
      )}
    </section>
  );
}

function ConsistencyFigures({ report: r, days }: { report: Report; days: Period }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pct = (v: number | null) => formatPercent(v, lang);
  const userName = useNameLookup(useUsers().data);
  const figures = [
    { key: 'checked', label: t('answers.consistency.checked'), value: String(r.checked) },
    { key: 'contradictions', label: t('answers.consistency.contradictions'), value: String(r.contradictions) },
    { key: 'without-library', label: t('answers.consistency.withoutLibrary'), value: String(r.without_library) },
    { key: 'overridden', label: t('answers.consistency.overridden'), value: String(r.overridden) },
    { key: 'score', label: t('answers.consistency.score'), value: pct(r.score), note: t('answers.consistency.scoreNote') },
  ];
  const summary = t('answers.consistency.summary', { count: r.checked, contradictions: r.contradictions, score: pct(r.score) });
  const caption = `${t('answers.consistency.chartTitle')} · ${t('answers.lastDays', { count: days })}`;
  const shown = r.series.filter((s) => s.points.length > 0);
  const dayList = [...new Set(shown.flatMap((s) => s.points.map((p) => p.day)))].sort();
  return (
    <>
      <dl className="stat-tiles" aria-label={t('answers.consistency.figures')} data-testid="consistency-figures">
        {figures.map((f) => (
          <div key={f.key} className="stat-tile card" data-testid={`consistency-${f.key}`}>
            <dt>{f.label}</dt>
            <dd className="stat-tile__value">{f.value}</dd>
            {f.note && <dd className="stat-tile__note muted small">{f.note}</dd>}
          </div>
        ))}
      </dl>
      {shown.length > 0 && (
        <figure className="chart card consistency-chart">
          <figcaption className="panel-subtitle">{caption}</figcaption>
          <Suspense fallback={<div className="chart chart--placeholder" />}>
            <ConsistencyChart series={shown} from={r.from} to={r.to} label={`${caption}. ${summary}`} />
          </Suspense>
          <table className="visually-hidden" data-testid="consistency-days">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('answers.consistency.day')}</th>
                {shown.map((s) => (
                  <th key={s.channel} scope="col">
                    {t(`channel.${s.channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dayList.map((day) => (
                <tr key={day}>
                  <th scope="row">{formatDayOnly(day, lang)}</th>
                  {shown.map((s) => {
                    const p = s.points.find((x) => x.day === day);
                    return <td key={s.channel}>{p ? t('answers.consistency.dayCell', { score: pct(p.score), checked: p.checked }) : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
      <h3 className="panel-subtitle" id="consistency-topics-title">
        {t('answers.consistency.topics')}
      </h3>
      <ul className="consistency-topics" aria-labelledby="consistency-topics-title">
        {r.topics.map((tp) => (
          <ConsistencyTopicCard key={tp.answer_id} topic={tp} userName={userName} />
        ))}
      </ul>
    </>
  );
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day ("2026-12-03", UTC as the server counts) in the UI language: "3 Dec 2026". */
function formatDayOnly(day: string, lang: string): string {
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' })));
  return f.format(new Date(`${day}T00:00:00Z`));
}
