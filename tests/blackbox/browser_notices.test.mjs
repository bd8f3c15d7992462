// お知らせ in Debian's Chromium: a returned activity's notice is unread at
// the top of a doctor's inbox with the reason word for word; opening it marks
// it read and links to the item; the "turn off" link of a reminder mail asks
// first and then turns reminders off; a reviewer has an inbox too. Phone and
// desktop, Japanese and English, axe-checked; screenshots in test-artifacts/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, PHONE, assertNoHorizontalScroll, launchBrowser, loggedInPage, shot, unfoldMenu } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('a doctor reads a return in お知らせ, opens the item, and turns reminders off', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const doctorApi = await login(base, '99100002');
  const reviewer = await login(base, 'reviewer-13001');
  const file = await doctorApi.request('POST', '/api/v1/files', {
    body: PDF, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'proof.pdf' },
  });
  const reported = await doctorApi.post('/api/v1/me/activities', {
    category: 'school_doctor', description: '市立第一小学校の学校医', started_on: '2020-04-01',
    organisation: '千代田区教育委員会', file_ids: [file.body.id],
  });
  const reason = '委嘱状の日付が読めません。鮮明な写しを添付してください。';
  assert.equal((await reviewer.post(`/api/v1/staff/items/activity/${reported.body.id}/decision`,
    { action: 'return', reason })).status, 200);

  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  // The desktop only looks (the notice stays unread); the phone reads and acts.
  for (const [viewport, size] of [[DESK, 'desktop'], [PHONE, '360']]) {
    const page = await loggedInPage(browser, base, '99100002', viewport);
    await unfoldMenu(page);
    await page.getByRole('link', { name: 'お知らせ' }).first().click();
    await page.getByRole('heading', { name: 'お知らせ', level: 1 }).waitFor();
    const head = page.locator('.notice-head').first();
    assert.match(await head.innerText(), /未読[\s\S]*差し戻しのお知らせ：実地研修：学校医（千代田区教育委員会）/);
    await axe.check(page, `notices-${size}`);
    await assertNoHorizontalScroll(page, `notices ${size}`);
    await shot(page, `notices-${size}-ja`);
    if (size === 'desktop') continue;

    await head.click();
    await page.getByText(reason).waitFor();
    assert.equal(await head.getAttribute('aria-expanded'), 'true');
    await page.getByText('未読 0 件').waitFor();
    await axe.check(page, 'notice-open-360');
    await shot(page, 'notice-open-360-ja');
    await page.getByRole('link', { name: '関係する画面を開く' }).click();
    await page.waitForFunction((id) => location.hash === `#/items/activity/${id}`, reported.body.id);

    await page.goto(`${base}/#/notices?reminders=off`);
    await page.getByText('メールのリンクから来られました').waitFor();
    await page.getByRole('button', { name: 'リマインダーを止める' }).click();
    await page.getByRole('button', { name: 'リマインダーを受け取る' }).waitFor();
    assert.equal((await doctorApi.get('/api/v1/me/notices')).body.reminders, false);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Notices', level: 1 }).waitFor();
    assert.match(await page.locator('.notice-head').first().innerText(), /Returned for correction/);
    await shot(page, 'notices-360-en');
  }

  const desk = await loggedInPage(browser, base, 'reviewer-13001', DESK);
  await unfoldMenu(desk);
  await desk.getByRole('link', { name: 'お知らせ' }).click();
  await desk.getByText('お知らせはまだありません。').waitFor();
  await desk.getByText('届かなかったメールはありません。').waitFor();
  await axe.check(desk, 'notices-reviewer');
  axe.assertClean();
});
