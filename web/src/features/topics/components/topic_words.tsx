import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Language, TopicDriver, TopicEffort, TopicSource, TopicTrend } from '@/types/api';

// How the topics' figures read in words: what makes a topic hard (its
// drivers, each with its figure), its trend, how a conversation's topic was
// set, and the weeks as a small bar chart.

/** A driver's figure as it reads beside its words: minutes, hours, counts, shares, a score of 5. */
function driverValue(driver: TopicDriver, effort: TopicEffort, lang: Language): string {
  const v = effort[driver];
  switch (driver) {
    case 'handle_minutes':
      return formatNumber(v, lang, 0);
    case 'hours_to_resolve':
    case 'messages_to_resolve':
    case 'contacts_to_resolve':
    case 'satisfaction':
      return formatNumber(v, lang, 1);
    default:
      return formatPercent(v, lang);
  }
}

/** "slow to resolve (31 h)": what makes a topic hard, with its figure. */
export function driverText(t: TFunction, driver: TopicDriver, effort: TopicEffort, lang: Language): string {
  return t(`topics.driver.${driver}`, { value: driverValue(driver, effort, lang) });
}

/**
 * How a topic was set: "Suggested by the model, 82%", "Chosen by an agent",
 * "From an accepted candidate"; and where none was (`none`): "The model was
 * unsure (32%)", "An agent said none fits".
 */
export function sourceText(t: TFunction, source: TopicSource, confidence: number | null | undefined, lang: Language, none = false): string {
  const key = none ? `topics.sourceNone.${source}` : `topics.source.${source}`;
  return t(key, { confidence: formatPercent(confidence ?? null, lang) });
}

/** The trend in the week judged: a rising badge with the ratio, or the ratio alone; the figures under it. */
export function TrendBadge({ trend }: { trend: TopicTrend }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ratio = formatNumber(trend.ratio, lang, 1);
  const figures = t('topics.trend.figures', { observed: formatNumber(trend.observed, lang), expected: formatNumber(trend.expected, lang, 1) });
  return (
    <span className="topic-trend" data-testid="topic-trend" data-rising={trend.rising}>
      {trend.rising ? (
        <span className="badge badge--overdue" data-testid="topic-rising">
          {t('topics.trend.rising', { ratio })}
        </span>
      ) : (
        <span className={trend.ratio == null ? 'muted' : undefined}>{trend.ratio == null ? '—' : t('topics.trend.ratio', { ratio })}</span>
      )}
      <span className="muted small topic-trend__figures">{figures}</span>
      {trend.seasonal && (
        <span className="muted small topic-trend__season" title={t('topics.trend.seasonalHelp')}>
          {t('topics.trend.seasonal')}
        </span>
      )}
    </span>
  );
}

/** Conversations per week, oldest first, as a row of small bars; the figures are its label. */
export function Sparkline({ weekly }: { weekly: number[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const max = Math.max(1, ...weekly);
  const w = 6;
  const gap = 2;
  const h = 22;
  return (
    <svg
      className="sparkline"
      width={weekly.length * (w + gap)}
      height={h}
      viewBox={`0 0 ${weekly.length * (w + gap)} ${h}`}
      role="img"
      aria-label={t('topics.weeklyLabel', { values: weekly.map((n) => formatNumber(n, lang)).join(', ') })}
      data-testid="sparkline"
    >
      {weekly.map((n, i) => {
        const bar = n === 0 ? 1 : Math.max(2, Math.round((n / max) * h));
        return <rect key={i} x={i * (w + gap)} y={h - bar} width={w} height={bar} rx={1} className={i === weekly.length - 1 ? 'sparkline__now' : 'sparkline__bar'} />;
      })}
    </svg>
  );
}

const weekFormats = new Map<string, Intl.DateTimeFormat>();

/** The Monday a week starts (UTC, as the server counts weeks): "3 Nov", "3 nov". */
export function formatWeek(ms: number, lang: Language): string {
  let f = weekFormats.get(lang);
  if (!f) weekFormats.set(lang, (f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return f.format(ms).replace(/\.$/, '');
}

/** The Mondays of the `count` weeks up to the one starting at `weekStart`, oldest first. */
export function weekStarts(weekStart: string, count: number): number[] {
  const last = Date.parse(weekStart);
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * 7 * 86_400_000);
}
