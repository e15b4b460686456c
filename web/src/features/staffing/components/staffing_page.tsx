import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentSession } from '@/lib/session';
import type { SessionInfo } from '@/types/api';
import { ForecastView } from './forecast_view';
import { PlanView } from './plan_view';
import { ScheduleView } from './schedule_view';
import { StaffingFilters } from './staffing_filters';
import { tabPath, useStaffingParams, VIEWS } from './staffing_params';
import { VolumeView } from './volume_view';

// The planner's page (C8, docs/staffing.md): when customers come (the
// hour × weekday heatmap and the week-over-week trend), the forecast, the
// staff it needs against the shifts planned, and the schedule itself. Every
// choice is kept in the address (staffing_params.ts). Anyone who may read
// conversations may look; planners (`plan_staffing`: admins and managers)
// change the schedule.

/** Whether the role may change the schedule, as the server listed it in the session. */
export function canPlanStaffing(session: Pick<SessionInfo, 'permissions'> | null): boolean {
  // Compared as text, so that it holds whether or not the generated Permission type lists it yet.
  return !!session && (session.permissions as readonly string[]).includes('plan_staffing');
}

export function StaffingPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const s = useStaffingParams();
  return (
    <div className="page">
      <header className="page-header">
        <h1 id="staffing-title">{t('staffing.title')}</h1>
        <p className="help">{t(`staffing.viewIntro.${s.view}`)}</p>
      </header>
      <nav className="tabs" aria-label={t('staffing.views')}>
        {VIEWS.map((v) => (
          <Link key={v} to={tabPath(s.params, v)} className={v === s.view ? 'tabs__tab is-active' : 'tabs__tab'} aria-current={v === s.view ? 'page' : undefined}>
            {t(`staffing.view.${v}`)}
          </Link>
        ))}
      </nav>
      <StaffingFilters filters={s.filters} onChange={(changes) => s.set(changes)} zoneOnly={s.view === 'schedule'} />
      {s.view === 'forecast' ? (
        <ForecastView params={s.forecast} onChange={(changes) => s.set(changes)} />
      ) : s.view === 'plan' ? (
        <PlanView params={s.forecast} whatIf={s.whatIf} onChange={s.set} />
      ) : s.view === 'schedule' ? (
        <ScheduleView tz={s.filters.tz} canPlan={canPlanStaffing(session)} />
      ) : (
        <VolumeView filters={s.filters} forecast={s.forecast} weeks={s.weeks} metric={s.metric} onChange={(changes) => s.set(changes)} />
      )}
    </div>
  );
}
