// Notices against a real SMTP server on loopback (Debian's aiosmtpd, see
// smtp_capture.py): a return's mail reaches the doctor with the reason and a
// correctly encoded subject (read back by Python's mail parser); a
// certificate mail; a rolled-back decision sends nothing; with the SMTP
// server stopped the notice waits in the outbox and goes once it is back;
// two servers on one database send each notice once; the inbox over HTTP.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoDb, kakari, login, rawSql, repoRoot, startServer, tempDir } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const here = path.join(repoRoot, 'tests/blackbox');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startSmtp(t, dir, port) {
  const child = spawn('/usr/bin/python3', [path.join(here, 'smtp_capture.py'), dir, String(port)],
    { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { if (String(d).includes('ready')) resolve(); });
    child.on('exit', () => reject(new Error(`smtp server exited: ${err}`)));
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', resolve);
    child.stdin.end();
  });
  t.after(stop);
  return { stop };
}

const mails = (dir) => readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();

async function waitForMails(dir, count, ms = 10000) {
  for (let waited = 0; waited < ms; waited += 100) {
    if (mails(dir).length >= count) return mails(dir);
    await sleep(100);
  }
  throw new Error(`expected ${count} mails, have ${mails(dir).length}`);
}

function readMail(dir, file) {
  const r = spawnSync('/usr/bin/python3', [path.join(here, 'read_mail.py'), path.join(dir, file)],
    { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

async function report(doctor) {
  const file = await doctor.request('POST', '/api/v1/files', {
    body: PDF,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('委嘱状.pdf') },
  });
  assert.equal(file.status, 201);
  const r = await doctor.post('/api/v1/me/activities', {
    category: 'school_doctor', description: '市立第一小学校の学校医', started_on: '2020-04-01',
    organisation: '千代田区教育委員会', file_ids: [file.body.id],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

// A test's folder, its mail spool and a port for its SMTP server.
function mailWorkspace(t) {
  const dir = tempDir(t);
  const spool = path.join(dir, 'spool');
  mkdirSync(spool);
  return { dir, spool, port: 10000 + Math.floor(Math.random() * 10000) };
}

function smtpEnv(port) {
  return {
    KAKARI_SMTP_URL: `smtp://127.0.0.1:${port}`,
    KAKARI_MAIL_FROM: 'kakari@example.jp',
    KAKARI_OUTBOX_INTERVAL_MS: '100',
  };
}

test('a return reaches the doctor by mail and in the inbox; a failed decision sends nothing', async (t) => {
  const { dir, spool, port } = mailWorkspace(t);
  await startSmtp(t, spool, port);
  const db = demoDb(dir);
  const { base, log } = await startServer(t, db, [], smtpEnv(port));
  const doctor = await login(base, '99100002');
  const reviewer = await login(base, 'reviewer-13001');

  const id = await report(doctor);
  const reason = '委嘱状の日付が読めません。\n鮮明な写しを添付してください <再提出>';
  const stale = await reviewer.post(`/api/v1/staff/items/activity/${id}/decision`,
    { action: 'return', reason, version: 99 });
  assert.equal(stale.status, 409);
  const returned = await reviewer.post(`/api/v1/staff/items/activity/${id}/decision`,
    { action: 'return', reason });
  assert.equal(returned.status, 200, JSON.stringify(returned.body));

  const [file] = await waitForMails(spool, 1);
  assert.equal(readFileSync(path.join(spool, file.replace('.eml', '.rcpt')), 'utf8'), 'dr100002@example.jp');
  const mail = readMail(spool, file);
  assert.ok(mail.raw_subject_ascii, 'headers are 7-bit: the subject is encoded');
  assert.match(mail.subject, /^【Kakari】差し戻しのお知らせ：実地研修：学校医（千代田区教育委員会） \/ Returned for correction/);
  assert.equal(mail.to_address, 'dr100002@example.jp');
  assert.ok(mail.to_name.length > 0, 'the doctor is named');
  assert.match(mail.text, /先生/);
  assert.ok(mail.text.includes('> 委嘱状の日付が読めません。\n> 鮮明な写しを添付してください <再提出>'), mail.text);
  assert.ok(mail.text.indexOf('差し戻しの理由') < mail.text.indexOf('The reason given'), 'Japanese first');
  assert.ok(mail.text.includes(`${base}/#/items/activity/${id}`));
  assert.ok(mail.html.includes('&lt;再提出&gt;'), 'the reason is escaped in HTML');
  assert.equal(mail.attachments, 0, 'no proof is ever attached');
  assert.equal(mail.list_unsubscribe, '', 'a decision cannot be turned off');
  assert.equal(mails(spool).length, 1, 'the refused decision sent nothing');

  const inbox = await doctor.get('/api/v1/me/notices');
  assert.equal(inbox.status, 200);
  assert.equal(inbox.body.unread, 1);
  const [notice] = inbox.body.items;
  assert.equal(notice.kind, 'item.returned');
  assert.equal(notice.delivery, 'sent');
  assert.ok(notice.text.ja.includes('鮮明な写しを添付してください'));
  assert.equal(notice.subject.en, 'Returned for correction: 実地研修：学校医（千代田区教育委員会）');
  assert.equal((await reviewer.post(`/api/v1/me/notices/${notice.id}/read`, {})).status, 404,
    'nobody else reads it');
  assert.equal((await doctor.post(`/api/v1/me/notices/${notice.id}/read`, {})).status, 200);
  assert.equal((await doctor.get('/api/v1/me/notices')).body.unread, 0);
  assert.equal((await doctor.get('/api/v1/me/notices?per_page=0')).status, 400);
  assert.equal((await doctor.get('/api/v1/me/notices?colour=red')).status, 400);
  assert.equal((await doctor.post('/api/v1/me/notices/abc/read', {})).status, 404);
  const prefs = await doctor.request('PUT', '/api/v1/me/notice-preferences', { json: { reminders: 'no' } });
  assert.equal(prefs.status, 400);
  assert.equal((await doctor.request('PUT', '/api/v1/me/notice-preferences',
    { json: { reminders: false } })).body.reminders, false);
  assert.equal((await doctor.get('/api/v1/me/notices')).body.reminders, false);
  assert.ok(!log().includes('dr100002'), 'no address in the log');
});

test('the SMTP server down: the notice waits in the outbox and goes once it is back', async (t) => {
  const { dir, spool, port } = mailWorkspace(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db, [], smtpEnv(port));
  const reviewer = await login(base, 'reviewer-13001');
  // A paper application approved: the certificate notice goes to the doctor.
  const scan = await reviewer.request('POST', '/api/v1/files', {
    body: PDF,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('修了申請書.pdf') },
  });
  const paper = await reviewer.post('/api/v1/staff/paper-applications',
    { registry_number: '100001', scan_file_id: scan.body.id });
  assert.equal(paper.status, 201, JSON.stringify(paper.body));
  const approved = await reviewer.post(`/api/v1/staff/items/application/${paper.body.id}/decision`,
    { action: 'approve' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));

  // Nobody listens: each notice is tried, fails, and waits for its next attempt.
  let rows = '';
  for (let i = 0; i < 100 && !/\|1\|pending/.test(rows); i++) {
    await sleep(100);
    rows = rawSql(db, "SELECT kind, attempts, delivery FROM notices WHERE kind = 'certificate.issued'").stdout;
  }
  assert.match(rows, /^certificate\.issued\|1\|pending$/m, rows);
  // The retry falls due (as an hour passing would make it) and the server is back.
  await startSmtp(t, spool, port);
  assert.equal(rawSql(db, 'UPDATE notices SET next_attempt_at = 0').status, 0);
  const files = await waitForMails(spool, 2);
  const subjects = files.map((f) => readMail(spool, f).subject).sort();
  assert.match(subjects.join('\n'), /修了証を発行しました（第K\d{4}-\d{6}号）/);
  assert.match(subjects.join('\n'), /承認のお知らせ：修了の申請/);
  await sleep(500);
  assert.equal(mails(spool).length, 2, 'each notice once');
  assert.equal(rawSql(db, "SELECT COUNT(*) FROM notices WHERE delivery <> 'sent' AND email <> ''").stdout, '0');
});

test('two servers on one database send each notice once', async (t) => {
  const { dir, spool, port } = mailWorkspace(t);
  await startSmtp(t, spool, port);
  const db = demoDb(dir);
  const one = await startServer(t, db, [], smtpEnv(port));
  const two = await startServer(t, db, [], smtpEnv(port));
  const reviewer = await login(one.base, 'reviewer-13001');
  const ids = [];
  for (const loginId of ['99100002', '99100003', '99100004']) {
    const doctor = await login(two.base, loginId);
    ids.push(await report(doctor));
    ids.push(await report(doctor));
  }
  for (const id of ids) {
    const r = await reviewer.post(`/api/v1/staff/items/activity/${id}/decision`, { action: 'approve' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const files = await waitForMails(spool, ids.length);
  await sleep(1000);
  assert.equal(mails(spool).length, ids.length, 'no notice was sent twice');
  const messageIds = new Set(files.map((f) => readMail(spool, f).message_id.replace(/\.\d+@/, '@')));
  assert.equal(messageIds.size, ids.length);
});

test('kakari remind gives each reminder once per period, in the inbox and by mail', async (t) => {
  const { dir, spool, port } = mailWorkspace(t);
  await startSmtp(t, spool, port);
  const db = demoDb(dir);
  const first = kakari(['remind', '--as-of', '2026-12-07', '--json', '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  const run = JSON.parse(first.stdout);
  assert.ok(run.near_completion > 0, first.stdout);
  assert.ok(run.digests > 0, first.stdout);
  assert.ok(run.gmis_no > 0, first.stdout);
  const again = JSON.parse(kakari(['remind', '--as-of', '2026-12-20', '--json', '--db', db]).stdout);
  assert.deepEqual([again.near_completion, again.digests, again.gmis_no], [0, run.digests, 0],
    'the same month gives nothing again; a new week gives each reviewer a new digest');
  const sameWeek = JSON.parse(kakari(['remind', '--as-of', '2026-12-20', '--json', '--db', db]).stdout);
  assert.equal(sameWeek.digests, 0, 'one digest a week');
  const october = JSON.parse(kakari(['remind', '--as-of', '2026-10-05', '--json', '--db', db]).stdout);
  assert.equal(october.near_completion, 0, 'doctors are reminded in November and December only');
  assert.equal(october.gmis_no, 0);
  assert.equal(kakari(['remind', '--as-of', '2026-13-01', '--db', db]).status, 2);

  // A reminded doctor reads it in the inbox and by mail, with a way to turn it off.
  const doctorLogin = rawSql(db, "SELECT u.login FROM notices n JOIN users u ON u.id = n.user_id " +
    "JOIN doctors d ON d.id = u.doctor_id WHERE n.kind = 'reminder.near_completion' AND d.email <> '' " +
    'ORDER BY n.id LIMIT 1').stdout;
  assert.ok(doctorLogin, 'someone was reminded');
  const { base } = await startServer(t, db, [], smtpEnv(port));
  const doctor = await login(base, doctorLogin);
  const inbox = await doctor.get('/api/v1/me/notices');
  const reminder = inbox.body.items.find((n) => n.kind === 'reminder.near_completion');
  assert.ok(reminder, JSON.stringify(inbox.body));
  assert.match(reminder.text.ja, /修了|あと/);
  const files = await waitForMails(spool, 1);
  const mailsRead = files.map((f) => readMail(spool, f));
  const toDoctor = mailsRead.find((m) => m.subject.includes('研修の修了まであと少しです'));
  assert.ok(toDoctor, 'a reminder mail went out');
  assert.equal(toDoctor.list_unsubscribe, `<${base}/#/notices?reminders=off>`);
  assert.ok(toDoctor.text.includes(`${base}/#/notices?reminders=off`));

  // An institution whose answer would be 無し hears of it in its inbox.
  const institutionLogin = rawSql(db, "SELECT u.login FROM notices n JOIN users u ON u.id = n.user_id " +
    "WHERE n.kind = 'reminder.gmis_no' ORDER BY u.login LIMIT 1").stdout;
  const institution = await login(base, institutionLogin);
  const theirs = (await institution.get('/api/v1/me/notices')).body.items;
  assert.ok(theirs.some((n) => n.kind === 'reminder.gmis_no' && n.subject.ja.includes('G-MIS')));
});
