import { useMemo } from 'react';
import { HeatmapChart as Heatmap } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart, type ChartOption } from '@/components/echart';

// Loaded lazily (React.lazy) so ECharts is only fetched when the heatmap shows.
echarts.use([Heatmap, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export interface HeatmapChartProps {
  /** 7 rows (Monday first) of 24 values (hour 0 first); null where nothing was measured. */
  values: (number | null)[][];
  weekdays: string[];
  format: (value: number) => string;
  label: string;
}

/**
 * The hours of the day across, the weekdays down (Monday on top), each cell
 * coloured by its value from the lightest (zero) to the darkest (the most),
 * with the value written in it; cells without a measurement stay blank.
 */
export default function HeatmapChart({ values, weekdays, format, label }: HeatmapChartProps) {
  const option = useMemo((): ChartOption => {
    const data = values.flatMap((row, day) => row.map((v, hour) => [hour, day, v ?? '-']));
    const max = Math.max(0, ...values.flat().filter((v): v is number => v != null));
    const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
    return {
      grid: { left: 48, right: 12, top: 8, bottom: 56 },
      tooltip: {
        formatter: (p: { value: [number, number, number | string] }) => {
          const [hour, day, v] = p.value;
          return `${weekdays[day]} ${hours[hour]}:00 · ${typeof v === 'number' ? format(v) : '—'}`;
        },
      },
      xAxis: { type: 'category', data: hours, splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: max > 0 ? max : 1,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        inRange: { color: ['#f1f5ff', '#3b5bdb', '#1c2f7a'] },
        formatter: (v: number) => format(v),
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: { show: true, fontSize: 10, formatter: (p: { value: [number, number, number | string] }) => (typeof p.value[2] === 'number' && p.value[2] > 0 ? format(p.value[2]) : '') },
          emphasis: { itemStyle: { borderColor: '#222', borderWidth: 1 } },
        },
      ],
    };
  }, [values, weekdays, format]);
  return <EChart option={option} label={label} testId="heatmap-chart" className="heatmap-chart__canvas" />;
}
