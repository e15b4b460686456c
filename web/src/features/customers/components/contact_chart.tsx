import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHANNELS } from '@/types/api';
import type { Activity, Channel } from '@/types/api';

// Loaded lazily (React.lazy) so ECharts is only fetched on the customer 360 screen.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const colours: Record<Channel, string> = {
  email: '#3b5bdb',
  chat: '#0ca678',
  phone: '#f08c00',
  social: '#ae3ec9',
  shop: '#e8590c',
  webform: '#1098ad',
};

/** The customer's own contacts per month (their messages and calls in), stacked by channel. */
export function monthlyContacts(items: Activity[]) {
  const months = new Map<string, Record<Channel, number>>();
  for (const a of items) {
    if ((a.kind !== 'message' && a.kind !== 'call') || a.direction !== 'in' || !a.channel) continue;
    const month = a.at.slice(0, 7);
    const row = months.get(month) ?? { email: 0, chat: 0, phone: 0, social: 0, shop: 0, webform: 0 };
    row[a.channel] += 1;
    months.set(month, row);
  }
  const keys = [...months.keys()].sort();
  return { months: keys, rows: keys.map((k) => months.get(k)!) };
}

export default function ContactChart({ items }: { items: Activity[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const data = monthlyContacts(items);
  const used = CHANNELS.filter((c) => data.rows.some((r) => r[c] > 0));

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      grid: { left: 32, right: 8, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: data.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: used.map((c) => ({
        name: t(`channel.${c}`),
        type: 'bar',
        stack: 'contacts',
        itemStyle: { color: colours[c] },
        data: data.rows.map((r) => r[c]),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  });

  return (
    <figure className="chart">
      <figcaption className="panel-subtitle">{t('customer.contactsChart')}</figcaption>
      <div ref={el} className="chart__canvas" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{t('customer.contactsChart')}</caption>
        <thead>
          <tr>
            <th scope="col">—</th>
            {used.map((c) => (
              <th key={c} scope="col">
                {t(`channel.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.months.map((m, i) => (
            <tr key={m}>
              <th scope="row">{m}</th>
              {used.map((c) => (
                <td key={c}>{data.rows[i][c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
