// Issue 3 benchmark (b): time from navigation to an interactive inbox with
// 10,000 conversations in the database. An init script marks
// (performance.mark) the moment the first conversation row is in the DOM and
// the frame after it (painted); both are milliseconds since navigation start.
// Each cold run is a new browser context (empty cache) that is already
// logged in; each warm run reloads the same context. Target: < 1 s.
// Like bench/run.sh it first waits for a quiet machine (BENCH_MAX_LOAD [0.7],
// BENCH_LOAD_WAIT [600] s).
//   LUISTER_BIN=build/luister node bench/web/inbox_10k.mjs [runs=10]
import { ADMIN, launchChromium, loggedInContext, machine, startLuister, summary, waitForQuietMachine } from './common.mjs';

const runs = Number(process.argv[2] ?? 10);
const conversations = 10_000;

const started = Date.now();
const server = await startLuister({ customers: 1000, conversations });
console.log(`demo desk with ${conversations} conversations loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const browser = await launchChromium();
await waitForQuietMachine();

function markFirstRow() {
  const done = () => document.querySelector('[data-testid=conversation-row]');
  const mark = () => {
    performance.mark('inbox-first-row');
    requestAnimationFrame(() => setTimeout(() => performance.mark('inbox-first-row-painted'), 0));
  };
  new MutationObserver((_, observer) => {
    if (done()) {
      observer.disconnect();
      mark();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function measure(page) {
  await page.getByTestId('conversation-row').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('inbox-first-row-painted').length > 0);
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    const resource = (part) => performance.getEntriesByType('resource').find((r) => r.name.includes(part));
    const list = resource('/api/v1/conversations?');
    return {
      row: at('inbox-first-row'),
      painted: at('inbox-first-row-painted'),
      domContentLoaded: nav.domContentLoadedEventEnd,
      sessionEnd: resource('/api/v1/session')?.responseEnd ?? NaN,
      inboxChunkEnd: resource('/assets/inbox-')?.responseEnd ?? 0,
      listStart: list?.startTime ?? NaN,
      listEnd: list?.responseEnd ?? NaN,
      listApi: list ? list.responseEnd - list.requestStart : NaN,
      rows: document.querySelectorAll('[data-testid=conversation-row]').length,
    };
  });
}

try {
  const cold = [];
  const warm = [];
  let customerRequests = 0;
  for (let i = 0; i < runs + 1; i++) {
    const { context } = await loggedInContext(browser, server.url, ADMIN);
    await context.addInitScript(markFirstRow);
    const page = await context.newPage();
    const count = (r) => r.url().includes('/api/v1/customers/') && customerRequests++;
    if (i === 0) page.on('request', count);
    await page.goto('/inbox');
    const c = await measure(page);
    if (i === 0) {
      await page.waitForLoadState('networkidle');
      page.off('request', count);
      console.log(`first run (not counted): ${c.rows} rows; the inbox then fetched ${customerRequests} customers one by one`);
    }
    await page.reload();
    const w = await measure(page);
    if (i > 0) {
      cold.push(c);
      warm.push(w);
    }
    await context.close();
  }
  const pick = (list, key) => list.map((r) => r[key]);
  console.log(`cold, first row in DOM:   ${summary(pick(cold, 'row'))}`);
  console.log(`cold, first row painted:  ${summary(pick(cold, 'painted'))}`);
  console.log(`cold, DOMContentLoaded:   ${summary(pick(cold, 'domContentLoaded'))}`);
  console.log(`cold, GET /session done:  ${summary(pick(cold, 'sessionEnd'))}`);
  console.log(`cold, inbox chunk loaded: ${summary(pick(cold, 'inboxChunkEnd'))}`);
  console.log(`cold, GET /conversations: started ${summary(pick(cold, 'listStart'))}`);
  console.log(`                          done ${summary(pick(cold, 'listEnd'))}`);
  console.log(`                          server+network ${summary(pick(cold, 'listApi'))}`);
  console.log(`warm, first row painted:  ${summary(pick(warm, 'painted'))}`);
  console.log(`machine: ${machine()}`);
} finally {
  await browser.close();
  await server.stop();
}
