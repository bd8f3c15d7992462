// Browser helpers for the end-to-end tests: Debian's Chromium through
// playwright-core, logging in through the real form, axe-core checks and
// screenshots kept in test-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '../../web/node_modules/@axe-core/playwright/dist/index.mjs';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { DEMO_PASSWORD, repoRoot } from './helpers.mjs';

export const artifacts = path.join(repoRoot, 'test-artifacts');
export const helpShots = path.join(artifacts, 'help');

export async function launchBrowser(t) {
  mkdirSync(helpShots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--lang=ja-JP', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(() => browser.close());
  return browser;
}

export const PHONE = { width: 360, height: 780 };
export const DESK = { width: 1280, height: 900 };

// A fresh context (its own cookies) logged in through the login form.
const openPages = [];

export async function loggedInPage(browser, base, loginId, viewport = PHONE) {
  const page = await (await browser.newContext({ viewport, acceptDownloads: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage();
  openPages.push([loginId, page]);
  watchTraffic(loginId, page);
  await page.goto(base);
  await page.getByLabel('会員番号またはメールアドレス').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  // Logged in: the logout button exists (on a phone it is inside the folded menu).
  await page.locator('button', { hasText: 'ログアウト' }).first().waitFor({ state: 'attached' });
  return page;
}

// Collects axe's findings of any impact per page; the test asserts
// the list is empty at the end so that one run names every offender.
export class AxeLog {
  constructor() { this.findings = []; this.report = []; }

  async check(page, name) {
    // Checked once the screen has loaded its data (an inline PDF viewer
    // never lets the network go idle).
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    this.report.push(`${name}: ${result.passes.length} rules pass, ${result.violations.length} violated`);
    for (const v of result.violations) {
      this.report.push(`  ${v.id} (${v.impact}): ${v.help}`);
      {  // any impact: minor and moderate findings fail too
        this.findings.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
    return result.violations.length;
  }

  assertClean() {
    writeFileSync(path.join(artifacts, 'axe-report.txt'), `${this.report.join('\n')}\n`);
    assert.deepEqual(this.findings, [], `axe found serious or critical violations:\n${this.findings.join('\n')}`);
  }
}

export async function assertNoHorizontalScroll(page, name) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  assert.ok(scroll <= width, `${name}: no horizontal scrolling (scrollWidth ${scroll} > ${width})`);
}

export async function shot(page, name, { help = false } = {}) {
  await page.screenshot({ path: path.join(help ? helpShots : artifacts, `${name}.png`), fullPage: true });
}

export const routeOf = (page) => new URL(page.url()).hash;

// The last API answers that were not 2xx and the requests that never got
// an answer, per page: a failure report says what the server said.
const traffic = new Map();
function watchTraffic(who, page) {
  const log = [];
  traffic.set(who, log);
  const keep = (line) => { log.push(line); if (log.length > 8) log.shift(); };
  page.on('response', (r) => { if (r.status() >= 400) keep(`${r.status()} ${r.request().method()} ${r.url()}`); });
  page.on('requestfailed', (r) => keep(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => keep(`page error: ${e.message}`));
}

// On a failure: every logged-in page as it was, to look at, and a summary
// (address, what the screen says, unanswered or refused requests) to add to
// the error, since CI keeps only the test's output.
export async function screenshotAll() {
  const summary = [];
  for (const [who, page] of openPages) {
    await page.screenshot({ path: path.join(artifacts, `failure-${who}.png`), fullPage: true }).catch(() => {});
    const text = await page.locator('main').innerText({ timeout: 2000 }).catch((e) => `(no text: ${e.message})`);
    summary.push(`[${who}] ${page.url()}\n  ${text.replace(/\s+/g, ' ').slice(0, 400)}`);
    for (const line of traffic.get(who) ?? []) summary.push(`  ${line}`);
  }
  return summary.join('\n');
}

// The page's frame whose address contains `part`, once it has navigated
// there (a frame the server refuses shows chrome-error:// instead); null
// after `ms`.
export async function frameShowing(page, part, ms = 10000) {
  for (let waited = 0; waited < ms; waited += 100) {
    const frame = page.frames().find((f) => f.url().includes(part));
    if (frame) return frame;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

// Every touch target on the page is at least 44 × 44 CSS px (WCAG 2.5.5),
// except links inside running text (a sentence's link is as tall as its
// line) and controls the browser draws itself (checkbox, radio). Returns
// the offenders as "tag 'text' w×h".
export async function smallTouchTargets(page) {
  return page.evaluate(() => {
    const inText = (el) => el.tagName === 'A' && el.closest('p, small, td, dd, .inline') && !el.classList.contains('button');
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"]')];
    return controls.filter((el) => {
      if (el.closest('[hidden], .skip, .sr-only') || (el.type && ['hidden', 'checkbox', 'radio'].includes(el.type))) return false;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
      if (inText(el)) return false;
      return r.height < 43.5 || r.width < 43.5;
    }).map((el) => `${el.tagName.toLowerCase()} '${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30)}' ${Math.round(getBoundingW(el))}×${Math.round(el.getBoundingClientRect().height)}`);
    function getBoundingW(el) { return el.getBoundingClientRect().width; }
  });
}

// Opens the menu when it is folded (a phone), so that its links can be used.
export async function unfoldMenu(page) {
  const toggle = page.getByTestId('menu-toggle');
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

// A decision on the review desk waits a few seconds for Undo; confirm it now
// and wait until the server has taken it. Returns the outcome's text.
export async function confirmDecision(page) {
  await page.getByTestId('send-now').click();
  const outcome = page.getByTestId('decision-outcome');
  await outcome.waitFor();
  return outcome.innerText();
}
