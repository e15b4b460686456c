// The chat widget in a real browser: a plain HTML page on another origin
// (no framework) embeds /widget.js; nothing is stored before the visitor
// types; the visitor asks on a phone-sized screen, the agent accepts and
// answers, and the visitor reads the answer live and comes back to it after
// a reload. This file has a server of its own.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { apiPost, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;
let shop;
let shopUrl;
const slug = `shop-${String(Date.now()).slice(-6)}`;

before(async () => {
  server = await startLuister({ customers: 10, conversations: 10 });
  browser = await launchChromium();
  // The organisation's own site: one page, no framework, its own CSS that
  // must not leak into the widget.
  shop = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">
<style>button{background:red!important;font-size:40px!important} *{color:lime}</style></head>
<body><h1>Kettle shop</h1><p>Our kettles.</p>
<script src="${server.url}/widget.js" data-queue="${slug}" async></script></body></html>`);
  });
  await new Promise((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${shop.address().port}`;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  shop?.close();
});

test('a visitor on a plain page chats with an agent, and nothing is stored before they type', async () => {
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const made = await apiPost(agent.page, '/chat-widgets', {
    slug, name: 'Kettle help', queue_id: 1, allowed_origins: [shopUrl], privacy_url: `${shopUrl}/privacy`,
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));

  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await visitor.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(shopUrl);
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await launcher.waitFor();
  // The host page's CSS does not reach into the widget.
  const size = await launcher.evaluate((b) => getComputedStyle(b).fontSize);
  assert.equal(size, '15px', 'isolated from the page');
  // Before any interaction: no cookie, no storage.
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.equal(await page.evaluate(() => localStorage.length), 0);

  // Keyboard: open, and focus lands in the message box; Escape closes.
  await launcher.focus();
  await page.keyboard.press('Enter');
  const box = page.getByLabel('Type your message…');
  await eventually(async () => assert.ok(await box.evaluate((el) => el === el.getRootNode().activeElement)));
  await page.getByText('Only once you send a message do we keep it').waitFor();
  await page.getByRole('link', { name: 'Privacy notice' }).waitFor();
  await page.keyboard.press('Escape');
  await launcher.waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'opening stores nothing either');

  await launcher.click();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits a 360 px screen');
  await page.getByLabel('Name (optional)').fill('Kees Visser');
  await box.fill('My kettle leaks. Can you help?');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('You are number 1 in the queue').waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 1, 'the visitor token, once they wrote');
  await screenshot(page, 'chat-widget-waiting');

  // The agent finds the chat, accepts it, and answers.
  const conversation = await eventually(async () => {
    const list = await agent.page.evaluate(async () => (await fetch('/api/v1/conversations?limit=50')).json());
    const chat = list.items.find((c) => c.channel === 'chat' && c.subject.startsWith('My kettle leaks'));
    assert.ok(chat);
    return chat;
  });
  assert.equal((await apiPost(agent.page, `/chats/${conversation.id}/accept`, {})).status, 200);
  await page.getByText(/has joined/).waitFor();
  assert.equal((await apiPost(agent.page, `/conversations/${conversation.id}/messages`, { direction: 'out', body_text: 'Sorry to hear that! Which model is it?' })).status, 201);
  await page.getByText('Sorry to hear that! Which model is it?').waitFor();
  await box.fill('The KT-200.');
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const thread = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/conversations/${id}/messages`)).json(), conversation.id);
    assert.equal(thread.items.at(-1).body_text, 'The KT-200.');
  });
  await screenshot(page, 'chat-widget-answered');

  // A reload: the token brings the history back.
  await page.reload();
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByText('Sorry to hear that! Which model is it?').waitFor();
  await page.getByText('The KT-200.').waitFor();
  assert.deepEqual(errors, []);
  await visitor.close();
  await agent.context.close();
});

test('when nobody is in, the widget says so and takes a callback request for the phone team', async () => {
  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await visitor.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(shopUrl);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByText('Nobody is available right now').waitFor();
  await page.getByRole('button', { name: 'Rather be called back?' }).click();
  await page.getByLabel('Phone number').fill('06 1357 2468');
  await page.getByRole('button', { name: 'Call me back' }).click();
  await page.getByText('We will call you back as soon as we can.').waitFor();
  await screenshot(page, 'chat-widget-callback');
  assert.deepEqual(errors, []);
  await visitor.close();

  // The phone team's list has it.
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const list = await agent.page.evaluate(async () => (await fetch('/api/v1/calls/callbacks?limit=100')).json());
  const item = list.items.find((i) => i.number === '+31613572468');
  assert.ok(item, JSON.stringify(list));
  assert.equal(item.last_outcome, 'callback_requested');
  assert.equal(item.last_line, 'chat: Kettle help');
  await agent.context.close();
});

test('a visitor continues the chat on another device through the e-mailed link', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await phone.newPage();
  await page.goto(`${shopUrl}/orders/9`);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page.getByLabel('E-mail address (optional)').fill(`joost.${Date.now()}@example.nl`);
  await page.getByLabel('Type your message…').fill('Question about order 9');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('You are number 1 in the queue').waitFor();
  await page.getByRole('button', { name: 'Continue on another device' }).click();
  await page.getByText('We e-mailed you a link to continue on another device.').waitFor();

  // The e-mail the desk sends carries the link (read here from the conversation).
  const agent = await newAgent(browser, server.url);
  await agent.page.goto('/login');
  await logIn(agent.page);
  await agent.page.waitForURL('**/inbox');
  const link = await eventually(async () => {
    const list = await agent.page.evaluate(async () => (await fetch('/api/v1/conversations?limit=50')).json());
    const chat = list.items.find((c) => c.channel === 'chat' && c.subject.startsWith('Question about order 9'));
    assert.ok(chat);
    const thread = await agent.page.evaluate(async (id) => (await fetch(`/api/v1/conversations/${id}/messages`)).json(), chat.id);
    const mail = thread.items.find((m) => m.automatic);
    assert.ok(mail);
    return mail.body_text.match(/https?:\/\/\S+#luister-chat=\S+/)[0];
  });
  await agent.context.close();

  const laptop = await browser.newContext({ locale: 'en-GB' });
  const other = await laptop.newPage();
  await other.goto(link);
  await other.getByText('Question about order 9').waitFor();
  assert.ok(!other.url().includes('luister-chat'), 'the token is taken out of the address');
  assert.equal(await other.evaluate(() => localStorage.length), 1, 'this device keeps a token of its own');
  await laptop.close();
  await phone.close();
});
