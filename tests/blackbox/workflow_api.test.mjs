// The completion workflow over real HTTP: report with proof, return and
// resubmit, declare credits, apply (idempotently), concurrent decisions,
// bulk approval, paper entry, one-time codes, throttling, API tokens and the
// audit chain, against `kakari serve` on a temporary demo database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kakari, login, startServer, tempDir, demoDb, onPostgres, rawSql } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function upload(client, bytes, name = 'proof.pdf') {
  return client.request('POST', '/api/v1/files', {
    body: bytes,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
  });
}

const activity = (fileIds, extra = {}) => ({
  category: 'school_doctor', description: '市立第一小学校の学校医', started_on: '2020-04-01',
  organisation: '千代田区教育委員会', file_ids: fileIds, ...extra,
});

test('report, return, resubmit, declare, apply, approve; bad input changes nothing', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const doctor = await login(base, '99100002');
  const reviewer = await login(base, 'reviewer-13001');

  // Files: type from content; an unsupported type and an oversized file are refused.
  const pdf = await upload(doctor, PDF, '委嘱状.pdf');
  assert.equal(pdf.status, 201);
  assert.equal(pdf.body.content_type, 'application/pdf');
  assert.equal(pdf.body.name, '委嘱状.pdf');
  const pngNamedPdf = await upload(doctor, PNG, 'photo.pdf');
  assert.equal(pngNamedPdf.body.content_type, 'image/png');
  assert.equal((await upload(doctor, Buffer.from('hello'), 'a.pdf')).status, 415);
  assert.equal((await upload(doctor, Buffer.alloc(10 * 1024 * 1024 + 10, 0x25))).status, 413);

  // Bad bodies: each says what to fix.
  const bad = async (json, status, field, opts = {}) => {
    const r = opts.raw
      ? await doctor.request('POST', '/api/v1/me/activities', { body: opts.raw, headers: opts.headers })
      : await doctor.post('/api/v1/me/activities', json);
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.ok(r.body.error.message_ja && r.body.error.message_en);
    if (field) assert.equal(r.body.error.field, field);
  };
  await bad(null, 400, undefined, { raw: '{"category":', headers: { 'content-type': 'application/json' } });
  await bad(null, 415, 'Content-Type', { raw: 'category=x', headers: { 'content-type': 'text/plain' } });
  await bad(activity([pdf.body.id], { colour: 'red' }), 400, 'colour');
  await bad(activity([pdf.body.id], { started_on: 20200401 }), 400, 'started_on');
  await bad(activity([pdf.body.id], { started_on: '2999-01-01' }), 422, 'started_on');
  await bad(activity([pdf.body.id], { category: 'golf' }), 400, 'category');
  await bad(activity([999999]), 422, 'file_ids');
  assert.equal((await doctor.get('/api/v1/me/items')).body.items.filter((i) => i.kind === 'activity' && i.status === 'submitted').length, 0);

  // Report → return with a reason → resubmit corrected → approve.
  const reported = await doctor.post('/api/v1/me/activities', activity([pdf.body.id]));
  assert.equal(reported.status, 201);
  assert.equal(reported.body.status, 'submitted');
  assert.equal(reported.body.routed_to, '13001');
  const id = reported.body.id;
  const noReason = await reviewer.post(`/api/v1/staff/items/activity/${id}/decision`, { action: 'return' });
  assert.equal(noReason.status, 400);
  const returned = await reviewer.post(`/api/v1/staff/items/activity/${id}/decision`,
    { action: 'return', reason: '任期がわかる書類を添付してください' });
  assert.equal(returned.status, 200);
  assert.equal(returned.body.status, 'returned');
  const scan = await upload(doctor, PDF, '任期.pdf');
  const resubmitted = await doctor.post(`/api/v1/me/items/activity/${id}/resubmit`, {
    activity: activity([scan.body.id], { ended_on: '2024-03-31' }), version: returned.body.version,
  });
  assert.equal(resubmitted.status, 200, JSON.stringify(resubmitted.body));
  assert.equal(resubmitted.body.status, 'submitted');
  assert.equal(resubmitted.body.activity.ended_on, '2024-03-31');
  assert.equal(resubmitted.body.files.length, 2);
  assert.deepEqual(resubmitted.body.history.map((h) => h.to), ['submitted', 'returned', 'submitted']);
  // Still 2.5 units short (one approved activity + 2.5): applying is refused with what is missing.
  const early = await doctor.post('/api/v1/me/applications', {});
  assert.equal(early.status, 422, JSON.stringify(early.body));
  assert.match(early.body.error.message_ja, /座学研修（知識）があと2.5単位必要です/);
  const approved = await reviewer.post(`/api/v1/staff/items/activity/${id}/decision`, { action: 'approve' });
  assert.equal(approved.body.status, 'approved');


  // Declare the missing units with proof; once approved they count.
  const proof = await upload(doctor, PDF, '受講証明.pdf');
  const decl = await doctor.post('/api/v1/me/declarations', {
    taken_on: '2026-06-01', units: 2.5, title: '地域包括ケア研修会', organizer: '千代田区医師会',
    file_ids: [proof.body.id],
  });
  assert.equal(decl.status, 201, JSON.stringify(decl.body));
  const declOk = await reviewer.post(`/api/v1/staff/items/declaration/${decl.body.id}/decision`, { action: 'approve' });
  assert.equal(declOk.status, 200);
  const progress = await doctor.get('/api/v1/me/progress');
  assert.equal(progress.body.complete, true);
  assert.equal(progress.body.lecture_units, 5);

  // Apply twice with one idempotency key: one application.
  const key = { 'idempotency-key': 'apply-100002-1' };
  const a1 = await doctor.post('/api/v1/me/applications', {}, key);
  const a2 = await doctor.post('/api/v1/me/applications', {}, key);
  assert.equal(a1.status, 201);
  assert.equal(a2.body.id, a1.body.id);
  assert.deepEqual(a1.body.snapshot.activity_ids.length, 2);
  const again = await doctor.post('/api/v1/me/applications', {});
  assert.equal(again.status, 409);

  // Two staff decide at once: exactly one wins.
  const admin = await login(base, 'admin-13');
  const [r1, r2] = await Promise.all([
    reviewer.post(`/api/v1/staff/items/application/${a1.body.id}/decision`, { action: 'approve' }),
    admin.post(`/api/v1/staff/items/application/${a1.body.id}/decision`, { action: 'reject', reason: '重複' }),
  ]);
  assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
  const history = (await doctor.get(`/api/v1/me/items/application/${a1.body.id}`)).body.history;
  assert.equal(history.length, 2);

  // Withdraw before a decision; a second withdrawal conflicts.
  const other = await doctor.post('/api/v1/me/declarations', {
    taken_on: '2026-07-01', units: 1, title: '研修', organizer: '医師会', file_ids: [pngNamedPdf.body.id],
  });
  const w = await doctor.post(`/api/v1/me/items/declaration/${other.body.id}/withdraw`, {});
  assert.equal(w.body.status, 'withdrawn');
  assert.equal((await doctor.post(`/api/v1/me/items/declaration/${other.body.id}/withdraw`, {})).status, 409);
});

test('queue search, bulk approval, paper entry, institution view', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const reviewer = await login(base, 'reviewer-13001');
  const q = await reviewer.get('/api/v1/staff/queue?kind=activity&status=submitted&per_page=200');
  assert.equal(q.status, 200);
  assert.ok(q.body.total > 0);
  assert.ok(q.body.items.every((i) => i.routed_to === '13001' && i.status === 'submitted'));
  // Search: variant kanji and half-width kana find the same doctor.
  for (const term of ['𠮷田', '吉田　健一', 'ﾖｼﾀﾞ ｹﾝｲﾁ', '100003']) {
    const s = await reviewer.get(`/api/v1/staff/queue?q=${encodeURIComponent(term)}`);
    assert.ok(s.body.items.some((i) => i.doctor.registry_number === '100003'), term);
  }
  assert.equal((await reviewer.get('/api/v1/staff/queue?sort=colour')).status, 400);

  const items = q.body.items.slice(0, 5).map((i) => ({ kind: i.kind, id: i.id }));
  const bulk = await reviewer.post('/api/v1/staff/bulk-approve', { items: [...items, items[0]] });
  assert.equal(bulk.status, 200);
  assert.ok(items.length >= 2);
  assert.equal(bulk.body.approved, items.length, JSON.stringify(bulk.body.results));
  assert.equal(bulk.body.failed, 1);  // the duplicate: already approved when checked again
  assert.equal(bulk.body.results[items.length].error.code, 'conflict');

  // Paper: a doctor created on the spot, the scan attached, channel paper, delivery by mail.
  const created = await reviewer.post('/api/v1/staff/doctors', {
    registry_number: '777001', name: '紙野　申請', kana: 'カミノ　シンセイ', birth_date: '1965-02-03', member_id: '99777001',
    association_code: '13001', postal_code: '1000001', address: '東京都千代田区1-1',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const outOfScope = await reviewer.post('/api/v1/staff/doctors', {
    registry_number: '777002', name: '他県　太郎', kana: 'タケン　タロウ', birth_date: '1965-02-03',
    association_code: '27', postal_code: '', address: '',
  });
  assert.equal(outOfScope.status, 422);
  const scan = await upload(reviewer, PDF, '修了申請書.pdf');
  const paper = await reviewer.post('/api/v1/staff/paper-applications', { registry_number: '777001', scan_file_id: scan.body.id });
  assert.equal(paper.status, 201, JSON.stringify(paper.body));
  assert.equal(paper.body.channel, 'paper');
  assert.equal(paper.body.files[0].name, '修了申請書.pdf');
  const found = await reviewer.get(`/api/v1/staff/doctors?q=${encodeURIComponent('カミノ')}`);
  assert.equal(found.body.doctors[0].registry_number, '777001');
  const paperQueue = await reviewer.get('/api/v1/staff/queue?channel=paper');
  assert.ok(paperQueue.body.items.some((i) => i.id === paper.body.id));

  const inst = await login(base, 'institution-1');
  const mine = await inst.get('/api/v1/institution/doctors');
  assert.equal(mine.status, 200);
  const names = mine.body.doctors.map((d) => d.name);
  for (const n of ['山﨑　花子', '勅使河原　寿々花之丞', '𠮷田　健一', '髙橋　太郎']) assert.ok(names.includes(n), n);
  const complete = Object.fromEntries(mine.body.doctors.map((d) => [d.name, d.complete]));
  assert.equal(complete['髙橋　太郎'], true);
  assert.equal(complete['山﨑　花子'], false);
  assert.ok(mine.body.doctors.every((d) => !('registry_number' in d)));
});

test('one-time codes, throttling, password change, API tokens', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const admin = await login(base, 'admin-13');
  const issued = await admin.post('/api/v1/staff/one-time-codes', { registry_number: '100004' });
  assert.equal(issued.status, 201);
  assert.match(issued.body.code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  const redeem = (code) => fetch(`${base}/api/v1/session/one-time-code`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: '99100004', code, new_password: 'あたらしいパスワード1' }),
  });
  assert.equal((await redeem(issued.body.code.toLowerCase())).status, 200);
  assert.equal((await redeem(issued.body.code)).status, 401, 'single use');
  const fresh = await login(base, '99100004', 'あたらしいパスワード1');
  assert.equal(fresh.user.role, 'doctor');
  const reviewer = await login(base, 'reviewer-13001');
  assert.equal((await reviewer.post('/api/v1/staff/one-time-codes', { registry_number: '100004' })).status, 403);

  // Password change ends other sessions.
  const second = await login(base, '99100004', 'あたらしいパスワード1');
  const changed = await fresh.post('/api/v1/me/password', { current_password: 'あたらしいパスワード1', new_password: 'さらに新しいパスワード' });
  assert.equal(changed.status, 200);
  assert.equal((await second.get('/api/v1/me/progress')).status, 401);
  assert.equal((await fresh.get('/api/v1/me/progress')).status, 200);

  // Throttling: unknown and wrong answers look alike; then 429, even for the right password.
  const attempt = (password, loginId = '99100001') => fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginId, password }),
  });
  const unknown = await (await attempt('x', 'nobody-here')).json();
  const wrong = await (await attempt('x')).json();
  assert.deepEqual(unknown, wrong);
  let last;
  for (let i = 0; i < 10; i++) last = await attempt('wrong password');
  assert.equal(last.status, 429);
  assert.ok(Number(last.headers.get('retry-after')) > 0);
  assert.equal((await attempt('kakari-demo-2026')).status, 429);

  // API tokens: scoped, hashed, revocable.
  const token = await admin.post('/api/v1/admin/api-tokens', { name: 'nightly import', scopes: ['review'] });
  assert.equal(token.status, 201);
  const bearer = { authorization: `Bearer ${token.body.token}` };
  assert.equal((await fetch(`${base}/api/v1/staff/queue`, { headers: bearer })).status, 200);
  assert.equal((await fetch(`${base}/api/v1/staff/one-time-codes`, {
    method: 'POST', headers: { ...bearer, 'content-type': 'application/json' },
    body: JSON.stringify({ registry_number: '100004' }),
  })).status, 403);
  assert.equal((await admin.request('DELETE', `/api/v1/admin/api-tokens/${token.body.id}`)).status, 204);
  assert.equal((await fetch(`${base}/api/v1/staff/queue`, { headers: bearer })).status, 401);
  const raw = rawSql(db, 'SELECT COUNT(*) FROM api_tokens WHERE token_hash = \'' + token.body.token + '\'');
  assert.equal(raw.stdout, '0', 'only the hash is stored');

  // Logout ends the session.
  assert.equal((await admin.request('DELETE', '/api/v1/session')).status, 204);
  assert.equal((await admin.get('/api/v1/staff/queue')).status, 401);
});

test('kakari audit verify names the first broken record', async (t) => {
  const db = demoDb(tempDir(t));
  const { base, child } = await startServer(t, db);
  const reviewer = await login(base, 'reviewer-13001');
  await reviewer.get('/api/v1/staff/queue');
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  const ok = kakari(['audit', 'verify', '--json', '--db', db]);
  assert.equal(ok.status, 0, ok.stderr);
  const intact = JSON.parse(ok.stdout);
  assert.equal(intact.ok, true);
  assert.ok(intact.checked >= 10);
  const drop = onPostgres ? 'DROP TRIGGER audit_log_no_update ON audit_log' : 'DROP TRIGGER audit_log_no_update';
  assert.equal(rawSql(db, `${drop}; UPDATE audit_log SET detail = 'edited' WHERE id = 9;`).status, 0);
  const broken = kakari(['audit', 'verify', '--json', '--db', db]);
  assert.equal(broken.status, 1);
  assert.equal(JSON.parse(broken.stdout).first_broken, 9);
});
