// The progress page in Debian's Chromium, driven by playwright-core: the
// numbers shown are the ones the CLI computes, in Japanese and in English,
// on a 360-pixel phone as on a desktop.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { kakari, kakariJson, login, repoRoot, startServer, tempDir, freshDb } from './helpers.mjs';

const artifacts = path.join(repoRoot, 'test-artifacts');

// The small demo served with the built web app, and a fresh browser.
async function demoSite(t) {
  const dir = tempDir(t);
  const db = freshDb(dir, 'demo.db');
  assert.equal(kakari(['demo', '--scale', 'small', '--db', db]).status, 0);
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  // The lookup by registry number is staff's view: a JMA administrator's session.
  const jma = await login(base, 'jma-admin');
  const browser = await launchBrowser(t);
  const context = await browser.newContext();
  const { hostname } = new URL(base);
  await context.addCookies(jma.cookie.split('; ').map((c) => {
    const [name, value] = c.split('=');
    return { name, value, domain: hostname, path: '/' };
  }));
  return { db, base, browser: { newPage: (opts) => newPage(browser, context, opts) } };
}

// A page with the logged-in cookies and the requested viewport.
async function newPage(_browser, context, opts = {}) {
  const page = await context.newPage();
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  return page;
}

test('a doctor sees each part, the total against 10 and what is missing', async (t) => {
  mkdirSync(artifacts, { recursive: true });
  const { db, base, browser } = await demoSite(t);
  const page = await browser.newPage({ viewport: { width: 360, height: 780 } });

  const expected = kakariJson(['eligibility', '--doctor', '100002', '--json', '--db', db]);
  await page.goto(`${base}/#/lookup?doctor=100002`);
  await page.getByTestId('total-units').waitFor();
  const text = (id) => page.getByTestId(id).innerText();
  assert.equal(Number(await text('lecture-units')), expected.lecture_units);
  assert.equal(Number(await text('practical-units')), expected.practical_units);
  assert.equal(Number(await text('total-units')), expected.total_units);
  assert.equal(Number(await text('required-units')), 10);
  assert.match(await text('status'), /まだ修了要件を満たしていません/);
  assert.equal(await text('missing'), expected.missing.map((m) => m.message_ja).join('\n'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `no horizontal scrolling at 360 px (scrollWidth ${overflow})`);
  await page.screenshot({ path: path.join(artifacts, 'progress-360-ja.png'), fullPage: true });

  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await text('missing'), expected.missing.map((m) => m.message_en).join('\n'));
  assert.match(await text('status'), /Not yet complete/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.screenshot({ path: path.join(artifacts, 'progress-360-en.png'), fullPage: true });
});

test('a complete doctor, typed in full-width digits; an unknown number', async (t) => {
  mkdirSync(artifacts, { recursive: true });
  const { base, browser } = await demoSite(t);
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.goto(`${base}/#/lookup`);
  await page.getByLabel('氏名・かな・医籍登録番号').fill('１０００01');
  await page.getByRole('button', { name: '表示する' }).click();
  await page.getByTestId('total-units').waitFor();
  assert.equal(await page.getByTestId('total-units').innerText(), '11.5');
  assert.match(await page.getByTestId('status').innerText(), /修了要件を満たしています/);
  assert.equal(await page.getByTestId('missing').count(), 0);
  await page.screenshot({ path: path.join(artifacts, 'progress-desktop-complete.png') });

  await page.getByLabel('氏名・かな・医籍登録番号').fill('9999999');
  await page.getByRole('button', { name: '表示する' }).click();
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /医師が見つかりません/);
  assert.equal(await page.getByLabel('氏名・かな・医籍登録番号').inputValue(), '9999999', 'keeps what was typed');
});

test('staff find a doctor by name, kana or variant kanji, as in the queue', async (t) => {
  mkdirSync(artifacts, { recursive: true });
  const { base, browser } = await demoSite(t);
  const jma = await login(base, 'jma-admin');
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const box = () => page.getByLabel('氏名・かな・医籍登録番号');
  // One doctor of a name nobody else has: found, the progress is shown at once.
  const made = await jma.post('/api/v1/staff/doctors', {
    registry_number: '777001', name: '鵜飼　透流', kana: 'ウカイ　トオル', birth_date: '1971-05-05',
    association_code: '13001', member_id: null, postal_code: '', address: '', email: '',
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  // 山崎 finds 山﨑 (variant kanji), half-width kana finds 𠮷田, hiragana finds 髙橋.
  for (const [typed, wanted] of [['うかい　とおる', '鵜飼　透流'], ['山崎　花子', '山﨑　花子'], ['ﾖｼﾀﾞ ｹﾝｲﾁ', '𠮷田　健一'], ['たかはし　たろう', '髙橋　太郎']]) {
    const expected = (await jma.get(`/api/v1/staff/doctors?q=${encodeURIComponent(typed)}`)).body.doctors;
    assert.ok(expected.some((d) => d.name === wanted), `${typed} finds ${wanted} through the API`);
    await page.goto(`${base}/#/lookup`);
    await box().fill(typed);
    await page.getByRole('button', { name: '表示する' }).click();
    if (expected.length === 1) {
      await page.getByTestId('total-units').waitFor();  // one match: its progress at once
      assert.ok(decodeURIComponent(page.url()).includes(`doctor=${expected[0].registry_number}`));
      continue;
    }
    const list = page.getByTestId('lookup-matches');
    await list.waitFor();
    assert.equal(await list.locator('li').count(), expected.length);
    await list.getByRole('link', { name: new RegExp(`^${wanted.replace('　', '\\s')}`) }).first().click();
    await page.getByTestId('total-units').waitFor();
  }
  await page.goto(`${base}/#/lookup`);
  await box().fill('存在しない名前');
  await page.getByRole('button', { name: '表示する' }).click();
  await page.getByText('担当地域に該当する医師はいません。').waitFor();
  await page.screenshot({ path: path.join(artifacts, 'lookup-by-name.png') });
});
