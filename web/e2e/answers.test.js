// The canonical answer library in a real browser: a manager's published
// answer is suggested above the reply box for the customer's question, the
// agent inserts it with one click (the customer's name filled in), and the
// reply records which answer version it used; the library page shows the
// answer with its versions. A resolved conversation becomes a draft answer
// in one click; a question the assistant has no answer for shows under
// knowledge gaps and in the assistant's measures. This file has a server of
// its own.
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

test('a resolved conversation becomes a draft answer in one click', async () => {
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');

  const customer = await apiPost(agent.page, '/customers', { name: 'Bram Betaal', language: 'nl' });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const departments = await agent.page.evaluate(async () => (await fetch('/api/v1/departments')).json());
  const dept = (departments.items ?? departments)[0].id;
  const subject = `Betalen met een cadeaubon ${Date.now()}`;
  // By phone: a reply sent by e-mail could fail to go out here (no mail server), and a failed reply puts the conversation back to waiting on us.
  const conv = await apiPost(agent.page, '/conversations', { customer_id: customer.body.id, channel: 'phone', subject, department_id: dept });
  assert.equal(conv.status, 201, JSON.stringify(conv.body));
  const question = 'Kan ik mijn bestelling met een cadeaubon betalen?';
  assert.equal((await apiPost(agent.page, `/conversations/${conv.body.id}/messages`, { direction: 'in', body_text: question })).status, 201);
  const reply = 'Beste Bram Betaal, ja: vul bij het afrekenen de code van de cadeaubon in.';
  assert.equal((await apiPost(agent.page, `/conversations/${conv.body.id}/messages`, { direction: 'out', body_text: reply })).status, 201);

  // While it is open there is nothing to draft; resolving it offers the draft.
  await agent.page.goto(`/conversations/${conv.body.id}`);
  await agent.page.getByRole('heading', { name: subject }).waitFor();
  const draftButton = agent.page.getByRole('button', { name: 'Draft an answer from this conversation' });
  assert.equal(await draftButton.count(), 0);
  await agent.page.getByLabel('Status', { exact: true }).selectOption('resolved');
  await draftButton.click();

  // The answers page, with the new draft chosen: the customer's question as its title, the reply (name as a variable) as its text.
  await agent.page.waitForURL(/\/answers\?state=draft&id=\d+$/);
  const panel = agent.page.getByTestId('answer-panel');
  await panel.getByRole('heading', { name: new RegExp(subject) }).waitFor();
  await panel.getByTestId('answer-versions').getByText('Version 1').waitFor();
  const dutch = panel.getByTestId('answer-nl');
  assert.equal(await dutch.getByLabel('Title (as customers ask)').inputValue(), question);
  assert.equal(await dutch.getByLabel('Answer').inputValue(), 'Beste {{customer.name}}, ja: vul bij het afrekenen de code van de cadeaubon in.');
  await panel.getByTestId('answer-questions').getByText(question).waitFor();
  await agent.page.getByTestId('answers-list').getByRole('button', { name: new RegExp(subject) }).waitFor();
  await screenshot(agent.page, 'answers-draft-from-conversation');
  assert.deepEqual(agent.errors, []);
  await agent.context.close();
});

test('a question the assistant cannot answer shows as a knowledge gap and in the assistant measures', async () => {
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const slug = `help-${String(Date.now()).slice(-6)}`;
  const widget = await apiPost(agent.page, '/chat-widgets', {
    slug, name: 'Help', queue_id: 1, allowed_origins: ['https://shop.example.org'], privacy_url: 'https://shop.example.org/privacy',
  });
  assert.equal(widget.status, 201, JSON.stringify(widget.body));

  // A customer asks, as the widget does: JSON sent as text/plain, no cookie.
  const question = 'Verzenden jullie ook naar een pakketautomaat op Texel?';
  const res = await fetch(`${server.url}/api/v1/widget/${slug}/assistant`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ text: question, lang: 'nl' }),
  });
  const asked = await res.json();
  assert.equal(res.status, 200, JSON.stringify(asked));
  assert.equal(asked.handover?.reason, 'no_match', JSON.stringify(asked));

  // Knowledge gaps: the question in its group, with a way to write the answer.
  await agent.page.goto('/answers?view=gaps');
  const gap = agent.page.getByTestId('gap').filter({ hasText: question });
  await gap.waitFor();
  await gap.getByText('Assistant').first().waitFor();
  await screenshot(agent.page, 'answers-knowledge-gaps');
  await gap.getByRole('button', { name: /Write an answer/ }).click();
  const form = agent.page.getByTestId('new-answer-form');
  assert.equal(await form.getByTestId('answer-nl').getByLabel('Title (as customers ask)').inputValue(), question);
  assert.notEqual(await form.getByLabel('Topic').inputValue(), '');

  // The assistant's measures count it: a question, without a matching answer (a hand-over counts once a chat starts).
  await agent.page.getByRole('link', { name: 'Self-service assistant' }).click();
  const questions = agent.page.getByTestId('assistant-questions');
  await questions.waitFor();
  const count = Number((await questions.locator('dd').first().textContent()).trim());
  assert.ok(count >= 1, `questions: ${count}`);
  const noAnswer = await agent.page.getByTestId('assistant-no-answer').textContent();
  assert.match(noAnswer, /\b[1-9]\d* questions? without a matching answer/, noAnswer);
  await screenshot(agent.page, 'answers-assistant-measures');
  assert.deepEqual(agent.errors, []);
  await agent.context.close();
});
