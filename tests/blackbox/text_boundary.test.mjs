// Text at the boundary: every string that enters through HTTP (JSON, query,
// path parameters, the upload's file name) or a CSV file is valid UTF-8
// without control characters, or the request is refused with 400 naming the
// field and nothing is written.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { kakari, login, startServer, tempDir, demoDb, freshDb } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function refused(r, field, what) {
  assert.equal(r.status, 400, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.code, 'invalid_argument', what);
  assert.equal(r.body.error.field, field, what);
  assert.ok(r.body.error.message_ja.length > 0 && r.body.error.message_en.length > 0, what);
}

test('HTTP input: bad bytes, control characters and duplicate keys are 400 with the field', async (t) => {
  const { base } = await startServer(t, demoDb(tempDir(t)));
  const doctor = await login(base, '99100001');
  const reviewer = await login(base, 'reviewer-13001');
  const itemsBefore = (await doctor.get('/api/v1/me/items')).body;

  // The uploaded file's name: Shift_JIS bytes, percent-encoded or raw, and a NUL.
  for (const name of ['%82%A0.pdf', '\x82\xa0.pdf', 'scan%00.pdf', 'a%0Ab.pdf']) {
    const r = await doctor.request('POST', '/api/v1/files', {
      body: PDF, headers: { 'content-type': 'application/octet-stream', 'x-file-name': name },
    });
    refused(r, 'X-File-Name', name);
  }
  // A good name still works, and every screen that lists files still answers.
  const ok = await doctor.request('POST', '/api/v1/files', {
    body: PDF, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('証明書.pdf') },
  });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.name, '証明書.pdf');
  assert.deepEqual((await doctor.get('/api/v1/me/items')).body, itemsBefore);

  // Path parameters and query values.
  refused(await reviewer.get('/api/v1/staff/items/activity/%FF'), 'id', 'path %FF');
  refused(await reviewer.get('/api/v1/staff/doctors/%82%A0/forms/application'), 'registry_number', 'path sjis');
  refused(await reviewer.get('/api/v1/staff/doctors?q=%00'), 'q', 'query NUL');
  refused(await reviewer.get('/api/v1/staff/queue?q=%C2%85'), 'q', 'query C1');
  const verify = await fetch(`${base}/api/v1/verify/%FF%FE`);
  refused({ status: verify.status, body: await verify.json() }, 'number', 'public verify');

  // JSON bodies: a NUL in a name that would go onto certificates, a line break
  // in a one-line field, raw invalid UTF-8, a duplicate key.
  const good = {
    registry_number: '888002', name: '山田　太郎', kana: 'ヤマダ　タロウ', birth_date: '1970-01-01',
    association_code: '13001',
  };
  refused(await reviewer.post('/api/v1/staff/doctors', { ...good, name: '山田\u0000太郎' }), 'name', 'NUL');
  refused(await reviewer.post('/api/v1/staff/doctors', { ...good, name: '山田\n太郎' }), 'name', 'newline');
  refused(await reviewer.post('/api/v1/staff/doctors', { ...good, address: '東京都\u009b' }), 'address', 'C1');
  const rawBad = Buffer.concat([Buffer.from('{"registry_number":"888002","name":"'), Buffer.from([0x82, 0xa0]),
    Buffer.from('","kana":"ヤマダ","birth_date":"1970-01-01","association_code":"13001"}')]);
  const raw = await reviewer.request('POST', '/api/v1/staff/doctors', { body: rawBad, headers: { 'content-type': 'application/json' } });
  assert.equal(raw.status, 400, JSON.stringify(raw.body));
  const dup = await reviewer.request('POST', '/api/v1/staff/doctors', {
    body: '{"registry_number":"888002","name":"山田　太郎","name":"別人","kana":"ヤマダ","birth_date":"1970-01-01","association_code":"13001"}',
    headers: { 'content-type': 'application/json' },
  });
  refused(dup, 'name', 'duplicate key');
  refused(await reviewer.request('POST', '/api/v1/staff/doctors', {
    body: '{"registry_number":"888002","name":"x","n\\u0000":"y"}', headers: { 'content-type': 'application/json' },
  }), 'n\u0000', 'control character in a key');
  // None of these wrote the doctor; the clean request does.
  assert.equal((await reviewer.get('/api/v1/staff/doctors?q=888002')).body.doctors.length, 0);
  assert.equal((await reviewer.post('/api/v1/staff/doctors', good)).status, 201);

  // Multi-line fields keep their line breaks and tabs.
  const file = await doctor.request('POST', '/api/v1/files', { body: PDF, headers: { 'content-type': 'application/octet-stream' } });
  const act = await doctor.post('/api/v1/me/activities', {
    category: 'vaccination', description: '集団接種\n二日目\tも担当', started_on: '2025-10-01',
    organisation: '千代田区', file_ids: [file.body.id],
  });
  assert.equal(act.status, 201, JSON.stringify(act.body));
  const stored = (await doctor.get(`/api/v1/me/items/activity/${act.body.id}`)).body;
  assert.equal(stored.activity.description, '集団接種\n二日目\tも担当', JSON.stringify(stored));
  refused(await doctor.post('/api/v1/me/activities', {
    category: 'vaccination', description: '集団接種\u0000', started_on: '2025-10-01', organisation: '千代田区', file_ids: [file.body.id],
  }), 'description', 'NUL in a multi-line field');
});

test('CSV rows with control characters are rejected naming the column', (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir, 'k.db');
  assert.equal(kakari(['init', '--db', db]).status, 0);
  const file = path.join(dir, 'doctors.csv');
  writeFileSync(file, [
    '医籍登録番号,氏名,フリガナ,生年月日,所属医師会コード',
    '123456,髙橋　太郎,タカハシ　タロウ,1970-04-01,13',
    '223456,山﨑\u0000花子,ヤマザキ　ハナコ,1980-05-06,13',
    '323456,"佐藤\n一郎",サトウ　イチロウ,1975-01-01,13',
    '423456,鈴木　誠,スズキ\u0007マコト,1975-01-01,13',
  ].join('\r\n') + '\r\n');
  const r = kakari(['import', 'doctors', file, '--json', '--db', db]);
  assert.equal(r.status, 3, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.imported, 1);
  assert.deepEqual(report.rejected.map((x) => x.line), [3, 4, 6]);
  assert.match(report.rejected[0].reason, /氏名/);
  assert.match(report.rejected[2].reason_en, /フリガナ.*control character/);
});

test('institution routes: bad bytes, NUL, duplicate keys and bad dates are 400 and write nothing', async (t) => {
  const { base } = await startServer(t, demoDb(tempDir(t)));
  const doctor = await login(base, '99100001');
  const institution = await login(base, 'institution-5');
  const placesBefore = (await doctor.get('/api/v1/me/workplaces')).body;
  const requestsBefore = (await institution.get('/api/v1/institution/affiliations')).body;
  const json = { 'content-type': 'application/json' };

  refused(await doctor.post('/api/v1/me/workplaces', { institution_code: '1318000013\u0000' }), 'institution_code', 'NUL code');
  refused(await doctor.post('/api/v1/me/workplaces', { institution_code: '1318000013', started_on: '2026-02-30' }), 'started_on', 'impossible date');
  refused(await doctor.request('POST', '/api/v1/me/workplaces', {
    body: '{"institution_code":"1318000013","institution_code":"1319000038"}', headers: json,
  }), 'institution_code', 'duplicate key');
  const raw = await doctor.request('POST', '/api/v1/me/workplaces', {
    body: Buffer.concat([Buffer.from('{"institution_code":"'), Buffer.from([0x82, 0xa0]), Buffer.from('"}')]), headers: json,
  });
  assert.equal(raw.status, 400, JSON.stringify(raw.body));
  assert.equal(raw.body.error.code, 'invalid_argument');

  refused(await institution.post('/api/v1/institution/affiliations', { registry_number: '100002', name: '山田\u0000太郎' }), 'name', 'NUL name');
  refused(await institution.post('/api/v1/institution/affiliations', { registry_number: '100002', name: '山田\n太郎' }), 'name', 'newline in a name');
  refused(await institution.request('POST', '/api/v1/institution/affiliations/%FF/decision', {
    body: '{"action":"confirm"}', headers: json,
  }), 'id', 'path %FF');

  // Nothing was written by any of them.
  assert.deepEqual((await doctor.get('/api/v1/me/workplaces')).body, placesBefore);
  assert.deepEqual((await institution.get('/api/v1/institution/affiliations')).body, requestsBefore);
});
