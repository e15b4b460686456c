// The agent workspace in a real browser against the real server: one server
// with a fresh demo desk for this file, one Chromium, and one logged-in agent
// whose steps build on each other (log in, open, reply, note, transfer), so
// the tests run in order. Run: LUISTER_BIN=build/luister node --test e2e/
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiPost, apiSend, eventually, launchChromium, logIn, newAgent, screenshot, waitForLive } from './support/browser.js';
import { ADMIN, startLuister } from './support/luister_server.js';

let server;
let browser;
let agent; // the first login: { context, page, errors }
let conversationId; // the conversation opened from the inbox
// Texts this run writes carry a stamp, so they are this run's and no other's.
const stamp = `${process.pid % 1000}${String(Date.now()).slice(-5)}`;
const replyText = `Your refund was sent today, reference R-${stamp}.`;

before(async () => {
  server = await startLuister();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0, 'luister serve should exit cleanly on SIGTERM');
});

const rows = (page) => page.getByTestId('conversation-row');

test('logging in leads to the inbox with live updates connected', async () => {
  agent = await newAgent(browser, server.url);
  const { page } = agent;
  await page.goto('/inbox');
  await page.waitForURL('**/login?next=%2Finbox'); // an anonymous visit goes to the login form
  await logIn(page);
  await rows(page).first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/inbox');
  assert.ok((await rows(page).count()) >= 20, 'the demo desk fills the first page of the inbox');
  assert.equal(await page.locator('.user-chip__name').textContent(), ADMIN.name);
  await waitForLive(page);
  // Customer names replace the "#id" placeholders (from customer_name, or fetched per row by older servers).
  await eventually(async () => assert.doesNotMatch(await page.locator('.conv-row__customer').first().textContent(), /^#\d+$/));
  await screenshot(page, 'inbox');
});

/** The heading a conversation screen shows for an inbox row: its subject, or #id without one. */
async function rowTitle(row) {
  return (await row.locator('.conv-row__subject').textContent()).trim();
}

async function expectConversationScreen(page, id, title) {
  await page.waitForURL(`**/conversations/${id}`);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.getByTestId('message').first().waitFor();
}

/** The conversation the earlier tests opened and changed; the later ones build on it. */
function opened() {
  assert.ok(conversationId, 'needs the conversation opened from the inbox by the earlier test');
  return conversationId;
}

test('j/k move through the inbox and Enter opens the conversation; a click opens one too', async () => {
  const { page } = agent;
  for (const key of ['j', 'j', 'j', 'k']) await page.keyboard.press(key);
  const second = rows(page).nth(1);
  const keyboardId = await second.getAttribute('data-conversation-id');
  await eventually(async () => assert.equal(await second.getAttribute('aria-current'), 'true'));
  assert.equal(await page.locator('[data-testid=conversation-row][aria-current=true]').count(), 1, 'one row is active');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=conversation-row]')?.dataset.conversationId),
    keyboardId, 'the active row has the keyboard focus');
  const keyboardTitle = await rowTitle(second);
  await page.keyboard.press('Enter');
  await expectConversationScreen(page, keyboardId, keyboardTitle);

  await page.goBack();
  const fourth = rows(page).nth(3);
  const clickId = await fourth.getAttribute('data-conversation-id');
  assert.notEqual(clickId, keyboardId);
  const clickTitle = await rowTitle(fourth);
  await fourth.getByRole('link').click();
  await expectConversationScreen(page, clickId, clickTitle);

  await page.goto(`/conversations/${keyboardId}`);
  await expectConversationScreen(page, keyboardId, keyboardTitle);
  conversationId = keyboardId;
});

test('a reply appears in the thread and in the customer timeline, and is stored', async () => {
  const { page } = agent;
  assert.equal(new URL(page.url()).pathname, `/conversations/${opened()}`);
  const box = page.getByLabel(/^Reply via /);
  await box.fill(replyText);
  await page.getByTestId('composer').getByRole('button', { name: 'Send' }).click();
  const message = page.getByTestId('message').filter({ hasText: replyText });
  await message.waitFor();
  assert.equal(await message.getAttribute('data-internal'), 'false');
  assert.equal(await box.inputValue(), '', 'the composer is emptied once the server accepted the reply');
  await page.getByTestId('customer-panel').getByTestId('timeline-item').filter({ hasText: replyText }).waitFor();

  await page.reload();
  await page.getByTestId('message').filter({ hasText: replyText }).waitFor();
});

test('an internal note shows in the staff thread but not in the customer view', async () => {
  const { page } = agent;
  const noteText = `Checked with the warehouse: parcel ${stamp} was lost.`;
  await page.getByTestId('composer').getByRole('button', { name: 'Internal note' }).click();
  await page.getByLabel('Internal note', { exact: true }).fill(noteText);
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('message').filter({ hasText: noteText });
  await note.waitFor();
  assert.equal(await note.getAttribute('data-internal'), 'true');

  const customerView = page.getByLabel('Customer view (internal notes hidden)');
  // The customer view is a new request; wait for its answer and the reply before looking for the note.
  await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/conversations/${opened()}/messages?include_internal=false`) && r.ok()),
    customerView.check(),
  ]);
  await page.getByTestId('message').filter({ hasText: replyText }).waitFor();
  assert.equal(await note.count(), 0, 'the note is hidden in the customer view');
  assert.equal(await page.locator('[data-testid=message][data-internal=true]').count(), 0);

  await customerView.uncheck();
  await note.waitFor();
  await page.getByTestId('composer').getByRole('button', { name: 'Reply' }).click();
});

test('a transfer without a hand-over note is refused next to the field and keeps the input; with a note it moves', async () => {
  const { page } = agent;
  assert.equal(new URL(page.url()).pathname, `/conversations/${opened()}`);
  const draft = 'Half-written reply that must survive the failed transfer';
  const composerBox = page.getByLabel(/^Reply via /);
  await composerBox.fill(draft);
  const before = (await page.getByTestId('property-department').textContent()).trim();

  await page.getByRole('button', { name: 'Transfer' }).click();
  const form = page.getByTestId('transfer-form');
  const department = form.getByLabel('Department');
  const target = await department.evaluate((select) => {
    const option = [...select.options].find((o) => o.value && !o.disabled);
    return { value: option.value, name: option.textContent };
  });
  assert.notEqual(target.name, before);
  await department.selectOption(target.value);
  const queue = form.getByLabel('Queue');
  const queueValue = await queue.evaluate((select) => [...select.options].find((o) => o.value)?.value ?? '');
  if (queueValue) await queue.selectOption(queueValue);
  await form.getByRole('button', { name: 'Transfer' }).click();

  const error = form.locator('[data-testid=field-error][data-field=note]');
  await error.waitFor();
  assert.match(await error.textContent(), /note/i);
  const note = form.getByLabel('Hand-over note');
  assert.equal(await note.getAttribute('aria-invalid'), 'true');
  assert.equal(await note.getAttribute('aria-describedby'), await error.getAttribute('id'), 'the message is tied to the note field');
  assert.equal(await form.locator('.field').filter({ has: page.locator('#transfer-note') }).getByTestId('field-error').count(), 1, 'the message sits in the note field');
  assert.equal(await department.inputValue(), target.value, 'the chosen department is kept');
  assert.equal(await queue.inputValue(), queueValue, 'the chosen queue is kept');
  assert.equal(await composerBox.inputValue(), draft, 'the reply draft is kept');
  assert.equal((await page.getByTestId('property-department').textContent()).trim(), before, 'nothing moved');

  const handover = `Customer wants a refund for order ${stamp}; invoice checked.`;
  await note.fill(handover);
  await form.getByRole('button', { name: 'Transfer' }).click();
  await form.waitFor({ state: 'detached' });
  await eventually(async () => assert.equal((await page.getByTestId('property-department').textContent()).trim(), target.name));
  assert.equal(await page.getByTestId('conversation-department').textContent(), target.name);
  await page.getByTestId('customer-panel').locator('[data-testid=timeline-item][data-kind=handover]').first().waitFor();
  assert.equal(await composerBox.inputValue(), draft, 'the reply draft survives the transfer');
  await composerBox.fill('');
  await screenshot(page, 'conversation');
});

test('a second login sees new messages live, without reloading', async () => {
  const second = await newAgent(browser, server.url);
  try {
    const thread = second.page;
    await thread.goto(`/conversations/${opened()}`);
    await logIn(thread);
    await thread.waitForURL(`**/conversations/${opened()}`); // back where the visit started
    await thread.getByTestId('thread').waitFor();
    await waitForLive(thread);
    const inbox = await second.context.newPage();
    await inbox.goto('/inbox');
    await rows(inbox).first().waitFor();
    await waitForLive(inbox);

    let navigations = 0;
    thread.on('framenavigated', (frame) => frame === thread.mainFrame() && navigations++);
    await thread.evaluate(() => (window.__sameDocument = true));

    const text = `Thanks! Does refund R-${stamp} include the shipping costs?`;
    const posted = await apiPost(agent.page, `/conversations/${opened()}/messages`, { direction: 'in', body_text: text });
    assert.equal(posted.status, 201);
    const message = thread.getByTestId('message').filter({ hasText: text });
    await message.waitFor({ timeout: 5_000 });
    assert.equal(await thread.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    assert.equal(navigations, 0);

    // The inbox of the second login moves a conversation that gets a message to the top.
    const last = rows(inbox).last();
    const lastId = await last.getAttribute('data-conversation-id');
    assert.notEqual(await rows(inbox).first().getAttribute('data-conversation-id'), lastId);
    const again = await apiPost(agent.page, `/conversations/${lastId}/messages`, { direction: 'in', body_text: 'Any news?' });
    assert.equal(again.status, 201);
    await eventually(async () => assert.equal(await rows(inbox).first().getAttribute('data-conversation-id'), lastId), { timeout: 5_000 });
    assert.deepEqual(second.errors, []);
  } finally {
    await second.context.close();
  }
});

test('the main screens show their data: customer 360, search, admin, audit', async () => {
  const { page } = agent;
  await page.goto(`/conversations/${opened()}`);
  const customerName = (await page.locator('.customer-panel__name').textContent()).trim();
  await page.getByRole('link', { name: 'Open customer 360' }).click();
  await page.getByRole('heading', { level: 1, name: customerName }).waitFor();
  await page.getByTestId('timeline').getByTestId('timeline-item').filter({ hasText: replyText }).waitFor();
  await screenshot(page, 'customer-360', { settleMs: 1500 });

  // A subject access export: requested here, prepared by the server's job
  // runner, downloaded with the session.
  await page.getByRole('button', { name: 'Prepare export' }).click();
  const download = page.getByRole('link', { name: 'Download export (JSON)' });
  await download.waitFor();
  const doc = await page.evaluate(async (href) => (await fetch(href)).json(), await download.getAttribute('href'));
  assert.equal(doc.format, 'luister.customer-export/1');
  assert.equal(doc.customer.name, customerName);
  assert.ok(doc.conversations.some((c) => c.messages.some((m) => m.body_text.includes(replyText))),
    'the export holds the reply written in this run');

  await page.goto('/search?q=refund');
  const results = page.getByTestId('search-results');
  await results.waitFor();
  assert.ok((await results.locator('li').count()) >= 1);
  assert.ok((await results.locator('mark').count()) >= 1, 'matches are highlighted');
  await screenshot(page, 'search');

  await page.goto('/admin/users');
  await page.getByRole('cell', { name: ADMIN.email }).waitFor();
  await screenshot(page, 'admin');

  await page.goto('/audit');
  const audit = page.getByTestId('audit-table');
  await audit.waitFor();
  // Opening the customer above was a read of personal data, so it is in the audit log.
  await eventually(async () => assert.ok((await audit.locator('tbody tr').count()) >= 1));
  await screenshot(page, 'audit');
});

test('a failed request shows its error, and retrying recovers', async () => {
  const { page } = agent;
  await page.route('**/api/v1/conversations?**', (route) => route.abort('connectionrefused'));
  await page.goto('/inbox');
  const alert = page.getByRole('alert').filter({ hasText: 'The server cannot be reached' });
  await alert.waitFor();
  assert.equal(await rows(page).count(), 0);
  await page.unroute('**/api/v1/conversations?**');
  await alert.getByRole('button', { name: 'Reload' }).click();
  await rows(page).first().waitFor();
});

test('switching to Dutch translates the workspace, survives a reload, and switches back', async () => {
  const { page } = agent;
  await page.goto('/inbox');
  await rows(page).first().waitFor();
  await page.getByTestId('language-nl').click();
  await page.getByRole('link', { name: 'Zoeken' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.equal(await page.getByRole('button', { name: 'Alle gesprekken' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Search' }).count(), 0);

  await page.reload();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  await rows(page).first().waitFor();
  await screenshot(page, 'inbox-nl');

  // A status change and an assignment, newest on the customer's timeline.
  const me = (await page.evaluate(async () => (await fetch('/api/v1/session')).json())).user;
  for (const change of [{ status: 'resolved' }, { status: 'open' }, { assignee_id: null }, { assignee_id: me.id }]) {
    assert.equal((await apiSend(page, 'PATCH', `/conversations/${opened()}`, change)).status, 200);
  }
  await page.goto(`/conversations/${opened()}`);
  await page.getByTestId('composer').getByRole('button', { name: 'Beantwoorden' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Overdragen' }).count(), 1);

  // Timeline events are stored as data and worded here, in Dutch: the
  // status change of the reply and the hand-over of the earlier tests.
  const panel = page.getByTestId('customer-panel');
  const event = (kind) => panel.locator(`[data-testid=timeline-item][data-kind=${kind}]`).first().getByTestId('timeline-event');
  await event('status_changed').waitFor();
  assert.match(await event('status_changed').textContent(), /^Status gewijzigd van (Nieuw|Open|Wachten op klant|Wachten op ons|Opgelost|Gesloten) naar (Nieuw|Open|Wachten op klant|Wachten op ons|Opgelost|Gesloten)$/);
  assert.match(await event('handover').textContent(), /^Overgedragen van \S.* naar \S.*$/);
  assert.equal(await event('assigned').textContent(), `Toegewezen aan ${me.name}`);
  assert.equal(await panel.getByText(/Status changed|Assigned to|Handed over/).count(), 0, 'no English event text in the Dutch timeline');

  await page.getByTestId('language-en').click();
  await page.getByRole('button', { name: 'Transfer' }).waitFor();
  assert.match(await event('status_changed').textContent(), /^Status changed from .+ to .+$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('link', { name: 'Search' }).count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Zoeken' }).count(), 0);
});

test('no uncaught errors in the agent\'s page', () => {
  assert.deepEqual(agent.errors, []);
});
