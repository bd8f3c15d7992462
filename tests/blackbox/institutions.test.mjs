// Institutions: the registry and affiliation imports, the G-MIS answer and
// coverage, over the CLI and the HTTP API, on the small demo.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoDb, kakari, kakariJson, login, startServer, tempDir } from './helpers.mjs';

const REVOKED = '1319000012';   // 取消記念病院: only trained doctor revoked
const ADVANCED = '1319000038';  // 東都大学病院: advanced treatment
const LEFT = '1319000046';      // みなと医院: trained doctor left last year
const DENTAL = '1339000026';    // さくら歯科医院

function tool(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

const gmis = (db, code, extra = []) => kakari(['gmis', '--db', db, '--institution', code, '--json', ...extra]);

test('kakari gmis: every answer of the demo, and an unknown code', (t) => {
  const db = demoDb(tempDir(t));
  const revoked = JSON.parse(gmis(db, REVOKED).stdout);
  assert.equal(revoked.answer, 'no');
  assert.equal(revoked.reportable, true);
  assert.equal(revoked.exempt_reason, null);
  assert.deepEqual(revoked.completed, []);
  assert.match(revoked.short[0].missing.join(), /取り消/);
  const dental = JSON.parse(gmis(db, DENTAL).stdout);
  assert.equal(dental.answer, null);
  assert.equal(dental.exempt_reason, 'dental');
  assert.equal(JSON.parse(gmis(db, ADVANCED).stdout).exempt_reason, 'advanced_treatment');
  const left = JSON.parse(gmis(db, LEFT).stdout);
  assert.equal(left.answer, 'no');
  assert.deepEqual(left.short, [], 'a doctor who left is not listed');
  // While the trained doctor still worked there, the answer was yes.
  const lastYear = `${new Date().getFullYear() - 1}-09-30`;
  const before = JSON.parse(gmis(db, LEFT, ['--as-of', lastYear]).stdout);
  assert.equal(before.as_of, lastYear);
  // The reissued certificate was issued this demo run (today), so a date last
  // year predates it: the answer is still no, for the right reason.
  assert.equal(before.answer, 'no');
  assert.equal(before.short.length, 1);
  const unknown = gmis(db, '1319999999');
  assert.notEqual(unknown.status, 0);
  const missing = gmis(db, '4719999999');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /4719999999/);
  assert.equal(gmis(db, REVOKED, ['--as-of', '2027-02-30']).status, 2);
});

test('kakari coverage: counts, the list without, and an area', (t) => {
  const db = demoDb(tempDir(t));
  const all = kakariJson(['coverage', '--db', db, '--json']);
  assert.ok(all.reportable > 500);
  assert.ok(all.covered >= 1 && all.covered < all.reportable);
  assert.equal(all.institutions_without.length, all.reportable - all.covered);
  assert.ok(all.institutions_without.includes(REVOKED));
  assert.ok(!all.institutions_without.includes(DENTAL), 'exempt institutions are not counted');
  const county = kakariJson(['coverage', '--db', db, '--association', '13001', '--json']);
  assert.ok(county.reportable < all.reportable);
  assert.ok(county.institutions_without.includes(LEFT));
  assert.equal(kakari(['coverage', '--db', db, '--association', 'x', '--json']).status, 2);
});

const INSTITUTIONS = [
  '医療機関コード,名称,フリガナ,種別,特定機能病院,郵便番号,住所,地区医師会コード',
  '2718000017,大阪中央病院,オオサカチュウオウビョウイン,病院,,530-0001,大阪府大阪市北区1-1,27001',
  '2718000025,なにわ内科,なにわないか,診療所,0,5300002,大阪府大阪市北区2-2,',
  '2718000099,検証番号違い医院,,診療所,,,,',
  '2718000033,種別違い,,薬局,,,,',
  '2738000013,なんば歯科,,診療所,,,大阪府大阪市中央区3-3,',
].join('\n') + '\n';

test('kakari import institutions: Japanese header, bad rows by line, twice changes nothing', (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const file = path.join(dir, 'institutions.csv');
  writeFileSync(file, `\uFEFF${INSTITUTIONS}`);
  const first = kakari(['import', 'institutions', file, '--db', db, '--json']);
  assert.equal(first.status, 3, 'rows were rejected');
  const report = JSON.parse(first.stdout);
  assert.equal(report.imported, 3);
  assert.deepEqual(report.rejected.map((r) => r.line), [4, 5]);
  assert.match(report.rejected[0].reason, /検証番号/);
  assert.match(report.rejected[1].reason_en, /hospital or clinic/);
  const second = JSON.parse(kakari(['import', 'institutions', file, '--db', db, '--json']).stdout);
  assert.equal(second.imported, 0);
  assert.equal(second.updated, 0);
  assert.equal(second.duplicates, 3);
  // A changed name refreshes the known code.
  writeFileSync(file, INSTITUTIONS.replace('なにわ内科', 'なにわ内科クリニック'));
  assert.equal(JSON.parse(kakari(['import', 'institutions', file, '--db', db, '--json']).stdout).updated, 1);
  const dental = JSON.parse(gmis(db, '2738000013').stdout);
  assert.equal(dental.exempt_reason, 'dental');
  // A file without a required column imports nothing at all.
  writeFileSync(file, '医療機関コード,名称\n2718000041,欠け医院\n');
  const bad = kakari(['import', 'institutions', file, '--db', db, '--json']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /種別|kind/);
  assert.equal(gmis(db, '2718000041').status, 1);

  const aff = path.join(dir, 'affiliations.csv');
  writeFileSync(aff, [
    'registry_number,institution_code,started_on,ended_on,employment',
    '100001,2718000017,2024-04-01,,常勤',
    '100002,2718000017,令和6年4月1日,2024-03-31,part_time',
    '999998,2718000017,,,',
    '100003,2718000017,,,sometimes',
  ].join('\n'));
  const a1 = JSON.parse(kakari(['import', 'affiliations', aff, '--db', db, '--json']).stdout);
  assert.equal(a1.imported, 1);
  assert.deepEqual(a1.rejected.map((r) => r.line), [3, 4, 5]);
  assert.match(a1.rejected[0].reason, /終了日/);
  const a2 = JSON.parse(kakari(['import', 'affiliations', aff, '--db', db, '--json']).stdout);
  assert.equal(a2.imported + a2.updated, 0);
  assert.equal(a2.duplicates, 1);
  const osaka = JSON.parse(gmis(db, '2718000017').stdout);
  assert.deepEqual(osaka.short.map((s) => s.registry_number), ['100001']);
});

test('a doctor names a workplace, the institution confirms, the answer follows the certificate', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const doctor = await login(base, '99100001');
  const minato = await login(base, 'institution-5');
  const admin = await login(base, 'admin-13');

  const found = await doctor.get(`/api/v1/institutions?q=${encodeURIComponent('みなと')}`);
  assert.equal(found.status, 200);
  assert.equal(found.body.items[0].code, LEFT);
  const added = await doctor.post('/api/v1/me/workplaces', { institution_code: LEFT, started_on: '2026-04-01', employment: 'part_time' });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.state, 'awaiting_institution');
  assert.equal(added.body.visible_to_institution, false);
  assert.equal((await doctor.post('/api/v1/me/workplaces', { institution_code: LEFT, started_on: '2026-04-01' })).status, 409);
  assert.equal((await doctor.post('/api/v1/me/workplaces', { institution_code: '1319000047' })).status, 400);

  // Before the institution agrees it sees the request, not the doctor's completion.
  let answer = (await minato.get('/api/v1/institution/answer')).body;
  assert.equal(answer.answer, 'no');
  assert.ok(!answer.short.some((s) => s.registry_number === '100001'));
  const requests = (await minato.get('/api/v1/institution/affiliations')).body.items;
  const request = requests.find((r) => r.registry_number === '100001');
  assert.equal(request.state, 'awaiting_institution');
  // The doctor cannot confirm their own request; another institution cannot see it.
  const self = await doctor.post(`/api/v1/me/workplaces/${request.id}/decision`, { action: 'confirm', version: request.version });
  assert.equal(self.status, 409);
  const other = await login(base, 'institution-2');
  assert.equal((await other.post(`/api/v1/institution/affiliations/${request.id}/decision`, { action: 'confirm', version: 1 })).status, 404);
  const confirmed = await minato.post(`/api/v1/institution/affiliations/${request.id}/decision`, { action: 'confirm', version: request.version });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.equal((await minato.post(`/api/v1/institution/affiliations/${request.id}/decision`, { action: 'confirm', version: request.version })).status, 409);

  answer = (await minato.get('/api/v1/institution/answer')).body;
  assert.equal(answer.answer, 'no');
  assert.match(answer.short.find((s) => s.registry_number === '100001').missing[0], /修了申請/);

  const applied = await doctor.post('/api/v1/me/applications', {});
  assert.equal(applied.status, 201);
  assert.equal((await admin.post(`/api/v1/staff/items/application/${applied.body.id}/decision`, { action: 'approve' })).status, 200);
  answer = (await minato.get('/api/v1/institution/answer')).body;
  assert.equal(answer.answer, 'yes');
  const mine = answer.completed.find((c) => c.registry_number === '100001');
  assert.match(mine.certificate_number, /^第K/);
  assert.match(mine.verify_url, /\/verify\//);
  assert.deepEqual(Object.keys(answer.completed[0]).sort(), ['certificate_number', 'issued_on', 'name', 'registry_number', 'verify_url']);
  const csv = await minato.get('/api/v1/institution/answer.csv');
  assert.equal(csv.status, 200);
  const bytes = Buffer.from(await csv.raw.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM for Excel');
  const text = bytes.toString('utf8');
  assert.match(text, /有り/);
  assert.match(text, new RegExp(mine.certificate_number));

  // The answer sheet: a real PDF whose text and QR codes say the same.
  const sheet = await minato.get('/api/v1/institution/answer.pdf');
  assert.equal(sheet.headers.get('content-type'), 'application/pdf');
  const pdf = path.join(dir, 'sheet.pdf');
  writeFileSync(pdf, Buffer.from(await sheet.raw.arrayBuffer()));
  assert.equal(tool('qpdf', ['--check', pdf]).status, 0);
  const sheetText = tool('pdftotext', [pdf, '-']).stdout.replace(/\s+/g, '');
  for (const want of ['回答確認票', 'みなと医院', LEFT, '有り', mine.certificate_number, '研修の修了者の有無']) {
    assert.ok(sheetText.includes(want), `the sheet says ${want}`);
  }
  assert.equal(tool('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'sheet')]).status, 0);
  const qr = tool('zbarimg', ['-q', '--raw', path.join(dir, 'sheet-1.png')]).stdout.trim();
  assert.equal(qr, mine.verify_url, 'the QR code carries the signed verification link');
  const verified = await (await fetch(`${base}/api/v1/verify/${encodeURIComponent(mine.certificate_number)}?${new URL(qr).search.slice(1)}`)).json();
  assert.equal(verified.verdict, 'valid');

  // Staff of the area see the same answer; an institution only its own.
  const staffView = await admin.get(`/api/v1/staff/institutions/${LEFT}/answer`);
  assert.equal(staffView.body.answer, 'yes');
  assert.equal((await other.get(`/api/v1/staff/institutions/${LEFT}/answer`)).status, 403);
  assert.equal((await doctor.get('/api/v1/institution/answer')).status, 403);
  assert.equal((await minato.get('/api/v1/institution/answer?as_of=2026-13-01')).status, 400);

  const revoked = await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(mine.certificate_number)}/revoke`, { reason: '誤りのため' });
  assert.equal(revoked.status, 200);
  answer = (await minato.get('/api/v1/institution/answer')).body;
  assert.equal(answer.answer, 'no');

  // The doctor's MyPage shows where their completion is seen; ending it hides it.
  const places = (await doctor.get('/api/v1/me/workplaces')).body.items;
  const place = places.find((p) => p.institution.code === LEFT);
  assert.equal(place.visible_to_institution, true);
  const ended = await doctor.post(`/api/v1/me/workplaces/${place.id}/decision`, { action: 'end', version: place.version, ended_on: '2026-03-01' });
  assert.equal(ended.status, 400, 'an end before the start is refused');
  assert.match(ended.body.error.message_ja, /終了日/);
  const ok = await doctor.post(`/api/v1/me/workplaces/${place.id}/decision`, { action: 'end', version: place.version });
  assert.equal(ok.status, 200);
  assert.ok(ok.body.ended_on);
});

test('coverage over HTTP: the area, narrower areas, CSV in UTF-8 and CP932', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const admin = await login(base, 'admin-13');
  const reviewer = await login(base, 'reviewer-13001');
  const jma = await login(base, 'jma-admin');
  const tokyo = (await admin.get('/api/v1/staff/coverage')).body;
  assert.ok(tokyo.reportable > 0);
  assert.ok(tokyo.prefectures.every((p) => p.prefecture_code === '13'));
  const county = (await reviewer.get('/api/v1/staff/coverage')).body;
  assert.ok(county.institutions_without.some((i) => i.code === REVOKED));
  assert.equal((await reviewer.get('/api/v1/staff/coverage?association=13')).status, 404);
  assert.equal((await admin.get('/api/v1/staff/coverage?association=27')).status, 404);
  assert.equal((await admin.get('/api/v1/staff/coverage?association=abc')).status, 400);
  const nation = (await jma.get('/api/v1/staff/coverage')).body;
  assert.equal(nation.prefectures.length, 47);
  const utf8 = Buffer.from(await (await admin.get('/api/v1/staff/coverage.csv')).raw.arrayBuffer());
  assert.ok(utf8.toString('utf8').startsWith('\uFEFF医療機関コード'));
  const sjis = await admin.get('/api/v1/staff/coverage.csv?encoding=cp932');
  assert.match(sjis.headers.get('content-type'), /Shift_JIS/, JSON.stringify(sjis.body));
  const decoded = new TextDecoder('shift_jis').decode(await sjis.raw.arrayBuffer());
  assert.ok(decoded.startsWith('医療機関コード'));
  assert.match(decoded, /取消記念病院/);
  assert.equal((await admin.get('/api/v1/staff/coverage.csv?encoding=latin1')).status, 400);
  assert.equal((await (await login(base, 'institution-1')).get('/api/v1/staff/coverage')).status, 403);
});

test('institution accounts: staff issue the administrator, who adds one more user', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const admin = await login(base, 'admin-13');
  const code = '1310000011';  // a Tokyo clinic of the demo without a user yet
  const issued = await admin.post('/api/v1/staff/institution-codes', { institution_code: code });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  assert.equal(issued.body.login, `i${code}`);
  assert.equal(issued.body.institution.code, code);
  // Out of scope, wrong role, bad code.
  assert.equal((await admin.post('/api/v1/staff/institution-codes', { institution_code: '0110000015' })).status, 404);
  assert.equal((await (await login(base, 'reviewer-13001')).post('/api/v1/staff/institution-codes', { institution_code: code })).status, 403);
  assert.equal((await admin.post('/api/v1/staff/institution-codes', { institution_code: '1310000012' })).status, 400);

  const redeem = async (who, oneTime) => {
    const r = await fetch(`${base}/api/v1/session/one-time-code`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: who, code: oneTime, new_password: 'clinic-staff-passphrase-7391' }),
    });
    assert.equal(r.status, 200, await r.clone().text());
    return login(base, who, 'clinic-staff-passphrase-7391');
  };
  const first = await redeem(issued.body.login, issued.body.code);
  assert.equal(first.user.role, 'institution');
  const answer = await first.get('/api/v1/institution/answer');
  assert.equal(answer.body.institution_code, code, 'the new user sees their own institution');
  const colleague = await first.post('/api/v1/institution/users', {});
  assert.equal(colleague.status, 201);
  assert.equal(colleague.body.login, `i${code}-2`);
  assert.equal((await first.post('/api/v1/institution/users', {})).status, 409, 'two users at most');
  const second = await redeem(colleague.body.login, colleague.body.code);
  assert.equal((await second.post('/api/v1/institution/users', {})).status, 403, 'only the administrator adds');
  assert.equal((await second.get('/api/v1/institution/answer')).body.institution_code, code);
  // A lost letter: staff issue a new code for the administrator, not a new account.
  const again = await admin.post('/api/v1/staff/institution-codes', { institution_code: code });
  assert.equal(again.body.login, `i${code}`);
});

test('imports over HTTP stay in the administrator\'s area; bad bytes and other people\'s ids are refused', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const admin = await login(base, 'admin-13');
  const csv = (text) => ({ body: text, headers: { 'content-type': 'text/csv' } });
  const rows = [
    'institution_code,name,kind,postal_code,address',
    '1318000013,東京テスト医院,clinic,,',
    '2718000017,大阪テスト医院,clinic,,',
  ].join('\n');
  const imported = await admin.request('POST', '/api/v1/imports/institutions', csv(rows));
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  assert.equal(imported.body.imported, 1);
  assert.deepEqual(imported.body.rejected.map((r) => r.line), [3]);
  assert.match(imported.body.rejected[0].reason_en, /outside your area/);
  const bad = await admin.request('POST', '/api/v1/imports/institutions', csv(Buffer.from([0x82, 0xff, 0xfe, 0x0a])));
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.message_ja);
  assert.equal((await admin.request('POST', '/api/v1/imports/institutions', { body: rows, headers: { 'content-type': 'application/json' } })).status, 415);
  const reviewer = await login(base, 'reviewer-13001');
  assert.equal((await reviewer.request('POST', '/api/v1/imports/affiliations', csv('registry_number,institution_code\n'))).status, 403);

  // A doctor cannot act on another doctor's workplace, nor see it.
  const mine = await login(base, '99100001');
  const other = await login(base, '99100002');
  const added = await mine.post('/api/v1/me/workplaces', { institution_code: '1318000013' });
  assert.equal(added.status, 201);
  assert.equal((await other.post(`/api/v1/me/workplaces/${added.body.id}/decision`, { action: 'end', version: 1 })).status, 404);
  assert.ok(!(await other.get('/api/v1/me/workplaces')).body.items.some((w) => w.id === added.body.id));
  const typo = await mine.post(`/api/v1/me/workplaces/${added.body.id}/decision`, { action: 'finish', version: 1 });
  assert.equal(typo.status, 400);
  assert.equal(typo.body.error.field, 'action');
  const stale = await mine.post(`/api/v1/me/workplaces/${added.body.id}/decision`, { action: 'end', version: 7 });
  assert.equal(stale.status, 409);
  // Search: a blank query is a clear error; staff see only their area.
  assert.equal((await mine.get('/api/v1/institutions?q=')).status, 400);
  assert.equal((await admin.get(`/api/v1/institutions?q=${encodeURIComponent('大阪テスト')}`)).body.items.length, 0);
});
