// Failed logins in a real browser: the wrong-password message, then the
// wait the server imposes on this address for this account after five
// failures in a row. This file has a server of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { ADMIN, startLuister } from './support/luister_server.js';

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

test('the login page renders for a visitor', async () => {
  const { context, page } = await newAgent(browser, server.url);
  await page.goto('/');
  await page.waitForURL('**/login');
  await page.getByRole('heading', { name: 'Log in to Luister' }).waitFor();
  await screenshot(page, 'login');
  await context.close();
});

test('a wrong password shows the login error and keeps the user on the form', async () => {
  const { context, page, errors } = await newAgent(browser, server.url);
  await page.goto('/login');
  await logIn(page, { password: 'not-the-password' });
  const error = page.getByTestId('login-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'The e-mail address or password is wrong.');
  assert.match(page.url(), /\/login/);
  assert.equal(await page.getByLabel('E-mail address').inputValue(), ADMIN.email, 'the e-mail address is kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('too many failed logins show the rate-limit message and disable the button', async () => {
  const { context, page } = await newAgent(browser, server.url);
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill('mallory@luister.local');
  await page.getByLabel('Password').fill('guess');
  const button = page.getByRole('button', { name: 'Log in' });
  const error = page.getByTestId('login-error');
  let attempts = 0;
  // Five wrong passwords in a row are free; the next attempt must wait.
  while (attempts < 15 && !/Too many login attempts/.test((await error.count()) ? await error.textContent() : '')) {
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST'),
      button.click(),
    ]);
    attempts++;
    await error.waitFor();
  }
  assert.match(await error.textContent(), /^Too many login attempts\. Try again in \d+ (min|s)\.$/);
  assert.ok(attempts > 1 && attempts <= 12, `rate limited after ${attempts} attempts`);
  assert.equal(await button.isDisabled(), true, 'the button waits for the Retry-After time');
  await context.close();
});
