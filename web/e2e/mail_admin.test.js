// Admin › Mailboxes and Quarantine in a real browser against the real
// server: an admin adds an IMAP mailbox (with an SMTP server for replies)
// whose server does not answer, sees the test fail and the mailbox turn
// "failing", edits it without ever seeing its password (and is asked for it
// again when pointing it at another server), and works mail the gateway
// could not read out of the quarantine. No IMAP or SMTP server is needed:
// 127.0.0.1:1 refuses at once.
// Run: LUISTER_BIN=build/luister node --test e2e/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiSend, eventually, launchChromium, logIn, newAgent, screenshot } from './support/browser.js';
import { startLuister } from './support/luister_server.js';

let server;
let browser;
let admin; // { context, page, errors }

before(async () => {
  server = await startLuister({ customers: 10, conversations: 20 });
  browser = await launchChromium();
  admin = await newAgent(browser, server.url);
  await admin.page.goto('/admin/mailboxes');
  await logIn(admin.page);
  // The demo desk comes with two mailboxes (one failing) and a message held
  // in quarantine; this suite starts from none, as a new desk does.
  await admin.page.getByRole('link', { name: /^Mailboxes/ }).waitFor();
  for (const m of (await apiSend(admin.page, 'GET', '/mailboxes')).body.items) {
    assert.equal((await apiSend(admin.page, 'DELETE', `/mailboxes/${m.id}`)).status, 204);
  }
  for (const q of (await apiSend(admin.page, 'GET', '/mail/quarantine')).body.items) {
    assert.equal((await apiSend(admin.page, 'POST', `/mail/quarantine/${q.id}/discard`, {})).status, 200);
  }
  await admin.page.reload();
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0, 'luister serve should exit cleanly on SIGTERM');
});

/** `luister mailgate` with `raw` on standard input, as an MTA's pipe runs it. */
function mailgate(raw) {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LUISTER_')));
    const child = spawn(path.resolve(process.env.LUISTER_BIN), ['mailgate', '--db', server.db, '--queue', '1'], { env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`mailgate exit ${code}: ${out}`))));
    child.stdin.end(raw);
  });
}

const mailboxRow = (page, name) => page.getByTestId('mailbox-row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

test('an admin adds a mailbox, tests it, and sees it fail at a glance', async () => {
  const { page } = admin;
  await page.getByRole('link', { name: 'Mailboxes', exact: true }).waitFor();
  await page.getByText(/No mailboxes yet/).waitFor();
  const form = page.getByRole('form', { name: 'Add mailbox' });
  await form.getByLabel('Name', { exact: true }).fill('Support inbox');
  await form.getByLabel('Address customers write to', { exact: true }).fill('support@desk.example');
  await form.getByLabel('Queue', { exact: true }).selectOption({ index: 1 });
  await form.getByLabel('IMAP server', { exact: true }).fill('127.0.0.1');
  await form.getByLabel('Security', { exact: true }).selectOption('plain');
  await form.getByLabel('Port', { exact: true }).fill('1');
  await form.getByLabel('User name', { exact: true }).fill('support');
  await form.getByLabel('Password', { exact: true }).fill('imap-secret-1');
  const smtp = form.getByRole('group', { name: 'Outgoing mail (SMTP)' });
  await smtp.getByLabel('SMTP server', { exact: true }).fill('127.0.0.1');
  await smtp.getByLabel('SMTP security', { exact: true }).selectOption('plain');
  await smtp.getByLabel('SMTP port', { exact: true }).fill('1');
  await smtp.getByLabel('Sender name', { exact: true }).fill('Acme Support');

  await form.getByRole('button', { name: 'Test connection', exact: true }).click();
  const result = form.getByTestId('mailbox-test-result');
  await result.waitFor();
  assert.match(await result.textContent(), /^Connection failed:/);

  await form.getByRole('button', { name: 'Add mailbox', exact: true }).click();
  const row = mailboxRow(page, 'Support inbox');
  await row.waitFor();
  // The new mailbox is polled at once; the list shows the failure (it refreshes itself, or on a reload).
  await eventually(async () => {
    if ((await row.getAttribute('data-health')) !== 'failing') {
      await page.reload();
      await row.waitFor();
    }
    assert.equal(await row.getAttribute('data-health'), 'failing');
  }, { timeout: 20_000, interval: 1000 });
  assert.match(await page.getByTestId('failing-mailboxes').textContent(), /1 mailbox is failing: Support inbox/);
  await page.getByRole('link', { name: 'Mailboxes (1 failing)', exact: true }).waitFor();
  await screenshot(page, 'admin-mailboxes');
  assert.deepEqual(admin.errors, []);
});

test('editing keeps the stored password, which the page never holds', async () => {
  const { page } = admin;
  await mailboxRow(page, 'Support inbox').getByRole('button', { name: 'Edit Support inbox', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit mailbox Support inbox' });
  const password = form.getByLabel('Password (leave empty to keep the stored one)', { exact: true });
  assert.equal(await password.inputValue(), '');
  await form.getByLabel('Name', { exact: true }).fill('Support');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await mailboxRow(page, 'Support').getByRole('button', { name: 'Edit Support', exact: true }).waitFor();

  const list = await apiSend(page, 'GET', '/mailboxes');
  const saved = list.body.items.find((m) => m.name === 'Support');
  assert.equal(saved.has_secret, true);
  assert.ok(!JSON.stringify(list.body).includes('imap-secret-1'), 'the password never comes back');
  assert.deepEqual([saved.smtp_host, saved.smtp_port, saved.smtp_security, saved.from_name], ['127.0.0.1', 1, 'plain', 'Acme Support']);
  await mailboxRow(page, 'Support').getByText('Replies via 127.0.0.1', { exact: true }).waitFor();

  // The stored password only goes where it went before: another SMTP port needs it again.
  await mailboxRow(page, 'Support').getByRole('button', { name: 'Edit Support', exact: true }).click();
  const again = page.getByRole('form', { name: 'Edit mailbox Support' });
  await again.getByLabel('SMTP port', { exact: true }).fill('2');
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await again.getByText('give the password again: the server or user changed').waitFor();
  await again.getByRole('button', { name: 'Cancel', exact: true }).click();
  await mailboxRow(page, 'Support').getByRole('button', { name: 'Edit Support', exact: true }).waitFor();

  await mailboxRow(page, 'Support').getByRole('button', { name: 'Fetch now Support', exact: true }).click();
  await page.getByText(/Fetching shortly\.|A fetch is already running\./).waitFor();
});

test('a mailbox is deleted only after confirming', async () => {
  const { page } = admin;
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Delete Support', exact: true }).click();
  assert.equal(await page.getByTestId('mailbox-row').count(), 1);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete Support', exact: true }).click();
  await page.getByText(/No mailboxes yet/).waitFor();
});

test('mail the gateway could not read waits in the quarantine until an admin discards it', async () => {
  const { page } = admin;
  const out = await mailgate('this is not an e-mail message at all\n');
  assert.match(out, /quarantined/);
  await page.goto('/admin/quarantine');
  const row = page.getByTestId('quarantine-row').first();
  await row.waitFor();
  assert.match(await row.textContent(), /Mail gateway/);
  await page.getByRole('link', { name: 'Quarantine (1 message waiting)', exact: true }).waitFor();

  // Reading it again fails the same way; the row says why and keeps it.
  await row.getByRole('button', { name: /^Reprocess mail #\d+$/ }).click();
  await row.getByRole('alert').waitFor();
  assert.match(await row.getByRole('alert').textContent(), /still not readable/);

  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: /^Discard mail #\d+$/ }).click();
  await page.getByText('No mail is waiting in the quarantine.').waitFor();
  await page.getByLabel('State').selectOption('discarded');
  await page.getByTestId('quarantine-row').first().getByText('Discarded').waitFor();
  assert.deepEqual(admin.errors, []);
});
