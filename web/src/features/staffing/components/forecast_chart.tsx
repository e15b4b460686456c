import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { ForecastDay, ForecastInterval } from '@/types/api';
import { holidaySpans } from './spans';
import { formatSlot } from './zoned_time';

// Loaded lazily (React.lazy) so ECharts is only fetched when the forecast shows.
echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

/**
 * The contacts expected per interval as a line inside its 80 % prediction
 * band (the low line, with the band stacked on it), the intervals in `tz`;
 * holidays shaded and named.
 */
export default function ForecastChart({ intervals, days, tz, label }: { intervals: ForecastInterval[]; days: ForecastDay[]; tz: string; label: string }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const lang = currentLanguage();
    const labels = intervals.map((i) => formatSlot(i.start, tz, lang));
    const n = (v: number) => formatNumber(v, lang, 1);
    return {
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const i = intervals[params[0]?.dataIndex ?? -1];
          if (!i) return '';
          return `${labels[params[0].dataIndex]}<br/>${t('staffing.forecast.expected')}: ${n(i.expected)}<br/>${t('staffing.forecast.band')}: ${n(i.low)}–${n(i.high)}`;
        },
      },
      legend: { top: 0, textStyle: { fontSize: 11 }, data: [t('staffing.forecast.expected'), t('staffing.forecast.band')] },
      xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0 },
      series: [
        {
          name: 'low',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          data: intervals.map((i) => i.low),
        },
        {
          name: t('staffing.forecast.band'),
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          itemStyle: { color: '#a5b4fc' },
          areaStyle: { color: 'rgba(59, 91, 219, 0.18)' },
          data: intervals.map((i) => Math.max(0, i.high - i.low)),
        },
        {
          name: t('staffing.forecast.expected'),
          type: 'line',
          symbol: 'none',
          itemStyle: { color: '#3b5bdb' },
          data: intervals.map((i) => i.expected),
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(240, 140, 0, 0.12)' },
            label: { show: true, position: 'insideTop', fontSize: 10, color: '#8a4b00' },
            data: holidaySpans(intervals, days, tz).map((s) => [{ name: s.name, xAxis: labels[s.first] }, { xAxis: labels[s.last] }]),
          },
        },
      ],
    };
  }, [intervals, days, tz, t]);
  return <EChart option={option} label={label} testId="forecast-chart" className="forecast-chart__canvas" />;
}
