import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { downloadCsv, toCsv, type CsvValue } from '@/lib/csv';
import { currentLanguage } from '@/lib/i18n';
import { CHANNELS, PROMISE_KINDS, PROMISE_MEASURE_GROUPS } from '@/types/api';
import type { Channel, PromiseKind, PromiseMeasureGroup, PromiseMeasureRow, PromiseParty } from '@/types/api';
import { usePromiseMeasures } from '../api/promises';
import type { ChartRow } from './measures_chart';
import { lateness, orderRows, parseIsoWeek, percent, periodRange, totals } from './measures_data';
import { PERIODS } from './promises_view';
import { Segmented } from '@/components/segmented';

// The measures tab of the promises page: how well promises are kept, per
// week, agent, department, channel or kind, ours or the customers', over
// the last 4, 13 or 52 weeks. A chart, and under it the same figures as a
// table (what screen readers read), which downloads as CSV.

const MeasuresChart = lazy(() => import('./measures_chart'));

const PARTIES: PromiseParty[] = ['us', 'customer'];

const pick = <T extends string | number>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => String(a) === value) ?? fallback;

/** The table's columns after the group's name, in order; the CSV has the same. */
const COLUMNS = ['made', 'kept', 'kept_on_time', 'broken', 'cancelled', 'live', 'overdue', 'chased', 'kept_rate', 'median_lateness_minutes'] as const;
type Column = (typeof COLUMNS)[number];

export function PromiseMeasures() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const group = pick(params.get('group'), PROMISE_MEASURE_GROUPS, 'week');
  const by = pick(params.get('by'), PARTIES, 'us');
  const weeks = pick(params.get('weeks'), PERIODS, 13);
  const period = useMemo(() => periodRange(weeks), [weeks]);
  const measures = usePromiseMeasures({ group, by, ...period });

  const choose = (name: 'group' | 'by' | 'weeks', value: string, fallback: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value === fallback) next.delete(name);
      else next.set(name, value);
      return next;
    });

  // What the answer is about (while the next is asked, the last one stays).
  const data = measures.data;
  const shownGroup: PromiseMeasureGroup = pick(data?.group ?? null, PROMISE_MEASURE_GROUPS, group);
  const shownBy: PromiseParty = data?.by ?? by;
  const name = (r: PromiseMeasureRow): string => groupName(t, shownGroup, r);
  const { rows, chartRows } = useMemo(() => {
    const named = (r: PromiseMeasureRow) => groupName(t, shownGroup, r);
    const rows = data ? orderRows(shownGroup, data.rows, data, named) : [];
    const chartRows = rows.map((row): ChartRow => {
      const week = shownGroup === 'week' ? parseIsoWeek(row.key) : null;
      return { row, name: named(row), short: week ? t('promises.measures.weekShort', { week: week.week }) : named(row) };
    });
    return { rows, chartRows };
  }, [data, shownGroup, t]);
  const sum = totals(rows);
  const rate = percent(sum.kept_rate);
  const caption = [
    t(shownBy === 'us' ? 'promises.measures.ours' : 'promises.measures.theirs'),
    t(`promises.measures.per.${shownGroup}`),
    t('promises.measures.lastWeeks', { count: weeks }),
  ].join(' · ');
  const summary = t('promises.measures.summary', {
    made: sum.made,
    kept: sum.kept,
    onTime: sum.kept_on_time,
    broken: sum.broken,
    overdue: sum.overdue,
    rate: rate == null ? t('promises.measures.noRate') : formatPercent(rate, lang),
  });

  const header = (c: Column) => t(`promises.measures.column.${c}`);
  const cell = (r: PromiseMeasureRow, c: Column): string => {
    if (c === 'kept_rate') return r.kept_rate == null ? '—' : formatPercent(percent(r.kept_rate)!, lang);
    if (c === 'median_lateness_minutes') {
      if (r.median_lateness_minutes == null) return '—';
      const l = lateness(r.median_lateness_minutes);
      return t(l.hours ? 'promises.measures.hours' : 'promises.measures.minutes', { value: l.text });
    }
    return String(r[c]);
  };
  const exportCsv = () => {
    // The table's headers; the rate in whole percents and the lateness in minutes, for a spreadsheet to reckon with.
    const csvHeader = (c: Column) => (c === 'kept_rate' || c === 'median_lateness_minutes' ? t(`promises.measures.csv.${c}`) : header(c));
    const head = [t(`promises.measures.group.${shownGroup}`), ...COLUMNS.map(csvHeader)];
    const body = rows.map((r): CsvValue[] => [name(r), ...COLUMNS.map((c) => (c === 'kept_rate' ? percent(r.kept_rate) : r[c]))]);
    // Named for the local days it covers (`to` is exclusive).
    const day = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const span = data ? `${day(Date.parse(data.from))}-${day(Date.parse(data.to) - 1)}` : '';
    downloadCsv(`promises-${shownBy}-${shownGroup}-${span}.csv`, toCsv(head, body));
  };

  return (
    <section aria-labelledby="measures-title" aria-busy={measures.isFetching} data-testid="promise-measures">
      <h2 id="measures-title" className="visually-hidden">
        {t('promises.measures.title')}
      </h2>
      <div className="filter-bar">
        <Segmented
          label={t('promises.measures.groupBy')}
          testId="measures-group"
          choices={PROMISE_MEASURE_GROUPS.map((g) => ({ value: g, text: t(`promises.measures.per.${g}`) }))}
          value={group}
          onChoose={(g) => choose('group', g, 'week')}
        />
        <Segmented
          label={t('promises.measures.whose')}
          testId="measures-by"
          choices={PARTIES.map((p) => ({ value: p, text: t(p === 'us' ? 'promises.measures.ours' : 'promises.measures.theirs') }))}
          value={by}
          onChoose={(p) => choose('by', p, 'us')}
        />
        <Segmented
          label={t('promises.measures.period')}
          testId="measures-period"
          choices={PERIODS.map((w) => ({ value: String(w), text: t('promises.measures.lastWeeks', { count: w }) }))}
          value={String(weeks)}
          onChoose={(w) => choose('weeks', w, '13')}
        />
      </div>
      {measures.isPending ? (
        <Spinner />
      ) : measures.isError ? (
        <ErrorPanel error={measures.error} onRetry={() => void measures.refetch()} />
      ) : rows.every((r) => r.made === 0) ? (
        <Empty>{t('promises.measures.empty')}</Empty>
      ) : (
        <>
          <figure className="chart card measures-chart">
            <figcaption className="panel-subtitle">{caption}</figcaption>
            <Suspense fallback={<div className="chart chart--placeholder" />}>
              <MeasuresChart rows={chartRows} timeline={shownGroup === 'week'} label={`${caption}. ${summary}`} />
            </Suspense>
          </figure>
          <div className="measures-table__head">
            <p className="help">{summary}</p>
            <button type="button" className="btn btn--small" onClick={exportCsv}>
              {t('promises.measures.download')}
            </button>
          </div>
          <div className="table-scroll card">
            <table className="table table--dense" data-testid="measures-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`promises.measures.group.${shownGroup}`)}</th>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" className="num">
                      {header(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key ?? ''} data-testid="measures-row">
                    <th scope="row">{name(r)}</th>
                    {COLUMNS.map((c) => (
                      <td key={c} className="num">
                        {cell(r, c)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}


type T = ReturnType<typeof useTranslation>['t'];

/** A group's name: the person or department (as the server names them), the channel or kind in words, or the week. */
function groupName(t: T, group: PromiseMeasureGroup, r: PromiseMeasureRow): string {
  if (r.key == null) return t(`promises.measures.none.${group}`);
  if (group === 'channel' && CHANNELS.includes(r.key as Channel)) return t(`channel.${r.key}`);
  if (group === 'kind' && PROMISE_KINDS.includes(r.key as PromiseKind)) return t(`promises.kind.${r.key}`);
  const week = group === 'week' ? parseIsoWeek(r.key) : null;
  if (week) return t('promises.measures.week', week);
  return r.label ?? r.key;
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** 83 → "83%" in the UI language. */
function formatPercent(whole: number, lang: string): string {
  let f = percentFormats.get(lang);
  if (!f) percentFormats.set(lang, (f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 })));
  return f.format(whole / 100);
}
