// The canonical answer library in a real browser: a manager's published
// answer is suggested above the reply box for the customer's question, the
// agent inserts it with one click (the customer's name filled in), and the
// reply records which answer version it used; the library page shows the
// answer with its versions. A resolved conversation becomes a draft answer
// in one click; a question the assistant has no answer for shows under
// knowledge gaps and in the assistant's measures; a reply sent against a
// published answer shows in the consistency report beside the answer's own
// sentence. This file has a server of its own.
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

test('a reply sent against the published answer shows in the consistency report, beside the answer', async () => {
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const getJson = (apiPath) => agent.page.evaluate(async (p) => {
    const res = await fetch(`/api/v1${p}`);
    return { status: res.status, body: await res.json() };
  }, apiPath);

  // A published answer: returns within 14 days.
  const topic = `Retour binnen 14 dagen ${String(Date.now()).slice(-6)}`;
  const published = 'U kunt uw bestelling binnen 14 dagen kosteloos retourneren.';
  const made = await apiPost(agent.page, '/answers', {
    topic,
    nl: { title: 'Binnen hoeveel dagen kan ik mijn bestelling retourneren?', body: `${published} Gebruik het retourlabel uit de doos.` },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id;
  assert.equal((await apiPost(agent.page, `/answers/${id}/submit`, { version: 1 })).status, 200);
  assert.equal((await apiPost(agent.page, `/answers/${id}/publish`, { version: 2 })).status, 200);

  const customer = await apiPost(agent.page, '/customers', { name: 'Sanne Retour', language: 'nl' });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const departments = await getJson('/departments');
  const dept = (departments.body.items ?? departments.body)[0].id;
  const conv = await apiPost(agent.page, '/conversations', { customer_id: customer.body.id, channel: 'email', subject: 'Retourneren', department_id: dept });
  assert.equal(conv.status, 201, JSON.stringify(conv.body));
  const messages = `/conversations/${conv.body.id}/messages`;
  assert.equal((await apiPost(agent.page, messages, { direction: 'in', body_text: 'Binnen hoeveel dagen kan ik mijn jas retourneren?' })).status, 201);

  // The agent says 30 days with the answer in hand: refused without a reason, sent with one.
  const written = 'Beste Sanne, u kunt uw jas binnen 30 dagen kosteloos retourneren.';
  const reply = { direction: 'out', body_text: written, answer: { id, number: 1 } };
  const refused = await apiPost(agent.page, messages, reply);
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.ok(refused.body.errors.some((e) => e.field === 'answer'), JSON.stringify(refused.body));
  const sent = await apiPost(agent.page, messages, { ...reply, answer: { id, number: 1, override: 'Kerstactie: 30 dagen afgesproken' } });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));

  // The answers.check job runs every few seconds.
  await eventually(async () => {
    const r = await getJson(`/answers/consistency?days=7&answer_id=${id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.contradictions, 1, JSON.stringify(r.body));
  }, { timeout: 30_000, interval: 500 });

  await agent.page.goto('/answers?view=consistency');
  assert.equal(await agent.page.getByRole('link', { name: 'Consistency' }).getAttribute('aria-current'), 'page');
  const row = agent.page.getByTestId('consistency-topic').filter({ hasText: topic });
  await row.waitFor();
  assert.equal(await row.getByRole('link', { name: topic }).getAttribute('href'), `/answers?id=${id}`);
  await row.getByText('Live: version 1').waitFor();
  const email = row.getByTestId('consistency-topic-channels').locator('tr[data-channel="email"]');
  assert.deepEqual(await email.locator('th, td').allTextContents(), ['E-mail', '1', '1', '0', '1', '0%']);

  // The two sentences side by side: the published one on the left, the reply's on the right.
  const conflict = row.getByTestId('consistency-conflict').filter({ hasText: 'Sanne' });
  const left = conflict.getByTestId('conflict-published');
  const right = conflict.getByTestId('conflict-written');
  assert.match(await left.locator('dd').textContent(), /binnen 14 dagen kosteloos retourneren/);
  assert.match(await right.locator('dd').textContent(), /binnen 30 dagen kosteloos retourneren/);
  // Both boxes in one layout pass: the chart above may still be settling, and two
  // separate measurements could straddle a reflow.
  await eventually(async () => {
    const [l, r] = await conflict.evaluate((el) => ['conflict-published', 'conflict-written'].map((id) => {
      const b = el.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width };
    }));
    assert.ok(l.x + l.width <= r.x && Math.abs(l.y - r.y) < 4, JSON.stringify({ l, r }));
  });
  await conflict.getByText('sent with a reason').waitFor();
  assert.equal(await conflict.getByRole('link', { name: `Conversation #${conv.body.id}` }).getAttribute('href'), `/conversations/${conv.body.id}`);

  // The totals, and the chart drawn as SVG, e-mail in its colour.
  assert.ok(Number(await agent.page.getByTestId('consistency-contradictions').locator('dd').textContent()) >= 1);
  const chart = agent.page.getByTestId('consistency-chart');
  await chart.locator('svg').waitFor();
  await eventually(async () => assert.ok((await chart.locator('svg path[stroke="#3b5bdb"], svg path[fill="#3b5bdb"]').count()) >= 1));
  assert.match(await chart.getAttribute('aria-label'), /^Score per channel per day · Last 30 days\. \d+ repl(y|ies) checked/);
  assert.ok((await agent.page.getByRole('table', { name: 'Score per channel per day · Last 30 days' }).locator('tbody tr').count()) >= 1);

  // On one channel: the address and the request follow the choice.
  await agent.page.getByRole('combobox', { name: 'Channel' }).selectOption('email');
  await agent.page.waitForURL(/[?&]channel=email\b/);
  await row.waitFor();
  await screenshot(agent.page, 'answers-consistency');
  assert.deepEqual(agent.errors, []);
  await agent.context.close();
});
