// Administration speaks in names (issue 16, item 5): prefectures and
// associations by name, the numbering pattern previews the number it makes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

test('the JMA administrator sees names, not codes, and the next number of a pattern', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const accounts = (await (await login(base, 'jma-admin')).get('/api/v1/admin/users')).body.items;
  const tokyoCounty = accounts.find((a) => a.association_code === '13001');
  assert.ok(tokyoCounty.association_name.length > 0 && tokyoCounty.association_name !== '13001', tokyoCounty.association_name);

  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'jma-admin', DESK);
  await page.goto(`${base}/#/admin/users`);
  const table = page.locator('table');
  await table.waitFor();
  assert.ok((await table.innerText()).includes(tokyoCounty.association_name));
  await axe.check(page, 'users by name');

  await page.goto(`${base}/#/admin/routing`);
  const pref = page.getByLabel(/都道府県/);
  await pref.waitFor();
  const options = await pref.locator('option').allInnerTexts();
  assert.equal(options.length, 47);
  assert.ok(options.includes('東京都') && options.includes('北海道'), options.slice(0, 3).join(','));
  await axe.check(page, 'routing by prefecture name');

  await page.goto(`${base}/#/admin/certificates`);
  const preview = page.getByTestId('pattern-preview');
  await preview.waitFor();
  const year = new Date(Date.now() + 9 * 3600 * 1000).getUTCFullYear();
  assert.match(await preview.innerText(), new RegExp(`第K${year}-000001号`));
  await page.getByLabel(/番号の形式/).fill('KK{year}/{seq:4}');
  assert.match(await preview.innerText(), new RegExp(`KK${year}/0001`));
  await axe.check(page, 'pattern preview');
  await shot(page, 'admin-pattern-preview');
  axe.assertClean();
});
