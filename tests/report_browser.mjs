// Browser check of a sitrep HTML report (any report: the expectations are
// read from its own embedded data). Usage:
//   node tests/report_browser.mjs REPORT.html SCREENSHOT.png
// Exits 0 when every check passes, 1 on a failed check, 77 when no
// Chromium is available. Needs npm playwright-core (scripts/setup).
import { resolve } from 'node:path';
import { checker, launch, requireChromium } from './browser_util.mjs';

const [report, shot] = process.argv.slice(2);
if (!report || !shot) {
  console.error('usage: report_browser.mjs REPORT.html SCREENSHOT.png');
  process.exit(2);
}
requireChromium();
const { check, failed } = checker();

const { browser, close } = await launch();
try {
  const page = browser.pages()[0] || await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('file://' + resolve(report));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });

  const data = await page.evaluate(() => JSON.parse(document.getElementById('sitrep-data').textContent));
  const withXY = data.filter((e) => typeof e.latitude === 'number' && typeof e.longitude === 'number' &&
    !(e.latitude === 0 && e.longitude === 0)).length;
  const markers = await page.locator('circle.marker[data-event-id]').count();
  check(markers === withXY, `map markers ${markers} == events with coordinates ${withXY}`);
  const rows = await page.locator('tr.event-row').count();
  check(rows === data.length, `table rows ${rows} == events ${data.length}`);
  const countries = await page.locator('path.country').count();
  check(countries > 100, `country outlines drawn (${countries})`);

  // Filter by the most common type: the table must shrink to its events.
  const types = {};
  for (const e of data) types[e.event_type] = (types[e.event_type] || 0) + 1;
  check(data.length > 0, 'the report has events');
  const [type, n] = Object.entries(types).sort((a, b) => a[1] - b[1])[0] || ['', 0];
  await page.selectOption('#f-type', type);
  const filtered = await page.locator('tr.event-row').count();
  check(filtered === n && (filtered < rows || Object.keys(types).length === 1),
    `type filter '${type}': ${filtered} rows (want ${n} of ${rows})`);
  await page.fill('#f-text', 'zzz-no-such-text');
  check(await page.locator('tr.event-row').count() === 0, 'text filter with no match empties the table');
  await page.click('#f-reset');
  check(await page.locator('tr.event-row').count() === rows, 'reset restores every row');

  // Select the event with the most sources: its detail shows each source.
  const best = data.slice().sort((a, b) => (b.sources || []).length - (a.sources || []).length)[0] ||
    { event_id: '', sources: [] };
  if (best.event_id) await page.click(`tr.event-row[data-event-id="${best.event_id}"]`);
  const cards = await page.locator('#detail .source').count();
  check(cards === (best.sources || []).length, `detail shows ${cards} source(s) of ${best.event_id}`);
  if ((best.sources || []).some((s) => s.figures && s.figures.length)) {
    check(await page.locator('#detail blockquote mark').count() > 0, 'figure highlighted in a quoted sentence');
  }
  if ((best.disagreements || []).length) {
    check(await page.locator('#detail .callout').count() === 1, 'disagreement flagged');
  }
  check(requests.length === 0, `no network requests (${requests.join(', ')})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: true });
  console.log('screenshot: ' + shot);
} finally {
  await close();
}
console.log(`${failed() ? 'FAILED' : 'passed'}: ${failed()} check(s) failed`);
process.exit(failed() ? 1 : 0);
