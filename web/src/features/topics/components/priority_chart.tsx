import { useMemo } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { TopicOverview } from '@/types/api';

// Loaded lazily (React.lazy) so ECharts is only fetched when the topics page shows.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/**
 * The topics' priority (volume × difficulty) as horizontal bars, highest at
 * the top: the processes to fix first. `topics` come highest first.
 */
export default function PriorityChart({ topics, label }: { topics: TopicOverview[]; label: string }) {
  const option = useMemo((): ChartOption => {
    const lang = currentLanguage();
    const rows = [...topics].reverse();
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang, 1) : '—') },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', data: rows.map((tp) => tp.name), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#c2410c' },
          label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: number }) => formatNumber(p.value, lang, 1) },
          data: rows.map((tp) => tp.priority ?? 0),
        },
      ],
    };
  }, [topics]);
  return <EChart option={option} label={label} testId="topic-priority-chart" style={{ height: Math.max(120, topics.length * 28 + 24) }} />;
}
