import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

// One ECharts figure, drawn as SVG: made when the element mounts, resized
// with the window, disposed on unmount, and given `option` whole (not merged)
// whenever it changes. The chart modules that use it register the chart
// types and components they need (`echarts.use`) and are loaded lazily, so
// ECharts is fetched only with the first chart a screen shows. The figure is
// an image to assistive technology (`label` sums it up); the page puts the
// same figures in a table beside it.

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, label, testId, className, style }: {
  option: ChartOption;
  label: string;
  testId?: string;
  /** Sets the height, with `.chart__canvas`. */
  className?: string;
  style?: React.CSSProperties;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.current = null;
      c.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      className={className ? `chart__canvas ${className}` : 'chart__canvas'}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={style}
    />
  );
}
