// The password form in Debian's Chromium: the verdict appears as the doctor
// types (the same words the server refuses with), and a strong password is
// accepted. Screenshots in test-artifacts/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_PASSWORD, demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';
import { artifacts, launchBrowser, loggedInPage, unfoldMenu } from './browser.mjs';

test('the new password is judged as it is typed', async (t) => {
  const { base } = await startServer(t, demoDb(tempDir(t)), ['--web', path.join(repoRoot, 'web/dist')]);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, '99100001');
  await unfoldMenu(page);
  await page.getByRole('link', { name: 'パスワード変更' }).click();
  const next = page.getByLabel('新しいパスワード（10文字以上）');
  const verdict = page.getByTestId('password-verdict');
  await next.fill('password123');
  await page.waitForFunction(() => document.querySelector('[data-testid=password-verdict]')?.textContent);
  assert.match(await verdict.innerText(), /よく使われるパスワードや単語です/);
  assert.equal(await next.getAttribute('aria-describedby'), 'pw-verdict');
  await page.screenshot({ path: path.join(artifacts, 'password-weak-360-ja.png'), fullPage: true });

  await next.fill('correct horse battery staple');
  await page.waitForFunction(() => /推測されにくい/.test(document.querySelector('[data-testid=password-verdict]')?.textContent ?? ''));
  await page.getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '保存する' }).click();
  await page.getByRole('status').filter({ hasText: '変更' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'password-changed-360-ja.png'), fullPage: true });
  await login(base, '99100001', 'correct horse battery staple');
});
