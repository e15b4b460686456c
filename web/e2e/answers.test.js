// The canonical answer library in a real browser: a manager's published
// answer is suggested above the reply box for the customer's question, the
// agent inserts it with one click (the customer's name filled in), and the
// reply records which answer version it used; the library page shows the
// answer with its versions. This file has a server of its own.
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

test('a published answer is suggested, inserted with one click and recorded with the reply', async () => {
  const agent = await newAgent(browser, server.url);
  const errors = [];
  agent.page.on('pageerror', (e) => errors.push(e.message));
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');

  const made = await apiPost(agent.page, '/answers', {
    topic: 'Retourtermijn',
    nl: { title: 'Hoe lang heb ik om iets terug te sturen?', body: 'Beste {{customer.name}}, u kunt uw bestelling binnen 30 dagen retourneren.' },
    en: { title: 'How long do I have to return an item?', body: 'Dear {{customer.name}}, you can return your order within 30 days.' },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id;
  assert.equal((await apiPost(agent.page, `/answers/${id}/submit`, { version: 1 })).status, 200);
  assert.equal((await apiPost(agent.page, `/answers/${id}/publish`, { version: 2 })).status, 200);

  const customer = await apiPost(agent.page, '/customers', { name: 'Karin Retour', language: 'nl' });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const departments = await agent.page.evaluate(async () => (await fetch('/api/v1/departments')).json());
  const dept = (departments.items ?? departments)[0].id;
  const conv = await apiPost(agent.page, '/conversations', { customer_id: customer.body.id, channel: 'email', subject: 'Terugsturen', department_id: dept });
  assert.equal(conv.status, 201, JSON.stringify(conv.body));
  assert.equal((await apiPost(agent.page, `/conversations/${conv.body.id}/messages`, { direction: 'in', body_text: 'Binnen hoeveel dagen moet ik mijn bestelling terugsturen?' })).status, 201);

  await agent.page.goto(`/conversations/${conv.body.id}`);
  // Ours among the suggestions (the demo desk has a return answer of its own).
  const ours = agent.page.getByTestId('answer-suggestion').filter({ hasText: 'Retourtermijn' });
  await ours.waitFor();
  await screenshot(agent.page, 'answer-suggested');
  await ours.getByRole('button', { name: 'Insert' }).click();
  const reply = agent.page.getByLabel(/Reply via/);
  await eventually(async () => assert.equal(await reply.inputValue(), 'Beste Karin Retour, u kunt uw bestelling binnen 30 dagen retourneren.'));
  await agent.page.getByRole('button', { name: 'Send', exact: true }).click();
  await eventually(async () => {
    const thread = await agent.page.evaluate(async (c) => (await fetch(`/api/v1/conversations/${c}/messages`)).json(), conv.body.id);
    const sent = thread.items.find((m) => m.direction === 'out');
    assert.ok(sent, JSON.stringify(thread.items));
    assert.deepEqual(sent.answer, { id, number: 1, override: null });
  });

  // The library page: the answer, live in version 1.
  await agent.page.goto(`/answers?id=${id}`);
  const panel = agent.page.getByTestId('answer-panel');
  await panel.getByText('Retourtermijn').first().waitFor();
  await panel.getByText('Live: version 1').first().waitFor();
  await screenshot(agent.page, 'answers-library');
  assert.deepEqual(errors, []);
  await agent.context.close();
});
