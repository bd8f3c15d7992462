// The web app end to end in Debian's Chromium, against a real server on a
// real SQLite demo database:
//   1. a doctor reports an activity (with its proof) and applies → a county
//      reviewer approves with the keyboard → the doctor downloads the
//      certificate → the public page verifies it from the QR code's URL;
//   2. a return and a resubmission;
//   3. a reviewer of another association cannot open the item;
//   4. a paper application entered by staff goes through to the mail batch;
// with axe-core on every page, 360 px phones, 200% zoom and the English
// switch. Screenshots of the main pages land in test-artifacts/ (the help
// pages' pictures in test-artifacts/help/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, PHONE, assertNoHorizontalScroll, launchBrowser, frameShowing, loggedInPage, routeOf, screenshotAll, shot, unfoldMenu, confirmDecision } from './browser.mjs';
import { demoDb, kakari, DEMO_PASSWORD, startServer, tempDir } from './helpers.mjs';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

function decodeQr(pdfBytes, dir) {
  const pdf = path.join(dir, 'certificate.pdf');
  writeFileSync(pdf, pdfBytes);
  const prefix = path.join(dir, 'certificate');
  assert.equal(spawnSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', pdf, prefix]).status, 0);
  const r = spawnSync('zbarimg', ['-q', '--raw', `${prefix}-1.png`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

// A real PDF to upload as proof: the server's own blank form.
async function proofPdf(base) {
  const r = await fetch(`${base}/api/v1/forms/practical-report`);
  assert.equal(r.status, 200);
  return Buffer.from(await r.arrayBuffer());
}

async function fetchInPage(page, url) {
  return page.evaluate(async (u) => {
    const r = await fetch(u);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get('content-type'), bytes: Array.from(bytes) };
  }, url);
}

test('web: doctors, the review desk, paper and mail, public verification', async (t) => {
  try {
    await stories(t);
  } catch (e) {
    e.message += `\n${await screenshotAll()}`;
    throw e;
  }
});

async function stories(t) {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const add = kakari(['user', 'add', '--login', 'reviewer-27001', '--role', 'reviewer', '--association', '27001', '--db', db],
    { input: `${DEMO_PASSWORD}\n` });
  assert.equal(add.status, 0, add.stderr);
  const { base } = await startServer(t, db, ['--web', path.join(process.cwd(), 'web/dist')]);
  const browser = await launchBrowser(t);
  const axe = new AxeLog();
  const pdf = await proofPdf(base);
  const anonymous = await (await browser.newContext({ viewport: PHONE })).newPage();
  await anonymous.goto(base);
  await anonymous.getByRole('button', { name: 'ログインする' }).waitFor();
  await axe.check(anonymous, 'login');
  await anonymous.getByRole('button', { name: /初めての方/ }).click();
  await anonymous.getByRole('textbox', { name: 'ワンタイムコード' }).waitFor();
  await axe.check(anonymous, 'first login with a code');

  // --- 1. report → approve → apply → approve → certificate → verify ---
  const doctor = await loggedInPage(browser, base, '99100003');
  await doctor.getByTestId('next-step').waitFor();
  // Its activity is under review: the step says so rather than asking for another.
  assert.match(await doctor.getByTestId('next-step').innerText(), /報告した実地研修1件が審査中です/);
  assert.match(await doctor.getByTestId('missing').innerText(), /実地研修（経験）があと1件/);
  await assertNoHorizontalScroll(doctor, 'doctor home');
  await axe.check(doctor, 'doctor home');
  await shot(doctor, 'doctor-home', { help: true });

  await unfoldMenu(doctor);
  await doctor.getByRole('link', { name: '実地研修を報告' }).first().click();
  await doctor.getByLabel(/活動の内容/).fill('地域の在宅医療連携会議に参加し、症例検討を行った。');
  await doctor.getByLabel(/実施機関・団体/).fill('千代田区在宅医療連携会議');
  await doctor.getByRole('button', { name: '報告する' }).click();
  // Refused in the browser: every problem at once, what was typed kept, the
  // focus on the list whose links lead to the fields.
  await doctor.getByTestId('form-problems').waitFor();
  assert.equal(await doctor.getByLabel(/実施機関・団体/).inputValue(), '千代田区在宅医療連携会議');
  assert.equal(await doctor.evaluate(() => document.activeElement?.id), 'form-problems');
  const listed = await doctor.getByTestId('form-problems').innerText();
  assert.match(listed, /活動の種類を一覧から選んでください[\s\S]*開始日を入力してください/);
  // Beside each field the message names it by its label, not its JSON key.
  const fieldMessage = await doctor.locator('.field-error').first().innerText();
  assert.ok(!/[a-z]_[a-z]/.test(fieldMessage), fieldMessage);
  await shot(doctor, 'report-refused-360');
  await doctor.getByLabel(/活動の種類/).selectOption({ index: 1 });
  await doctor.getByLabel(/開始日/).fill('2026-05-01');
  await doctor.getByLabel(/終了日/).fill('2026-05-31');
  await doctor.locator('#act-file_ids').setInputFiles({ name: '参加証明.pdf', mimeType: 'application/pdf', buffer: pdf });
  await doctor.getByTestId('act-file_ids-list').getByRole('link', { name: '参加証明.pdf' }).waitFor();
  await assertNoHorizontalScroll(doctor, 'report form');
  await axe.check(doctor, 'report form');
  await shot(doctor, 'doctor-report', { help: true });
  await doctor.getByRole('button', { name: '報告する' }).click();
  await doctor.getByText('送信しました').waitFor();
  const activityId = routeOf(doctor).match(/activity\/(\d+)/)[1];
  await axe.check(doctor, 'item detail');

  // The county reviewer works from the keyboard: j to the row, Enter, a.
  const reviewer = await loggedInPage(browser, base, 'reviewer-13001', DESK);
  await reviewer.getByTestId('queue').waitFor();
  await axe.check(reviewer, 'queue');
  await reviewer.getByLabel('氏名・かな・医籍登録番号').fill('ヨシダ');
  await reviewer.getByRole('button', { name: '絞り込む' }).click();
  await reviewer.waitForFunction(() => location.hash.includes('q='));
  await reviewer.getByTestId('queue').getByText('𠮷田　健一').first().waitFor();
  await shot(reviewer, 'staff-queue', { help: true });
  await reviewer.locator('body').click({ position: { x: 5, y: 5 } });
  await reviewer.getByLabel('氏名・かな・医籍登録番号').blur();
  const rows = await reviewer.getByTestId('queue').locator('a.row-link').count();
  const target = `#/review/activity/${activityId}`;
  let found = false;
  for (let i = 0; i < rows && !found; i++) {
    await reviewer.keyboard.press('j');
    found = (await reviewer.evaluate(() => document.activeElement?.getAttribute('href'))) === target;
  }
  assert.ok(found, 'j moves through the rows to the new activity');
  await reviewer.keyboard.press('Enter');
  await reviewer.getByTestId('evidence').waitFor();
  assert.equal(await reviewer.getByTestId('evidence').locator('iframe').count(), 1, 'the PDF is shown inline');
  const proofFrame = await frameShowing(reviewer, '/api/v1/files/');
  assert.ok(proofFrame, `the proof's frame loaded (frames: ${reviewer.frames().map((f) => f.url()).join(', ')})`);
  await axe.check(reviewer, 'review item');
  await shot(reviewer, 'staff-review', { help: true });
  await reviewer.keyboard.press('a');
  assert.match(await confirmDecision(reviewer), /しました/);

  // Back on the phone: the doctor now completes, reviews what counts, applies.
  await doctor.goto(`${base}/#/`);
  await doctor.getByText('修了要件を満たしました。修了申請ができます。').waitFor();
  await doctor.getByRole('link', { name: '修了申請へ進む' }).click();
  await doctor.getByTestId('apply-preview').waitFor();
  assert.match(await doctor.getByTestId('preview-lecture').innerText(), /9\.5/);
  assert.match(await doctor.getByTestId('preview-total').innerText(), /14\.5/);
  assert.equal(await doctor.getByTestId('preview-activities').locator('li').count(), 1);
  assert.match(await doctor.getByTestId('preview-route').innerText(), /中央市医師会/);
  await axe.check(doctor, 'apply preview');
  await shot(doctor, 'doctor-apply', { help: true });
  await doctor.getByRole('button', { name: '申請する' }).click();
  await doctor.getByText('修了申請を受け付けました。').waitFor();
  const applicationId = routeOf(doctor).match(/application\/(\d+)/)[1];

  await reviewer.goto(`${base}/#/queue?kind=application&q=100003`);
  await reviewer.getByTestId('queue').waitFor();
  await reviewer.keyboard.press('j');
  assert.equal(await reviewer.evaluate(() => document.activeElement?.getAttribute('href')), `#/review/application/${applicationId}`);
  await reviewer.keyboard.press('Enter');
  await reviewer.getByTestId('snapshot').waitFor();
  await reviewer.keyboard.press('a');
  assert.match(await confirmDecision(reviewer), /しました/);

  await doctor.goto(`${base}/#/`);
  await doctor.getByTestId('certificates').waitFor();
  assert.match(await doctor.getByTestId('next-step').innerText(), /修了証が発行されています/);
  await shot(doctor, 'doctor-certificate', { help: true });
  const href = await doctor.getByRole('link', { name: 'PDFをダウンロード' }).getAttribute('href');
  const download = await fetchInPage(doctor, href);
  assert.equal(download.status, 200);
  assert.equal(download.type, 'application/pdf');
  const url = decodeQr(Buffer.from(download.bytes), dir);
  assert.ok(url.startsWith(`${base}/verify/`), url);
  const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
  await visitor.goto(url);
  assert.match(await visitor.locator('body').innerText(), /有効な修了証です/);
  assert.match(await visitor.locator('body').innerText(), /𠮷田/);
  await axe.check(visitor, 'public verification page');
  await shot(visitor, 'verify-page-360');

  // Bulk approval from the keyboard: j/x select two rows; the dialog states the count.
  await reviewer.goto(`${base}/#/queue?kind=activity&sort=name&order=desc`);
  await reviewer.getByTestId('queue').waitFor();
  const before = await reviewer.getByTestId('queue').locator('tbody tr').count();
  assert.ok(before >= 2, `two activities to approve (${before})`);
  for (const key of ['j', 'x', 'j', 'x']) await reviewer.keyboard.press(key);
  await reviewer.getByRole('button', { name: '選択した2件を一括承認' }).click();
  const dialog = reviewer.getByTestId('bulk-dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /2件を承認します。よろしいですか？/);
  await axe.check(reviewer, 'bulk approval dialog');
  await shot(reviewer, 'staff-bulk-confirm', { help: true });
  await dialog.getByRole('button', { name: '2件を承認する' }).click();
  assert.match(await reviewer.getByTestId('bulk-result').innerText(), /2件を承認しました/);
  await reviewer.waitForFunction((n) => document.querySelectorAll('[data-testid=queue] tbody tr').length === n - 2
    || document.querySelector('[data-testid=empty]'), before);

  // --- 2. return and resubmit (doctor 100002 declares 2.5 lecture units) ---
  const hanako = await loggedInPage(browser, base, '99100002');
  await unfoldMenu(hanako);
  await hanako.getByRole('link', { name: '単位を追加申告', exact: true }).click();
  await hanako.getByLabel(/受講日/).fill('2026-06-14');
  await hanako.getByLabel(/単位数/).fill('２．５');
  await hanako.getByLabel(/講義名/).fill('在宅医療の基礎');
  await hanako.getByLabel(/主催/).fill('東京都医師会');
  await hanako.locator('#dec-file_ids').setInputFiles({ name: '受講証明.pdf', mimeType: 'application/pdf', buffer: pdf });
  await hanako.getByTestId('dec-file_ids-list').waitFor();
  await axe.check(hanako, 'declaration form');
  await hanako.getByRole('button', { name: '申告する' }).click();
  await hanako.getByText('送信しました').waitFor();
  const declarationId = routeOf(hanako).match(/declaration\/(\d+)/)[1];

  await reviewer.goto(`${base}/#/review/declaration/${declarationId}`);
  await reviewer.getByLabel('理由のテンプレート').selectOption({ index: 2 });
  const reason = await reviewer.getByLabel(/差戻し・却下の理由/).inputValue();
  assert.match(reason, /読み取れません/);
  await reviewer.getByRole('button', { name: '差し戻す' }).click();
  assert.match(await confirmDecision(reviewer), /しました/);

  await hanako.goto(`${base}/#/items`);
  await hanako.getByTestId('items').getByText(reason).waitFor();
  // The list names the item by what it is, not by its number.
  await hanako.getByRole('link', { name: '単位追加申告・在宅医療の基礎' }).click();
  assert.ok(routeOf(hanako).endsWith(`/items/declaration/${declarationId}`));
  await hanako.getByTestId('resubmit').waitFor();
  assert.ok((await hanako.getByTestId('return-reason').innerText()).includes(reason), 'the reason heads the correction');
  assert.equal(await hanako.getByLabel(/講義名/).inputValue(), '在宅医療の基礎', 'the form starts from what was sent');
  await axe.check(hanako, 'returned item');
  await shot(hanako, 'doctor-returned', { help: true });
  await hanako.getByLabel(/講義名/).fill('在宅医療の基礎（第2回）');
  await hanako.getByRole('button', { name: '再提出する' }).click();
  await hanako.getByTestId('timeline').getByText('審査中').nth(1).waitFor();
  const timeline = await hanako.getByTestId('timeline').innerText();
  assert.match(timeline, /差戻し/);
  assert.match(timeline, /審査担当・[^）]*医師会/, 'the timeline names the association that decided');
  assert.ok(timeline.includes(reason), 'the return reason stays in the timeline');

  // --- 3. a reviewer of another association cannot open the item ---
  const osaka = await loggedInPage(browser, base, 'reviewer-27001', DESK);
  await osaka.goto(`${base}/#/review/declaration/${declarationId}`);
  await osaka.getByTestId('error').waitFor();
  const outside = await osaka.locator('main').innerText();
  assert.ok(!outside.includes('山﨑'), 'no personal data of another association');
  assert.match(outside, /見つかりません/);

  // --- 4. paper application → approval → mail batch → sent ---
  const admin = await loggedInPage(browser, base, 'admin-13', DESK);
  await admin.getByRole('link', { name: '紙の申請を入力' }).click();
  await admin.getByLabel('氏名・かな・医籍登録番号').fill('タカハシ');
  await admin.getByRole('button', { name: '探す' }).click();
  // Named with the registry number: 髙橋 and 高橋 read alike, and the demo has both.
  await admin.getByRole('button', { name: 'この医師を選ぶ: 髙橋　太郎（100001）' }).click();
  await admin.locator('#pa-scan_file_id').setInputFiles({ name: '修了申請書.pdf', mimeType: 'application/pdf', buffer: pdf });
  await admin.getByTestId('pa-scan_file_id-list').waitFor();
  await axe.check(admin, 'paper entry');
  await shot(admin, 'staff-paper', { help: true });
  await admin.getByRole('button', { name: '3. 修了申請として登録する' }).click();
  await admin.getByTestId('entered').waitFor();
  await admin.getByRole('link', { name: '審査画面を開く' }).click();
  await admin.getByRole('button', { name: '承認する' }).click();
  assert.match(await confirmDecision(admin), /しました/);

  // (goto, not the menu link: with Chromium's PDF viewer still loading in
  // the evidence frame, a click on the menu was now and then lost.)
  await admin.goto(`${base}/#/mail`);
  await admin.getByTestId('pending').waitFor();
  assert.match(await admin.getByTestId('pending').innerText(), /髙橋/);
  await axe.check(admin, 'mail');
  // Every waiting certificate is ticked; unticking all leaves nothing to batch.
  const ticks = admin.getByTestId('pending').getByRole('checkbox');
  assert.ok(await ticks.first().isChecked());
  await ticks.first().uncheck();
  assert.ok(await admin.getByRole('button', { name: /選んだ\d+件で発送バッチを作る/ }).isDisabled() || (await ticks.count()) > 1);
  await ticks.first().check();
  await admin.getByRole('button', { name: /発送バッチを作る/ }).click();
  await admin.getByTestId('batches').waitFor();
  // Who is in it, on opening the batch.
  await admin.getByTestId('batches').locator('summary').first().click();
  await admin.getByTestId('batches').locator('.members').getByText(/髙橋/).waitFor();
  await shot(admin, 'staff-mail', { help: true });
  for (const name of ['修了証を印刷（PDF）', '宛名ラベルを印刷（PDF）']) {
    const link = await admin.getByRole('link', { name }).first().getAttribute('href');
    const r = await fetchInPage(admin, link);
    assert.equal(r.status, 200, name);
    assert.equal(r.type, 'application/pdf', name);
  }
  admin.once('dialog', (d) => d.accept());
  await admin.getByRole('button', { name: '発送済みにする' }).click();
  await admin.getByTestId('batches').getByText(/発送日/).waitFor();
  const taro = await loggedInPage(browser, base, '99100001');
  await taro.getByTestId('certificates').getByText(/郵送日/).waitFor();

  // --- the other staff and admin screens: axe, 200% zoom ---
  for (const [route, name] of [['/codes', 'codes'], ['/lookup?doctor=100001', 'lookup'], ['/admin/routing', 'routing'],
    ['/admin/programme', 'programme rules (read-only)'], ['/admin/certificates', 'certificate settings'], ['/admin/signatories', 'signatories']]) {
    await admin.goto(`${base}/#${route}`);
    await admin.locator('main h2').first().waitFor();
    await axe.check(admin, name);
  }
  // Users and roles: a new county reviewer, with the code for their first login.
  await admin.goto(`${base}/#/admin/users`);
  await admin.getByTestId('users').waitFor();
  await admin.getByLabel(/^ログインID/).fill('chuo-reviewer-3');
  await admin.getByLabel(/所属医師会コード/).fill('13001');
  await admin.getByRole('button', { name: 'アカウントを追加する' }).click();
  await admin.getByTestId('created-user').waitFor();
  // The list reloads after the code letter shows: wait for the new row.
  await admin.getByTestId('users').getByText('chuo-reviewer-3').waitFor();
  assert.match(await admin.getByTestId('users').innerText(), /chuo-reviewer-3/);
  await axe.check(admin, 'users and roles');
  await admin.goto(`${base}/#/codes`);
  await admin.getByLabel(/医籍登録番号/).fill('100004');
  await admin.getByRole('button', { name: '発行する' }).click();
  await admin.getByTestId('issued-code').waitFor();
  const letter = await admin.getByTestId('issued-code').innerText();
  const code = letter.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
  assert.ok(code, letter);
  const loginId = letter.match(/ログインID\s+(\S+)/)?.[1];
  assert.equal(loginId, '99100004');
  // The doctor's first login with the letter's code sets a password.
  await anonymous.getByLabel('会員番号またはメールアドレス').fill(loginId);
  await anonymous.getByRole('textbox', { name: 'ワンタイムコード' }).fill(code.toLowerCase());
  await anonymous.getByLabel(/新しいパスワード/).fill('short');
  await anonymous.getByRole('button', { name: 'パスワードを設定してログイン' }).click();
  await anonymous.getByTestId('login-error').waitFor();
  assert.equal(await anonymous.getByRole('textbox', { name: 'ワンタイムコード' }).inputValue(), code.toLowerCase(), 'kept');
  await anonymous.getByLabel(/新しいパスワード/).fill('a-long-new-passphrase');
  await anonymous.getByRole('button', { name: 'パスワードを設定してログイン' }).click();
  await anonymous.getByTestId('next-step').waitFor();
  assert.match(await anonymous.locator('main').innerText(), /勅使河原/);

  // The JMA edits the programme rules (the form, not a save: the API test does that).
  const jma = await loggedInPage(browser, base, 'jma-admin', DESK);
  await jma.goto(`${base}/#/admin/programme`);
  await jma.getByLabel('修了に必要な合計単位').waitFor();
  assert.equal(await jma.getByLabel('修了に必要な合計単位').inputValue(), '10');
  assert.equal(await jma.getByRole('button', { name: '保存する' }).count(), 1);
  await axe.check(jma, 'programme rules (JMA)');
  await shot(jma, 'jma-programme');

  // 200% zoom of a 1280-pixel window is a 640-pixel layout.
  const zoomed = await loggedInPage(browser, base, 'admin-13', { width: 640, height: 450 });
  for (const route of ['/queue', '/paper', '/mail', `/review/application/${applicationId}`]) {
    await zoomed.goto(`${base}/#${route}`);
    await zoomed.locator('main h2').first().waitFor();
    await assertNoHorizontalScroll(zoomed, `${route} at 200%`);
  }

  // The English switch covers the interface (names and data stay as written).
  await taro.getByRole('button', { name: 'Switch to English' }).click();
  for (const route of ['/', '/items', '/report', '/declare', '/credits', '/password']) {
    await taro.goto(`${base}/#${route}`);
    await taro.locator('main h2').first().waitFor();
    await taro.waitForFunction(() => !document.querySelector('.loading'));
    const chrome = await taro.evaluate(() => [...document.querySelectorAll('nav, h2, h3, label, button, th, .note, dt')]
      .filter((e) => !e.hasAttribute('lang')).map((e) => e.textContent).join('\n'));
    const leftovers = chrome.split('\n').filter((l) => JAPANESE.test(l) && !/髙橋|タカハシ|千代田|東京/.test(l));
    assert.deepEqual(leftovers, [], `English page ${route} still shows Japanese`);
    await axe.check(taro, `english ${route}`);
  }
  await shot(taro, 'doctor-password-en');

  // Help: linked from every screen, pages and their pictures served.
  for (const page of [taro, admin, doctor]) {
    await unfoldMenu(page);
    const help = await page.getByRole('link', { name: /ヘルプ|Help/ }).getAttribute('href');
    assert.match(help, /^\/help\/(doctor|staff)\.html$/);
  }
  for (const name of ['doctor', 'staff']) {
    const helpPage = await (await browser.newContext({ viewport: PHONE })).newPage();
    const r = await helpPage.goto(`${base}/help/${name}.html`);
    assert.equal(r.status(), 200);
    const images = await helpPage.evaluate(() => [...document.images].map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })));
    assert.ok(images.length >= 3, `${name} help has screenshots`);
    assert.deepEqual(images.filter((i) => !i.ok), [], `${name} help: every picture loads`);
    await assertNoHorizontalScroll(helpPage, `${name} help`);
    await axe.check(helpPage, `${name} help`);
  }

  axe.assertClean();
}
