// The planner's staffing page in a real browser against the real server:
// calls the telephone system reports land in their hour and weekday on the
// heatmap (Amsterdam time); a walk-in at a new counter is counted under
// that location and its customer's segment; a shift imported as CSV shows
// in the schedule and as scheduled on the staffing plan; a stricter service
// level asks for more agents; a bad CSV is refused with its lines named;
// and the page speaks Dutch. This file has a server of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiPost, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

const TZ = 'Europe/Amsterdam';
let server;
let browser;

before(async () => {
  server = await startLuister({ customers: 10, conversations: 10 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
});
/** The wall clock in Amsterdam at `ms`: its date, hour and ISO weekday (1 = Monday). */
function amsterdam(ms) {
  const p = Object.fromEntries(wall.formatToParts(ms).map((x) => [x.type, x.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1;
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) % 24, minute: Number(p.minute), weekday };
}
/** The instant of a local date and time in Amsterdam (not at a change of the clocks). */
function instant(date, time) {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const w = amsterdam(guess);
  const asUtc = Date.parse(`${w.date}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}:00Z`);
  return new Date(guess - (asUtc - guess)).toISOString();
}
const tomorrow = () => amsterdam(Date.now() + 86_400_000).date;

async function logInAt(path) {
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  if (path) await agent.page.goto(path);
  return agent;
}

const getJson = (page, apiPath) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), apiPath);

test('calls the telephone system reports show in their hour and weekday, and in the trend', async () => {
  const { context, page, errors } = await logInAt();
  // Two calls yesterday at 03:05 and 03:20 Amsterdam time, one answered and one given up.
  const day = amsterdam(Date.now() - 86_400_000);
  const started = [instant(day.date, '03:05'), instant(day.date, '03:20')];
  const at = amsterdam(Date.parse(started[0]));
  const cellOf = (map) => map.cells.find((c) => c.weekday === at.weekday && c.hour === at.hour);
  const before = cellOf(await getJson(page, `/volume/heatmap?channel=phone&tz=${TZ}`));
  const stamp = String(Date.now()).slice(-7);
  const answered = await apiPost(page, '/channels/phone/calls', {
    call_id: `staffing-${stamp}-1`, from: `+3161${stamp}`, started_at: started[0], answered_at: new Date(Date.parse(started[0]) + 40_000).toISOString(),
    ended_at: new Date(Date.parse(started[0]) + 400_000).toISOString(), outcome: 'answered',
  });
  assert.equal(answered.status, 201, JSON.stringify(answered.body));
  const gaveUp = await apiPost(page, '/channels/phone/calls', { call_id: `staffing-${stamp}-2`, from: `+3162${stamp}`, started_at: started[1], wait_seconds: 80, outcome: 'abandoned' });
  assert.equal(gaveUp.status, 201, JSON.stringify(gaveUp.body));
  // The rollup job counts them within seconds.
  const counted = await eventually(async () => {
    const cell = cellOf(await getJson(page, `/volume/heatmap?channel=phone&tz=${TZ}`));
    assert.equal(cell.calls_offered, before.calls_offered + 2);
    return cell;
  }, { timeout: 20_000, interval: 250 });

  await page.goto('/staffing?channel=phone');
  await page.getByRole('heading', { level: 1, name: 'Staffing' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'When customers come' }).getAttribute('aria-current'), 'page');
  const cell = page.getByTestId('heatmap-table').locator(`td[data-weekday="${at.weekday}"][data-hour="${at.hour}"]`);
  await eventually(async () => assert.equal(await cell.textContent(), String(counted.contacts)));
  assert.ok(counted.contacts >= 2, JSON.stringify(counted));
  await page.getByRole('img', { name: /^Contacts by hour and weekday/ }).waitFor();
  // The same cell as an abandon rate.
  await page.getByRole('button', { name: 'Abandon rate' }).click();
  const rate = Math.round(counted.abandon_rate * 100);
  await eventually(async () => assert.equal(await cell.textContent(), `${rate}%`));
  assert.match(page.url(), /metric=abandon_rate/);

  // The trend: yesterday's row among this week's, counting the calls.
  const label = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day.date}T12:00:00Z`));
  const yesterday = page.getByTestId('trend-table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await yesterday.waitFor();
  assert.ok(Number(await yesterday.locator('td').first().textContent()) >= 2);
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await screenshot(page, 'staffing-heatmap');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a walk-in at a new counter shows under that location and under its customer’s segment only', async () => {
  const { context, page, errors } = await logInAt();
  const stamp = String(Date.now()).slice(-7);
  const [department] = (await getJson(page, '/departments')).items;
  const made = await apiPost(page, '/locations', { department_id: department.id, name: `E2E balie ${stamp}` });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const location = made.body;
  const customer = (await getJson(page, '/customers?limit=100')).items.find((c) => c.segment);
  assert.ok(customer, 'a demo customer with a segment');
  const walkIn = await apiPost(page, '/walk-ins', { location_id: location.id, customer_id: customer.id, question: 'Kan ik hier mijn pas ophalen?', resolved: true });
  assert.equal(walkIn.status, 201, JSON.stringify(walkIn.body));
  const at = amsterdam(Date.parse(walkIn.body.conversation.created_at));
  // The rollup job counts it within seconds; the new counter has nothing else.
  await eventually(async () => assert.equal((await getJson(page, `/volume/heatmap?location_id=${location.id}&tz=${TZ}`)).total.contacts, 1), {
    timeout: 20_000, interval: 250,
  });
  const other = (await getJson(page, '/volume/segments')).items.find((s) => s !== customer.segment);
  assert.ok(other, 'another segment counted');

  await page.goto('/staffing');
  await page.getByTestId('heatmap-table').waitFor();
  const heatmapAsked = (check) =>
    page.waitForRequest((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/volume/heatmap' && check(url.searchParams);
    });
  const cell = page.getByTestId('heatmap-table').locator(`td[data-weekday="${at.weekday}"][data-hour="${at.hour}"]`);
  const contacts = page.getByTestId('volume-contacts').locator('.stat-tile__value');

  let asked = heatmapAsked((q) => q.get('location_id') === String(location.id));
  await page.getByRole('combobox', { name: 'Location' }).selectOption({ label: `${department.name} › ${location.name}` });
  await asked;
  await page.waitForURL(new RegExp(`location_id=${location.id}`));
  await eventually(async () => assert.equal(await contacts.textContent(), '1'));
  assert.equal(await cell.textContent(), '1');

  // The customer's segment keeps the walk-in; another one leaves nothing at this counter.
  const segment = page.getByRole('combobox', { name: 'Segment' });
  asked = heatmapAsked((q) => q.get('location_id') === String(location.id) && q.get('segment') === customer.segment);
  await segment.selectOption(customer.segment);
  await asked;
  await eventually(async () => assert.equal(await cell.textContent(), '1'));
  asked = heatmapAsked((q) => q.get('segment') === other);
  await segment.selectOption(other);
  await asked;
  await eventually(async () => assert.equal(await contacts.textContent(), '0'));
  assert.equal(await cell.textContent(), '0');
  assert.equal(new URL(page.url()).searchParams.get('segment'), other);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shift imported as CSV shows in the schedule and as scheduled on the plan; a bad CSV names its lines', async () => {
  const { context, page, errors } = await logInAt('/staffing?view=schedule');
  const date = tomorrow();
  const form = page.getByTestId('shift-import');
  await form.getByLabel('CSV file').setInputFiles({
    name: 'shifts.csv', mimeType: 'text/csv', buffer: Buffer.from(`date,start,end,agents,label\n${date},08:00,12:00,7,E2E vroege dienst\n`),
  });
  await eventually(async () => assert.match(await form.getByLabel('The CSV of shifts.csv').inputValue(), /E2E vroege dienst/));
  await form.getByRole('button', { name: 'Import' }).click();
  await form.getByText('1 shift imported.').waitFor();
  const row = page.getByTestId('shift-row').filter({ hasText: 'E2E vroege dienst' });
  await row.waitFor();
  assert.deepEqual((await row.locator('th, td').allTextContents()).slice(1, 5), ['08:00', '12:00', '7', 'Any contact']);

  // A bad file: every bad line named, nothing imported.
  await form.getByLabel('The CSV of shifts.csv').fill(`date,start,end,agents\n${date},09:00,17:00,2\n2026-02-30,09:00,17:00,2\n${date},25:00,17:00,x\n`);
  await form.getByRole('button', { name: 'Import' }).click();
  const bad = form.getByTestId('import-error');
  await bad.first().waitFor();
  const lines = await bad.evaluateAll((items) => items.map((li) => [li.dataset.line, li.textContent]));
  assert.deepEqual(lines.map(([line]) => line), ['3', '4', '4'], JSON.stringify(lines));
  assert.match(lines[0][1], /^Line 3, date: /);
  assert.deepEqual(lines.slice(1).map(([, text]) => text.replace(/:.*/, '')).sort(), ['Line 4, agents', 'Line 4, start']);
  await screenshot(page, 'staffing-schedule');
  assert.equal(await page.getByTestId('shift-row').filter({ hasText: 'E2E vroege dienst' }).count(), 1);

  // The plan per hour for e-mail (the demo's own shifts are the phone's and
  // the chat's; this one is for any contact): tomorrow 08:00–12:00 has the
  // 7 agents scheduled.
  await page.goto('/staffing?view=plan&channel=email');
  await page.getByRole('button', { name: '60 minutes' }).click();
  await page.getByTestId('plan-figures').waitFor();
  await eventually(async () => assert.equal(await page.getByTestId('plan-hours-scheduled').locator('.stat-tile__value').textContent(), '28'));
  await page.getByText('Per interval (table)').click();
  const columns = await page.getByTestId('plan-intervals').getByRole('columnheader').allTextContents();
  const scheduledAt = async (time) =>
    (await page.getByTestId('plan-intervals').locator(`tr[data-start="${instant(date, time)}"] > *`).allTextContents())[columns.indexOf('Scheduled')];
  assert.equal(await scheduledAt('08:00'), '7');
  assert.equal(await scheduledAt('11:00'), '7');
  assert.equal(await scheduledAt('12:00'), '0');
  await page.getByRole('img', { name: /^Agents per 60 minutes, next 7 days .*28 scheduled/ }).waitFor();
  await screenshot(page, 'staffing-plan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a stricter service level asks for more agents, and the what-if stays in the address', async () => {
  const { context, page, errors } = await logInAt('/staffing?view=plan');
  const hours = page.getByTestId('plan-hours-required').locator('.stat-tile__value');
  await hours.waitFor();
  const before = Number((await hours.textContent()).replace(/,/g, ''));
  assert.ok(before > 0, `agent hours needed: ${before}`);
  await page.getByLabel('Service level (%)').fill('99');
  await page.getByLabel('Answer within (seconds)').fill('5');
  await page.waitForURL(/service_level=99/);
  await eventually(async () => assert.ok(Number((await hours.textContent()).replace(/,/g, '')) > before, await hours.textContent()));
  assert.match(await page.getByTestId('plan-target').textContent(), /^Erlang C for 99% answered within 5 s/);
  // Erlang A with a patience; the measured handle time is shown beside the field.
  assert.match(await page.getByTestId('what-if-note-aht_seconds').textContent(), /^Measured: \d+ s$/);
  await page.getByLabel('Patience (seconds)').fill('60');
  await eventually(async () => assert.match(await page.getByTestId('plan-target').textContent(), /^Erlang A \(patience 60 s\)/));
  await page.reload();
  assert.equal(await page.getByLabel('Service level (%)').inputValue(), '99');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the staffing page speaks Dutch', async () => {
  const { context, page, errors } = await logInAt('/staffing?view=forecast');
  await page.getByTestId('forecast-method').waitFor();
  await page.getByTestId('language-nl').click();
  await page.getByRole('heading', { level: 1, name: 'Bezetting' }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bezetting' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Verwachting' }).getAttribute('aria-current'), 'page');
  assert.match(await page.getByTestId('forecast-method').textContent(), /^Verwachting van (het model|de basislijn)\./);
  await page.getByRole('button', { name: 'Komende 14 dagen' }).click();
  await page.waitForURL(/days=14/);
  await page.getByRole('link', { name: 'Wanneer klanten komen' }).click();
  await eventually(async () =>
    assert.deepEqual(await page.getByTestId('heatmap-table').getByRole('columnheader').allTextContents(), ['Uur', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']),
  );
  await page.getByRole('link', { name: 'Rooster' }).click();
  await page.getByRole('heading', { name: 'Diensten importeren uit CSV' }).waitFor();
  await screenshot(page, 'staffing-schedule-nl');
  await page.getByTestId('language-en').click();
  await page.getByRole('heading', { level: 1, name: 'Staffing' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
