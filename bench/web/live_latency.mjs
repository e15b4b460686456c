// Issue 3 benchmark (c): live-update latency, from an API write to the DOM of
// another tab. Tab A (one login) POSTs a message with fetch; tab B (a second
// login) shows the conversation and records, with a MutationObserver, when
// the message's text appears in its thread. Both tabs run in one Chromium on
// one machine, so performance.timeOrigin + performance.now() is one clock.
// The path measured: POST → server commit → live event over the WebSocket →
// the app refetches the thread → React renders it. Target: < 200 ms.
// Like bench/run.sh it first waits for a quiet machine (BENCH_MAX_LOAD [0.7],
// BENCH_LOAD_WAIT [600] s).
//   LUISTER_BIN=build/luister node bench/web/live_latency.mjs [writes=20]
import { ADMIN, launchChromium, loggedInContext, machine, startLuister, summary, waitForQuietMachine } from './common.mjs';

const writes = Number(process.argv[2] ?? 20);
const warmup = 3;

const server = await startLuister();
await waitForQuietMachine();
const browser = await launchChromium();
try {
  const writer = await loggedInContext(browser, server.url, ADMIN);
  const reader = await loggedInContext(browser, server.url, ADMIN);
  const a = await writer.context.newPage();
  await a.goto('/inbox');
  const conversationId = await a.getByTestId('conversation-row').first().getAttribute('data-conversation-id');

  const b = await reader.context.newPage();
  await b.goto(`/conversations/${conversationId}`);
  await b.getByTestId('thread').waitFor();
  await b.waitForFunction(() => document.querySelector('[data-testid=live-status]')?.dataset.status === 'connected');
  await b.evaluate(() => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const m of document.querySelectorAll('[data-testid=message] .message__body')) {
        const key = /live-probe-\d+/.exec(m.textContent)?.[0];
        if (key && !(key in window.__seen)) window.__seen[key] = performance.timeOrigin + performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });

  const latencies = [];
  const posts = [];
  for (let i = 0; i < warmup + writes; i++) {
    const key = `live-probe-${i}`;
    const sent = await a.evaluate(
      async ({ id, key, csrf }) => {
        const t0 = performance.timeOrigin + performance.now();
        const res = await fetch(`/api/v1/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ direction: 'in', body_text: `Is there any news on my order? ${key}` }),
        });
        if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
        return { t0, t1: performance.timeOrigin + performance.now() };
      },
      { id: conversationId, key, csrf: writer.csrf },
    );
    await b.waitForFunction((k) => k in window.__seen, key, { timeout: 10_000 });
    const seenAt = await b.evaluate((k) => window.__seen[k], key);
    if (i >= warmup) {
      latencies.push(seenAt - sent.t0);
      posts.push(sent.t1 - sent.t0);
    }
    await a.waitForTimeout(250);
  }
  console.log(`POST → visible in the other tab: ${summary(latencies)}`);
  console.log(`POST round trip (for reference): ${summary(posts)}`);
  console.log(`machine: ${machine()}`);
} finally {
  await browser.close();
  await server.stop();
}
