// Every door in a real browser against the real server, for one customer: a
// visitor asks through the public web form on a phone-sized screen, then
// walks into a shop, calls, posts on the forum and chats on the webshop's
// page (the demo desk's widget); the agent sees all of it on one timeline.
// This file has a server of its own.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { apiPost, apiSend, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;
const stamp = String(Date.now()).slice(-7);
const email = `sanne.${stamp}@example.nl`;
const phone = `+3162${stamp}`;

before(async () => {
  server = await startLuister({ customers: 20, conversations: 20 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a visitor asks through the web form on a phone, and the question gets a reference', async () => {
  const { context, page, errors } = await newAgent(browser, server.url, { viewport: { width: 360, height: 740 } });
  await page.goto('/forms/contact?lang=en');
  await page.getByRole('heading', { level: 1, name: 'Contact' }).waitFor();
  // Nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits a 360 px screen');
  await page.getByLabel('Name').fill('Sanne de Wit');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Subject').fill('Broken kettle');
  await page.getByLabel('Your question').fill(`The kettle I bought stopped working (${stamp}).`);
  await page.getByLabel('Attachments').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Receipt 2026-118') });
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { name: 'Thank you, we have received your question' }).waitFor();
  assert.match(await page.locator('.reference').textContent(), /Your reference is #\d+/);
  await screenshot(page, 'web-form-sent');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same customer walks in, calls and posts; the agent sees every door on one timeline', async () => {
  const { context, page, errors } = await newAgent(browser, server.url);
  await page.goto('/login');
  await logIn(page);
  await page.waitForURL('**/inbox');

  // The shop: the counter finds her by the address she gave the web form.
  await page.getByRole('link', { name: 'Walk-in' }).click();
  await page.getByRole('heading', { name: 'Log a walk-in' }).waitFor();
  await page.getByLabel('Location').selectOption({ label: 'Winkel Utrecht Centrum (Customer Service)' });
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Phone number').fill(phone);
  await page.getByLabel('What did they come for?').fill('Brought the kettle in; exchanged it at the counter.');
  await page.getByLabel('Answered at the counter').check();
  await page.getByRole('button', { name: 'Log walk-in' }).click();
  const logged = page.getByTestId('walk-in-logged');
  await logged.waitFor();
  assert.match(await logged.textContent(), /Logged as conversation #\d+\./, 'an existing customer, not a new one');

  const customer = await page.evaluate(async (e) => (await fetch(`/api/v1/customers/lookup?kind=email&value=${encodeURIComponent(e)}`)).json(), email);
  // The phone: give her the number, then the telephone system reports a missed call.
  assert.equal((await apiPost(page, `/customers/${customer.id}/identities`, { kind: 'phone', value: phone })).status, 201);
  const call = await apiPost(page, '/channels/phone/calls', { call_id: `doors-${stamp}`, from: phone, started_at: new Date().toISOString(), outcome: 'abandoned', wait_seconds: 75 });
  assert.equal(call.status, 201);
  assert.equal(call.body.customer_id, customer.id);

  // The forum: a signed post by her handle, which an agent links to her.
  const source = await apiPost(page, '/social-sources', { slug: `forum-${stamp}`, name: 'Forum', queue_id: 1 });
  assert.equal(source.status, 201);
  assert.equal((await apiPost(page, `/customers/${customer.id}/identities`, { kind: 'social', value: `forum-${stamp}:sanne_dw` })).status, 201);
  const body = JSON.stringify({ event_id: `e-${stamp}`, id: `p-${stamp}`, kind: 'post', author: { handle: '@sanne_dw', name: 'Sanne' }, text: 'Great service in the Utrecht shop!' });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', source.body.secret).update(`${ts}.${body}`).digest('hex')}`;
  const posted = await fetch(`${server.url}/api/v1/channels/social/forum-${stamp}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Luister-Timestamp': ts, 'X-Luister-Signature': signature }, body,
  });
  assert.equal(posted.status, 201);

  // The chat: the demo webshop's page, with the address the web form had.
  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const shopPage = await visitor.newPage();
  await shopPage.goto(`${server.url}/widget-demo.html`);
  await shopPage.getByRole('button', { name: 'Chat met ons' }).click();
  await shopPage.getByLabel('E-mailadres (optioneel)').fill(email);
  await shopPage.getByLabel('Typ uw bericht…').fill('Is de nieuwe waterkoker al op voorraad?');
  await shopPage.getByRole('button', { name: 'Versturen' }).click();
  await shopPage.getByText(/U bent nummer \d+ in de wachtrij/).waitFor();
  await visitor.close();

  await page.goto(`/customers/${customer.id}`);
  await page.getByRole('heading', { level: 1, name: 'Sanne de Wit' }).waitFor();
  const items = page.getByTestId('timeline-item');
  await eventually(async () => {
    const channels = await items.evaluateAll((els) => els.map((el) => el.querySelector('.timeline__icon [data-channel]')?.getAttribute('data-channel') ?? el.textContent));
    const text = channels.join(' ');
    for (const door of ['webform', 'shop', 'phone', 'social', 'chat']) assert.ok(text.includes(door), `${door} on the timeline: ${text}`);
  });
  await screenshot(page, 'one-timeline', { settleMs: 1000 });
  // The public post's conversation says so.
  const social = await apiSend(page, 'GET', `/conversations?channel=social&customer_id=${customer.id}`);
  assert.equal(social.body.items[0].public, true);
  assert.deepEqual(errors, []);
  await context.close();
});
