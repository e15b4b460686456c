// Chromium for the browser tests and benchmarks: Debian's /usr/bin/chromium
// (CHROMIUM_BIN overrides it) driven by playwright-core; no browser download.
// chromium.launch() gives every launch a fresh temporary profile directory
// and removes it on close(); each newContext() is a separate cookie jar, i.e.
// a separate login.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ADMIN } from './luister_server.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const VIEWPORT = { width: 1280, height: 800 };

export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium (scripts/setup.sh) or set CHROMIUM_BIN`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A new browser context (its own cookies and storage) with one page, English
 * and Amsterdam time. `errors` collects uncaught exceptions in the page.
 */
export async function newAgent(browser, baseURL, { viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Fills in and submits the login form the page shows (a visit to any screen leads there). */
export async function logIn(page, { email = ADMIN.email, password = ADMIN.password } = {}) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Retries `check` (which throws while its condition does not hold) until it passes or `timeout` ms pass. */
export async function eventually(check, { timeout = 10_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Waits until the page's live connection reports `connected`. */
export async function waitForLive(page) {
  await eventually(async () => assert.equal(await page.getByTestId('live-status').getAttribute('data-status'), 'connected'));
}

/** A state-changing API call from inside the page: its session cookie plus the CSRF token, as the app does it. */
export async function apiSend(page, method, apiPath, body) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const res = await fetch(`/api/v1${apiPath}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, apiPath, body },
  );
}

export async function apiPost(page, apiPath, body) {
  return apiSend(page, 'POST', apiPath, body);
}

const screenshotDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');

/**
 * Saves docs/screenshots/<name>.png when LUISTER_SCREENSHOTS=1 (so ordinary
 * runs leave the tree alone); returns whether it did.
 */
export async function screenshot(page, name, { settleMs = 400 } = {}) {
  if (process.env.LUISTER_SCREENSHOTS !== '1') return false;
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('.spinner'));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(settleMs); // late images, charts and relative times settle
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
  return true;
}
