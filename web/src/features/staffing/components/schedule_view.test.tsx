import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query_keys';
import { stubApi, type RouteHandler, type StubbedRequest } from '@/testing/fetch_stub';
import { createTestQueryClient, json, problem, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Permission, Shift } from '@/types/api';
import { lineErrors } from './shift_import';
import { StaffingPage } from './staffing_page';
import { shiftFixture } from './test_fixtures';

const departments = { items: [{ id: 3, name: 'Klantenservice', created_at: '2026-01-01T00:00:00Z' }] };
const queues = { items: [{ id: 7, department_id: 3, name: 'Algemeen', created_at: '2026-01-01T00:00:00Z' }] };
const day = shiftFixture(5);
const night = shiftFixture(6, { starts_at: '2026-12-24T21:00:00Z', ends_at: '2026-12-25T05:00:00Z', agents: 2, channel: 'phone', department_id: 3, queue_id: 7, label: 'Nacht, "laat"' });
const PLANNER: Permission[] = ['read_conversations', 'plan_staffing'];

function renderSchedule(over: Record<string, RouteHandler> = {}, permissions: Permission[] = PLANNER) {
  let shifts: Shift[] = [day, night];
  const calls = stubApi({
    'GET /staffing/shifts': () => json({ items: shifts }),
    'GET /departments': () => json(departments),
    'GET /queues': () => json(queues),
    'POST /staffing/shifts': ({ body }) => {
      const made = { ...(body as Shift), id: 9, label: (body as Shift).label ?? '', created_at: '2026-12-20T10:00:00Z' };
      shifts = [...shifts, made];
      return json(made, 201);
    },
    'DELETE /staffing/shifts/5': () => {
      shifts = shifts.filter((s) => s.id !== 5);
      return new Response(null, { status: 204 });
    },
    ...over,
  });
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions));
  renderWithProviders(<StaffingPage />, { client, route: '/staffing?view=schedule' });
  return calls;
}

const sent = (calls: StubbedRequest[], key: string) => calls.filter((c) => c.key === key);
const rows = (table: HTMLElement) => within(table).getAllByTestId('shift-row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('lineErrors', () => {
  it('reads the line and column from each field, the file’s own first', () => {
    expect(
      lineErrors([
        { field: 'line 12: agents', message: 'must be a whole number' },
        { field: 'line 3', message: 'has 3 fields, the header 4' },
        { field: 'header', message: 'needs date, start, end and agents' },
      ]),
    ).toEqual([
      { line: null, column: 'header', message: 'needs date, start, end and agents' },
      { line: 3, column: null, message: 'has 3 fields, the header 4' },
      { line: 12, column: 'agents', message: 'must be a whole number' },
    ]);
  });
});

describe('StaffingPage: schedule', () => {
  it('lists the shifts in the page’s time zone with what they are for', async () => {
    renderSchedule();
    const table = await screen.findByTestId('shift-table');
    expect(screen.getByRole('link', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: '2 shifts planned' })).toBeInTheDocument();
    // The schedule counts nothing: of the filters only the time zone is offered.
    const filters = within(screen.getByTestId('staffing-filters'));
    expect(filters.getAllByRole('combobox')).toEqual([filters.getByRole('combobox', { name: 'Time zone' })]);
    await waitFor(() => expect(rows(table)[1][4]).toBe('Phone · Klantenservice · Klantenservice › Algemeen'));
    expect(rows(table)).toEqual([
      ['Thu 24 Dec', '09:00', '17:00', '4', 'Any contact', 'Dagdienst', 'Remove'],
      ['Thu 24 Dec', '22:00', '06:00 (next day)', '2', 'Phone · Klantenservice · Klantenservice › Algemeen', 'Nacht, "laat"', 'Remove'],
    ]);
  });

  it('only shows the schedule to those who may not plan it', async () => {
    renderSchedule({}, ['read_conversations']);
    expect(await screen.findByTestId('shift-table')).toBeInTheDocument();
    expect(screen.getByText('Admins and managers plan the shifts.')).toBeInTheDocument();
    expect(screen.queryByTestId('new-shift-form')).toBeNull();
    expect(screen.queryByTestId('shift-import')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('adds a shift from local date and times, past midnight when it ends before it starts', async () => {
    const calls = renderSchedule();
    await screen.findByTestId('shift-table');
    const form = screen.getByTestId('new-shift-form');
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-12-28' } });
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '22:00' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '06:30' } });
    const agents = within(form).getByLabelText('Agents');
    await userEvent.clear(agents);
    await userEvent.type(agents, '3');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Channel' }), 'Phone');
    await userEvent.type(within(form).getByLabelText('Label'), 'Nachtdienst');
    await userEvent.click(within(form).getByRole('button', { name: 'Add shift' }));
    expect(await within(form).findByText('Shift added.')).toBeInTheDocument();
    expect(sent(calls, 'POST /staffing/shifts').map((c) => c.body)).toEqual([
      { starts_at: '2026-12-28T21:00:00.000Z', ends_at: '2026-12-29T05:30:00.000Z', agents: 3, channel: 'phone', department_id: null, queue_id: null, label: 'Nachtdienst' },
    ]);
    // The list (and the plan) are asked for again.
    await waitFor(() => expect(screen.getAllByTestId('shift-row')).toHaveLength(3));
  });

  it('shows what the server says is wrong with a new shift', async () => {
    renderSchedule({
      'POST /staffing/shifts': () => problem(400, { title: 'Invalid request', detail: 'invalid shift', errors: [{ field: 'ends_at', message: 'must be at most 24 hours after starts_at' }] }),
    });
    await screen.findByTestId('shift-table');
    await userEvent.click(screen.getByRole('button', { name: 'Add shift' }));
    expect(await screen.findByText('must be at most 24 hours after starts_at')).toBeInTheDocument();
    expect(within(screen.getByTestId('new-shift-form')).getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
  });

  it('imports pasted CSV in the page’s time zone', async () => {
    const csv = 'date,start,end,agents\n2026-12-28,09:00,17:00,4\n2026-12-29,09:00,17:00,5\n';
    const calls = renderSchedule({ 'POST /staffing/shifts/import': () => json({ imported: 2 }, 201) });
    await screen.findByTestId('shift-table');
    const form = screen.getByTestId('shift-import');
    const text = within(form).getByLabelText('Or paste the CSV here');
    fireEvent.change(text, { target: { value: csv } });
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    expect(await within(form).findByText('2 shifts imported.')).toBeInTheDocument();
    const [request] = sent(calls, 'POST /staffing/shifts/import');
    expect(request.body).toBe(csv);
    expect(Object.fromEntries(request.query)).toEqual({ tz: 'Europe/Amsterdam' });
    expect(text).toHaveValue('');
    await waitFor(() => expect(sent(calls, 'GET /staffing/shifts')).toHaveLength(2));
  });

  it('reads a picked file into the text, and shows each bad line of a refused import', async () => {
    const calls = renderSchedule({
      'POST /staffing/shifts/import': () =>
        problem(400, {
          title: 'Invalid request',
          detail: 'the CSV has 2 bad lines; nothing was imported',
          errors: [
            { field: 'line 3: agents', message: 'must be a whole number from 1 to 10000' },
            { field: 'line 2: date', message: 'must be a date YYYY-MM-DD' },
          ],
        }),
    });
    await screen.findByTestId('shift-table');
    const form = screen.getByTestId('shift-import');
    const file = new File(['date,start,end,agents\n28-12-2026,09:00,17:00,4\n2026-12-29,09:00,17:00,veel\n'], 'week.csv', { type: 'text/csv' });
    await userEvent.upload(within(form).getByLabelText('CSV file'), file);
    const text = await within(form).findByLabelText('The CSV of week.csv');
    await waitFor(() => expect(text).toHaveValue('date,start,end,agents\n28-12-2026,09:00,17:00,4\n2026-12-29,09:00,17:00,veel\n'));
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    const alert = await within(form).findByTestId('import-errors');
    expect(alert).toHaveTextContent(/^The request is not valid\. The CSV has 2 bad lines; nothing was imported\./);
    expect(within(alert).getAllByTestId('import-error').map((li) => [li.dataset.line, li.textContent])).toEqual([
      ['2', 'Line 2, date: must be a date YYYY-MM-DD'],
      ['3', 'Line 3, agents: must be a whole number from 1 to 10000'],
    ]);
    expect(text).toHaveAttribute('aria-invalid', 'true');
    // Nothing was imported, so the text stays to be put right.
    expect(text).not.toHaveValue('');
    expect(sent(calls, 'GET /staffing/shifts')).toHaveLength(1);
  });

  it('removes a shift', async () => {
    const calls = renderSchedule();
    await screen.findByTestId('shift-table');
    await userEvent.click(screen.getByRole('button', { name: 'Remove the shift of Thu 24 Dec 09:00' }));
    await waitFor(() => expect(screen.getAllByTestId('shift-row')).toHaveLength(1));
    expect(sent(calls, 'DELETE /staffing/shifts/5')).toHaveLength(1);
  });

  it('downloads the shifts as CSV in the import’s format', async () => {
    renderSchedule();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await screen.findByTestId('shift-table');
    await userEvent.click(screen.getByRole('button', { name: 'Download the shifts (CSV)' }));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('staffing-shifts-2026-12-24-2026-12-24.csv');
    expect((await blob!.text()).replace(/^\uFEFF/, '')).toBe(
      'date,start,end,agents,channel,department_id,queue_id,label\r\n2026-12-24,09:00,17:00,4,,,,Dagdienst\r\n2026-12-24,22:00,06:00,2,phone,3,7,"Nacht, ""laat"""\r\n',
    );
  });

  it('speaks Dutch', async () => {
    await act(async () => i18n.changeLanguage('nl'));
    renderSchedule();
    const table = await screen.findByTestId('shift-table');
    expect(screen.getByRole('link', { name: 'Rooster' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: '2 diensten gepland' })).toBeInTheDocument();
    expect(rows(table)[1].slice(0, 3)).toEqual(['do 24 dec', '22:00', '06:00 (volgende dag)']);
    expect(rows(table)[0][4]).toBe('Elk contact');
    expect(screen.getByRole('button', { name: 'Dienst toevoegen' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Diensten importeren uit CSV' })).toBeInTheDocument();
    expect(screen.getByLabelText('Of plak de CSV hier')).toBeInTheDocument();
  });
});
