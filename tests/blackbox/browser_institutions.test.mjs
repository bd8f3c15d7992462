// The G-MIS story in Debian's Chromium at 360 px: a doctor adds a workplace,
// the institution confirms, its answer turns from 無し to 有り when the
// doctor's certificate is issued and back to 無し when it is revoked; the
// PDF answer sheet is checked with pdftotext; staff see coverage. axe on
// every new page; screenshots in test-artifacts/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, assertNoHorizontalScroll, launchBrowser, loggedInPage, screenshotAll, shot, unfoldMenu } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

const MINATO = '1319000046';

async function banner(page) {
  const b = page.getByTestId('gmis-banner');
  await b.waitFor();
  return (await b.textContent()) ?? '';
}

test('workplace → confirmed → 無し → 有り on issue → 無し on revocation; sheet, coverage', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const browser = await launchBrowser(t);
  const axe = new AxeLog();
  t.after(async () => { if (axe.findings.length) await screenshotAll(); });
  try {
    const doctor = await loggedInPage(browser, base, '99100001');
    await doctor.goto(`${base}/#/workplaces`);
    await doctor.getByRole('heading', { name: '勤務先', exact: true }).waitFor();
    await doctor.getByLabel('医療機関コードまたは名称').fill('みなと');
    await doctor.getByRole('button', { name: '探す' }).click();
    await doctor.getByRole('button', { name: 'この医療機関を登録' }).click();
    await doctor.getByText('登録しました').waitFor();
    const place = doctor.getByTestId(`workplace-${MINATO}`);
    await place.getByText('医療機関の確認待ち').waitFor();
    assert.match(await place.textContent(), /まだあなたの修了状況を見られません/);
    await axe.check(doctor, 'doctor workplaces');
    await assertNoHorizontalScroll(doctor, 'doctor workplaces');
    await shot(doctor, 'workplaces-360-ja', { help: true });

    const minato = await loggedInPage(browser, base, 'institution-5');
    assert.match(await banner(minato), /無し/);
    await axe.check(minato, 'institution answer (no)');
    // The header names the audience: an institution, not the review desk.
    assert.equal(await minato.locator('header .sub').textContent(), '医療機関の画面');
    await assertNoHorizontalScroll(minato, 'institution answer');
    await minato.goto(`${base}/#/institution/doctors`);
    const request = minato.getByTestId('affiliation-100001');
    await request.getByRole('button', { name: '確認する' }).click();
    await minato.getByTestId('confirmed').getByText('髙橋').waitFor();
    await axe.check(minato, 'institution doctors');
    await assertNoHorizontalScroll(minato, 'institution doctors');
    await shot(minato, 'institution-doctors-360-ja', { help: true });
    await minato.goto(`${base}/#/institution`);
    assert.match(await banner(minato), /無し/);
    await minato.getByTestId('gmis-short').getByText('修了申請をして').waitFor();

    // The doctor's certificate is issued: the answer turns to 有り.
    const doctorApi = await login(base, '99100001');
    const admin = await login(base, 'admin-13');
    const applied = await doctorApi.post('/api/v1/me/applications', {});
    assert.equal((await admin.post(`/api/v1/staff/items/application/${applied.body.id}/decision`, { action: 'approve' })).status, 200);
    const number = (await doctorApi.get('/api/v1/me/certificates')).body.items[0].number;
    await minato.reload();
    assert.match(await banner(minato), /有り/);
    await minato.getByTestId('gmis-completed').getByText(number).waitFor();
    await axe.check(minato, 'institution answer (yes)');
    await shot(minato, 'institution-answer-360-ja', { help: true });
    const [download] = await Promise.all([minato.waitForEvent('download'), minato.getByTestId('gmis-pdf').click()]);
    const pdf = path.join(dir, 'sheet.pdf');
    await download.saveAs(pdf);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const want of ['回答確認票', 'みなと医院', MINATO, '有り', number]) assert.ok(text.includes(want), `sheet says ${want}`);

    // Revoked: back to 無し.
    assert.equal((await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(number)}/revoke`, { reason: 'テスト' })).status, 200);
    await minato.reload();
    assert.match(await banner(minato), /無し/);

    // The doctor now sees that the institution sees their completion.
    await doctor.reload();
    assert.match(await doctor.getByTestId(`workplace-${MINATO}`).textContent(), /この医療機関はあなたの修了状況を見られます/);

    // Staff: coverage of the area and one institution's answer.
    const staff = await loggedInPage(browser, base, 'admin-13', DESK);
    await staff.goto(`${base}/#/coverage`);
    await staff.getByTestId('coverage-figures').waitFor();
    await staff.getByTestId('coverage-without').getByText('取消記念病院').waitFor();
    await axe.check(staff, 'staff coverage');
    await shot(staff, 'coverage-desk-ja', { help: true });
    const finder = staff.getByRole('region', { name: '医療機関を探す' });
    await finder.getByLabel('医療機関コード・名称・フリガナ').fill('ミナト');
    await finder.getByRole('button').click();
    await staff.getByTestId('found-institutions').getByRole('link', { name: 'みなと医院' }).waitFor();
    await staff.getByTestId('coverage-without').getByRole('link', { name: '取消記念病院' }).click();
    assert.match(await banner(staff), /無し/);
    await axe.check(staff, 'staff institution answer');
    const phone = await loggedInPage(browser, base, 'reviewer-13001');
    await phone.goto(`${base}/#/coverage`);
    await phone.getByTestId('coverage-figures').waitFor();
    await assertNoHorizontalScroll(phone, 'coverage on a phone');
    await axe.check(phone, 'coverage on a phone');
    // Help: the institution's page is linked from its screens; every picture loads.
    await unfoldMenu(minato);
    assert.equal(await minato.getByRole('link', { name: 'ヘルプ' }).getAttribute('href'), '/help/institution.html');
    const help = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    assert.equal((await help.goto(`${base}/help/institution.html`)).status(), 200);
    const images = await help.evaluate(() => [...document.images].map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })));
    assert.ok(images.length >= 3);
    assert.deepEqual(images.filter((i) => !i.ok), [], 'institution help: every picture loads');
    await assertNoHorizontalScroll(help, 'institution help');
    await axe.check(help, 'institution help');
    axe.assertClean();
  } catch (e) {
    e.message += `\n${await screenshotAll()}`;
    writeFileSync(path.join(dir, 'failed'), String(e));
    throw e;
  }
});
