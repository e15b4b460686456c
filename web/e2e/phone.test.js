// The phone door in a real browser against the real server: a missed call
// reported by the telephone system appears live in the Call back list,
// "Reached" takes it off, and the caller's page shows the calls on the
// timeline and logs one more by hand. This file has a server of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiPost, eventually, launchChromium, logIn, newAgent, screenshot, waitForLive } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;
// A number of this run (+31 6 1xxx xxxx), so the list row is this run's.
const digits = String(Date.now()).slice(-7);
const number = `+3161${digits}`;
const display = `06 1${digits}`;

before(async () => {
  server = await startLuister({ customers: 20, conversations: 20 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('missed calls appear live in the call back list; reaching the caller takes them off and both are on the timeline', async () => {
  const { context, page, errors } = await newAgent(browser, server.url);
  await page.goto('/login');
  await logIn(page);
  await page.waitForURL('**/inbox');
  await page.getByRole('link', { name: 'Call back' }).click();
  await page.getByRole('heading', { level: 1, name: 'Call back' }).waitFor();
  await waitForLive(page);

  // The telephone system reports two missed calls from a new number (the
  // admin holds post_calls, as the PBX's service account does).
  const report = (id, at, outcome, wait) =>
    apiPost(page, '/channels/phone/calls', { call_id: `${digits}-${id}`, from: number, started_at: at, wait_seconds: wait, outcome });
  assert.equal((await report(1, '2026-12-03T08:10:00Z', 'abandoned', 95)).status, 201);
  assert.equal((await report(2, '2026-12-03T08:40:00Z', 'callback_requested', 200)).status, 201);
  assert.equal((await report(2, '2026-12-03T08:40:00Z', 'callback_requested', 200)).status, 200, 'a resent report is the same call');

  const row = page.getByTestId('callback-row').filter({ has: page.getByRole('link', { name: `Call ${display}` }) });
  await row.waitFor();
  await eventually(async () => assert.match(await row.textContent(), /Asked to be called back/));
  assert.equal(await row.locator('td.num').first().textContent(), '2', 'two tries, one row');
  assert.equal(await row.getByRole('link', { name: `Call ${display}` }).getAttribute('href'), `tel:${number}`);
  await screenshot(page, 'callbacks');

  await row.getByRole('button', { name: 'Reached' }).click();
  await eventually(async () => assert.equal(await row.count(), 0));

  // The caller became a customer named by the number; the calls are on their timeline.
  const lookup = await page.evaluate(async (n) => (await fetch(`/api/v1/customers/lookup?kind=phone&value=${encodeURIComponent(n)}`)).json(), number);
  await page.goto(`/customers/${lookup.id}`);
  await page.getByRole('heading', { level: 1, name: display }).waitFor();
  const calls = page.getByTestId('timeline-item').and(page.locator('[data-kind="call"]'));
  await eventually(async () => assert.equal(await calls.count(), 3));
  assert.match(await page.getByTestId('timeline').textContent(), /Hung up while waiting · waited 1:35/);

  // One more, logged by hand with notes.
  const form = page.getByTestId('call-log-form');
  await form.getByLabel('Outcome').selectOption('answered');
  await form.getByLabel('Duration (minutes)').fill('3');
  await form.getByLabel('Notes').fill(`Teruggebeld ${digits}: pakket wordt morgen bezorgd.`);
  await form.getByRole('button', { name: 'Log call' }).click();
  await page.getByText('The call is on the timeline.').waitFor();
  await page.getByTestId('timeline-item').filter({ hasText: `Teruggebeld ${digits}` }).waitFor();
  assert.equal(await calls.count(), 4);
  await screenshot(page, 'customer-calls');
  assert.deepEqual(errors, []);
  await context.close();
});
