// The machine import of lecture credits: a nightly job posts a CSV with an
// API token of scope credits:import; other credentials are refused; the
// doctor's progress moves; the import is in the audit log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoDb, login, rawSql, startServer, tempDir } from './helpers.mjs';

const CSV = [
  'registry_number,date,units,minutes,curriculum_code,title,organizer',
  '100002,2026-05-10,1.5,,12,地域包括ケア研修会,東京都医師会',
  '100002,令和8年6月1日,1,,15,在宅医療講習会,千代田区医師会',
  '100002,2026-05-10,1.5,,12,地域包括ケア研修会,東京都医師会',
  '9999999,2026-05-10,1,,12,存在しない医師,東京都医師会',
].join('\n');

test('POST /api/v1/imports/credits with a credits:import token', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const jma = await login(base, 'jma-admin');
  const doctor = await login(base, '99100002');
  const before = (await doctor.get('/api/v1/me/progress')).body;

  const token = await jma.post('/api/v1/admin/api-tokens', { name: 'nightly credits', scopes: ['credits:import'] });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  const post = (auth, body = CSV, type = 'text/csv; charset=utf-8') => fetch(`${base}/api/v1/imports/credits`, {
    method: 'POST', headers: { authorization: auth, 'content-type': type }, body,
  });

  const r = await post(`Bearer ${token.body.token}`);
  assert.equal(r.status, 200);
  const report = await r.json();
  assert.equal(report.imported, 2);
  assert.equal(report.duplicates, 1);
  assert.equal(report.rejected.length, 1);
  assert.equal(report.rejected[0].line, 5);
  assert.ok(report.rejected[0].reason_en.length > 0);
  const after = (await doctor.get('/api/v1/me/progress')).body;
  assert.equal(after.lecture_units, before.lecture_units + 2.5);

  // Again: everything is a duplicate; nothing changes.
  const again = await (await post(`Bearer ${token.body.token}`)).json();
  assert.equal(again.imported, 0);
  assert.equal(again.duplicates, 3);

  // Wrong type, a token of another scope, a session, no credentials.
  assert.equal((await post(`Bearer ${token.body.token}`, CSV, 'application/json')).status, 415);
  const review = await jma.post('/api/v1/admin/api-tokens', { name: 'review', scopes: ['review'] });
  assert.equal((await post(`Bearer ${review.body.token}`)).status, 403);
  assert.equal((await post('Bearer kk_not_a_token')).status, 401);
  const asDoctor = await doctor.request('POST', '/api/v1/imports/credits', {
    body: CSV, headers: { 'content-type': 'text/csv' },
  });
  assert.equal(asDoctor.status, 403);
  // An administrator's own session has the permission too (and a CSRF token).
  const asAdmin = await jma.request('POST', '/api/v1/imports/credits', {
    body: CSV, headers: { 'content-type': 'text/csv' },
  });
  assert.equal(asAdmin.status, 200);
  const audit = rawSql(db, "SELECT actor_role, detail FROM audit_log WHERE action = 'credits.import' ORDER BY id")
    .stdout.split('\n');
  assert.deepEqual(audit, ['jma_admin|imported=2 duplicates=1 rejected=1',
    'jma_admin|imported=0 duplicates=3 rejected=1', 'jma_admin|imported=0 duplicates=3 rejected=1']);
});

test('bodies above the limits are answered 413 with a JSON error, not a closed connection', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const jma = await login(base, 'jma-admin');
  const big = Buffer.alloc(12 * 1024 * 1024, 0x41);
  const upload = await jma.request('POST', '/api/v1/files', {
    body: Buffer.concat([Buffer.from('%PDF-1.4\n'), big]),
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(upload.status, 413);
  assert.equal(upload.body.error.code, 'payload_too_large');
  const token = await jma.post('/api/v1/admin/api-tokens', { name: 'big', scopes: ['credits:import'] });
  const csv = await fetch(`${base}/api/v1/imports/credits`, {
    method: 'POST', headers: { authorization: `Bearer ${token.body.token}`, 'content-type': 'text/csv' }, body: big,
  });
  assert.equal(csv.status, 413);
  assert.match((await csv.json()).error.message_en, /10 MB/);
});
