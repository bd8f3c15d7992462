// An association's postal address and telephone number (issue 16, item 7):
// its administrators enter it, staff read it, every refusal names the field
// and changes nothing, and the screen previews the label's sender line.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

test('administrators set their association\'s address; bad input is refused field by field', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const admin = await login(base, 'admin-13');
  const reviewer = await login(base, 'reviewer-13001');
  const doctor = await login(base, '99100001');
  const good = { postal_code: '１１３－８６２１', address: '東京都文京区本駒込2-28-16', phone: '03-3946-2121' };

  const before = (await admin.get('/api/v1/admin/association')).body;
  assert.equal(before.code, '13');
  assert.equal((await reviewer.request('PUT', '/api/v1/admin/association', { json: good })).status, 403);
  assert.equal((await doctor.get('/api/v1/admin/association')).status, 403);
  const refusals = [
    [{ ...good, postal_code: '113-862' }, 'postal_code'],
    [{ ...good, address: '' }, 'address'],
    [{ ...good, address: '東京都\u0000文京区' }, 'address'],
    [{ ...good, phone: '03-1234' }, 'phone'],
    [{ ...good, fax: '03-0000-0000' }, 'fax'],
  ];
  for (const [body, field] of refusals) {
    const r = await admin.request('PUT', '/api/v1/admin/association', { json: body });
    assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.field, field);
    assert.ok(r.body.error.message_ja && r.body.error.message_en);
  }
  const raw = await admin.request('PUT', '/api/v1/admin/association', {
    body: Buffer.concat([Buffer.from('{"postal_code":"1138621","address":"'), Buffer.from([0x82, 0xa0]), Buffer.from('"}')]),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(raw.status, 400);
  assert.deepEqual((await admin.get('/api/v1/admin/association')).body, before, 'refusals changed nothing');

  const saved = await admin.request('PUT', '/api/v1/admin/association', { json: good });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.postal_code, '1138621');
  assert.equal(saved.body.sender_line, '〒113-8621 東京都文京区本駒込2-28-16　TEL 03-3946-2121');
  assert.equal((await admin.get('/api/v1/admin/association')).body.address, good.address);

  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin-13', DESK);
  await page.goto(`${base}/#/admin/association`);
  await page.getByLabel(/電話番号/).waitFor();
  assert.equal(await page.getByLabel(/郵便番号/).inputValue(), '113-8621');
  await page.getByLabel(/住所/).fill('東京都文京区本駒込二丁目28番16号');
  await page.getByLabel(/電話番号/).fill('');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.getByText('保存しました').waitFor();
  assert.equal(await page.getByTestId('sender-line').innerText(), 'ラベルの差出人欄: 〒113-8621 東京都文京区本駒込二丁目28番16号');
  await page.getByLabel(/郵便番号/).fill('abc');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.locator('#as-postal_code-error').waitFor();
  assert.match(await page.locator('#as-postal_code-error').innerText(), /7桁/);
  await axe.check(page, 'association address with an error');
  await shot(page, 'admin-association');
  axe.assertClean();
});
