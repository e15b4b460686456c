import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { TopicOverview, TopicsOverview } from '@/types/api';
import type { Sort } from './topic_params';
import { driverText, formatWeek, Sparkline, TrendBadge } from './topic_words';

// The active topics as a table, in the order chosen: priority (volume ×
// difficulty, the list of processes to fix, by default), volume, or trend
// (rising first, then by how far above the norm). Each row opens the
// topic's conversations; the last row is the conversations without a topic.

const byName = (a: TopicOverview, b: TopicOverview) => a.name.localeCompare(b.name);

/** The topics in the order `sort` asks for; ties by volume, then by name. */
export function sortTopics(topics: TopicOverview[], sort: Sort): TopicOverview[] {
  const volume = (a: TopicOverview, b: TopicOverview) => b.effort.volume - a.effort.volume;
  const order: Record<Sort, (a: TopicOverview, b: TopicOverview) => number> = {
    priority: (a, b) => (b.priority ?? -1) - (a.priority ?? -1) || volume(a, b) || byName(a, b),
    volume: (a, b) => volume(a, b) || byName(a, b),
    trend: (a, b) => Number(b.trend.rising) - Number(a.trend.rising) || (b.trend.ratio ?? -1) - (a.trend.ratio ?? -1) || volume(a, b) || byName(a, b),
  };
  return [...topics].sort(order[sort]);
}

export function TopicTable({ overview, sort, onSort, onOpen, ownerName }: {
  overview: TopicsOverview;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onOpen: (topic: number | 'unclassified') => void;
  ownerName: (id: number | null) => string | undefined;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rows = sortTopics(overview.topics, sort);
  const week = formatWeek(Date.parse(overview.week_start), lang);
  const header = (s: Sort, num = true) => (
    <th scope="col" className={num ? 'num' : undefined} aria-sort={s === sort ? 'descending' : undefined}>
      <button type="button" className="btn btn--link topic-sort" aria-pressed={s === sort} onClick={() => onSort(s)}>
        {t(`topics.sort.${s}`)}
        {s === sort && <span aria-hidden="true"> ↓</span>}
      </button>
    </th>
  );
  const unclassified = overview.unclassified;
  return (
    <div className="table-scroll card">
      <table className="table table--dense topic-table" data-testid="topic-table">
        <caption className="visually-hidden">{t('topics.table.caption', { order: t(`topics.sort.${sort}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('topics.table.topic')}</th>
            {header('volume')}
            <th scope="col">{t('topics.table.weeks')}</th>
            {header('trend', false)}
            <th scope="col" className="num">{t('topics.table.difficulty')}</th>
            <th scope="col">{t('topics.table.drivers')}</th>
            {header('priority')}
            <th scope="col">{t('topics.table.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((tp) => (
            <tr key={tp.id} data-testid="topic-row" data-topic-id={tp.id}>
              <th scope="row">
                <button type="button" className="btn btn--link" onClick={() => onOpen(tp.id)} title={t('topics.table.open', { name: tp.name })}>
                  {tp.name}
                </button>
              </th>
              <td className="num" data-testid="topic-volume">{formatNumber(tp.effort.volume, lang)}</td>
              <td>
                <Sparkline weekly={tp.weekly} />
              </td>
              <td>
                <TrendBadge trend={tp.trend} />
              </td>
              <td className="num" data-testid="topic-difficulty">{tp.difficulty == null ? '—' : t('topics.table.times', { value: formatNumber(tp.difficulty, lang, 1) })}</td>
              <td data-testid="topic-drivers">
                {tp.drivers.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="topic-drivers">
                    {tp.drivers.map((d) => (
                      <li key={d} data-driver={d}>
                        {driverText(t, d, tp.effort, lang)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="num" data-testid="topic-priority">{formatNumber(tp.priority, lang, 1)}</td>
              <td>{ownerName(tp.owner_user_id) ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="topic-row-unclassified">
            <th scope="row">
              <button type="button" className="btn btn--link" onClick={() => onOpen('unclassified')}>
                {t('topics.unclassified')}
              </button>
            </th>
            <td className="num">{formatNumber(unclassified.effort.volume, lang)}</td>
            <td>
              <Sparkline weekly={unclassified.weekly} />
            </td>
            <td colSpan={5} className="muted small">
              {t('topics.table.unclassifiedHelp')}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="help small">{t('topics.table.help', { week })}</p>
    </div>
  );
}
