// How much JavaScript each first screen makes the browser load, compressed
// (gzip -9 and brotli, as a static host or proxy would serve it): the login
// page, a doctor's MyPage and the staff desk after login. Run by
// bench/web_weight.sh; the budget (issue 5) is 150 KB for the first page.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { chromium } from '../web/node_modules/playwright-core/index.mjs';

const [base] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function measure(label, loginId) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.set(r.url(), await r.body());
  });
  await page.goto(base);
  await page.getByRole('button', { name: 'ログインする' }).waitFor();
  if (loginId) {
    await page.getByLabel('会員番号またはメールアドレス').fill(loginId);
    await page.getByLabel('パスワード').fill('kakari-demo-2026');
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.getByRole('button', { name: 'ログアウト' }).waitFor();
    await page.waitForLoadState('networkidle');
  }
  let raw = 0, gz = 0, br = 0;
  for (const body of scripts.values()) {
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
    br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const files = [...scripts.keys()].map((u) => path.basename(new URL(u).pathname)).join(' ');
  console.log(`| ${label} | ${scripts.size} | ${(raw / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(1)} KB | ${(br / 1024).toFixed(1)} KB | ${files} |`);
  await context.close();
}

console.log('| screen | scripts | raw | gzip -9 | brotli 11 | files |');
console.log('|---|---|---|---|---|---|');
await measure('login page (first page)', null);
await measure('doctor MyPage after login', '99100001');
await measure('review desk after login', 'reviewer-13001');
await browser.close();
