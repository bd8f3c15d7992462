// A doctor in Debian's Chromium: logs in through the form (a wrong password
// keeps what was typed and says why), sees their progress and certificate,
// downloads the PDF, switches to English, logs out. Screenshots in
// test-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

const artifacts = path.join(repoRoot, 'test-artifacts');

test('a doctor logs in, sees progress and certificate, downloads it, logs out', async (t) => {
  mkdirSync(artifacts, { recursive: true });
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  // Give doctor 100001 a certificate: apply and approve through the API.
  const doctorApi = await login(base, '99100001');
  const applied = await doctorApi.post('/api/v1/me/applications', {});
  const admin = await login(base, 'admin-13');
  assert.equal((await admin.post(`/api/v1/staff/items/application/${applied.body.id}/decision`,
    { action: 'approve' })).status, 200);
  const number = (await doctorApi.get('/api/v1/me/certificates')).body.items[0].number;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  t.after(() => browser.close());
  const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await page.goto(base);

  await page.getByLabel('会員番号またはメールアドレス').fill('99100001');
  await page.getByLabel('パスワード').fill('wrong-password-1');
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.getByTestId('login-error').waitFor();
  assert.equal(await page.getByLabel('会員番号またはメールアドレス').inputValue(), '99100001', 'kept');
  await page.screenshot({ path: path.join(artifacts, 'login-error-360-ja.png'), fullPage: true });

  await page.getByLabel('パスワード').fill('kakari-demo-2026');
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.getByTestId('certificates').waitFor();
  assert.match(await page.getByTestId('status').innerText(), /修了要件を満たしています/);
  const certs = await page.getByTestId('certificates').innerText();
  assert.ok(certs.includes(number), certs);
  assert.match(certs, /令和\d+年\d+月\d+日/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `no horizontal scrolling at 360 px (scrollWidth ${overflow})`);
  await page.screenshot({ path: path.join(artifacts, 'mypage-360-ja.png'), fullPage: true });

  // The download link serves the PDF with the session.
  const href = await page.getByRole('link', { name: 'PDFをダウンロード' }).getAttribute('href');
  const head = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), start: (await r.text()).slice(0, 5) };
  }, href);
  assert.deepEqual(head, { status: 200, type: 'application/pdf', start: '%PDF-' });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.match(await page.getByTestId('status').innerText(), /Requirements met/);
  await page.getByRole('heading', { name: 'Certificates' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'mypage-360-en.png'), fullPage: true });

  // On a phone, logout is inside the folded menu.
  await page.getByTestId('menu-toggle').click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  assert.equal((await page.evaluate(async () => (await fetch('/api/v1/me/progress')).status)), 401);
});
