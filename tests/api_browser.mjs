// Browser check of the live UI of `sitrep serve`: opens the server's page,
// which fetches its events from /api/events, and compares what it draws
// with what the API returns. Usage:
//   node tests/api_browser.mjs http://127.0.0.1:PORT/ SCREENSHOT.png
// Exits 0 when every check passes, 1 on a failed check, 77 when no
// Chromium is available. Needs npm playwright-core (scripts/setup).
// Traffic goes to the given loopback URL only; any other request fails.
import { resolve } from 'node:path';
import { checker, launch, requireChromium } from './browser_util.mjs';

const [url, shot] = process.argv.slice(2);
if (!url || !shot) {
  console.error('usage: api_browser.mjs URL SCREENSHOT.png');
  process.exit(2);
}
requireChromium();
const { check, failed } = checker();

const origin = new URL(url).origin;
const api = await (await fetch(new URL('/api/events?limit=1000', url))).json();
const events = api.events;
const withXY = events.filter((e) => typeof e.latitude === 'number' &&
  typeof e.longitude === 'number' && !(e.latitude === 0 && e.longitude === 0)).length;

const { browser, close } = await launch();
try {
  const page = browser.pages()[0] || await browser.newPage();
  const foreign = [];
  const errors = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const apiCall = page.waitForResponse((r) => r.url().includes('/api/events'), { timeout: 15000 });
  await page.goto(url);
  const resp = await apiCall;
  check(resp.status() === 200, `the page fetched ${resp.url().replace(origin, '')} (${resp.status()})`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });

  check(events.length > 0, `the API has events (${events.length})`);
  const markers = await page.locator('circle.marker[data-event-id]').count();
  check(markers === withXY, `map markers ${markers} == API events with coordinates ${withXY}`);
  const rows = await page.locator('tr.event-row').count();
  check(rows === events.length, `table rows ${rows} == API events ${events.length}`);

  // Filter by the rarest type: the table shrinks to its events.
  const types = {};
  for (const e of events) types[e.event_type] = (types[e.event_type] || 0) + 1;
  const [type, n] = Object.entries(types).sort((a, b) => a[1] - b[1])[0] || ['', 0];
  await page.selectOption('#f-type', type);
  const filtered = await page.locator('tr.event-row').count();
  check(filtered === n, `type filter '${type}': ${filtered} rows (want ${n})`);
  await page.click('#f-reset');
  check(await page.locator('tr.event-row').count() === rows, 'reset restores every row');
  await page.selectOption('#f-type', type);

  check(foreign.length === 0, `no requests off the server (${foreign.join(', ')})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: true });
  console.log('screenshot: ' + shot);
} finally {
  await close();
}
console.log(`${failed() ? 'FAILED' : 'passed'}: ${failed()} check(s) failed`);
process.exit(failed() ? 1 : 0);
