// Session expiry loses nothing (issue 16, item 3): before the idle limit a
// dialog offers to stay logged in; once the server has ended the session,
// sending a form opens a login dialog over it, the typed text stays, and
// the report is sent after logging in again. Someone else logging in there
// does not get the first person's form. Phone, axe-checked, screenshots.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, PHONE, launchBrowser, shot } from './browser.mjs';
import { DEMO_PASSWORD, demoDb, login, rawSql, repoRoot, startServer, tempDir } from './helpers.mjs';

async function logInThroughForm(page, base, loginId) {
  await page.goto(base);
  await page.getByLabel('会員番号またはメールアドレス').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.getByTestId('menu-toggle').waitFor();
}

test('a warning before the idle limit, and a login in place that keeps the typed report', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const session = await (await login(base, '99100002')).get('/api/v1/session');
  assert.equal(session.body.idle_seconds, 1800);
  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.clock.install();
  await logInThroughForm(page, base, '99100002');

  // 28½ idle minutes: the warning; staying closes it.
  await page.clock.fastForward('28:30');
  const warning = page.getByTestId('idle-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /まもなく自動でログアウトします/);
  await axe.check(page, 'idle warning');
  await shot(page, 'session-idle-warning-360');
  await warning.getByRole('button', { name: 'ログインを続ける' }).click();
  await warning.waitFor({ state: 'detached' });

  // The doctor types a report; meanwhile the server ends the session.
  await page.goto(`${base}/#/report`);
  await page.getByLabel(/活動の種類/).selectOption('school_doctor');
  await page.getByLabel(/活動の内容/).fill('中学校の学校医として健康診断を行った');
  await page.getByLabel(/開始日/).fill('R2.4.1');
  await page.getByLabel(/実施機関・団体/).fill('文京区教育委員会');
  assert.equal(rawSql(db, 'DELETE FROM sessions').status, 0);
  await page.getByRole('button', { name: '報告する' }).click();
  const relogin = page.getByTestId('relogin');
  await relogin.waitFor();
  assert.match(await relogin.innerText(), /入力中の内容はそのまま残っています/);
  assert.equal(await page.getByLabel(/活動の内容/).inputValue(), '中学校の学校医として健康診断を行った', 'kept under the dialog');
  await axe.check(page, 'login again in place');
  await shot(page, 'session-relogin-360');
  await relogin.getByLabel('会員番号またはメールアドレス').fill('99100002');
  await relogin.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await relogin.getByRole('button', { name: 'ログインして続ける' }).click();
  // The report went through after the login, as typed.
  await page.waitForURL(/#\/items\/activity\/\d+\?sent=1$/);
  const id = page.url().match(/activity\/(\d+)/)[1];
  const item = await (await login(base, '99100002')).get(`/api/v1/me/items/activity/${id}`);
  assert.equal(item.body.activity.description, '中学校の学校医として健康診断を行った');
  assert.equal(item.body.activity.started_on, '2020-04-01');

  // Someone else logging in at the dialog starts afresh.
  await page.goto(`${base}/#/report`);
  await page.getByLabel(/活動の種類/).selectOption('school_doctor');
  await page.getByLabel(/活動の内容/).fill('ほかの人に見せたくない下書き');
  await page.getByLabel(/開始日/).fill('R2.4.1');
  await page.getByLabel(/実施機関・団体/).fill('文京区教育委員会');
  rawSql(db, 'DELETE FROM sessions');
  await page.getByRole('button', { name: '報告する' }).click();
  await relogin.waitFor();
  await relogin.getByLabel('会員番号またはメールアドレス').fill('99100001');
  await relogin.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await relogin.getByRole('button', { name: 'ログインして続ける' }).click();
  await page.getByTestId('next-step').waitFor();
  assert.ok(!(await page.locator('body').innerText()).includes('ほかの人に見せたくない下書き'));
  assert.match(await page.locator('main').innerText(), /髙橋/);
  const drafts = rawSql(db, "SELECT count(*) FROM practical_activities WHERE description = 'ほかの人に見せたくない下書き'");
  assert.equal(drafts.stdout, '0', 'the first person\'s report was not sent as the second');
  axe.assertClean();
});
