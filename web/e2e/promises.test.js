// Promises in the workspace, in a real browser: an agent answers a
// customer's e-mail with a reply that promises a callback; the workspace
// reads the promise from the reply and records it with one click; it shows
// under "We owe" with its due moment; the agent keeps it with the message
// that kept it, and the customer's timeline says so. This file has a
// server of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiPost, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

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

test('a reply that promises a callback is recorded with one click, then kept', async () => {
  const agent = await newAgent(browser, server.url);
  const errors = [];
  agent.page.on('pageerror', (e) => errors.push(e.message));
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const customer = await apiPost(agent.page, '/customers', {
    name: 'Belofte Browser', language: 'en', identities: [{ kind: 'email', value: `belofte.${Date.now()}@example.nl` }],
  });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const departments = await agent.page.evaluate(async () => (await fetch('/api/v1/departments')).json());
  const dept = (departments.items ?? departments)[0].id;
  const conv = await apiPost(agent.page, '/conversations', {
    customer_id: customer.body.id, channel: 'email', subject: 'Leaking bottle', department_id: dept,
  });
  assert.equal(conv.status, 201, JSON.stringify(conv.body));
  assert.equal((await apiPost(agent.page, `/conversations/${conv.body.id}/messages`, { direction: 'in', body_text: 'My bottle leaks.' })).status, 201);

  await agent.page.goto(`/conversations/${conv.body.id}`);
  const reply = agent.page.getByLabel(/Reply via/);
  await reply.fill('Sorry about that. We will call you back tomorrow before 12:00.');
  await agent.page.getByRole('button', { name: 'Send', exact: true }).click();
  const suggestion = agent.page.getByTestId('promise-suggestion');
  await suggestion.getByText(/This reply promises: callback, due/).waitFor();
  await screenshot(agent.page, 'promise-suggested');
  await suggestion.getByRole('button', { name: 'Record promise' }).click();
  await suggestion.getByText('The promise is recorded.').waitFor();

  const ours = agent.page.getByTestId('promises-us');
  const item = ours.getByTestId('promise').first();
  await item.getByText('Callback').waitFor();
  await item.getByText(/Due /).waitFor();
  const list = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/promises?customer_id=${id}`)).json(), customer.body.id);
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0].kind, 'callback');
  assert.equal(list.items[0].by, 'us');
  assert.ok(list.items[0].due_end, 'a due moment from "tomorrow before 12:00"');
  await screenshot(agent.page, 'promise-recorded');

  // Kept: the agent names the message that kept it.
  assert.equal((await apiPost(agent.page, `/conversations/${conv.body.id}/messages`, { direction: 'out', body_text: 'As promised: we just spoke on the phone.' })).status, 201);
  await item.getByRole('button', { name: 'Keep' }).click();
  const evidence = item.getByLabel('What kept it');
  await eventually(async () => assert.ok((await evidence.locator('option').count()) > 2));
  const value = await evidence.locator('option', { hasText: 'As promised' }).first().getAttribute('value');
  await evidence.selectOption(value);
  await item.getByRole('button', { name: 'Mark kept' }).click();
  await eventually(async () => {
    const all = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/promises?status=all&customer_id=${id}`)).json(), customer.body.id);
    assert.equal(all.items[0].status, 'kept');
    assert.equal(all.items[0].evidence_kind, 'message');
  });
  const timeline = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/customers/${id}/timeline`)).json(), customer.body.id);
  assert.ok(timeline.items.some((a) => a.kind === 'promise' && a.params.action === 'kept'), JSON.stringify(timeline.items.map((a) => a.kind)));
  assert.deepEqual(errors, []);
  await agent.context.close();
});

test("an account manager sees both sides per customer, reminds the customer gently and confirms our promise", async () => {
  const agent = await newAgent(browser, server.url);
  const errors = [];
  agent.page.on('pageerror', (e) => errors.push(e.message));
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const me = await agent.page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).user.id);
  const customer = await apiPost(agent.page, '/customers', {
    name: 'Bakkerij Account', language: 'nl', account_manager_id: me,
    identities: [{ kind: 'email', value: `account.${Date.now()}@example.nl` }],
  });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const inDays = (d) => new Date(Date.now() + d * 86_400_000).toISOString();
  const theirs = await apiPost(agent.page, '/promises', {
    customer_id: customer.body.id, by: 'customer', kind: 'payment', what: 'Betaalt factuur 2026-0412', due_end: inDays(3),
  });
  assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
  const ours = await apiPost(agent.page, '/promises', {
    customer_id: customer.body.id, kind: 'visit', what: 'Monteur komt de oven nakijken', due_end: inDays(5),
  });
  assert.equal(ours.status, 201, JSON.stringify(ours.body));

  await agent.page.goto('/promises?whose=accounts');
  const account = agent.page.locator(`[data-testid="account"][data-customer-id="${customer.body.id}"]`);
  await account.getByText('Betaalt factuur 2026-0412').waitFor();
  await account.getByTestId('account-us').getByText('Monteur komt de oven nakijken').waitFor();
  await screenshot(agent.page, 'promises-accounts');

  // The gentle reminder, for what the customer owes only.
  assert.equal(await account.getByTestId('account-us').getByRole('button', { name: 'Send a gentle reminder' }).count(), 0);
  await account.getByTestId('account-customer').getByRole('button', { name: 'Send a gentle reminder' }).click();
  const sent = agent.page.getByTestId('promise-notice-sent');
  await sent.getByText('Sent to the customer by E-mail.').waitFor();
  await account.getByTestId('account-us').getByRole('button', { name: 'Confirm to customer' }).click();
  await eventually(async () => {
    const one = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/promises/${id}`)).json(), ours.body.id);
    assert.equal(one.history.at(-1).action, 'confirmed');
  });

  // The reminder is a message of its own, in Dutch, in the customer's history.
  await sent.getByRole('link', { name: 'Open the message' }).click();
  await agent.page.getByText(/Een vriendelijke herinnering aan wat we samen afspraken/).first().waitFor();
  const one = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/promises/${id}`)).json(), theirs.body.id);
  assert.equal(one.history.at(-1).action, 'customer_reminded');
  assert.deepEqual(errors, []);
  await agent.context.close();
});
