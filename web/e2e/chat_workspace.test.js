// The chat from both sides in real browsers: a visitor on a plain page
// (one Chromium context) and an agent in the workspace (another). The
// widget says a person is there because the agent's workspace is open; the
// agent accepts and answers in the conversation view; each side sees the
// other typing; the visitor sends a picture the agent can open; each side
// sees what the other has read; the agent hands the chat over with a note
// and the visitor is told. Then a chat nobody accepts in time continues by
// e-mail, and outside the department's opening hours the widget says when
// the team is back, though an agent is online. This file has a server of
// its own.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { apiPost, apiSend, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;
let shop;
let shopUrl;
const stamp = String(Date.now()).slice(-6);

before(async () => {
  server = await startLuister({ customers: 10, conversations: 10 });
  browser = await launchChromium();
  shop = http.createServer((req, res) => {
    const slug = new URL(req.url, 'http://x').searchParams.get('chat') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"></head>
<body><h1>Bike shop</h1><script src="${server.url}/widget.js" data-queue="${slug}" async></script></body></html>`);
  });
  await new Promise((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${shop.address().port}`;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  shop?.close();
});

async function openWorkspace() {
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  return agent;
}

async function openVisitor(slug) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${shopUrl}/?chat=${slug}`);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  return { context, page, errors };
}

async function findChat(agentPage, subject) {
  return eventually(async () => {
    const list = await agentPage.evaluate(async () => (await fetch('/api/v1/conversations?limit=50')).json());
    const chat = list.items.find((c) => c.channel === 'chat' && c.subject.startsWith(subject));
    assert.ok(chat, `no chat "${subject}" yet`);
    return chat;
  });
}

test('an agent in the workspace and a visitor on a page: typing, a file, read receipts and a hand-over', async () => {
  const agent = await openWorkspace();
  const slug = `bikes-${stamp}`;
  const made = await apiPost(agent.page, '/chat-widgets', { slug, name: 'Bike help', queue_id: 1, allowed_origins: [shopUrl] });
  assert.equal(made.status, 201, JSON.stringify(made.body));

  // The workspace is open, so the widget promises a person.
  const visitor = await openVisitor(slug);
  const { page } = visitor;
  await page.getByText('Someone is here to help you now.').waitFor();
  await page.getByLabel('Type your message…').fill('My brakes squeak after the repair.');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('You are number 1 in the queue', { exact: false }).waitFor();

  const chat = await findChat(agent.page, 'My brakes squeak');
  await agent.page.goto(`/conversations/${chat.id}`);
  await agent.page.getByRole('button', { name: 'Accept chat' }).click();
  await page.getByText(/has joined/).waitFor();

  // The visitor types: the agent sees it; the agent types: the visitor sees it.
  await page.getByLabel('Type your message…').pressSequentially('It is the front', { delay: 20 });
  await agent.page.getByText('The visitor is typing…').waitFor();
  const reply = agent.page.getByLabel('Reply via Chat');
  await reply.pressSequentially('Could you send a photo?', { delay: 10 });
  await page.getByText(/is typing…/).waitFor();
  await agent.page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText('Could you send a photo?').waitFor();
  await page.getByLabel('Type your message…').fill('');

  // A picture from the widget reaches the agent's thread as an attachment.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 7)]);
  await page.locator('input[type=file]').setInputFiles({ name: 'remschijf.png', mimeType: 'image/png', buffer: png });
  await page.getByText('remschijf.png').waitFor();
  await agent.page.getByRole('link', { name: /remschijf\.png/ }).waitFor();

  // Read receipts both ways: the agent has the chat open, the visitor saw the answer.
  await page.getByText('Read', { exact: true }).first().waitFor();
  await agent.page.getByText('Seen by the visitor').waitFor();
  await screenshot(agent.page, 'chat-workspace-answering');

  // The hand-over: another department, with the note the next person needs.
  const departments = await agent.page.evaluate(async () => (await fetch('/api/v1/departments')).json());
  const other = departments.items.find((d) => d.id !== chat.department_id);
  assert.ok(other, JSON.stringify(departments));
  await agent.page.getByRole('button', { name: 'Transfer', exact: true }).click();
  const form = agent.page.getByTestId('transfer-form');
  await form.locator('#transfer-department').selectOption(String(other.id));
  await form.locator('#transfer-note').fill('Front brake squeaks after repair; photo in the chat.');
  await form.getByRole('button', { name: 'Transfer' }).click();
  await page.getByText('You are being passed to a colleague. One moment please.').waitFor();
  await eventually(async () => {
    const record = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/chats/${id}`)).json(), chat.id);
    assert.equal(record.state, 'waiting', 'back in the queue for the new department');
    const conv = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/conversations/${id}`)).json(), chat.id);
    assert.equal(conv.department_id, other.id);
  });
  assert.deepEqual(visitor.errors, []);
  await visitor.context.close();
  await agent.context.close();
});

test('a chat nobody accepts in time continues by e-mail, and the visitor is told', async () => {
  const agent = await openWorkspace();
  const slug = `late-${stamp}`;
  const made = await apiPost(agent.page, '/chat-widgets', { slug, name: 'Late help', queue_id: 1, allowed_origins: [shopUrl], accept_seconds: 15 });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await agent.context.close();

  const visitor = await openVisitor(slug);
  const { page } = visitor;
  await page.getByText('Nobody is available right now.', { exact: false }).waitFor();
  await page.getByLabel('E-mail address (optional)').fill(`laat.${stamp}@example.nl`);
  await page.getByLabel('Type your message…').fill('Is my bike ready?');
  await page.getByRole('button', { name: 'Send' }).click();
  // accept_seconds 15, and the sweep runs every 10 s.
  await page.getByText('This is taking longer than expected.', { exact: false }).waitFor({ timeout: 40_000 });
  assert.deepEqual(visitor.errors, []);
  await visitor.context.close();

  const desk = await openWorkspace();
  const chat = await findChat(desk.page, 'Is my bike ready?');
  const record = await desk.page.evaluate(async (id) => (await fetch(`/api/v1/chats/${id}`)).json(), chat.id);
  assert.equal(record.state, 'by_email');
  await desk.context.close();
});

test('outside its opening hours the widget says when the team is back, though an agent is online', async () => {
  const agent = await openWorkspace();
  const slug = `hours-${stamp}`;
  const made = await apiPost(agent.page, '/chat-widgets', { slug, name: 'Hours help', queue_id: 1, allowed_origins: [shopUrl] });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const queue = await agent.page.evaluate(async () => (await fetch('/api/v1/queues')).json());
  const dept = queue.items.find((q) => q.id === 1).department_id;
  // Open one hour a day, two hours from now (UTC): closed now.
  const from = (new Date().getUTCHours() + 2) % 24;
  const pad = (n) => String(n).padStart(2, '0');
  const span = [{ from: `${pad(from)}:00`, to: `${pad(from + 1)}:00` }];
  const week = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, span]));
  const set = await apiSend(agent.page, 'PUT', `/departments/${dept}/hours`, { time_zone: 'UTC', week });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal(set.body.open_now, false);
  try {
    const visitor = await openVisitor(slug);
    await visitor.page.getByText("We're closed.", { exact: false }).waitFor();
    await visitor.page.getByText("We're back on", { exact: false }).waitFor();
    await visitor.page.getByRole('button', { name: 'Rather be called back?' }).waitFor();
    assert.equal(await visitor.page.getByText('Someone is here to help you now.').count(), 0, 'never pretends');
    await screenshot(visitor.page, 'chat-widget-closed');
    assert.deepEqual(visitor.errors, []);
    await visitor.context.close();
  } finally {
    assert.equal((await apiSend(agent.page, 'DELETE', `/departments/${dept}/hours`)).status, 204);
    await agent.context.close();
  }
});
