import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { formatNumber, formatPercent, formatSeconds } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Language, VolumeCounts, VolumeHeatmap } from '@/types/api';
import { useVolumeHeatmap, type ForecastParams, type VolumeFilters } from '../api/staffing';
import { CsvButton, percentCell, round, Segmented, StatTiles } from './figures';
import { METRICS, PERIOD_WEEKS, type Metric } from './staffing_params';
import { WeekTrend } from './week_trend';
import { localDate, weekdayName } from './zoned_time';

// "When customers come": the contacts (or waits, abandonment, first
// responses, handle time) by hour and weekday over the last weeks, in the
// chosen time zone, as a heatmap and, for screen readers, as a table of the
// same figures; the totals; and the week-over-week trend of daily contacts.

const HeatmapChart = lazy(() => import('./heatmap_chart'));

const WEEK_MS = 7 * 86_400_000;

/** The period asked about: `weeks` weeks up to the next whole hour (so this hour counts), fixed while it is chosen. */
export function periodFor(weeks: number, now: number = Date.now()): { from: string; to: string } {
  const to = Math.ceil(now / 3_600_000) * 3_600_000;
  return { from: new Date(to - weeks * WEEK_MS).toISOString(), to: new Date(to).toISOString() };
}

/** One measure of a cell, or null where nothing was measured. */
export function metricValue(c: VolumeCounts, metric: Metric): number | null {
  return c[metric];
}

export function formatMetric(metric: Metric, value: number | null, lang: Language): string {
  if (value == null) return '—';
  if (metric === 'contacts') return formatNumber(value, lang);
  if (metric === 'abandon_rate') return formatPercent(value, lang);
  return formatSeconds(value);
}

/** The cells as 7 rows (Monday first) of 24 hours. */
export function heatmapGrid(map: VolumeHeatmap, metric: Metric): (number | null)[][] {
  const grid: (number | null)[][] = Array.from({ length: 7 }, () => Array<number | null>(24).fill(null));
  for (const c of map.cells) grid[c.weekday - 1][c.hour] = metricValue(c, metric);
  return grid;
}

export function VolumeView({ filters, forecast, weeks, metric, onChange }: {
  filters: VolumeFilters;
  forecast: ForecastParams;
  weeks: number;
  metric: Metric;
  onChange: (changes: Record<string, string | number | undefined>) => void;
}) {
  const { t } = useTranslation();
  const period = useMemo(() => periodFor(weeks), [weeks]);
  const heatmap = useVolumeHeatmap({ ...filters, ...period });
  return (
    <section aria-labelledby="volume-title" aria-busy={heatmap.isFetching} data-testid="staffing-volume">
      <h2 id="volume-title" className="visually-hidden">
        {t('staffing.view.volume')}
      </h2>
      <div className="filter-bar">
        <Segmented
          label={t('staffing.volume.period')}
          testId="volume-period"
          choices={PERIOD_WEEKS.map((w) => ({ value: w, text: t('staffing.volume.lastWeeks', { count: w }) }))}
          value={weeks}
          onChoose={(w) => onChange({ weeks: w === 4 ? undefined : w })}
        />
        <Segmented
          label={t('staffing.volume.metric')}
          testId="volume-metric"
          choices={METRICS.map((m) => ({ value: m, text: t(`staffing.metric.${m}`) }))}
          value={metric}
          onChoose={(m) => onChange({ metric: m === 'contacts' ? undefined : m })}
        />
      </div>
      {heatmap.isPending ? (
        <Spinner />
      ) : heatmap.isError ? (
        <ErrorPanel error={heatmap.error} onRetry={() => void heatmap.refetch()} />
      ) : (
        <HeatmapFigures map={heatmap.data} metric={metric} />
      )}
      <WeekTrend params={forecast} />
    </section>
  );
}

function HeatmapFigures({ map, metric }: { map: VolumeHeatmap; metric: Metric }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const grid = useMemo(() => heatmapGrid(map, metric), [map, metric]);
  const weekdays = useMemo(() => [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d, lang)), [lang]);
  const format = useCallback((v: number) => formatMetric(metric, v, lang), [metric, lang]);
  const total = map.total;
  const span = `${localDate(map.from, map.tz)} – ${localDate(Date.parse(map.to) - 1, map.tz)}`;
  const caption = t('staffing.volume.caption', { metric: t(`staffing.metric.${metric}`), tz: map.tz, span, count: map.weeks });
  // The abandon rate is over the calls and the chats that waited for an agent.
  const summary = t('staffing.volume.summary', {
    contacts: formatNumber(total.contacts, lang),
    calls: t('staffing.volume.calls', { count: total.calls_offered, n: formatNumber(total.calls_offered, lang) }),
    chats: t('staffing.volume.chats', { count: total.chats_offered, n: formatNumber(total.chats_offered, lang) }),
    abandon: formatPercent(total.abandon_rate, lang),
  });
  const outcome = (answered: number, abandoned: number) =>
    t('staffing.volume.answeredAbandoned', { answered: formatNumber(answered, lang), abandoned: formatNumber(abandoned, lang) });
  const figures = [
    { key: 'contacts', label: t('staffing.metric.contacts'), value: formatNumber(total.contacts, lang), note: t('staffing.volume.contactsNote') },
    { key: 'calls', label: t('staffing.volume.callsOffered'), value: formatNumber(total.calls_offered, lang), note: outcome(total.calls_answered, total.calls_abandoned) },
    { key: 'chats', label: t('staffing.volume.chatsOffered'), value: formatNumber(total.chats_offered, lang), note: outcome(total.chats_answered, total.chats_abandoned) },
    { key: 'abandon', label: t('staffing.metric.abandon_rate'), value: formatPercent(total.abandon_rate, lang) },
    { key: 'wait', label: t('staffing.metric.avg_wait_seconds'), value: formatMetric('avg_wait_seconds', total.avg_wait_seconds, lang) },
    { key: 'first-response', label: t('staffing.metric.avg_first_response_seconds'), value: formatMetric('avg_first_response_seconds', total.avg_first_response_seconds, lang) },
    { key: 'handle', label: t('staffing.metric.avg_handle_seconds'), value: formatMetric('avg_handle_seconds', total.avg_handle_seconds, lang) },
  ];
  const columns = [
    'contacts', 'opened', 'messages_in', 'replies', 'calls_offered', 'calls_answered', 'calls_abandoned', 'chats_offered', 'chats_answered', 'chats_abandoned',
    'abandon_rate', 'avg_wait_seconds', 'avg_first_response_seconds', 'avg_handle_seconds',
  ] as const;
  const csvRows = () =>
    map.cells.map((c) => [
      c.weekday, weekdays[c.weekday - 1], c.hour,
      ...columns.map((k) => (k === 'abandon_rate' ? percentCell(c[k]) : k.startsWith('avg_') ? round(c[k]) : c[k])),
    ]);
  return (
    <>
      <StatTiles figures={figures} label={t('staffing.volume.totals')} prefix="volume" />
      <figure className="chart card heatmap-chart">
        <figcaption className="panel-subtitle">{caption}</figcaption>
        <Suspense fallback={<div className="chart chart--placeholder" />}>
          <HeatmapChart values={grid} weekdays={weekdays} format={format} label={`${caption}. ${summary}`} />
        </Suspense>
        <table className="visually-hidden" data-testid="heatmap-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffing.volume.hour')}</th>
              {weekdays.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 24 }, (_, hour) => (
              <tr key={hour}>
                <th scope="row">{`${String(hour).padStart(2, '0')}:00`}</th>
                {grid.map((row, day) => (
                  <td key={day} data-weekday={day + 1} data-hour={hour}>
                    {formatMetric(metric, row[hour], lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <div className="measures-table__head">
        <p className="help">{summary}</p>
        <CsvButton
          label={t('staffing.volume.download')}
          filename={`staffing-heatmap-${span.replace(' – ', '-')}.csv`}
          header={[t('staffing.csv.weekdayNumber'), t('staffing.csv.weekday'), t('staffing.volume.hour'), ...columns.map((k) => t(`staffing.csv.${k}`))]}
          rows={csvRows}
        />
      </div>
    </>
  );
}
