// Statistics and exports against the real server and CLI on the small demo:
// the figures are checked against the database itself (sqlite3 or psql);
// XLSX files are opened with a real reader (Python's openpyxl from Debian),
// CP932 CSV through iconv. Scope: each association sees its own area only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoDb, kakari, kakariJson, login, rawSql, startServer, tempDir } from './helpers.mjs';

const count = (db, sql) => Number(rawSql(db, sql).stdout);

// Opens an XLSX file with openpyxl; gives the sheet's title, frozen cell,
// the header, the first data rows and the number of rows.
function readXlsx(file) {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[c.isoformat()[:10] if hasattr(c, 'isoformat') else c for c in r] for r in ws.iter_rows(values_only=True)]
print(json.dumps({'title': ws.title, 'freeze': ws.freeze_panes, 'rows': len(rows) - 1, 'header': rows[0],
                  'first': rows[1:4], 'width_b': ws.column_dimensions['B'].width,
                  'types': [type(c).__name__ for c in next(ws.iter_rows(min_row=2, max_row=2, values_only=True))]}))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

test('kakari stats: the national figures match the database', (t) => {
  const db = demoDb(tempDir(t));
  const s = kakariJson(['stats', '--db', db, '--json']);
  assert.equal(s.scope, '00');
  assert.equal(s.breakdown, 'prefecture');
  assert.equal(s.areas.length, 47);
  assert.equal(s.total.doctors, count(db, 'SELECT COUNT(*) FROM doctors'));
  assert.equal(s.total.waiting,
    count(db, "SELECT (SELECT COUNT(*) FROM completion_applications WHERE status = 'submitted') + " +
      "(SELECT COUNT(*) FROM practical_activities WHERE status = 'submitted') + " +
      "(SELECT COUNT(*) FROM credit_declarations WHERE status = 'submitted')"));
  assert.equal(s.total.approved, count(db,
    "SELECT COUNT(DISTINCT doctor_id) FROM completion_applications WHERE status = 'approved'"));
  // `kakari eligibility --all` counts the complete doctors its own way.
  const all = kakariJson(['eligibility', '--all', '--db', db, '--json']);
  assert.equal(s.total.complete, all.complete);
  const coverage = kakariJson(['coverage', '--db', db, '--json']);
  assert.equal(s.total.institutions_reportable, coverage.reportable);
  assert.equal(s.total.institutions_covered, coverage.covered);
  const tokyoDoctors = count(db, "SELECT COUNT(*) FROM doctors d JOIN organisations o ON " +
    "o.id = d.home_association_id WHERE o.code LIKE '13%'");
  assert.equal(s.areas.find((a) => a.area === '13').doctors, tokyoDoctors);
  assert.equal(s.areas.reduce((n, a) => n + a.doctors, 0), s.total.doctors);
  assert.ok(s.trend.length >= 1 && s.trend[0].month.endsWith('-04'));

  const tokyo = kakariJson(['stats', '--db', db, '--association', '13', '--json']);
  assert.equal(tokyo.breakdown, 'association');
  assert.equal(tokyo.total.doctors, tokyoDoctors);
  assert.ok(tokyo.areas.every((a) => a.area.startsWith('13')));
  const bad = kakari(['stats', '--db', db, '--association', '東京']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /医師会コード/);
});

test('statistics over HTTP: each association sees its own area, a decision shows up', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const jma = await login(base, 'jma-admin');
  const national = await jma.get('/api/v1/staff/statistics');
  assert.equal(national.status, 200);
  assert.equal(national.body.areas.length, 47);

  const county = await login(base, 'reviewer-13001');
  const own = await county.get('/api/v1/staff/statistics');
  assert.equal(own.status, 200);
  assert.equal(own.body.scope, '13001');
  assert.deepEqual(own.body.areas.map((a) => a.area), ['13001']);
  const up = await county.get('/api/v1/staff/statistics?association=13');
  assert.equal(up.status, 404);
  assert.equal(up.body.error.code, 'not_found');
  const added = kakari(['user', 'add', '--login', 'reviewer-27', '--role', 'reviewer', '--association', '27',
    '--db', db], { input: 'osaka-reviewer-password\n' });
  assert.equal(added.status, 0, added.stderr);
  const osaka = await login(base, 'reviewer-27', 'osaka-reviewer-password');
  assert.equal((await osaka.get('/api/v1/staff/statistics?association=13001')).status, 404);
  const doctor = await login(base, '99100001');
  assert.equal((await doctor.get('/api/v1/staff/statistics')).status, 403);
  const badDay = await jma.get('/api/v1/staff/statistics?as_of=2026-02-30');
  assert.equal(badDay.status, 400);
  assert.equal(badDay.body.error.field, 'as_of');

  // A return made now counts as a decision with its reason.
  const queue = await county.get('/api/v1/staff/queue?status=submitted&kind=activity');
  const item = queue.body.items[0];
  const decided = await county.post(`/api/v1/staff/items/activity/${item.id}/decision`,
    { action: 'return', reason: '証明書の日付が読めません' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  const after = await county.get('/api/v1/staff/statistics');
  assert.equal(after.body.total.returns, own.body.total.returns + 1);
  assert.equal(after.body.total.waiting, own.body.total.waiting - 1);
  const mine = after.body.top_return_reasons.find((r) => r.reason === '証明書の日付が読めません');
  assert.equal(mine?.count, 1, JSON.stringify(after.body.top_return_reasons));
  assert.equal(after.body.total.median_days_to_decision !== null, true);
});

test('exports: XLSX read by openpyxl, CP932 CSV by iconv, audited, and only in scope', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const staff = await login(base, 'admin-13');
  const fetchFile = async (p) => {
    const r = await fetch(`${base}${p}`, { headers: { cookie: staff.cookie } });
    return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
  };
  const tokyoDoctors = count(db, "SELECT COUNT(*) FROM doctors d JOIN organisations o ON " +
    "o.id = d.home_association_id WHERE o.code LIKE '13%'");

  const xlsx = await fetchFile('/api/v1/staff/exports/completions?format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.match(xlsx.headers.get('content-disposition'), /completions-13-\d{4}-\d\d-\d\d\.xlsx/);
  assert.equal(Number(xlsx.headers.get('x-export-rows')), tokyoDoctors);
  const file = path.join(dir, 'c.xlsx');
  writeFileSync(file, xlsx.bytes);
  const book = readXlsx(file);
  assert.equal(book.title, '修了状況');
  assert.equal(book.freeze, 'A2');
  assert.equal(book.rows, tokyoDoctors);
  assert.deepEqual(book.header.slice(0, 4), ['医籍登録番号', '氏名', 'フリガナ', '所属医師会']);
  assert.ok(book.width_b > 15);
  assert.equal(book.types[4], 'float', 'lecture units are numbers');
  const registry = book.first.map((r) => r[0]);
  const inDb = rawSql(db, `SELECT COUNT(*) FROM doctors WHERE registry_number IN (${registry.map((x) => `'${x}'`).join(',')})`);
  assert.equal(Number(inDb.stdout), registry.length);

  const sjis = await fetchFile('/api/v1/staff/exports/completions?format=csv-cp932');
  assert.match(sjis.headers.get('content-type'), /Shift_JIS/);
  const sjisFile = path.join(dir, 'c.csv');
  writeFileSync(sjisFile, sjis.bytes);
  const text = spawnSync('iconv', ['-f', 'CP932', '-t', 'UTF-8', sjisFile], { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  const lines = text.stdout.trim().split('\r\n');
  assert.equal(lines.length, tokyoDoctors + 1);
  assert.match(lines[0], /^"医籍登録番号","氏名","フリガナ"/);
  const utf8 = await fetchFile('/api/v1/staff/exports/statistics?format=csv');
  assert.deepEqual([...utf8.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(utf8.bytes.toString('utf8'), /"東京都医師会"/);

  const cert = await fetchFile('/api/v1/staff/exports/certificates?format=xlsx');
  assert.equal(cert.status, 200);
  const queue = await fetchFile('/api/v1/staff/exports/queue?format=csv&status=submitted');
  const queueLines = queue.bytes.toString('utf8').trim().split('\r\n').slice(1);
  assert.ok(queueLines.length > 0);
  assert.ok(queueLines.every((l) => l.includes('"審査待ち"')), 'the filter applies');

  // Every export is in the audit log with its format and row count.
  const audit = rawSql(db, "SELECT action || ' ' || detail FROM audit_log WHERE action LIKE 'export.%' ORDER BY id").stdout;
  assert.match(audit, new RegExp(`export.completions format=xlsx rows=${tokyoDoctors}`));
  assert.match(audit, /export.completions format=csv-cp932/);
  assert.match(audit, /export.queue format=csv/);

  // Out of scope, bad kind, bad format: clear errors, no file.
  const other = await staff.get('/api/v1/staff/exports/completions?association=27');
  assert.equal(other.status, 404);
  const kind = await staff.get('/api/v1/staff/exports/doctors');
  assert.equal(kind.status, 400);
  assert.equal(kind.body.error.field, 'kind');
  const format = await staff.get('/api/v1/staff/exports/completions?format=xls');
  assert.equal(format.status, 400);
  assert.match(format.body.error.message_ja, /xlsx/);
  const doctor = await login(base, '99100001');
  assert.equal((await doctor.get('/api/v1/staff/exports/completions')).status, 403);
});

test('kakari export: files of every kind, and nothing left after a refusal', (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  for (const kind of ['queue', 'completions', 'certificates', 'coverage', 'statistics']) {
    const out = path.join(dir, `${kind}.xlsx`);
    const r = kakari(['export', kind, '--db', db, '--format', 'xlsx', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /rows/);
    assert.ok(readXlsx(out).rows >= 1, kind);
  }
  const refused = path.join(dir, 'refused.csv');
  const r = kakari(['export', 'completions', '--db', db, '--format', 'csv', '--out', refused, '--association', '99']);
  assert.notEqual(r.status, 0);
  assert.throws(() => readFileSync(refused));
  assert.equal(kakari(['export', 'completions', '--db', db, '--format', 'xls', '--out', refused]).status, 2);
});

test('a selection of certificates as one ZIP of PDFs, in scope only', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const jma = await login(base, 'jma-admin');
  const numbers = rawSql(db, "SELECT DISTINCT number FROM certificates ORDER BY number LIMIT 2").stdout.split('\n');
  assert.equal(numbers.length, 2);
  const r = await fetch(`${base}/api/v1/staff/certificates/zip`, {
    method: 'POST',
    headers: { cookie: jma.cookie, 'x-csrf-token': jma.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ numbers }),
  });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/zip');
  const zip = path.join(dir, 'certs.zip');
  writeFileSync(zip, Buffer.from(await r.arrayBuffer()));
  // Python's zipfile checks every CRC; pdftotext reads the first PDF.
  const listed = spawnSync('/usr/bin/python3', ['-c', `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist(): print(n)
open(sys.argv[2], 'wb').write(z.read(z.namelist()[0]))`, zip, path.join(dir, 'first.pdf')], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const names = listed.stdout.trim().split('\n');
  assert.equal(names.length, 2);
  assert.ok(names.every((n) => /^K\d{4}-\d{6}-v\d+\.pdf$/.test(n)), names.join());
  const text = spawnSync('pdftotext', [path.join(dir, 'first.pdf'), '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0);
  assert.match(text.stdout.replace(/\s/g, ''), new RegExp(numbers[0]));

  const none = await jma.post('/api/v1/staff/certificates/zip', { numbers: [] });
  assert.equal(none.status, 400);
  const unknown = await jma.post('/api/v1/staff/certificates/zip', { numbers: ['第K2099-999999号'] });
  assert.equal(unknown.status, 404);
  const county = await login(base, 'reviewer-13001');
  const outside = rawSql(db, "SELECT c.number FROM certificates c JOIN completion_applications a ON a.id = c.application_id " +
    "JOIN organisations o ON o.id = a.routed_to_association_id JOIN doctors d ON d.id = c.doctor_id " +
    "JOIN organisations h ON h.id = d.home_association_id WHERE h.code NOT LIKE '13001%' LIMIT 1").stdout;
  if (outside) assert.equal((await county.post('/api/v1/staff/certificates/zip', { numbers: [outside] })).status, 404);
});
