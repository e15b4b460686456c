// Issue 3 benchmark (a): the JS and CSS a browser downloads, as transferred
// (the server sends them gzip-compressed), for the first screen: the login
// page of a new visitor, and login page + inbox after logging in.
// Target: < 250 KB for the first screen.
//   LUISTER_BIN=build/luister node bench/web/first_screen.mjs
import { ADMIN, launchChromium, machine, startLuister } from './common.mjs';

const server = await startLuister();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const assets = new Map(); // path -> { kind, encoding, transferred, decoded }
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (!/\.(js|css)$/.test(url.pathname)) return;
    const response = await request.response();
    const sizes = await request.sizes();
    const body = await response.body();
    assets.set(url.pathname, {
      kind: url.pathname.endsWith('.css') ? 'css' : 'js',
      encoding: (await response.headerValue('content-encoding')) ?? 'identity',
      transferred: sizes.responseBodySize,
      decoded: body.length,
    });
  });
  const settle = () => page.waitForLoadState('networkidle');
  const report = (label) => {
    const list = [...assets.values()];
    const sum = (key, kind) => list.filter((a) => !kind || a.kind === kind).reduce((s, a) => s + a[key], 0);
    const kb = (n) => (n / 1024).toFixed(1);
    const encodings = [...new Set(list.map((a) => a.encoding))].join(', ');
    console.log(`${label}: ${list.length} files, transferred ${kb(sum('transferred'))} KB ` +
      `(JS ${kb(sum('transferred', 'js'))} KB, CSS ${kb(sum('transferred', 'css'))} KB; encoding ${encodings}), ` +
      `uncompressed ${kb(sum('decoded'))} KB`);
  };

  await page.goto('/login');
  await page.getByLabel('E-mail address').waitFor();
  await settle();
  report('login screen (new visitor)');

  await page.getByLabel('E-mail address').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('conversation-row').first().waitFor();
  await settle();
  report('login screen + inbox');
  console.log(`files: ${[...assets.keys()].map((p) => p.replace('/assets/', '')).join(' ')}`);
  console.log(`machine: ${machine()}`);
} finally {
  await browser.close();
  await server.stop();
}
