// Administration speaks in names (issue 16, item 5): prefectures and
// associations by name, the numbering pattern previews the next number it
// gives (the counter's).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, kakariJson, login, repoRoot, startServer, tempDir } from './helpers.mjs';

test('the JMA administrator sees names, not codes, and the next number a pattern gives', async (t) => {
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

  // The preview names the number the counter gives next: after one more
  // approval it moves on by one.
  const jma = await login(base, 'jma-admin');
  const settings = (await jma.get('/api/v1/admin/certificate-settings')).body;
  const year = new Date(Date.now() + 9 * 3600 * 1000).getUTCFullYear();
  assert.equal(settings.next_year, year);
  assert.ok(settings.next_sequence > 1, `the demo has issued certificates (${settings.next_sequence})`);
  await page.goto(`${base}/#/admin/certificates`);
  const preview = page.getByTestId('pattern-preview');
  await preview.waitFor();
  const numbered = (n) => `第K${year}-${String(n).padStart(6, '0')}号`;
  assert.ok((await preview.innerText()).includes(numbered(settings.next_sequence)), await preview.innerText());
  const waiting = (await jma.get('/api/v1/staff/queue?kind=application&status=submitted')).body.items;
  assert.ok(waiting.length > 0, 'the demo has applications waiting');
  const approved = await jma.post(`/api/v1/staff/items/application/${waiting[0].id}/decision`, { action: 'approve' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  await page.reload();
  await preview.waitFor();
  assert.ok((await preview.innerText()).includes(numbered(settings.next_sequence + 1)), await preview.innerText());
  await page.getByLabel(/番号の形式/).fill('KK{year}/{seq:4}');
  assert.ok((await preview.innerText()).includes(`KK${year}/${String(settings.next_sequence + 1).padStart(4, '0')}`));
  await axe.check(page, 'pattern preview');
  await shot(page, 'admin-pattern-preview');
  axe.assertClean();
});

test('changing the rules shows who would become or stop being complete, and asks first', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const jma = await login(base, 'jma-admin');
  const rules = (await jma.get('/api/v1/admin/programme')).body;
  const body = (over) => {
    const { code: _c, name_ja: _j, name_en: _e, ...editable } = rules;
    return { ...editable, ...over };
  };
  // The API: counted as the command line counts, and nothing saved.
  const now = kakariJson(['eligibility', '--all', '--json', '--db', db]);
  const lower = (await jma.post('/api/v1/admin/programme/preview', body({ required_total_units: 7 }))).body;
  assert.equal(lower.doctors, now.doctors);
  assert.equal(lower.complete_now, now.complete);
  assert.equal(lower.ceasing_complete, 0, 'a lower total takes nobody out');
  assert.equal(lower.complete_after, lower.complete_now + lower.becoming_complete);
  const higher = (await jma.post('/api/v1/admin/programme/preview', body({ required_total_units: 30 }))).body;
  assert.equal(higher.becoming_complete, 0, 'a higher total brings nobody in');
  assert.ok(higher.ceasing_complete > 0, 'the demo has doctors between 10 and 30 units');
  assert.equal(higher.complete_after, now.complete - higher.ceasing_complete);
  assert.equal((await jma.get('/api/v1/admin/programme')).body.required_total_units, rules.required_total_units);
  const refused = await (await login(base, 'admin-13')).post('/api/v1/admin/programme/preview', body({}));
  assert.equal(refused.status, 403);
  const bad = await jma.post('/api/v1/admin/programme/preview', body({ required_total_units: 0 }));
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.message_ja && bad.body.error.message_en);

  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'jma-admin', DESK);
  await page.goto(`${base}/#/admin/programme`);
  const total = page.getByLabel('修了に必要な合計単位');
  await total.fill('30');
  await page.getByRole('button', { name: '保存する' }).click();
  const dialog = page.getByTestId('programme-preview');
  await dialog.waitFor();
  assert.equal(await dialog.getByTestId('ceasing').innerText(), `${higher.ceasing_complete.toLocaleString('ja')} 人`);
  assert.equal(await dialog.getByTestId('complete-after').innerText(), `${higher.complete_after.toLocaleString('ja')} 人`);
  await axe.check(page, 'programme change preview');
  await shot(page, 'admin-programme-preview');
  await dialog.getByRole('button', { name: 'やめる' }).click();
  assert.equal((await jma.get('/api/v1/admin/programme')).body.required_total_units, rules.required_total_units, 'cancel saves nothing');

  await total.fill('7');
  await page.getByRole('button', { name: '保存する' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.getByTestId('becoming').innerText(), `${lower.becoming_complete.toLocaleString('ja')} 人`);
  await dialog.getByRole('button', { name: 'この内容で変更する' }).click();
  await page.getByText('保存しました').waitFor();
  assert.equal((await jma.get('/api/v1/admin/programme')).body.required_total_units, 7);
  axe.assertClean();
});
