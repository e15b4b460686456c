import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { isApiError } from '@/lib/api_client';
import { errorMessage } from '@/lib/error_message';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { WEEKDAYS } from '@/types/api';
import type { ClosedDay, Department, DepartmentHours, DepartmentHoursInput, Language, OpenSpan, Week, Weekday } from '@/types/api';
import { useClearDepartmentHours, useDepartmentHours, useSetDepartmentHours } from '../api/admin';

// Admin › Departments › Opening hours: when a department is there for its
// customers. Per weekday zero or more periods (two for a lunch break; none
// is closed), the time zone they are in, the Dutch public holidays and
// closed dates. The server says what they mean now (open until, opens
// when, the closed days ahead); the chat widget tells visitors the same.
// Without hours a department is always open.

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A formatter in the department's time zone; the browser's when the zone is not one Intl knows. */
function zoned(lang: Language, zone: string | null, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locales[lang], { ...opts, timeZone: zone ?? undefined });
  } catch {
    return new Intl.DateTimeFormat(locales[lang], opts);
  }
}

/**
 * A moment as people say it, in the department's zone: "17:00" (or "today
 * 17:00") today, "Monday 09:00" this week, "Monday 5 January 09:00" later.
 */
export function describeMoment(iso: string, zone: string | null, lang: Language, t: TFunction, now: Date, todayAsTime = false): string {
  const at = new Date(iso);
  const time = zoned(lang, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const day = zoned(lang, zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day.format(at) === day.format(now)) return todayAsTime ? time : t('hours.today', { time });
  const soon = at.getTime() - now.getTime() < 6 * 86_400_000;
  const date = zoned(lang, zone, soon ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  return `${date} ${time}`;
}

/** A local date ("2026-12-24") as "Thursday 24 December" (with the year when asked). */
export function formatLocalDate(date: string, lang: Language, withYear = false): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(locales[lang], {
    weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC',
  }).format(at);
}

function statusLine(h: DepartmentHours, lang: Language, t: TFunction, now: Date): string {
  if (!h.configured) return t('hours.alwaysOpen');
  if (h.open_now)
    return h.open_until ? t('hours.openUntil', { when: describeMoment(h.open_until, h.time_zone, lang, t, now, true) }) : t('hours.openNow');
  return h.next_open ? t('hours.closedOpens', { when: describeMoment(h.next_open, h.time_zone, lang, t, now) }) : t('hours.closedNow');
}

function closureName(c: ClosedDay, lang: Language, t: TFunction): string {
  return (lang === 'nl' ? c.name_nl : c.name_en) ?? c.name_en ?? c.name_nl ?? t('hours.closedDate');
}

/** What the form edits. */
interface HoursValues {
  time_zone: string;
  holidays: boolean;
  closed_dates: string[];
  week: Record<Weekday, OpenSpan[]>;
}

const WORKDAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

function weekOf(get: (d: Weekday) => OpenSpan[]): Record<Weekday, OpenSpan[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, get(d)])) as Record<Weekday, OpenSpan[]>;
}

/** The hours as set; without any, a suggestion to start from (weekdays 09:00–17:00). */
function valuesOf(h: DepartmentHours): HoursValues {
  if (!h.configured)
    return {
      time_zone: DEFAULT_TIME_ZONE,
      holidays: true,
      closed_dates: [],
      week: weekOf((d) => (WORKDAYS.includes(d) ? [{ from: '09:00', to: '17:00' }] : [])),
    };
  return {
    time_zone: h.time_zone || DEFAULT_TIME_ZONE,
    holidays: h.public_holidays === 'NL',
    closed_dates: [...h.closed_dates].sort(),
    week: weekOf((d) => (h.week[d] ?? []).map((s) => ({ ...s }))),
  };
}

/** The PUT body: the whole of the hours; a day without periods is left out (closed). */
export function inputOf(v: HoursValues): DepartmentHoursInput {
  const week: Week = {};
  for (const d of WEEKDAYS) {
    if (v.week[d].length > 0) week[d] = v.week[d].map((s) => ({ from: s.from.trim(), to: s.to.trim() }));
  }
  return { time_zone: v.time_zone.trim(), public_holidays: v.holidays ? 'NL' : null, closed_dates: v.closed_dates, week };
}

const toMinutes = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};
const fromMinutes = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

/** The period a click on "Add period" adds: 09:00–17:00 on a closed day, else the hours after the last one. */
function nextSpan(spans: OpenSpan[]): OpenSpan {
  const last = spans.length > 0 ? toMinutes(spans[spans.length - 1].to) : null;
  if (last === null) return { from: '09:00', to: '17:00' };
  const from = Math.min(last + 60, 23 * 60);
  return { from: fromMinutes(from), to: fromMinutes(Math.min(from + 4 * 60, 24 * 60)) };
}

/** Whether the server named this field or one inside it. */
function hasError(error: unknown, field: string): boolean {
  return isApiError(error) && error.fieldMessage(field) !== undefined;
}

function HoursForm({ department, hours, onDone }: { department: Department; hours: DepartmentHours; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const save = useSetDepartmentHours(department.id);
  const [values, setValues] = useState<HoursValues>(() => valuesOf(hours));
  const [newDate, setNewDate] = useState('');
  const [zones] = useState<string[]>(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []));
  const base = `hours-${department.id}`;
  const error = save.error;

  const setDay = (day: Weekday, spans: OpenSpan[]) => setValues((v) => ({ ...v, week: { ...v.week, [day]: spans } }));
  const setSpan = (day: Weekday, i: number, patch: Partial<OpenSpan>) =>
    setDay(day, values.week[day].map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const addDate = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) return;
    setValues((v) => ({ ...v, closed_dates: [...new Set([...v.closed_dates, newDate])].sort() }));
    setNewDate('');
  };

  return (
    <form
      className="hours-form"
      aria-label={t('hours.formLabel', { name: department.name })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(inputOf(values), { onSuccess: () => onDone(true) });
      }}
    >
      <p className="help">{t('hours.intro')}</p>
      {!hours.configured && <p className="notice">{t('hours.notSet')}</p>}
      <div className="hours-week">
        {WEEKDAYS.map((day) => {
          const dayName = t(`hours.weekday.${day}`);
          const dayId = `${base}-${day}`;
          const spans = values.week[day];
          const dayInvalid = hasError(error, `week.${day}`);
          const invalid = (i: number, end: 'from' | 'to') =>
            hasError(error, `week.${day}[${i}].${end}`) || (isApiError(error) && error.errors.some((e) => e.field === `week.${day}`));
          return (
            <div key={day} role="group" aria-labelledby={`${dayId}-name`} className="hours-day" data-testid={`hours-day-${day}`}>
              <span id={`${dayId}-name`} className="hours-day__name">
                {dayName}
              </span>
              <div className="hours-day__spans">
                {spans.length === 0 && <span className="muted small">{t('hours.dayClosed')}</span>}
                {spans.map((s, i) => (
                  <span key={i} className="hours-span">
                    {(['from', 'to'] as const).map((end) => (
                      <span key={end} className="hours-span__end">
                        {end === 'to' && <span aria-hidden="true">–</span>}
                        <label htmlFor={`${dayId}-${i}-${end}`} className="visually-hidden">
                          {t(`hours.${end}`, { day: dayName, n: i + 1 })}
                        </label>
                        <input
                          id={`${dayId}-${i}-${end}`}
                          className="hours-time"
                          value={s[end]}
                          inputMode="numeric"
                          placeholder={end === 'from' ? '09:00' : '17:00'}
                          maxLength={5}
                          autoComplete="off"
                          aria-invalid={invalid(i, end) ? true : undefined}
                          aria-describedby={dayInvalid ? `${dayId}-error` : undefined}
                          onChange={(e) => setSpan(day, i, { [end]: e.target.value })}
                        />
                      </span>
                    ))}
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      aria-label={t('hours.removeSpan', { day: dayName, from: s.from, to: s.to })}
                      title={t('hours.removeSpan', { day: dayName, from: s.from, to: s.to })}
                      onClick={() => setDay(day, spans.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </span>
                ))}
                {spans.length < 6 && (
                  <button type="button" className="btn btn--small" aria-label={t('hours.addSpanOn', { day: dayName })} onClick={() => setDay(day, [...spans, nextSpan(spans)])}>
                    + {t('hours.addSpan')}
                  </button>
                )}
                {day === 'monday' && (
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    onClick={() => setValues((v) => ({ ...v, week: weekOf((d) => (WORKDAYS.includes(d) ? v.week.monday.map((x) => ({ ...x })) : v.week[d])) }))}
                  >
                    {t('hours.copyMonday')}
                  </button>
                )}
              </div>
              <FieldError id={dayId} error={error} field={`week.${day}`} />
            </div>
          );
        })}
      </div>

      <div className="grid-form hours-settings">
        <div className="field">
          <label htmlFor={`${base}-zone`}>{t('hours.timeZone')}</label>
          <input
            {...fieldProps(`${base}-zone`, error, 'time_zone')}
            aria-describedby={hasError(error, 'time_zone') ? `${base}-zone-error` : `${base}-zone-help`}
            list={zones.length > 0 ? `${base}-zones` : undefined}
            value={values.time_zone}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setValues((v) => ({ ...v, time_zone: e.target.value }))}
          />
          {zones.length > 0 && (
            <datalist id={`${base}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          )}
          <span id={`${base}-zone-help`} className="help">
            {t('hours.timeZoneHelp')}
          </span>
          <FieldError id={`${base}-zone`} error={error} field="time_zone" />
        </div>
        <div className="field">
          <label className="toggle" htmlFor={`${base}-holidays`}>
            <input
              {...fieldProps(`${base}-holidays`, error, 'public_holidays')}
              type="checkbox"
              checked={values.holidays}
              onChange={(e) => setValues((v) => ({ ...v, holidays: e.target.checked }))}
            />
            {t('hours.holidays')}
          </label>
          <FieldError id={`${base}-holidays`} error={error} field="public_holidays" />
        </div>
      </div>

      <div role="group" aria-labelledby={`${base}-dates-title`} className="hours-dates">
        <p id={`${base}-dates-title`} className="label">
          {t('hours.closedDates')}
        </p>
        {values.closed_dates.length === 0 ? (
          <p className="muted small">{t('hours.noClosedDates')}</p>
        ) : (
          <ul className="chips" data-testid="closed-dates">
            {values.closed_dates.map((d) => {
              const label = formatLocalDate(d, lang, true);
              return (
                <li key={d} className="chip">
                  <time dateTime={d}>{label}</time>
                  <button
                    type="button"
                    className="tag__remove"
                    aria-label={t('hours.removeDate', { date: label })}
                    title={t('hours.removeDate', { date: label })}
                    onClick={() => setValues((v) => ({ ...v, closed_dates: v.closed_dates.filter((x) => x !== d) }))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="inline-form">
          <label htmlFor={`${base}-date`}>{t('hours.newClosedDate')}</label>
          <input
            {...fieldProps(`${base}-date`, error, 'closed_dates')}
            type="date"
            className="hours-date"
            value={newDate}
            onChange={(e) => setNewDate(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addDate();
              }
            }}
          />
          <button type="button" className="btn btn--small" disabled={!newDate} onClick={addDate}>
            {t('hours.addDate')}
          </button>
        </div>
        <FieldError id={`${base}-date`} error={error} field="closed_dates" />
      </div>

      <FormError error={error} fields={['time_zone', 'public_holidays', 'closed_dates', 'week']} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => onDone(false)}>
          {t('hours.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('hours.save')}
        </button>
      </div>
    </form>
  );
}

/** A department's opening hours in its card: what they mean now, and (for who may) the editor. */
export function DepartmentHoursAdmin({ department, editable }: { department: Department; editable: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const hours = useDepartmentHours(department.id);
  const clear = useClearDepartmentHours(department.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formId = `hours-${department.id}-form`;

  if (hours.isPending) return <p className="muted small">{t('app.loading')}</p>;
  if (hours.isError)
    return (
      <p className="field-error" role="alert">
        {t('hours.title')}: {errorMessage(t, hours.error)}
      </p>
    );
  const h = hours.data;
  const now = new Date();
  const closures = h.closures_ahead;
  return (
    <section className="hours" aria-labelledby={`hours-${department.id}-title`} data-testid="department-hours">
      <p id={`hours-${department.id}-title`} className="label">
        {t('hours.title')}
      </p>
      <p className={`hours-status ${!h.configured || h.open_now ? 'hours-status--open' : 'hours-status--closed'}`} data-testid="hours-status">
        {statusLine(h, lang, t, now)}
      </p>
      {closures.length > 0 && (
        <>
          <p className="small muted">{t('hours.closuresAhead')}</p>
          <ul className="plain-list small" data-testid="closures-ahead">
            {closures.map((c, i) => (
              <li key={`${c.date}-${i}`}>
                <time dateTime={c.date}>{formatLocalDate(c.date, lang)}</time>: {closureName(c, lang, t)}
              </li>
            ))}
          </ul>
        </>
      )}
      {h.configured && h.updated_at && <p className="small muted">{t('hours.updated', { when: formatDateTime(h.updated_at, lang) })}</p>}
      <p role="status" className="small">
        {saved && !editing ? t('hours.saved') : ''}
      </p>
      {editable && (
        <div className="inline-form inline-form--wrap">
          <button
            ref={editButton}
            type="button"
            className="btn btn--small"
            aria-expanded={editing}
            aria-controls={editing ? formId : undefined}
            onClick={() => {
              setEditing((e) => !e);
              setSaved(false);
            }}
          >
            {t('hours.edit')}
          </button>
          {h.configured && (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              disabled={clear.isPending}
              onClick={() =>
                window.confirm(t('hours.clearConfirm', { name: department.name })) &&
                clear.mutate(undefined, {
                  onSuccess: () => {
                    setEditing(false);
                    setSaved(false);
                  },
                })
              }
            >
              {t('hours.clear')}
            </button>
          )}
          <FormError error={clear.error} />
        </div>
      )}
      {editable && editing && (
        <div id={formId}>
          <HoursForm
            department={department}
            hours={h}
            onDone={(done) => {
              setEditing(false);
              setSaved(done);
              editButton.current?.focus();
            }}
          />
        </div>
      )}
    </section>
  );
}
