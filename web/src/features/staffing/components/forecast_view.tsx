import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { formatNumber, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { ForecastBacktest, ForecastMethod, VolumeForecast } from '@/types/api';
import { useVolumeForecast, type ForecastParams } from '../api/staffing';
import { CsvButton, percentCell, round, Segmented, StatTiles } from './figures';
import { HORIZONS, INTERVALS } from './staffing_params';
import { formatLocalDay, formatSlot, localDate, localTime } from './zoned_time';

// The forecast: the contacts expected per interval over the coming days with
// their 80 % band, the daily totals with holidays, and the back-test that
// decides whether the model's figures or the baseline's are used.

const ForecastChart = lazy(() => import('./forecast_chart'));

/** How far ahead and in what steps the forecast (and so the plan) looks. */
export function ForecastShape({ days, interval, onChange }: { days: number; interval: number; onChange: (changes: Record<string, number | undefined>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Segmented
        label={t('staffing.forecast.horizon')}
        testId="forecast-horizon"
        choices={HORIZONS.map((d) => ({ value: d, text: t('staffing.forecast.nextDays', { count: d }) }))}
        value={days}
        onChoose={(d) => onChange({ days: d === 7 ? undefined : d })}
      />
      <Segmented
        label={t('staffing.forecast.interval')}
        testId="forecast-interval"
        choices={INTERVALS.map((m) => ({ value: m, text: t('staffing.forecast.minutes', { count: m }) }))}
        value={interval}
        onChoose={(m) => onChange({ interval: m === 30 ? undefined : m })}
      />
    </>
  );
}

/**
 * Which figures are used and why, as the back-test found: the model only
 * where it beat the seasonal-naive baseline (each interval as it was a week
 * before), by WAPE (weighted absolute percentage error: the errors over all
 * intervals against all contacts).
 */
export function MethodNote({ method, backtest }: { method: ForecastMethod; backtest: ForecastBacktest | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pct = (v: number | null) => formatPercent(v, lang, 1);
  let text: string;
  if (!backtest) text = t(`staffing.method.noBacktest.${method}`);
  else if (method === 'seasonal_naive') text = t('staffing.method.baselineBetter', { wape: pct(backtest.wape), naive: pct(backtest.naive_wape), count: backtest.origins });
  else if (backtest.beats_baseline) text = t('staffing.method.modelBetter', { wape: pct(backtest.wape), naive: pct(backtest.naive_wape), count: backtest.origins });
  else text = t('staffing.method.modelNotBetter', { wape: pct(backtest.wape), naive: pct(backtest.naive_wape), count: backtest.origins });
  return (
    <p className="card staffing-method" data-testid="forecast-method" data-method={method}>
      <strong>{t(`staffing.method.name.${method}`)}.</strong> {text}
    </p>
  );
}

export function ForecastView({ params, onChange }: { params: ForecastParams; onChange: (changes: Record<string, number | undefined>) => void }) {
  const { t } = useTranslation();
  const forecast = useVolumeForecast(params);
  return (
    <section aria-labelledby="forecast-title" aria-busy={forecast.isFetching} data-testid="staffing-forecast">
      <h2 id="forecast-title" className="visually-hidden">
        {t('staffing.view.forecast')}
      </h2>
      <div className="filter-bar">
        <ForecastShape days={params.horizon_days} interval={params.interval_minutes} onChange={onChange} />
      </div>
      {forecast.isPending ? (
        <Spinner />
      ) : forecast.isError ? (
        <ErrorPanel error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <ForecastFigures forecast={forecast.data} />
      )}
    </section>
  );
}

function ForecastFigures({ forecast: f }: { forecast: VolumeForecast }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const one = (v: number | null) => formatNumber(v, lang, 1);
  const pct = (v: number | null) => formatPercent(v, lang, 1);
  const total = f.days.reduce((s, d) => s + d.expected, 0);
  const span = f.days.length > 0 ? `${f.days[0].date}-${f.days.at(-1)!.date}` : '';
  const caption = t('staffing.forecast.caption', { count: f.days.length, minutes: f.interval_minutes, tz: f.tz });
  const summary = t('staffing.forecast.summary', { expected: formatNumber(total, lang), days: f.days.length, history: f.history_days, from: f.history_from });
  const figures = [
    { key: 'expected', label: t('staffing.forecast.expectedTotal'), value: formatNumber(total, lang) },
    { key: 'history', label: t('staffing.forecast.historyDays'), value: formatNumber(f.history_days, lang), note: t('staffing.forecast.since', { date: f.history_from }) },
    { key: 'wape', label: t('staffing.forecast.wape'), value: pct(f.backtest ? (f.method === 'seasonal_naive' ? f.backtest.naive_wape : f.backtest.wape) : null) },
  ];
  return (
    <>
      <MethodNote method={f.method} backtest={f.backtest} />
      <StatTiles figures={figures} label={t('staffing.forecast.totals')} prefix="forecast" />
      <figure className="chart card forecast-chart">
        <figcaption className="panel-subtitle">{caption}</figcaption>
        <Suspense fallback={<div className="chart chart--placeholder" />}>
          <ForecastChart intervals={f.intervals} days={f.days} tz={f.tz} label={`${caption}. ${summary}`} />
        </Suspense>
      </figure>
      <p className="help">{summary}</p>

      <div className="measures-table__head">
        <h3 className="panel-subtitle">{t('staffing.forecast.daily')}</h3>
        <CsvButton
          label={t('staffing.forecast.downloadDaily')}
          filename={`staffing-forecast-days-${span}.csv`}
          header={[t('staffing.csv.date'), t('staffing.csv.weekdayNumber'), t('staffing.csv.expected'), t('staffing.csv.holiday')]}
          rows={() => f.days.map((d) => [d.date, d.weekday, round(d.expected), d.holiday ?? ''])}
        />
      </div>
      <div className="table-scroll card">
        <table className="table table--dense" data-testid="forecast-days">
          <caption className="visually-hidden">{t('staffing.forecast.daily')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffing.forecast.day')}</th>
              <th scope="col" className="num">{t('staffing.forecast.expected')}</th>
              <th scope="col">{t('staffing.forecast.holiday')}</th>
            </tr>
          </thead>
          <tbody>
            {f.days.map((d) => (
              <tr key={d.date} className={d.holiday ? 'is-holiday' : undefined}>
                <th scope="row">{formatLocalDay(d.date, lang)}</th>
                <td className="num">{one(d.expected)}</td>
                <td>{d.holiday && <span className="badge badge--warning">{d.holiday}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="measures-table__head">
        <h3 className="panel-subtitle">{t('staffing.forecast.backtest')}</h3>
        {f.backtest && (
          <CsvButton
            label={t('staffing.forecast.downloadBacktest')}
            filename={`staffing-forecast-backtest-${span}.csv`}
            header={[t('staffing.csv.daysAhead'), t('staffing.csv.wape'), t('staffing.csv.naiveWape'), t('staffing.csv.mape'), t('staffing.csv.naiveMape')]}
            rows={() => f.backtest!.horizons.map((h) => [h.days_ahead, percentCell(h.wape), percentCell(h.naive_wape), percentCell(h.mape), percentCell(h.naive_mape)])}
          />
        )}
      </div>
      {f.backtest ? (
        <div className="table-scroll card">
          <table className="table table--dense" data-testid="forecast-backtest">
            <caption className="visually-hidden">{t('staffing.forecast.backtest')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffing.forecast.daysAhead')}</th>
                <th scope="col" className="num">{t('staffing.forecast.modelWape')}</th>
                <th scope="col" className="num">{t('staffing.forecast.naiveWape')}</th>
                <th scope="col" className="num">{t('staffing.forecast.modelMape')}</th>
                <th scope="col" className="num">{t('staffing.forecast.naiveMape')}</th>
                <th scope="col">{t('staffing.forecast.better')}</th>
              </tr>
            </thead>
            <tbody>
              {f.backtest.horizons.map((h) => (
                <tr key={h.days_ahead}>
                  <th scope="row">{t('staffing.forecast.daysAheadN', { count: h.days_ahead })}</th>
                  <td className="num">{pct(h.wape)}</td>
                  <td className="num">{pct(h.naive_wape)}</td>
                  <td className="num">{pct(h.mape)}</td>
                  <td className="num">{pct(h.naive_mape)}</td>
                  <td>{h.wape == null || h.naive_wape == null ? '—' : t(h.wape < h.naive_wape ? 'staffing.forecast.modelWins' : 'staffing.forecast.baselineWins')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('staffing.forecast.overall', { count: f.backtest.origins })}</th>
                <td className="num">{pct(f.backtest.wape)}</td>
                <td className="num">{pct(f.backtest.naive_wape)}</td>
                <td />
                <td />
                <td>{t(f.backtest.beats_baseline ? 'staffing.forecast.modelWins' : 'staffing.forecast.baselineWins')}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <p className="help">{t('staffing.forecast.noBacktest')}</p>
      )}

      <details className="staffing-details">
        <summary>{t('staffing.forecast.perInterval')}</summary>
        <div className="measures-table__head">
          <span />
          <CsvButton
            label={t('staffing.forecast.downloadIntervals')}
            filename={`staffing-forecast-intervals-${span}.csv`}
            header={[t('staffing.csv.date'), t('staffing.csv.time'), t('staffing.csv.startUtc'), t('staffing.csv.expected'), t('staffing.csv.low'), t('staffing.csv.high')]}
            rows={() => f.intervals.map((i) => [localDate(i.start, f.tz), localTime(i.start, f.tz), i.start, round(i.expected, 2), round(i.low, 2), round(i.high, 2)])}
          />
        </div>
        <div className="table-scroll card">
          <table className="table table--dense" data-testid="forecast-intervals">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffing.forecast.interval')}</th>
                <th scope="col" className="num">{t('staffing.forecast.expected')}</th>
                <th scope="col" className="num">{t('staffing.forecast.low')}</th>
                <th scope="col" className="num">{t('staffing.forecast.high')}</th>
              </tr>
            </thead>
            <tbody>
              {f.intervals.map((i) => (
                <tr key={i.start}>
                  <th scope="row">{formatSlot(i.start, f.tz, lang)}</th>
                  <td className="num">{one(i.expected)}</td>
                  <td className="num">{one(i.low)}</td>
                  <td className="num">{one(i.high)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
