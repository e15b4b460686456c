import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelFilter, DepartmentFilter, FilterSelect } from '@/components/filter_select';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useDepartments, useNameLookup, useQueueLabels } from '@/lib/directory';
import { currentLanguage } from '@/lib/i18n';
import type { Channel, Shift } from '@/types/api';
import { useCreateShift, useDeleteShift, useShifts } from '../api/staffing';
import { CsvButton } from './figures';
import { ShiftImportForm } from './shift_import';
import { addDays, formatLocalDay, localDate, localTime, zonedToUtc } from './zoned_time';

// The schedule: the shifts planned from today for four weeks, in the page's
// time zone, with what each is for; planners (`plan_staffing`) add one,
// import a CSV of them, or remove one. The list downloads as CSV in the
// import's own format, so a week can be exported, changed and imported.

/** The CSV columns the import reads, in the order the download writes them. */
export const SHIFT_COLUMNS = ['date', 'start', 'end', 'agents', 'channel', 'department_id', 'queue_id', 'label'] as const;

/** A shift as a line of the import's CSV, local to `tz`. */
export function shiftCsvRow(s: Shift, tz: string): (string | number)[] {
  return [localDate(s.starts_at, tz), localTime(s.starts_at, tz), localTime(s.ends_at, tz), s.agents, s.channel ?? '', s.department_id ?? '', s.queue_id ?? '', s.label ?? ''];
}

export function ScheduleView({ tz, canPlan }: { tz: string; canPlan: boolean }) {
  const { t } = useTranslation();
  const shifts = useShifts();
  return (
    <section aria-labelledby="schedule-title" data-testid="staffing-schedule">
      <h2 id="schedule-title" className="visually-hidden">
        {t('staffing.view.schedule')}
      </h2>
      {canPlan ? (
        <div className="schedule-forms">
          <NewShiftForm tz={tz} />
          <ShiftImportForm tz={tz} />
        </div>
      ) : (
        <p className="help">{t('staffing.schedule.readOnly')}</p>
      )}
      {shifts.isPending ? (
        <Spinner />
      ) : shifts.isError ? (
        <ErrorPanel error={shifts.error} onRetry={() => void shifts.refetch()} />
      ) : (
        <ShiftTable shifts={shifts.data} tz={tz} canPlan={canPlan} />
      )}
    </section>
  );
}

function ShiftTable({ shifts, tz, canPlan }: { shifts: Shift[]; tz: string; canPlan: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const remove = useDeleteShift();
  const departmentName = useNameLookup(useDepartments().data);
  const { label: queueLabel } = useQueueLabels();
  const forWhom = (s: Shift) => {
    const parts = [
      s.channel ? t(`channel.${s.channel}`) : null,
      s.department_id != null ? (departmentName(s.department_id) ?? `#${s.department_id}`) : null,
      s.queue_id != null ? queueLabel(s.queue_id) : null,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : t('staffing.schedule.anyone');
  };
  const span = shifts.length > 0 ? `${localDate(shifts[0].starts_at, tz)}-${localDate(shifts.at(-1)!.starts_at, tz)}` : '';
  return (
    <>
      <div className="measures-table__head">
        <h3 className="panel-subtitle">{t('staffing.schedule.title', { count: shifts.length })}</h3>
        {shifts.length > 0 && (
          <CsvButton label={t('staffing.schedule.download')} filename={`staffing-shifts-${span}.csv`} header={[...SHIFT_COLUMNS]} rows={() => shifts.map((s) => shiftCsvRow(s, tz))} />
        )}
      </div>
      {remove.isError && <FormError error={remove.error} />}
      {shifts.length === 0 ? (
        <Empty>{t('staffing.schedule.empty')}</Empty>
      ) : (
        <div className="table-scroll card">
          <table className="table table--dense" data-testid="shift-table">
            <caption className="visually-hidden">{t('staffing.schedule.title', { count: shifts.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffing.schedule.day')}</th>
                <th scope="col">{t('staffing.schedule.from')}</th>
                <th scope="col">{t('staffing.schedule.to')}</th>
                <th scope="col" className="num">{t('staffing.schedule.agents')}</th>
                <th scope="col">{t('staffing.schedule.for')}</th>
                <th scope="col">{t('staffing.schedule.label')}</th>
                {canPlan && <th scope="col"><span className="visually-hidden">{t('staffing.schedule.actions')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {shifts.map((s) => {
                const nextDay = localDate(s.ends_at, tz) !== localDate(s.starts_at, tz) && localTime(s.ends_at, tz) !== '00:00';
                return (
                  <tr key={s.id} data-testid="shift-row">
                    <th scope="row">{formatLocalDay(localDate(s.starts_at, tz), lang)}</th>
                    <td>{localTime(s.starts_at, tz)}</td>
                    <td>
                      {localTime(s.ends_at, tz)}
                      {nextDay && <span className="muted small"> {t('staffing.schedule.nextDay')}</span>}
                    </td>
                    <td className="num">{s.agents}</td>
                    <td>{forWhom(s)}</td>
                    <td>{s.label}</td>
                    {canPlan && (
                      <td>
                        <button
                          type="button"
                          className="btn btn--small btn--ghost"
                          disabled={remove.isPending}
                          aria-label={t('staffing.schedule.removeShift', { day: formatLocalDay(localDate(s.starts_at, tz), lang), from: localTime(s.starts_at, tz) })}
                          onClick={() => remove.mutate(s.id)}
                        >
                          {t('staffing.schedule.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The fields shown under their inputs; any other error is listed with the form's. */
const SHIFT_FIELDS = ['starts_at', 'ends_at', 'agents', 'label'];

function NewShiftForm({ tz }: { tz: string }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateShift();
  const { queues, label: queueLabel } = useQueueLabels();
  const [date, setDate] = useState(() => addDays(localDate(Date.now(), tz), 1));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [agents, setAgents] = useState('1');
  const [channel, setChannel] = useState<Channel | undefined>();
  const [department, setDepartment] = useState<number | undefined>();
  const [queue, setQueue] = useState<number | undefined>();
  const [label, setLabel] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    // An end at or before the start runs past midnight, as in the import.
    const endDate = end <= start ? addDays(date, 1) : date;
    create.mutate({
      starts_at: zonedToUtc(date, start, tz),
      ends_at: zonedToUtc(endDate, end, tz),
      agents: Number(agents),
      channel: channel ?? null,
      department_id: department ?? null,
      queue_id: queue ?? null,
      ...(label.trim() ? { label: label.trim() } : {}),
    });
  };
  return (
    <form className="card stack new-shift" data-testid="new-shift-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 className="panel-subtitle" id={`${id}-title`}>
        {t('staffing.schedule.add')}
      </h3>
      <div className="inline-form inline-form--wrap">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('staffing.schedule.date')}</label>
          <input {...fieldProps(`${id}-date`, create.error, 'starts_at')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('staffing.schedule.from')}</label>
          <input id={`${id}-start`} type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t('staffing.schedule.to')}</label>
          <input {...fieldProps(`${id}-end`, create.error, 'ends_at')} type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-agents`}>{t('staffing.schedule.agents')}</label>
          <input {...fieldProps(`${id}-agents`, create.error, 'agents')} type="number" min={1} max={10000} required value={agents} onChange={(e) => setAgents(e.target.value)} />
        </div>
      </div>
      <FieldError id={`${id}-date`} error={create.error} field="starts_at" />
      <FieldError id={`${id}-end`} error={create.error} field="ends_at" />
      <FieldError id={`${id}-agents`} error={create.error} field="agents" />
      <div className="filter-bar">
        <ChannelFilter label={t('staffing.filters.channel')} anyLabel={t('staffing.schedule.anyChannel')} value={channel} onChange={setChannel} />
        <DepartmentFilter label={t('staffing.filters.department')} anyLabel={t('staffing.schedule.anyDepartment')} value={department} onChange={setDepartment} />
        <FilterSelect<number>
          label={t('staffing.filters.queue')}
          anyLabel={t('staffing.schedule.anyQueue')}
          value={queue}
          onChange={setQueue}
          options={queues.filter((q) => !department || q.department_id === department).map((q) => ({ value: q.id, label: queueLabel(q.id) }))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('staffing.schedule.label')}</label>
        <input {...fieldProps(`${id}-label`, create.error, 'label')} maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />
        <FieldError id={`${id}-label`} error={create.error} field="label" />
      </div>
      <div className="row-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending}>
          {t('staffing.schedule.addButton')}
        </button>
        {create.isSuccess && (
          <span role="status" className="small" data-testid="shift-added">
            {t('staffing.schedule.added')}
          </span>
        )}
      </div>
      <FormError error={create.error} fields={SHIFT_FIELDS} />
    </form>
  );
}
