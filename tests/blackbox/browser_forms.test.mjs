// Forms say everything at once (issue 16, item 2): an empty activity report
// lists every problem at the top with links to the fields; each message goes
// as its field becomes right; required marks match what the server
// requires; dates are typed as Japanese forms give them and an impossible day
// is named as impossible; a file over 10 MB is refused in the browser at
// once with its size and the limit. Phone, axe-checked, screenshots.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, PHONE, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

test('an activity report and a declaration check every field at once', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, '99100002', PHONE);
  await page.goto(`${base}/#/report`);
  const form = page.locator('form');
  await form.waitFor();

  // Required marks: exactly the fields the server requires.
  const marked = await form.locator('label:has(.req)').allInnerTexts();
  assert.deepEqual(marked.map((l) => l.replace(/\s*（必須）/, '').trim()),
    ['活動の種類', '活動の内容', '開始日', '実施機関・団体']);

  // Empty: every problem at once, at the top, each linking to its field.
  await page.getByRole('button', { name: '報告する' }).click();
  const list = page.getByTestId('form-problems');
  await list.waitFor();
  assert.equal(await list.locator('li').count(), 4, await list.innerText());
  assert.match(await list.innerText(), /4件の入力を確かめてください/);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 4);
  await axe.check(page, 'activity form, every problem');
  await shot(page, 'form-all-problems-360');
  await list.getByRole('link', { name: /実施機関・団体/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'act-organisation', 'the link moves to the field');

  // Each message goes as its field becomes right.
  await page.getByLabel(/活動の内容/).fill('市立小学校の学校医');
  assert.equal(await list.locator('li').count(), 3);
  assert.equal(await page.locator('#act-description-error').count(), 0, 'its message is gone');

  // Dates as typed on Japanese forms; an impossible day is named as such.
  const started = page.getByLabel(/開始日/);
  await started.fill('2026年2月30日');
  assert.match(await list.innerText(), /その日付はありません/);
  await started.fill('S45.4.1');
  assert.match(await page.getByTestId('act-started_on-reads').innerText(), /昭和45年4月1日/);
  assert.equal(await list.locator('li').count(), 2);
  await page.getByLabel(/活動の種類/).selectOption('school_doctor');
  await page.getByLabel(/実施機関・団体/).fill('文京区教育委員会');
  assert.equal(await page.getByTestId('form-problems').count(), 0, 'no list once everything is right');

  // A 20 MB file: refused at once, with its size and the limit, nothing sent.
  const big = path.join(dir, 'scan.pdf');
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024, 0x25));
  let uploads = 0;
  page.on('request', (r) => { if (r.url().includes('/api/v1/files')) uploads += 1; });
  await page.locator('#act-file_ids').setInputFiles(big);
  const refusal = page.locator('#act-file_ids-error');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /「scan.pdf」は20.0 MBです。1ファイル10 MBまでです/);
  assert.equal(uploads, 0, 'the file was never sent');
  await axe.check(page, 'activity form, file too large');
  await shot(page, 'form-file-too-large-360');

  // Sent: the typed era date arrives as an ISO date.
  await page.getByRole('button', { name: '報告する' }).click();
  await page.waitForURL(/#\/items\/activity\/\d+\?sent=1$/);
  const id = page.url().match(/activity\/(\d+)/)[1];
  const item = await (await login(base, '99100002')).get(`/api/v1/me/items/activity/${id}`);
  assert.equal(item.body.activity.started_on, '1970-04-01');

  // The declaration: proof is required and marked so; units checked in steps.
  await page.goto(`${base}/#/declare`);
  await page.getByRole('button', { name: '申告する' }).click();
  await list.waitFor();
  assert.match(await list.innerText(), /受講を証明する書類を添付してください/);
  assert.equal(await list.locator('li').count(), 5);
  assert.match(await page.locator('label[for="dec-file_ids"]').innerText(), /必須/);
  await page.getByLabel(/単位数/).fill('０．７');
  assert.match(await list.innerText(), /0.5単位刻み/);
  await page.getByLabel(/受講日/).fill('令和99年1月1日');
  assert.match(await list.innerText(), /受講日が未来の日付です/);
  await axe.check(page, 'declaration form, every problem');
  axe.assertClean();
});
