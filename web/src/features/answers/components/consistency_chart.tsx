import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import { formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Channel, ConsistencySeries } from '@/types/api';

// Loaded lazily (React.lazy) so ECharts is only fetched when the consistency tab opens.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const colours: Record<Channel, string> = {
  email: '#3b5bdb',
  chat: '#2b8a3e',
  phone: '#f08c00',
  social: '#ae3ec9',
  shop: '#c92a2a',
  webform: '#0b7285',
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 Dec", "3 dec" in the UI language. */
function formatDay(ms: number, lang: string): string {
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short' })));
  return f.format(ms);
}

/** A calendar day ("2026-12-03") as the local midnight the time axis reckons in. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

const halfDay = 43_200_000;

/**
 * The score (0–100 %) per channel per day as lines over the period, from
 * its first day to its last (`to` is the exclusive end), with half a day to
 * spare either side so the points on the first and last day are whole;
 * days without a checked reply have no point. The figure is an image to assistive
 * technology (`label` sums it up); the table beside it holds the figures.
 */
export default function ConsistencyChart({ series, from, to, label }: { series: ConsistencySeries[]; from: string; to: string; label: string }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const lang = currentLanguage();
    const percent = (v: unknown) => {
      const n = Array.isArray(v) ? v[1] : v;
      return typeof n === 'number' ? formatPercent(n / 100, lang) : '—';
    };
    return {
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' as const, valueFormatter: percent },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: {
        type: 'time' as const,
        min: dayStart(from.slice(0, 10)) - halfDay,
        max: dayStart(new Date(Date.parse(to) - 86_400_000).toISOString().slice(0, 10)) + halfDay,
        minInterval: 86_400_000,
        axisLabel: { formatter: (ms: number) => formatDay(ms, lang), hideOverlap: true },
      },
      yAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: (v: number) => formatPercent(v / 100, lang) } },
      series: series.map((s) => ({
        name: t(`channel.${s.channel}`),
        type: 'line' as const,
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: colours[s.channel] },
        data: s.points.map((p) => [dayStart(p.day), p.score == null ? null : Math.round(p.score * 100)]),
      })),
    };
  }, [series, from, to, t]);

  return <EChart option={option} label={label} testId="consistency-chart" className="consistency-chart__canvas" />;
}
