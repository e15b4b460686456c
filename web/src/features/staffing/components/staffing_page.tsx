import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can, useCurrentSession } from '@/lib/session';
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
        <ScheduleView tz={s.filters.tz} canPlan={can(session, 'plan_staffing')} />
      ) : (
        <VolumeView filters={s.filters} forecast={s.forecast} weeks={s.weeks} metric={s.metric} onChange={(changes) => s.set(changes)} />
      )}
    </div>
  );
}
