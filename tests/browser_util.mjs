// Shared by the browser tests (report_browser.mjs, api_browser.mjs):
// Debian's Chromium driven by npm playwright-core, headless, with a fresh
// profile and no background network traffic; and a check counter.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Exits 77 (skip) when there is no Chromium.
export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    console.log('SKIP: no Chromium at ' + CHROMIUM);
    process.exit(77);
  }
}

// Launches Chromium; returns { browser, close }.
export async function launch() {
  const require = createRequire(resolve(process.cwd(), 'package.json'));
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
  // A fresh --user-data-dir: playwright passes `profile` as that flag.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1200 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

// Prints each check; `failed()` counts the failures so far.
export function checker() {
  let failures = 0;
  const check = (ok, what) => {
    console.log((ok ? 'ok   ' : 'FAIL ') + what);
    if (!ok) failures++;
  };
  return { check, failed: () => failures };
}
