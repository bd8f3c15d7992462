// Phone navigation (issue 16, item 8): at 360 px the menu folds behind one
// button, the language switch is top right, content starts near the top, and
// every touch target on every doctor screen (and the staff desk's) is at
// least 44 px. Also at 200% zoom (a 640-px desktop window at scale 2 is what
// a 1280-px screen shows at 200%). axe-checked; screenshots in test-artifacts/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, PHONE, assertNoHorizontalScroll, launchBrowser, loggedInPage, shot, smallTouchTargets } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

const DOCTOR_SCREENS = ['/', '/notices', '/items', '/report', '/declare', '/credits', '/apply', '/workplaces', '/password'];

test('a doctor on a phone: a compact menu, the language top right, 44-px targets everywhere', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  // A certificate, so that MyPage shows its download link.
  const doctorApi = await login(base, '99100001');
  const applied = await doctorApi.post('/api/v1/me/applications', {});
  await (await login(base, 'admin-13')).post(`/api/v1/staff/items/application/${applied.body.id}/decision`, { action: 'approve' });
  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, '99100001', PHONE);
  await page.getByTestId('certificates').waitFor();

  // Content starts near the top: the header and the folded menu take < 150 px.
  const firstCard = await page.locator('main .card').first().boundingBox();
  assert.ok(firstCard.y < 150, `content starts at ${firstCard.y} px (was ~240 with seven rows of buttons)`);
  const lang = await page.getByRole('button', { name: 'Switch to English' }).boundingBox();
  assert.ok(lang.x + lang.width > 300 && lang.y < 40, `language switch top right: ${JSON.stringify(lang)}`);
  const toggle = page.getByTestId('menu-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.match(await toggle.innerText(), /メニュー[\s\S]*ホーム/, 'the button names the screen');
  assert.equal(await page.getByRole('link', { name: '申請の状況' }).isVisible(), false, 'folded');
  await shot(page, 'phone-home-360');

  // Open, go, and the menu folds again on the new screen.
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.getByRole('button', { name: 'ログアウト' }).isVisible(), 'logout inside the menu');
  await axe.check(page, 'phone menu open');
  await shot(page, 'phone-menu-open-360');
  await page.getByRole('link', { name: '申請の状況' }).click();
  await page.getByRole('heading', { name: '申請の状況' }).waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

  for (const screen of DOCTOR_SCREENS) {
    await page.goto(`${base}/#${screen}`);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await page.waitForTimeout(150);
    assert.deepEqual(await smallTouchTargets(page), [], `touch targets on ${screen}`);
    await assertNoHorizontalScroll(page, screen);
    await axe.check(page, `doctor ${screen} 360`);
  }
  // The same at 200% zoom.
  const zoomed = await (await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, locale: 'ja-JP' })).newPage();
  await zoomed.goto(base);
  await zoomed.getByLabel('会員番号またはメールアドレス').fill('99100001');
  await zoomed.getByLabel('パスワード').fill('kakari-demo-2026');
  await zoomed.getByRole('button', { name: 'ログインする' }).click();
  await zoomed.getByTestId('certificates').waitFor();
  for (const screen of ['/', '/report', '/apply']) {
    await zoomed.goto(`${base}/#${screen}`);
    await zoomed.waitForFunction(() => !document.querySelector('.loading'));
    await assertNoHorizontalScroll(zoomed, `${screen} at 200%`);
    await axe.check(zoomed, `doctor ${screen} 200%`);
  }
  await shot(zoomed, 'zoom-200-apply');
  axe.assertClean();
});

test('staff on a phone: the same compact menu over the desk', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'reviewer-13001', PHONE);
  const toggle = page.getByTestId('menu-toggle');
  await toggle.waitFor();
  assert.match(await toggle.innerText(), /メニュー/);
  for (const screen of ['/queue', '/lookup', '/mail', '/statistics']) {
    await page.goto(`${base}/#${screen}`);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await page.waitForTimeout(150);
    assert.deepEqual(await smallTouchTargets(page), [], `touch targets on ${screen}`);
    await axe.check(page, `staff ${screen} 360`);
  }
  await shot(page, 'phone-staff-360');
  axe.assertClean();
});
