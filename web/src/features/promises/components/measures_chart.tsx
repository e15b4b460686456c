import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import type { PromiseMeasureRow } from '@/types/api';
import { percent } from './measures_data';

// Loaded lazily (React.lazy) so ECharts is only fetched when the measures tab opens.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartRow {
  row: PromiseMeasureRow;
  /** The group's name in full (tooltip) and short (axis). */
  name: string;
  short: string;
}

const colours = { onTime: '#2b8a3e', late: '#8ce99a', broken: '#c92a2a', overdue: '#f08c00', rate: '#3b5bdb' };

/**
 * How well promises are kept, per group: stacked bars of kept on time, kept
 * late, broken and still open past due, with the kept rate (0–100 %) on a
 * second axis. Per week a column chart with the rate as a line; per agent,
 * department, channel or kind horizontal bars with the rate as a marker.
 * The figure is an image to assistive technology (`label` sums it up); the
 * table beside it holds the same figures.
 */
export default function MeasuresChart({ rows, timeline, label }: { rows: ChartRow[]; timeline: boolean; label: string }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    // Horizontal bars list the first group at the bottom: turn them round, so the biggest is on top.
    const shown = timeline ? rows : [...rows].reverse();
    const stack = [
      { name: t('promises.measures.keptOnTime'), colour: colours.onTime, value: (r: PromiseMeasureRow) => r.kept_on_time },
      { name: t('promises.measures.keptLate'), colour: colours.late, value: (r: PromiseMeasureRow) => r.kept - r.kept_on_time },
      { name: t('promises.measures.broken'), colour: colours.broken, value: (r: PromiseMeasureRow) => r.broken },
      { name: t('promises.measures.overdueOpen'), colour: colours.overdue, value: (r: PromiseMeasureRow) => r.overdue },
    ].map((s) => ({
      name: s.name,
      type: 'bar' as const,
      stack: 'promises',
      barMaxWidth: 28,
      itemStyle: { color: s.colour },
      data: shown.map((r) => s.value(r.row)),
    }));
    const rateName = t('promises.measures.keptRate');
    const rateFormat = (v: unknown) => (typeof v === 'number' ? `${Math.round(v)} %` : '—');
    const countAxis = { type: 'value' as const, minInterval: 1 };
    const rateAxis = {
      type: 'value' as const,
      min: 0,
      max: 100,
      splitLine: { show: false },
      axisLabel: { formatter: '{value} %' },
    };
    const categories = { type: 'category' as const, data: shown.map((r) => r.short) };
    const tooltip = {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
    };

    return timeline
      ? {
          grid: { left: 40, right: 48, top: 40, bottom: 28 },
          tooltip,
          legend: { top: 0, textStyle: { fontSize: 11 } },
          xAxis: categories,
          yAxis: [countAxis, rateAxis],
          series: [
            ...stack,
            {
              name: rateName,
              type: 'line',
              yAxisIndex: 1,
              connectNulls: true,
              itemStyle: { color: colours.rate },
              tooltip: { valueFormatter: rateFormat },
              data: shown.map((r) => percent(r.row.kept_rate)),
            },
          ],
        }
      : {
          grid: { left: 8, right: 56, top: 32, bottom: 48 },
          tooltip,
          legend: { bottom: 0, textStyle: { fontSize: 11 } },
          yAxis: { ...categories, axisLabel: { width: 160, overflow: 'truncate' } },
          xAxis: [
            { ...countAxis, position: 'bottom' },
            { ...rateAxis, position: 'top' },
          ],
          series: [
            ...stack,
            {
              name: rateName,
              type: 'scatter',
              xAxisIndex: 1,
              symbol: 'diamond',
              symbolSize: 12,
              itemStyle: { color: colours.rate },
              label: { show: true, position: 'right', formatter: (p: { value: unknown }) => rateFormat((p.value as number[])[0]) },
              tooltip: { valueFormatter: rateFormat },
              data: shown.flatMap((r, i) => {
                const rate = percent(r.row.kept_rate);
                return rate == null ? [] : [[rate, i]];
              }),
            },
          ],
        };
  }, [rows, timeline, t]);

  return (
    <EChart
      option={option}
      label={label}
      testId="measures-chart"
      className="measures-chart__canvas"
      style={timeline ? undefined : { height: Math.max(200, rows.length * 32 + 90) }}
    />
  );
}
