import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import { currentLanguage } from '@/lib/i18n';
import type { HistoryDay } from '@/types/api';
import { addDays, formatLocalDay } from './zoned_time';

// Loaded lazily (React.lazy) so ECharts is only fetched when the trend shows.
echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

/**
 * Contacts per day over the history, and dashed beside it the same weekday
 * a week earlier, so that a week that runs above the one before shows as the
 * gap between the lines; the last seven days are shaded.
 */
export default function TrendChart({ days, label }: { days: HistoryDay[]; label: string }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const lang = currentLanguage();
    const byDate = new Map(days.map((d) => [d.date, d.contacts]));
    const labels = days.map((d) => formatLocalDay(d.date, lang));
    const thisWeek = labels.slice(-7);
    return {
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('staffing.trend.contacts'),
          type: 'line',
          symbolSize: 5,
          itemStyle: { color: '#3b5bdb' },
          data: days.map((d) => d.contacts),
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(59, 91, 219, 0.08)' },
            label: { show: true, position: 'insideTop', fontSize: 10, color: '#555' },
            data: thisWeek.length > 0 ? [[{ name: t('staffing.trend.thisWeek'), xAxis: thisWeek[0] }, { xAxis: thisWeek.at(-1) }]] : [],
          },
        },
        {
          name: t('staffing.trend.aWeekEarlier'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#868e96' },
          itemStyle: { color: '#868e96' },
          data: days.map((d) => byDate.get(addDays(d.date, -7)) ?? null),
        },
      ],
    };
  }, [days, t]);
  return <EChart option={option} label={label} testId="trend-chart" />;
}
