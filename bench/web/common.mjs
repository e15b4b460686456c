// Shared by the web benchmarks: the browser tests' helpers start the real
// server (LUISTER_BIN, LUISTER_WEB_DIR) and Debian's Chromium; playwright-core
// resolves from web/node_modules because the helpers live in web/e2e/support.
import os from 'node:os';

export { ADMIN, startLuister } from '../../web/e2e/support/luister_server.js';
export { launchChromium, VIEWPORT } from '../../web/e2e/support/browser.js';

/** A fresh browser context (cold cache) logged in through the API; returns it with the CSRF token. */
export async function loggedInContext(browser, baseURL, admin) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const res = await context.request.post('/api/v1/session', { data: { email: admin.email, password: admin.password } });
  if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
  return { context, csrf: (await res.json()).csrf_token };
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(values) {
  const f = (x) => x.toFixed(1);
  return `median ${f(percentile(values, 50))} ms, p95 ${f(percentile(values, 95))} ms, min ${f(Math.min(...values))} ms, max ${f(Math.max(...values))} ms (n=${values.length})`;
}

/**
 * Like bench/run.sh: waits (up to BENCH_LOAD_WAIT [600] s) for the 1-minute
 * load average to drop below BENCH_MAX_LOAD [0.7]; BENCH_MAX_LOAD= disables it.
 */
export async function waitForQuietMachine() {
  const max = process.env.BENCH_MAX_LOAD ?? '0.7';
  if (max === '') return;
  const deadline = Date.now() + Number(process.env.BENCH_LOAD_WAIT ?? 600) * 1000;
  while (os.loadavg()[0] >= Number(max)) {
    if (Date.now() > deadline) {
      console.log(`warning: load average still ${os.loadavg()[0].toFixed(2)} (>= ${max}); measuring anyway`);
      return;
    }
    await new Promise((r) => setTimeout(r, 5000));
  }
}

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}
