// 統計・出力 in Debian's Chromium: the JMA's map of Japan coloured by the
// chosen figure, its value read out on focus, a click through to a
// prefecture's associations, the table beside it, and an export that saves a
// file with its row count. Phone and desktop, axe-checked; screenshots in
// test-artifacts/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, PHONE, assertNoHorizontalScroll, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, repoRoot, startServer, tempDir } from './helpers.mjs';

test('the JMA reads the map, opens a prefecture, and exports a list', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  for (const [viewport, size] of [[DESK, 'desktop'], [PHONE, '360']]) {
    const page = await loggedInPage(browser, base, 'jma-admin', viewport);
    await page.goto(`${base}/#/statistics`);
    await page.getByRole('heading', { name: '統計', level: 2 }).waitFor();
    const map = page.locator('.japan-map svg');
    await map.waitFor();
    assert.equal(await map.locator('a[data-code]').count(), 47);
    // Every prefecture is coloured, not left grey.
    const fills = await map.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    assert.ok(fills.every((f) => f && f !== '#d9d9d9'), fills.join());
    await page.getByTestId('stats-table').waitFor();
    assert.equal(await page.getByTestId('stats-table').locator('tbody tr').count(), 47);
    await axe.check(page, `statistics-${size}`);
    await assertNoHorizontalScroll(page, `statistics ${size}`);
    await shot(page, `statistics-${size}-ja`);
    if (size === '360') {
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { name: 'Statistics', level: 2 }).waitFor();
      await page.getByRole('heading', { name: /^Japan .*\(fiscal year \d{4}\)$/ }).waitFor();
      await page.getByRole('button', { name: "Doctors' completion Excel (xlsx)" }).waitFor();
      await axe.check(page, 'statistics-360-en');
      await assertNoHorizontalScroll(page, 'statistics 360 en');
      await shot(page, 'statistics-360-en');
      continue;
    }

    // Focus reads a value out; another figure recolours the map.
    await map.locator('a[data-code="13"]').focus();
    assert.match(await page.getByTestId('map-readout').innerText(), /^東京都医師会: \d+\.\d%$/);
    await page.getByLabel('審査待ちの件数').check();
    await map.locator('a[data-code="13"]').focus();
    assert.match(await page.getByTestId('map-readout').innerText(), /^東京都医師会: \d+$/);
    await shot(page, 'statistics-desktop-waiting-ja');

    // Enter on a prefecture (Tokyo's islands put the middle of its box at
    // sea, so the keyboard is the sure way) opens its associations.
    await map.locator('a[data-code="13"]').press('Enter');
    await page.waitForFunction(() => location.hash.includes('association=13'));
    await page.getByRole('link', { name: '全国に戻る' }).waitFor();
    const rows = await page.getByTestId('stats-table').locator('tbody th').allInnerTexts();
    assert.ok(rows.includes('東京都医師会') && rows.length > 1, rows.join());
    await axe.check(page, 'statistics-13-desktop');
    await shot(page, 'statistics-13-desktop-ja');

    // An export says what it is doing and saves the file with its rows.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '医師の修了状況 Excel（xlsx）' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^completions-13-\d{4}-\d\d-\d\d\.xlsx$/);
    assert.match(await page.getByTestId('export-status').innerText(), /保存しました（\d+ 行）/);
  }
  axe.assertClean();
});
