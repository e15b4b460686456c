import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import { currentLanguage } from '@/lib/i18n';
import type { StaffingInterval } from '@/types/api';
import { formatSlot } from './zoned_time';

// Loaded lazily (React.lazy) so ECharts is only fetched when the plan shows.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const colours = { rostered: '#1c2f7a', required: '#748ffc', scheduled: '#2b8a3e', online: '#f08c00', under: 'rgba(201, 42, 42, 0.16)', over: 'rgba(240, 140, 0, 0.16)' };

/**
 * Per interval (in `tz`) the agents to roster (with shrinkage) and the
 * productive agents needed, against the agents scheduled and, for intervals
 * begun, online, as steps; understaffed intervals shaded red behind them and
 * overstaffed ones amber.
 */
export default function PlanChart({ intervals, tz, label }: { intervals: StaffingInterval[]; tz: string; label: string }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const lang = currentLanguage();
    const labels = intervals.map((i) => formatSlot(i.start, tz, lang));
    const names = {
      rostered: t('staffing.plan.rostered'),
      required: t('staffing.plan.required'),
      scheduled: t('staffing.plan.scheduled'),
      online: t('staffing.plan.online'),
      under: t('staffing.status.under'),
      over: t('staffing.status.over'),
    };
    const step = (name: string, colour: string, data: (number | null)[], dashed = false) => ({
      name,
      type: 'line' as const,
      step: 'middle' as const,
      symbol: 'none',
      itemStyle: { color: colour },
      lineStyle: { color: colour, width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
      data,
    });
    const shade = (name: string, colour: string, status: StaffingInterval['status']) => ({
      name,
      type: 'bar' as const,
      yAxisIndex: 1,
      silent: true,
      barGap: '-100%',
      barCategoryGap: 0,
      itemStyle: { color: colour },
      data: intervals.map((i) => (i.status === status ? 1 : null)),
    });
    return {
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const k = params[0]?.dataIndex ?? -1;
          const i = intervals[k];
          if (!i) return '';
          const lines = [
            labels[k],
            `${names.rostered}: ${i.required_with_shrinkage}`,
            `${names.required}: ${i.required}`,
            `${names.scheduled}: ${i.scheduled}`,
            ...(i.online != null ? [`${names.online}: ${i.online}`] : []),
            t(`staffing.status.${i.status}`),
          ];
          return lines.join('<br/>');
        },
      },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', min: 0, minInterval: 1 },
        { type: 'value', min: 0, max: 1, show: false },
      ],
      series: [
        shade(names.under, colours.under, 'under'),
        shade(names.over, colours.over, 'over'),
        step(names.rostered, colours.rostered, intervals.map((i) => i.required_with_shrinkage)),
        step(names.required, colours.required, intervals.map((i) => i.required), true),
        step(names.scheduled, colours.scheduled, intervals.map((i) => i.scheduled)),
        { ...step(names.online, colours.online, intervals.map((i) => i.online)), step: false, symbol: 'circle', symbolSize: 4 },
      ],
    };
  }, [intervals, tz, t]);
  return <EChart option={option} label={label} testId="plan-chart" className="plan-chart__canvas" />;
}
