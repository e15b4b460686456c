import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

// The period the assistant's measures and the knowledge gaps look back over:
// the last 7, 30 or 90 days, kept in the address (`?days=`) and shared by
// both tabs, so switching tabs keeps the choice.

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];
const DEFAULT: Period = 30;

export function usePeriod(): [Period, (days: Period) => void] {
  const [params, setParams] = useSearchParams();
  const days = PERIODS.find((d) => String(d) === params.get('days')) ?? DEFAULT;
  const choose = (next: Period) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next === DEFAULT) p.delete('days');
      else p.set('days', String(next));
      return p;
    });
  return [days, choose];
}

export function PeriodChoice({ days, onChoose }: { days: Period; onChoose: (days: Period) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('answers.period')} data-testid="answers-period">
      {PERIODS.map((d) => (
        <button key={d} type="button" className={d === days ? 'segmented__btn is-active' : 'segmented__btn'} aria-pressed={d === days} onClick={() => onChoose(d)}>
          {t('answers.lastDays', { count: d })}
        </button>
      ))}
    </div>
  );
}
