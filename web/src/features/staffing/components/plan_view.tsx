import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { formatNumber, formatPercent, formatSeconds } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { StaffingInterval, StaffingSchedulePlan } from '@/types/api';
import { useStaffingPlan, type ForecastParams } from '../api/staffing';
import { CsvButton, percentCell, round, StatTiles } from './figures';
import { ForecastShape, MethodNote } from './forecast_view';
import { staffingSpans, type StaffingSpan } from './spans';
import { whatIfQuery, type WhatIfDraft, type WhatIfField } from './staffing_params';
import { WhatIfForm } from './what_if';
import { formatSlot, localDate, localTime } from './zoned_time';

// The staffing plan: per interval the agents to roster and the productive
// agents needed (Erlang C, or A with a patience) against those scheduled
// and, once an interval has begun, online; the stretches under- or
// overstaffed listed; the totals; and the what-if that asks again.

const PlanChart = lazy(() => import('./plan_chart'));

export function PlanView({ params, whatIf, onChange }: {
  params: ForecastParams;
  whatIf: WhatIfDraft;
  onChange: (changes: Record<string, string | number | undefined>, replace?: boolean) => void;
}) {
  const { t } = useTranslation();
  const query = useMemo(() => ({ ...params, ...whatIfQuery(whatIf) }), [params, whatIf]);
  const plan = useStaffingPlan(query);
  // With the handle time overridden, the plan without any what-if says what was measured (it depends on
  // what is counted only, and is usually already at hand).
  const overriding = query.aht_seconds !== undefined;
  const measured = useStaffingPlan(params, overriding);
  const basis = overriding ? measured.data : plan.data;
  const measuredAht = basis ? (basis.aht_measured ? basis.aht_seconds : null) : undefined;
  return (
    <section aria-labelledby="plan-title" aria-busy={plan.isFetching} data-testid="staffing-plan">
      <h2 id="plan-title" className="visually-hidden">
        {t('staffing.view.plan')}
      </h2>
      <div className="filter-bar">
        <ForecastShape days={params.horizon_days} interval={params.interval_minutes} onChange={onChange} />
      </div>
      <WhatIfForm
        values={whatIf}
        plan={plan.data}
        measuredAht={measuredAht}
        error={plan.error}
        onChange={(changes: Partial<Record<WhatIfField, string | undefined>>) => onChange(changes, true)}
      />
      {plan.isPending ? (
        <Spinner />
      ) : plan.isError && !plan.data ? (
        <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.data ? (
        <>
          {plan.isError && <ErrorPanel error={plan.error} />}
          <PlanFigures plan={plan.data} ahtGiven={overriding} />
        </>
      ) : null}
    </section>
  );
}

function PlanFigures({ plan: p, ahtGiven }: { plan: StaffingSchedulePlan; ahtGiven: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const spans = useMemo(() => staffingSpans(p.intervals), [p.intervals]);
  const peak = p.intervals.reduce((m, i) => Math.max(m, i.required_with_shrinkage), 0);
  const hours = (v: number) => formatNumber(v, lang, 1);
  const ahtSource = p.aht_measured ? 'measured' : ahtGiven ? 'given' : 'assumed';
  const figures = [
    { key: 'contacts', label: t('staffing.plan.contacts'), value: formatNumber(p.totals.contacts, lang) },
    { key: 'peak', label: t('staffing.plan.peak'), value: formatNumber(peak, lang) },
    { key: 'hours-required', label: t('staffing.plan.hoursRequired'), value: hours(p.totals.agent_hours_required) },
    { key: 'hours-scheduled', label: t('staffing.plan.hoursScheduled'), value: hours(p.totals.agent_hours_scheduled) },
    { key: 'under', label: t('staffing.plan.underIntervals'), value: formatNumber(p.totals.under, lang) },
    { key: 'over', label: t('staffing.plan.overIntervals'), value: formatNumber(p.totals.over, lang) },
    { key: 'aht', label: t('staffing.plan.aht'), value: formatSeconds(Math.round(p.aht_seconds)), note: t(`staffing.plan.aht_${ahtSource}`) },
  ];
  const days = new Set(p.intervals.map((i) => localDate(i.start, p.tz))).size;
  const caption = t('staffing.plan.caption', { count: days, minutes: p.interval_minutes, tz: p.tz });
  const summary = t('staffing.plan.summary', {
    count: peak,
    required: hours(p.totals.agent_hours_required),
    scheduled: hours(p.totals.agent_hours_scheduled),
    under: p.totals.under,
    over: p.totals.over,
  });
  const target = t(p.patience_seconds != null ? 'staffing.plan.targetErlangA' : 'staffing.plan.targetErlangC', {
    level: formatPercent(p.service_level, lang),
    seconds: formatNumber(p.target_seconds, lang),
    occupancy: formatPercent(p.max_occupancy, lang),
    shrinkage: formatPercent(p.shrinkage, lang),
    patience: formatNumber(p.patience_seconds, lang),
  });
  const span = p.intervals.length > 0 ? `${localDate(p.intervals[0].start, p.tz)}-${localDate(p.intervals.at(-1)!.start, p.tz)}` : '';
  return (
    <>
      <MethodNote method={p.method} backtest={p.backtest} />
      <StatTiles figures={figures} label={t('staffing.plan.totals')} prefix="plan" />
      <figure className="chart card plan-chart">
        <figcaption className="panel-subtitle">{caption}</figcaption>
        <Suspense fallback={<div className="chart chart--placeholder" />}>
          <PlanChart intervals={p.intervals} tz={p.tz} label={`${caption}. ${summary}`} />
        </Suspense>
      </figure>
      <p className="help" data-testid="plan-target">
        {target} {summary}
      </p>
      <div className="plan-spans">
        <SpanList spans={spans.filter((s) => s.status === 'under')} plan={p} status="under" />
        <SpanList spans={spans.filter((s) => s.status === 'over')} plan={p} status="over" />
      </div>
      <IntervalTable plan={p} caption={caption} span={span} />
    </>
  );
}

/** The stretches understaffed (or overstaffed), each from its first interval's start to its last one's end. */
function SpanList({ spans, plan: p, status }: { spans: StaffingSpan[]; plan: StaffingSchedulePlan; status: 'under' | 'over' }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const end = (i: StaffingInterval) => localTime(Date.parse(i.start) + p.interval_minutes * 60_000, p.tz);
  return (
    <section className={`card plan-spans__${status}`} data-testid={`plan-spans-${status}`} aria-labelledby={`plan-${status}-title`}>
      <h3 className="panel-subtitle" id={`plan-${status}-title`}>
        {t(`staffing.plan.${status}Title`, { count: spans.length })}
      </h3>
      {spans.length === 0 ? (
        <p className="muted small">{t(`staffing.plan.${status}None`)}</p>
      ) : (
        <ul className="small">
          {spans.map((s) => (
            <li key={s.first}>
              {formatSlot(p.intervals[s.first].start, p.tz, lang)}–{end(p.intervals[s.last])} · {t(`staffing.plan.${status}By`, { count: s.worst })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function IntervalTable({ plan: p, caption, span }: { plan: StaffingSchedulePlan; caption: string; span: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const erlangA = p.patience_seconds != null;
  const one = (v: number | null | undefined) => formatNumber(v, lang, 1);
  const header = [
    t('staffing.csv.date'), t('staffing.csv.time'), t('staffing.csv.startUtc'), t('staffing.csv.expected'), t('staffing.csv.low'), t('staffing.csv.high'),
    t('staffing.csv.required'), t('staffing.csv.rostered'), t('staffing.csv.scheduled'), t('staffing.csv.online'),
    t('staffing.csv.serviceLevel'), t('staffing.csv.asa'), t('staffing.csv.occupancy'), ...(erlangA ? [t('staffing.csv.abandon')] : []), t('staffing.csv.status'),
  ];
  const rows = () =>
    p.intervals.map((i) => [
      localDate(i.start, p.tz), localTime(i.start, p.tz), i.start, round(i.contacts, 2), round(i.low, 2), round(i.high, 2),
      i.required, i.required_with_shrinkage, i.scheduled, i.online,
      percentCell(i.service_level), round(i.asa_seconds), percentCell(i.occupancy), ...(erlangA ? [percentCell(i.p_abandon)] : []), t(`staffing.status.${i.status}`),
    ]);
  return (
    <details className="staffing-details" data-testid="plan-details">
      <summary>{t('staffing.plan.perInterval')}</summary>
      <div className="measures-table__head">
        <span />
        <CsvButton label={t('staffing.plan.download')} filename={`staffing-plan-${span}.csv`} header={header} rows={rows} />
      </div>
      <div className="table-scroll card">
        <table className="table table--dense" data-testid="plan-intervals">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffing.forecast.interval')}</th>
              <th scope="col" className="num">{t('staffing.plan.contacts')}</th>
              <th scope="col" className="num">{t('staffing.plan.required')}</th>
              <th scope="col" className="num">{t('staffing.plan.rostered')}</th>
              <th scope="col" className="num">{t('staffing.plan.scheduled')}</th>
              <th scope="col" className="num">{t('staffing.plan.online')}</th>
              <th scope="col" className="num">{t('staffing.plan.serviceLevel')}</th>
              <th scope="col" className="num">{t('staffing.plan.asa')}</th>
              <th scope="col" className="num">{t('staffing.plan.occupancy')}</th>
              {erlangA && <th scope="col" className="num">{t('staffing.plan.abandon')}</th>}
              <th scope="col">{t('staffing.plan.status')}</th>
            </tr>
          </thead>
          <tbody>
            {p.intervals.map((i) => (
              <tr key={i.start} className={i.status === 'under' ? 'is-failing' : i.status === 'over' ? 'is-over' : undefined} data-status={i.status} data-start={i.start}>
                <th scope="row">{formatSlot(i.start, p.tz, lang)}</th>
                <td className="num">{one(i.contacts)}</td>
                <td className="num">{i.required}</td>
                <td className="num">{i.required_with_shrinkage}</td>
                <td className="num">{i.scheduled}</td>
                <td className="num">{i.online ?? '—'}</td>
                <td className="num">{formatPercent(i.service_level, lang)}</td>
                <td className="num">{i.asa_seconds == null ? '—' : formatSeconds(i.asa_seconds)}</td>
                <td className="num">{formatPercent(i.occupancy, lang)}</td>
                {erlangA && <td className="num">{formatPercent(i.p_abandon ?? null, lang)}</td>}
                <td>{t(`staffing.status.${i.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
