// MyPage's next steps in Debian's Chromium (issue 16, item 1): the step
// follows each missing part, counts what is under review as pending (shown
// hatched in the meter, never as done), puts a returned item on the home page
// with its reason and a button, and the application page answers "not yet"
// and "already under review" with a calm status, not an error. Phone and
// desktop, axe-checked; screenshots in test-artifacts/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { AxeLog, DESK, PHONE, assertNoHorizontalScroll, launchBrowser, loggedInPage, shot } from './browser.mjs';
import { demoDb, login, repoRoot, startServer, tempDir } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const stepKinds = (p) => p.next_steps.map((s) => s.kind);

test('the API words each doctor\'s next steps from what is missing and what is under review', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  // 100004: 3 approved activities (15 units), no lecture units.
  const lectureShort = (await (await login(base, '99100004')).get('/api/v1/me/progress')).body;
  assert.deepEqual(stepKinds(lectureShort), ['take_lectures']);
  assert.equal(lectureShort.next_steps[0].units, 0.5);
  assert.equal(lectureShort.towards_units, 9.5, 'not full while the lecture part is missing');
  // 100003: 9.5 lecture units and an activity under review.
  const awaiting = (await (await login(base, '99100003')).get('/api/v1/me/progress')).body;
  assert.deepEqual(stepKinds(awaiting), ['await_activity_review']);
  assert.equal(awaiting.pending.activities, 1);
  assert.equal(awaiting.towards_units, 5);
  // 100002: a returned activity, 2.5 lecture units short.
  const returned = (await (await login(base, '99100002')).get('/api/v1/me/progress')).body;
  assert.deepEqual(stepKinds(returned), ['fix_returned', 'take_lectures']);
  assert.equal(returned.next_steps[0].item_kind, 'activity');
  // 100001: complete → apply; once applied → under review; staff see the same steps.
  const complete = await login(base, '99100001');
  assert.deepEqual(stepKinds((await complete.get('/api/v1/me/progress')).body), ['apply']);
  const applied = await complete.post('/api/v1/me/applications', {});
  const after = (await complete.get('/api/v1/me/progress')).body;
  assert.deepEqual(after.next_steps, [{ kind: 'await_application', item_kind: 'application', item_id: applied.body.id }]);
  const staff = await login(base, 'admin-13');
  assert.deepEqual((await staff.get('/api/v1/doctors/100001/progress')).body.next_steps, after.next_steps);
});

test('a doctor short of lecture units is sent to lectures, sees a declaration as pending, and a return on the home page', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db, ['--web', path.join(repoRoot, 'web/dist')]);
  const axe = new AxeLog();
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, '99100004', PHONE);

  // 15 practical units, no lecture units: lectures, not another activity.
  const steps = page.getByTestId('next-step');
  await steps.getByTestId('step-take_lectures').waitFor();
  assert.equal(await steps.getByTestId('step-report_activity').count(), 0);
  assert.match(await steps.innerText(), /座学研修（知識）があと0.5単位必要です/);
  assert.ok(await steps.getByRole('link', { name: '受講した単位を追加申告' }).isVisible());
  assert.equal(await page.getByTestId('meter').getAttribute('aria-valuenow'), '9.5', 'the meter is not full');
  await axe.check(page, 'guidance lecture short 360');
  await assertNoHorizontalScroll(page, 'guidance lecture short');
  await shot(page, 'guidance-lecture-short-360');

  // The application page is a calm "not yet", with the way on.
  await page.goto(`${base}/#/apply`);
  const status = page.getByTestId('apply-status');
  await status.waitFor();
  assert.match(await status.innerText(), /まだ修了申請はできません[\s\S]*0.5単位/);
  assert.equal(await page.getByTestId('error').count(), 0, 'no red error');
  await axe.check(page, 'apply not yet 360');

  // Declares 2.5 units: pending, shown as such, not as done.
  const doctorApi = await login(base, '99100004');
  const proof = await doctorApi.request('POST', '/api/v1/files', {
    body: PDF, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'proof.pdf' },
  });
  const declared = await doctorApi.post('/api/v1/me/declarations', {
    taken_on: '2026-06-01', units: 2.5, title: '地域包括ケア研修会', organizer: '千代田区医師会',
    file_ids: [proof.body.id],
  });
  assert.equal(declared.status, 201, JSON.stringify(declared.body));
  await page.goto(`${base}/#/`);
  await steps.getByTestId('step-await_lecture_review').waitFor();
  assert.match(await steps.innerText(), /追加申告した2.5単位が審査中です/);
  assert.match(await page.getByTestId('pending-lecture').innerText(), /審査中 2.5/);
  assert.equal(await page.getByTestId('lecture-units').innerText(), '0', 'pending units are not counted as done');
  assert.equal(await page.getByTestId('meter').getAttribute('aria-valuenow'), '9.5');
  assert.ok(await page.getByTestId('meter-pending').isVisible(), 'hatched pending part');
  await axe.check(page, 'guidance pending 360');
  await shot(page, 'guidance-pending-360');

  // Returned: on the home page with the reason and a button to correct it.
  const reviewer = await login(base, 'reviewer-13001');
  const reason = '受講証明書を添付してください。';
  assert.equal((await reviewer.post(`/api/v1/staff/items/declaration/${declared.body.id}/decision`,
    { action: 'return', reason })).status, 200);
  const desk = await loggedInPage(browser, base, '99100004', DESK);
  const fix = desk.getByTestId('step-fix_returned');
  await fix.waitFor();
  assert.match(await fix.innerText(), /単位追加申告が差し戻されました[\s\S]*受講証明書を添付してください。/);
  await fix.getByRole('link', { name: '直して再提出する' }).click();
  await desk.waitForURL(new RegExp(`#/items/declaration/${declared.body.id}$`));
  await desk.goto(`${base}/#/`);
  await fix.waitFor();
  await axe.check(desk, 'guidance returned desktop');
  await shot(desk, 'guidance-returned-desktop');

  // An application already under review: a calm status linking to it.
  const complete = await login(base, '99100001');
  const applied = await complete.post('/api/v1/me/applications', {});
  const applicant = await loggedInPage(browser, base, '99100001', PHONE);
  await applicant.goto(`${base}/#/apply`);
  await applicant.getByTestId('apply-status').waitFor();
  assert.match(await applicant.getByTestId('apply-status').innerText(), /すでに審査中です/);
  assert.equal(await applicant.getByRole('button', { name: '申請する' }).count(), 0);
  assert.equal(await applicant.getByRole('link', { name: '申請を開く' }).getAttribute('href'),
    `#/items/application/${applied.body.id}`);
  await axe.check(applicant, 'apply pending 360');
  axe.assertClean();
});
