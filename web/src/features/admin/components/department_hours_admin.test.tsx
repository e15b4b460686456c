import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { stubApi } from '@/testing/fetch_stub';
import { json, problem, renderWithProviders } from '@/testing/render';
import type { Department, DepartmentHours } from '@/types/api';
import { DepartmentHoursAdmin } from './department_hours_admin';

const department: Department = { id: 2, name: 'Customer Service', created_at: '2026-11-01T09:00:00.000Z' };

// Monday 7 December 2026, 11:00 in Amsterdam (UTC+1).
const monday11 = new Date('2026-12-07T10:00:00.000Z');

const hours: DepartmentHours = {
  department_id: 2,
  configured: true,
  time_zone: 'Europe/Amsterdam',
  public_holidays: 'NL',
  week: {
    monday: [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:00' }],
    tuesday: [{ from: '09:00', to: '17:00' }],
    wednesday: [{ from: '09:00', to: '17:00' }],
    thursday: [{ from: '09:00', to: '17:00' }],
    friday: [{ from: '09:00', to: '17:00' }],
    saturday: [],
    sunday: [],
  },
  closed_dates: ['2026-12-24'],
  open_now: true,
  open_until: '2026-12-07T11:30:00.000Z',
  next_open: null,
  closures_ahead: [
    { date: '2026-12-24', name_nl: null, name_en: null },
    { date: '2026-12-25', name_nl: 'Eerste Kerstdag', name_en: 'Christmas Day' },
  ],
  updated_at: '2026-12-01T09:00:00.000Z',
  updated_by: 1,
};

const alwaysOpen: DepartmentHours = {
  ...hours,
  configured: false,
  time_zone: null,
  public_holidays: null,
  week: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
  closed_dates: [],
  open_until: null,
  closures_ahead: [],
  updated_at: null,
  updated_by: null,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(monday11);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function openEditor() {
  await userEvent.click(await screen.findByRole('button', { name: 'Edit opening hours' }));
  return within(screen.getByRole('form', { name: 'Opening hours of Customer Service' }));
}

describe('DepartmentHoursAdmin', () => {
  it('says whether the department is open now and names the closed days ahead in the UI language', async () => {
    stubApi({ 'GET /departments/2/hours': () => json(hours) });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    expect(await screen.findByTestId('hours-status')).toHaveTextContent('Open now until 12:30');
    const closures = screen.getByTestId('closures-ahead');
    expect(within(closures).getByText(/Christmas Day/)).toBeInTheDocument();
    expect(closures).toHaveTextContent('Thursday 24 December: Closed');
    expect(screen.getByRole('button', { name: 'Edit opening hours' })).toHaveAttribute('aria-expanded', 'false');

    await act(async () => i18n.changeLanguage('nl'));
    expect(screen.getByTestId('hours-status')).toHaveTextContent('Nu open tot 12:30');
    expect(within(closures).getByText(/Eerste Kerstdag/)).toBeInTheDocument();
    expect(closures).toHaveTextContent('vrijdag 25 december: Eerste Kerstdag');
  });

  it('when closed, says when it opens again', async () => {
    vi.setSystemTime(new Date('2026-12-05T12:00:00.000Z')); // Saturday
    stubApi({
      'GET /departments/2/hours': () => json({ ...hours, open_now: false, open_until: null, next_open: '2026-12-07T08:00:00.000Z' }),
    });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    expect(await screen.findByTestId('hours-status')).toHaveTextContent('Closed — opens Monday 09:00');
  });

  it('shows a department without hours as always open, without the "always open" action', async () => {
    stubApi({ 'GET /departments/2/hours': () => json(alwaysOpen) });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    expect(await screen.findByTestId('hours-status')).toHaveTextContent('Always open: no opening hours are set.');
    expect(screen.queryByRole('button', { name: 'Always open (no hours)' })).not.toBeInTheDocument();
  });

  it('shows no editing to who may not change the directory', async () => {
    stubApi({ 'GET /departments/2/hours': () => json(hours) });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable={false} />);
    expect(await screen.findByTestId('hours-status')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit opening hours' })).not.toBeInTheDocument();
  });

  it('edits a period, adds one on Saturday, adds and removes closed dates, and saves the whole week', async () => {
    const saved: DepartmentHours = { ...hours, public_holidays: null, updated_at: '2026-12-07T10:00:00.000Z' };
    const calls = stubApi({
      'GET /departments/2/hours': () => json(hours),
      'PUT /departments/2/hours': () => json(saved),
    });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    const form = await openEditor();
    expect(screen.getByRole('button', { name: 'Edit opening hours' })).toHaveAttribute('aria-expanded', 'true');

    const friday = within(screen.getByRole('group', { name: 'Friday' }));
    expect(friday.getByLabelText('Friday, period 1: from')).toHaveValue('09:00');
    await userEvent.clear(friday.getByLabelText('Friday, period 1: to'));
    await userEvent.type(friday.getByLabelText('Friday, period 1: to'), '15:00');

    const saturday = within(screen.getByRole('group', { name: 'Saturday' }));
    expect(saturday.getByText('Closed')).toBeInTheDocument();
    await userEvent.click(saturday.getByRole('button', { name: 'Add period on Saturday' }));
    expect(saturday.getByLabelText('Saturday, period 1: from')).toHaveValue('09:00');
    await userEvent.clear(saturday.getByLabelText('Saturday, period 1: to'));
    await userEvent.type(saturday.getByLabelText('Saturday, period 1: to'), '12:00');

    // The lunch break goes: Monday becomes one period.
    const monday = within(screen.getByRole('group', { name: 'Monday' }));
    await userEvent.click(monday.getByRole('button', { name: 'Remove 13:30–17:00 on Monday' }));
    await userEvent.clear(monday.getByLabelText('Monday, period 1: to'));
    await userEvent.type(monday.getByLabelText('Monday, period 1: to'), '17:00');

    expect(form.getByLabelText('Time zone')).toHaveValue('Europe/Amsterdam');
    await userEvent.click(form.getByLabelText('Closed on Dutch public holidays'));

    await userEvent.type(form.getByLabelText('Closed date'), '2026-12-31');
    await userEvent.click(form.getByRole('button', { name: 'Add date' }));
    await userEvent.click(form.getByRole('button', { name: 'Remove Thursday, 24 December 2026' }));
    expect(within(form.getByTestId('closed-dates')).getByText('Thursday, 31 December 2026')).toBeInTheDocument();

    await userEvent.click(form.getByRole('button', { name: 'Save hours' }));
    await vi.waitFor(() => expect(calls.find((c) => c.key === 'PUT /departments/2/hours')).toBeDefined());
    expect(calls.find((c) => c.key === 'PUT /departments/2/hours')?.body).toEqual({
      time_zone: 'Europe/Amsterdam',
      public_holidays: null,
      closed_dates: ['2026-12-31'],
      week: {
        monday: [{ from: '09:00', to: '17:00' }],
        tuesday: [{ from: '09:00', to: '17:00' }],
        wednesday: [{ from: '09:00', to: '17:00' }],
        thursday: [{ from: '09:00', to: '17:00' }],
        friday: [{ from: '09:00', to: '15:00' }],
        saturday: [{ from: '09:00', to: '12:00' }],
      },
    });
    expect(await screen.findByText('Opening hours saved.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit opening hours' })).toHaveFocus();
  });

  it('starts a department without hours from weekdays 09:00–17:00 and copies Monday to the other weekdays', async () => {
    const calls = stubApi({
      'GET /departments/2/hours': () => json(alwaysOpen),
      'PUT /departments/2/hours': () => json(hours),
    });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    const form = await openEditor();
    expect(form.getByText(/No hours are set, so the department is always open/)).toBeInTheDocument();
    const monday = within(screen.getByRole('group', { name: 'Monday' }));
    await userEvent.click(monday.getByRole('button', { name: 'Add period on Monday' }));
    await userEvent.clear(monday.getByLabelText('Monday, period 1: to'));
    await userEvent.type(monday.getByLabelText('Monday, period 1: to'), '12:30');
    await userEvent.clear(monday.getByLabelText('Monday, period 2: from'));
    await userEvent.type(monday.getByLabelText('Monday, period 2: from'), '13:30');
    await userEvent.clear(monday.getByLabelText('Monday, period 2: to'));
    await userEvent.type(monday.getByLabelText('Monday, period 2: to'), '17:00');
    await userEvent.click(monday.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }));
    await userEvent.click(form.getByRole('button', { name: 'Save hours' }));
    await vi.waitFor(() => expect(calls.find((c) => c.key === 'PUT /departments/2/hours')).toBeDefined());
    const lunch = [{ from: '09:00', to: '12:30' }, { from: '13:30', to: '17:00' }];
    expect(calls.find((c) => c.key === 'PUT /departments/2/hours')?.body).toEqual({
      time_zone: 'Europe/Amsterdam',
      public_holidays: 'NL',
      closed_dates: [],
      week: { monday: lunch, tuesday: lunch, wednesday: lunch, thursday: lunch, friday: lunch },
    });
  });

  it('shows the field errors of a refused save beside their fields', async () => {
    stubApi({
      'GET /departments/2/hours': () => json(hours),
      'PUT /departments/2/hours': () =>
        problem(400, {
          title: 'Invalid request',
          detail: 'the opening hours are not valid',
          errors: [
            { field: 'time_zone', message: 'not a known time zone (an IANA name like Europe/Amsterdam)' },
            { field: 'week.tuesday', message: '17:00-09:00 does not end after it starts within the day' },
          ],
        }),
    });
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    const form = await openEditor();
    const zone = form.getByLabelText('Time zone');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Amsterdan');
    await userEvent.click(form.getByRole('button', { name: 'Save hours' }));

    expect(await form.findByText('not a known time zone (an IANA name like Europe/Amsterdam)')).toBeInTheDocument();
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    expect(zone).toHaveAccessibleDescription('not a known time zone (an IANA name like Europe/Amsterdam)');
    const tuesday = within(screen.getByRole('group', { name: 'Tuesday' }));
    expect(tuesday.getByText('17:00-09:00 does not end after it starts within the day')).toBeInTheDocument();
    expect(tuesday.getByLabelText('Tuesday, period 1: from')).toHaveAttribute('aria-invalid', 'true');
    expect(within(screen.getByRole('group', { name: 'Monday' })).queryByTestId('field-error')).not.toBeInTheDocument();
    expect(form.getByTestId('form-error')).toHaveTextContent('The request is not valid. The opening hours are not valid.');
    // The form stays open with what was typed.
    expect(zone).toHaveValue('Europe/Amsterdan');
  });

  it('makes the department always open again after asking', async () => {
    let current = hours;
    const calls = stubApi({
      'GET /departments/2/hours': () => json(current),
      'DELETE /departments/2/hours': () => {
        current = alwaysOpen;
        return new Response(null, { status: 204 });
      },
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderWithProviders(<DepartmentHoursAdmin department={department} editable />);
    const clear = await screen.findByRole('button', { name: 'Always open (no hours)' });
    await userEvent.click(clear);
    expect(confirm).toHaveBeenCalledWith('Remove the opening hours of Customer Service? The department is then always open.');
    expect(calls.some((c) => c.key === 'DELETE /departments/2/hours')).toBe(false);
    await userEvent.click(clear);
    expect(await screen.findByText('Always open: no opening hours are set.')).toBeInTheDocument();
    expect(calls.filter((c) => c.key === 'DELETE /departments/2/hours')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Always open (no hours)' })).not.toBeInTheDocument();
  });
});
