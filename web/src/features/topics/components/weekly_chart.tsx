import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import { currentLanguage } from '@/lib/i18n';
import type { TopicOverview } from '@/types/api';
import { formatWeek, weekStarts } from './topic_words';

// Loaded lazily (React.lazy) so ECharts is only fetched when the topics page shows.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const colours = ['#3b5bdb', '#2b8a3e', '#f08c00', '#ae3ec9', '#0b7285', '#c92a2a'];

/**
 * Conversations per week of the `shown` topics (the largest of the period)
 * as stacked bars, the 12 weeks up to `weekStart`, with the other topics
 * together in grey on top.
 */
export default function WeeklyChart({ shown, others, weekStart, label }: {
  shown: TopicOverview[];
  /** The other active topics' conversations per week, summed; none when every topic is shown. */
  others: number[] | null;
  weekStart: string;
  label: string;
}) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const lang = currentLanguage();
    const weeks = shown[0]?.weekly.length ?? others?.length ?? 12;
    const labels = weekStarts(weekStart, weeks).map((ms) => formatWeek(ms, lang));
    const bar = (name: string, data: number[], color: string) => ({ name, type: 'bar' as const, stack: 'weeks', barMaxWidth: 28, itemStyle: { color }, data });
    return {
      grid: { left: 40, right: 16, top: 48, bottom: 28 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...shown.map((tp, i) => bar(tp.name, tp.weekly, colours[i % colours.length])),
        ...(others ? [bar(t('topics.chart.others'), others, '#adb5bd')] : []),
      ],
    };
  }, [shown, others, weekStart, t]);
  return <EChart option={option} label={label} testId="topic-weekly-chart" className="topic-chart__canvas" />;
}
