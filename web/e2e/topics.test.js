// What customers ask about (C9) in a real browser against the real server:
// the topics page lists the active topics with their volume, a topic opens
// its conversations, one of them opens on the conversation screen, and
// there the conversation gets another topic with one choice (an agent's
// label, read back from the API). The test takes the topics the API
// returns, not names: the demo desk comes with labelled conversations, a
// trained model and candidates; should it have fewer than two active
// topics, or none with conversations in the period, the test first makes
// them through the API. This file has a server of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiPost, apiSend, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;

before(async () => {
  server = await startLuister();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const getJson = (page, apiPath) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), apiPath);

/** A new conversation with a customer's question, opened now (so in the default period). */
async function newQuestion(page, text) {
  const customer = await apiPost(page, '/customers', { name: 'Olga Onderwerp', language: 'nl' });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const [department] = (await getJson(page, '/departments')).items;
  const conv = await apiPost(page, '/conversations', { customer_id: customer.body.id, channel: 'phone', subject: text, department_id: department.id });
  assert.equal(conv.status, 201, JSON.stringify(conv.body));
  assert.equal((await apiPost(page, `/conversations/${conv.body.id}/messages`, { direction: 'in', body_text: text })).status, 201);
  return conv.body.id;
}

/** At least two active topics, one with a conversation in the period: the demo's, or made here. */
async function ensureTopics(page) {
  let overview = await getJson(page, '/topics');
  const stamp = String(Date.now()).slice(-6);
  for (let i = overview.topics.length; i < 2; i++) {
    const made = await apiPost(page, '/topics', { name: `E2E onderwerp ${stamp}-${i}` });
    assert.equal(made.status, 201, JSON.stringify(made.body));
  }
  overview = await getJson(page, '/topics');
  if (!overview.topics.some((t) => t.effort.volume > 0)) {
    const id = await newQuestion(page, 'Hoe kan ik mijn bestelling terugsturen?');
    const set = await apiSend(page, 'PUT', `/conversations/${id}/topic`, { topic_id: overview.topics[0].id });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    overview = await getJson(page, '/topics');
  }
  assert.ok(overview.topics.length >= 2, JSON.stringify(overview.topics.map((t) => t.name)));
  assert.ok(overview.topics.some((t) => t.effort.volume > 0), 'a topic with conversations');
  return overview;
}

test('the topics page lists topics with volume, opens one’s conversations, and a conversation gets another topic', async () => {
  const { context, page, errors } = await newAgent(browser, server.url);
  await page.goto('/login');
  await logIn(page);
  await page.waitForURL('**/inbox');
  const overview = await ensureTopics(page);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Topics' }).click();
  await page.waitForURL('**/topics');
  await page.getByRole('heading', { level: 1, name: 'Topics' }).waitFor();
  const table = page.getByTestId('topic-table');
  await table.waitFor();
  const rows = await page.getByTestId('topic-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: Number(tr.dataset.topicId),
      name: tr.querySelector('th').textContent,
      volume: Number(tr.querySelector('[data-testid="topic-volume"]').textContent.replace(/[^\d]/g, '')),
    })),
  );
  assert.equal(rows.length, overview.topics.length);
  // By priority (volume × difficulty) by default; the first with conversations is the one to open.
  const first = rows.find((r) => r.volume > 0);
  assert.ok(first, JSON.stringify(rows));
  assert.equal(first.volume, overview.topics.find((t) => t.id === first.id).effort.volume);
  await page.getByRole('img', { name: /^Conversations per week of the/ }).waitFor();
  await screenshot(page, 'topics-overview');

  // The drill-down: the topic's conversations, each opening the conversation.
  await table.getByRole('rowheader', { name: first.name, exact: true }).getByRole('button').click();
  await page.waitForURL(new RegExp(`topic=${first.id}`));
  const drill = page.getByTestId('topic-conversations');
  await drill.getByRole('heading', { name: `Conversations about “${first.name}”` }).waitFor();
  const conversation = drill.getByTestId('topic-conversation').first();
  await conversation.waitFor();
  const conversationId = Number(await conversation.getAttribute('data-conversation-id'));
  assert.ok(conversationId > 0);
  await screenshot(page, 'topics-drill-down');
  await conversation.getByRole('link').click();
  await page.waitForURL(`**/conversations/${conversationId}`);

  // On the conversation screen: its topic, chosen again with one choice.
  const control = page.getByTestId('conversation-topic');
  const select = control.getByRole('combobox', { name: 'Topic' });
  await select.waitFor();
  assert.equal(await control.getAttribute('data-topic-id'), String(first.id));
  const other = overview.topics.find((t) => t.id !== first.id);
  await eventually(async () => assert.ok((await select.locator('option').allTextContents()).includes(other.name)));
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/v1/conversations/${conversationId}/topic`);
  await select.selectOption({ label: other.name });
  assert.equal((await saved).status(), 200);
  await eventually(async () => assert.equal(await control.getByTestId('conversation-topic-source').textContent(), 'Chosen by an agent'));
  assert.equal(await control.getAttribute('data-topic-id'), String(other.id));
  const stored = await getJson(page, `/conversations/${conversationId}/topic`);
  assert.equal(stored.topic_id, other.id);
  assert.equal(stored.source, 'agent');
  assert.equal(stored.confidence, 1);
  await screenshot(page, 'topics-conversation');

  // Dutch, on the page the manager works from.
  await page.goto('/topics?sort=volume');
  await page.getByTestId('topic-table').waitFor();
  await page.getByTestId('language-nl').click();
  await page.getByRole('heading', { level: 1, name: 'Onderwerpen' }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Onderwerpen' }).waitFor();
  await page.getByRole('button', { name: 'Volume' }).waitFor();
  await page.getByTestId('language-en').click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a manager sees the candidates and the model, and starts training', async () => {
  const { context, page, errors } = await newAgent(browser, server.url);
  await page.goto('/login');
  await logIn(page);
  await page.waitForURL('**/inbox');
  const overview = await getJson(page, '/topics');

  await page.goto('/topics?view=manage');
  await page.getByRole('link', { name: 'Training and discovery' }).waitFor();
  const candidates = page.getByTestId('candidate');
  await page.getByTestId('topic-candidates').waitFor();
  assert.equal(await candidates.count(), overview.candidates.length);
  if (overview.candidates.length > 0) {
    const c = overview.candidates[0];
    const card = candidates.filter({ has: page.getByRole('heading', { name: c.name, exact: true }) }).first();
    await card.getByRole('button', { name: 'Show questions' }).click();
    await card.getByTestId('candidate-questions').waitFor();
  }
  await screenshot(page, 'topics-manage');
  await page.getByRole('button', { name: 'Train now' }).click();
  await page.getByTestId('topic-job-status').waitFor();
  assert.match(await page.getByTestId('topic-job-status').textContent(), /^(Training started \(job \d+\)|A new model is in\.)/);
  assert.deepEqual(errors, []);
  await context.close();
});
