// The review desk for 500 decisions a day (issue 16, item 4): on a desktop
// the evidence is on the left and the decision on the right, in view without
// scrolling; the item is named by what it is; `a` on an item without proof
// asks first; a decision waits with Undo (nothing is sent when undone);
// number keys pick a return template and Ctrl+Enter sends it. axe-checked.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, confirmDecision, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

test('a reviewer decides from the keyboard with the decision always in view, and can undo', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const api = await login(base, 'reviewer-13001');
  const rows = (await api.get('/api/v1/staff/queue?kind=activity&status=submitted&per_page=50')).body.items;
  const views = await Promise.all(rows.map(async (r) => (await api.get(`/api/v1/staff/items/activity/${r.id}`)).body));
  const bare = views.filter((v) => v.files.length === 0);
  assert.ok(bare.length >= 2, 'the demo has submitted activities without proof');
  const [first, second] = bare;

  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'reviewer-13001', DESK);
  await page.goto(`${base}/#/review/activity/${first.id}`);
  const title = page.getByTestId('review-title');
  await title.waitFor();
  const named = await title.innerText();
  assert.ok(named.includes(first.doctor.name) && named.includes(first.activity.organisation), named);
  assert.doesNotMatch(named, /#\d+/, 'named by what it is, not by its number');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'review-title', 'the heading takes the focus');
  // Evidence left, decision right, the buttons in view without scrolling.
  const approve = await page.getByRole('button', { name: '承認する', exact: true }).boundingBox();
  const facts = await page.locator('.review-evidence').boundingBox();
  assert.ok(approve.x > facts.x + facts.width - 1, 'the decision is right of the evidence');
  assert.ok(approve.y + approve.height <= DESK.height, `approve in view (${approve.y})`);
  await axe.check(page, 'review desk desktop');
  await shot(page, 'review-desk-desktop');

  // `a` without proof asks first; cancel leaves it alone.
  await page.keyboard.press('a');
  const ask = page.getByTestId('confirm-no-proof');
  await ask.waitFor();
  assert.match(await ask.innerText(), /証明書類が添付されていません/);
  await axe.check(page, 'approve without proof asks');
  await ask.getByRole('button', { name: 'やめる' }).click();
  assert.equal(await page.getByTestId('decision-toast').count(), 0, 'nothing decided');

  // Approve anyway: the toast names the doctor and the item, with Undo.
  await page.keyboard.press('a');
  await ask.getByRole('button', { name: 'このまま承認する' }).click();
  const toast = page.getByTestId('decision-toast');
  await toast.waitFor();
  assert.ok((await toast.innerText()).includes(first.doctor.name), await toast.innerText());
  assert.match(await toast.innerText(), /を承認します/);
  await shot(page, 'review-desk-undo');
  await page.getByTestId('undo').click();
  await toast.getByText(/取り消しました（送っていません）/).waitFor();
  await new Promise((r) => setTimeout(r, 7000));  // past the undo window: still nothing sent
  assert.equal((await api.get(`/api/v1/staff/items/activity/${first.id}`)).body.status, 'submitted');

  // A return by template number and Ctrl+Enter.
  await page.goto(`${base}/#/review/activity/${second.id}`);
  await title.waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('1');
  const reason = page.getByLabel(/差戻し・却下の理由/);
  assert.match(await reason.inputValue(), /証明書類が添付されていません/);
  await page.waitForFunction(() => document.activeElement?.id === 'dec-reason');  // then the focus is in the reason
  await page.keyboard.press('Control+Enter');
  assert.match(await toast.innerText(), /を差し戻します/);
  assert.match(await confirmDecision(page), /差し戻しました/);
  const returned = (await api.get(`/api/v1/staff/items/activity/${second.id}`)).body;
  assert.equal(returned.status, 'returned');
  assert.match(returned.last_reason, /証明書類が添付されていません/);
  await axe.check(page, 'review desk after a return');
  axe.assertClean();
});

test('the queue shows what each item is and whether proof is attached; the bulk dialog names and flags', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const api = await login(base, 'reviewer-13001');
  // The demo's activities carry no files: a doctor reports one with proof.
  const doctor = await login(base, '99100002');
  const file = await doctor.request('POST', '/api/v1/files', {
    body: Buffer.from('%PDF-1.4\n% proof\n%%EOF\n'),
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'appointment.pdf' },
  });
  assert.equal(file.status, 201, JSON.stringify(file.body));
  const reported = await doctor.post('/api/v1/me/activities', {
    category: 'school_doctor', description: '学校医', started_on: '2020-04-01',
    organisation: '千代田区立麹町小学校', file_ids: [file.body.id],
  });
  assert.equal(reported.status, 201, JSON.stringify(reported.body));
  const rows = (await api.get('/api/v1/staff/queue?kind=activity&status=submitted&per_page=50')).body.items;
  assert.ok(rows.some((r) => r.id === reported.body.id), 'the new activity is in the reviewer\'s queue');
  // The queue's subject agrees with the item itself, file for file.
  for (const r of rows) {
    const view = (await api.get(`/api/v1/staff/items/activity/${r.id}`)).body;
    assert.equal(r.subject.has_proof, view.files.length > 0, `proof flag of activity ${r.id}`);
    assert.equal(r.subject.category, view.activity.category);
    assert.equal(r.subject.text, view.activity.organisation);
  }
  // Every category the desk shows is one the catalogue names (the demo's too).
  const catalogue = new Set((await api.get('/api/v1/activity-categories')).body.categories.map((c) => c.code));
  for (const r of rows) assert.ok(catalogue.has(r.subject.category), `activity ${r.id}: ${r.subject.category}`);
  const bare = rows.filter((r) => !r.subject.has_proof);
  const proved = rows.filter((r) => r.subject.has_proof);
  assert.ok(bare.length >= 1 && proved.length >= 1, `both kinds in the demo (${bare.length}/${proved.length})`);

  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'reviewer-13001', DESK);
  await page.goto(`${base}/#/queue?kind=activity&status=submitted`);
  const table = page.getByTestId('queue');
  await table.waitFor();
  const rowOf = (r) => table.locator('tr', { has: page.getByRole('checkbox', { name: new RegExp(`#${r.id}$`) }) });
  assert.match(await rowOf(bare[0]).innerText(), /添付なし/);
  assert.match(await rowOf(proved[0]).innerText(), /添付あり/);
  assert.ok((await rowOf(proved[0]).innerText()).includes(proved[0].subject.text), 'the row names the organisation');
  await axe.check(page, 'queue with proof marks');

  await rowOf(bare[0]).getByRole('checkbox').check();
  await rowOf(proved[0]).getByRole('checkbox').check();
  await page.getByRole('button', { name: /一括承認/ }).click();
  const dialog = page.getByTestId('bulk-dialog');
  await dialog.waitFor();
  const listed = await dialog.getByTestId('bulk-list').innerText();
  assert.ok(listed.includes(bare[0].doctor.name) && listed.includes(proved[0].doctor.name), listed);
  assert.match(await dialog.getByTestId('bulk-no-proof').innerText(), /1 件は証明書類が添付されていません/);
  await axe.check(page, 'bulk dialog with names');
  await shot(page, 'queue-bulk-dialog');
  await dialog.getByRole('button', { name: 'やめる' }).click();
  assert.equal((await api.get(`/api/v1/staff/items/activity/${bare[0].id}`)).body.status, 'submitted', 'nothing approved');
  axe.assertClean();
});
