import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { formatNumber, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { HistoryDay } from '@/types/api';
import { useVolumeForecast, type ForecastParams } from '../api/staffing';
import { CsvButton } from './figures';
import { addDays, formatLocalDay } from './zoned_time';

// The week-over-week trend under the heatmap: the daily contacts of the
// whole days the forecast learnt from (its `history`), each beside the same
// weekday a week earlier; the last seven days ("this week") against the
// seven before, in a table and summed.

const TrendChart = lazy(() => import('./trend_chart'));

export interface WeekRow {
  day: HistoryDay;
  /** The same weekday a week earlier, where the history goes back that far. */
  before: HistoryDay | null;
}

/** The last seven days of the history, each with the day a week before; their totals and the change (null without a whole week before). */
export function weekOverWeek(history: HistoryDay[]) {
  const days = [...history].sort((a, b) => a.date.localeCompare(b.date));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const rows: WeekRow[] = days.slice(-7).map((day) => ({ day, before: byDate.get(addDays(day.date, -7)) ?? null }));
  const thisWeek = rows.reduce((s, r) => s + r.day.contacts, 0);
  const whole = rows.length === 7 && rows.every((r) => r.before);
  const lastWeek = whole ? rows.reduce((s, r) => s + (r.before?.contacts ?? 0), 0) : null;
  const change = lastWeek ? (thisWeek - lastWeek) / lastWeek : null;
  return { days, rows, thisWeek, lastWeek, change };
}

export function WeekTrend({ params }: { params: ForecastParams }) {
  const { t } = useTranslation();
  const forecast = useVolumeForecast(params);
  return (
    <section aria-labelledby="trend-title" data-testid="week-trend">
      <h3 id="trend-title" className="panel-subtitle">
        {t('staffing.trend.title')}
      </h3>
      {forecast.isPending ? (
        <Spinner />
      ) : forecast.isError ? (
        <ErrorPanel error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <TrendFigures history={forecast.data.history} />
      )}
    </section>
  );
}

function TrendFigures({ history }: { history: HistoryDay[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const trend = useMemo(() => weekOverWeek(history), [history]);
  if (trend.days.length === 0) return <p className="empty">{t('staffing.trend.empty')}</p>;
  const change = (now: number, before: number | null) => {
    if (before == null) return '—';
    if (before === 0) return now === 0 ? formatPercent(0, lang) : '—';
    const share = (now - before) / before;
    return `${share > 0 ? '+' : ''}${formatPercent(share, lang)}`;
  };
  const dayName = (d: HistoryDay) => `${formatLocalDay(d.date, lang)}${d.holiday ? ` (${d.holiday})` : ''}`;
  const summary =
    trend.lastWeek == null
      ? t('staffing.trend.summaryShort', { count: trend.thisWeek })
      : t('staffing.trend.summary', { count: trend.thisWeek, before: formatNumber(trend.lastWeek, lang), change: change(trend.thisWeek, trend.lastWeek) });
  return (
    <>
      <p className="help" data-testid="trend-summary">
        {summary}
      </p>
      <figure className="chart card">
        <figcaption className="panel-subtitle">{t('staffing.trend.chartTitle')}</figcaption>
        <Suspense fallback={<div className="chart chart--placeholder" />}>
          <TrendChart days={trend.days} label={`${t('staffing.trend.chartTitle')}. ${summary}`} />
        </Suspense>
      </figure>
      <div className="measures-table__head">
        <span />
        <CsvButton
          label={t('staffing.trend.download')}
          filename={`staffing-daily-contacts-${trend.days[0].date}-${trend.days.at(-1)!.date}.csv`}
          header={[t('staffing.csv.date'), t('staffing.csv.weekdayNumber'), t('staffing.csv.contacts'), t('staffing.csv.holiday')]}
          rows={() => trend.days.map((d) => [d.date, d.weekday, d.contacts, d.holiday ?? ''])}
        />
      </div>
      <div className="table-scroll card">
        <table className="table table--dense" data-testid="trend-table">
          <caption className="visually-hidden">{t('staffing.trend.tableTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffing.trend.day')}</th>
              <th scope="col" className="num">{t('staffing.trend.thisWeek')}</th>
              <th scope="col" className="num">{t('staffing.trend.weekBefore')}</th>
              <th scope="col" className="num">{t('staffing.trend.change')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.rows.map((r) => (
              <tr key={r.day.date}>
                <th scope="row">{dayName(r.day)}</th>
                <td className="num">{formatNumber(r.day.contacts, lang)}</td>
                <td className="num">{r.before ? formatNumber(r.before.contacts, lang) : '—'}</td>
                <td className="num">{change(r.day.contacts, r.before?.contacts ?? null)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('staffing.trend.total')}</th>
              <td className="num">{formatNumber(trend.thisWeek, lang)}</td>
              <td className="num">{formatNumber(trend.lastWeek, lang)}</td>
              <td className="num">{change(trend.thisWeek, trend.lastWeek)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
