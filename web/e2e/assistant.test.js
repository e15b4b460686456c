// The self-service assistant in a real browser, at both doors: in the chat
// widget (data-assistant) on the organisation's own page, and on the desk's
// public help page. It answers only with a published answer and names it,
// asks whether it helped, and hands over to a person — who is online here —
// with the question already asked and the transcript as the chat's first
// note. This file has a server of its own.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { apiPost, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;
let shop;
let shopUrl;
let agent;
const stamp = String(Date.now()).slice(-6);
const slug = `kettles-${stamp}`;
const title = `How long do I have to return a kettle? (${stamp})`;
const body = 'You can return a kettle within 30 days of delivery, free of charge. Start the return in My orders.';

before(async () => {
  server = await startLuister({ customers: 10, conversations: 10 });
  browser = await launchChromium();
  shop = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"></head>
<body><h1>Kettle shop</h1>
<script src="${server.url}/widget.js" data-queue="${slug}" data-assistant async></script></body></html>`);
  });
  await new Promise((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${shop.address().port}`;

  // An agent is online (the workspace open), so a hand-over reaches a person.
  agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const widget = await apiPost(agent.page, '/chat-widgets', {
    slug, name: 'Kettle help', queue_id: 1, allowed_origins: [shopUrl],
  });
  assert.equal(widget.status, 201, JSON.stringify(widget.body));
  const made = await apiPost(agent.page, '/answers', {
    topic: `returns_${stamp}`,
    nl: { title: `Hoe lang heb ik om een waterkoker terug te sturen? (${stamp})`, body: 'U kunt een waterkoker binnen 30 dagen na levering gratis terugsturen. Start de retour in Mijn bestellingen.' },
    en: { title, body },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal((await apiPost(agent.page, `/answers/${made.body.id}/submit`, { version: 1 })).status, 200);
  assert.equal((await apiPost(agent.page, `/answers/${made.body.id}/publish`, { version: 2 })).status, 200);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  shop?.close();
});

// The chat the hand-over started, found by its first message, and the
// transcript note the agent reads first.
async function handedOver(question) {
  const chat = await eventually(async () => {
    const list = await agent.page.evaluate(async () => (await fetch('/api/v1/conversations?limit=50')).json());
    const c = list.items.find((i) => i.channel === 'chat' && i.subject.startsWith(question.slice(0, 30)));
    assert.ok(c, 'the chat exists');
    return c;
  });
  return eventually(async () => {
    const thread = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/conversations/${id}/messages`)).json(), chat.id);
    const note = thread.items.find((m) => m.internal);
    assert.ok(note, 'the transcript note');
    assert.ok(thread.items.some((m) => !m.internal && m.body_text === question), 'the question, not asked twice by the customer');
    return note.body_text;
  });
}

test('in the widget the assistant answers from the library, and a person takes over with the transcript', async () => {
  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await visitor.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(shopUrl);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByText('Ask your question in your own words').waitFor();
  const person = page.getByRole('button', { name: 'Talk to a person' });
  assert.ok(await person.isVisible(), 'a person is one click away');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored before asking');

  const question = 'How many days do I have to send my kettle back?';
  await page.getByLabel('Ask your question…').fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  // The published text, word for word, and which answer it is.
  await page.getByText(body).waitFor();
  await page.getByText(`From our answer “${title}”`).waitFor();
  await page.getByText('Did this help?').waitFor();
  await screenshot(page, 'assistant-widget-answer');

  // It did not help: handed to a person at once, with the question asked.
  await page.getByRole('button', { name: 'No', exact: true }).click();
  // The assistant says so in the log; the status line's "passing you to a
  // colleague" is replaced by the queue position as soon as the chat exists,
  // so the test waits for what stays.
  await page.getByText('Sorry that did not help. I\'m passing you to a colleague').waitFor();
  await page.getByText(/You are number \d+ in the queue/).waitFor();
  const note = await handedOver(question);
  assert.match(note, /^Via the assistant/, 'in the language of the visitor');
  assert.ok(note.includes(question), note);
  assert.ok(note.includes(title), note);
  assert.match(note, /Did it help\? no/, note);
  assert.match(note, /Handed over: an answer did not help/, note);
  assert.deepEqual(errors, []);
  await visitor.close();

  const stats = await agent.page.evaluate(async () => (await fetch('/api/v1/assistant/stats?days=1')).json());
  assert.ok(stats.answered >= 1, JSON.stringify(stats));
  assert.ok(stats.handover_reasons.not_helped >= 1, JSON.stringify(stats));
});

test('the help page lists the answers, the assistant answers there, and a person takes over through the widget', async () => {
  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await visitor.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/help/${slug}`);
  await page.getByRole('heading', { level: 1, name: 'Kettle help — Help' }).waitFor();
  // Every published answer, by topic, opens in place.
  await page.getByText(title, { exact: true }).click();
  await page.locator('details[open]').getByText(body).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits a 360 px screen');

  // Asked in the customer's own words: the published answer, named.
  await page.getByLabel('Your question').fill('Can I still return my kettle after three weeks?');
  await page.getByRole('button', { name: 'Ask' }).click();
  const reply = page.locator('.reply[data-answer]');
  await reply.getByText(body).waitFor();
  await reply.getByRole('link', { name: title }).waitFor();
  await reply.getByRole('button', { name: 'Yes' }).click();
  await page.getByText('Good to hear we could help.').waitFor();
  await screenshot(page, 'assistant-help-page');

  // Nothing in the library: the assistant says so and the widget on the
  // page starts the chat with the question, for the agent who is online.
  const question = 'Do you also repair coffee grinders from another brand?';
  await page.getByLabel('Your question').fill(question);
  await page.getByRole('button', { name: 'Ask' }).click();
  await page.locator('.reply[data-handover="no_match"]').waitFor();
  await page.getByText(/You are number \d+ in the queue/).waitFor();
  const note = await handedOver(question);
  assert.ok(note.includes(question), note);
  assert.ok(note.includes('Can I still return my kettle after three weeks?'), 'what was tried before');
  await screenshot(page, 'assistant-help-page-handover');
  assert.deepEqual(errors, []);
  await visitor.close();

  // The unanswered question is a knowledge gap for the answer owners.
  const gaps = await agent.page.evaluate(async () => (await fetch('/api/v1/answers/gaps?days=1')).json());
  assert.ok(gaps.groups.some((g) => g.examples.some((e) => e.text === question)), JSON.stringify(gaps));
});

test('"Talk to a person" on the help page opens the chat before any question', async () => {
  const visitor = await browser.newContext({ locale: 'nl-NL' });
  const page = await visitor.newPage();
  await page.goto(`${server.url}/help/${slug}`);
  await page.getByRole('heading', { level: 1, name: 'Kettle help — Hulp' }).waitFor();
  await page.getByRole('button', { name: 'Spreek een medewerker' }).click();
  await page.getByLabel('Typ uw bericht…').waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored before the visitor writes');
  await visitor.close();
});
