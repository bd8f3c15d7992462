// `kakari init`, `import doctors|credits` and `eligibility`, end to end on a
// real SQLite file: encodings, header names, bad rows, duplicates.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { kakari, kakariJson, tempDir, freshDb } from './helpers.mjs';

const doctorsCsv = [
  '医籍登録番号,氏名,フリガナ,生年月日,所属医師会コード,会員番号,メールアドレス,郵便番号,住所',
  '１２３４５６,髙橋　太郎,たかはし　たろう,昭和45年4月1日,13,A100,taro@example.jp,113-8621,東京都文京区本駒込2-28-16',
  '223456,山﨑　花子,ﾔﾏｻﾞｷ ﾊﾅｺ,1980/5/6,27,,hanako@example.jp,5300001,大阪府大阪市北区',
  '323456,佐藤 一郎,サトウ イチロウ,平成32年1月1日,13,,,,',
  '423456,鈴木 誠,スズキ マコト,1975-01-01,99,,,,',
].join('\r\n') + '\r\n';

function setUp(t) {
  const dir = tempDir(t);
  const db = freshDb(dir, 'k.db');
  assert.equal(kakari(['init', '--db', db]).status, 0);
  const file = path.join(dir, 'doctors.csv');
  writeFileSync(file, doctorsCsv);
  return { dir, db, file };
}

test('init creates the JMA and 47 prefectures, and is idempotent', (t) => {
  const { db } = setUp(t);
  assert.equal(kakari(['init', '--db', db]).status, 0);
  const r = kakari(['eligibility', '--all', '--json', '--db', db]);
  assert.equal(JSON.parse(r.stdout).doctors, 0);
});

test('doctors import reports bad rows by line and keeps the good ones', (t) => {
  const { db, file } = setUp(t);
  const r = kakari(['import', 'doctors', file, '--json', '--db', db]);
  assert.equal(r.status, 3, 'exit 3 when some rows were rejected');
  const report = JSON.parse(r.stdout);
  assert.equal(report.imported, 2);
  assert.deepEqual(report.rejected.map((x) => x.line), [4, 5]);
  assert.match(report.rejected[0].reason_en, /平成32年1月1日.*does not exist/);
  assert.match(report.rejected[1].reason_en, /association code "99"/);
  const again = kakariJson(['import', 'doctors', file, '--json', '--db', db]);
  assert.equal(again.imported, 0);
  assert.equal(again.updated, 2);
});

function creditsCsv() {
  return [
    'registry_number,date,units,minutes,curriculum_code,title,organizer',
    '123456,2025-04-01,1.5,,12,在宅医療研修会,東京都医師会',
    '123456,令和7年5月1日,,95,,"講演会, 第2回",東京都医師会',
    '１２３４５６,２０２５/６/１,２,,,認知症研修,"日本医師会"',
    '123456,2025-04-01,1.5,,12,在宅医療研修会,東京都医師会',
    '999999,2025-04-01,1,,,研修,主催',
    '123456,2025-04-01,0.3,,,研修,主催',
    '223456,令和元年5月1日,1,,,研修,主催',
  ].join('\n') + '\n';
}

test('credits import: every date form, minutes, duplicates, unknown doctors', (t) => {
  const { dir, db, file } = setUp(t);
  kakari(['import', 'doctors', file, '--db', db]);
  const credits = path.join(dir, 'credits.csv');
  writeFileSync(credits, creditsCsv());
  const report = kakariJson(['import', 'credits', credits, '--json', '--db', db]);
  assert.equal(report.imported, 4);
  assert.equal(report.duplicates, 1, 'line 5 repeats line 2');
  assert.deepEqual(report.rejected.map((x) => x.line), [6, 7]);
  assert.match(report.rejected[0].reason, /999999 の医師は登録されていません/);
  const second = kakariJson(['import', 'credits', credits, '--json', '--db', db]);
  assert.equal(second.imported, 0, 'importing the same file twice adds nothing');
  assert.equal(second.duplicates, 5);
  const e = kakariJson(['eligibility', '--doctor', '123456', '--json', '--db', db]);
  assert.equal(e.lecture_units, 5, '1.5 + 1.5 (95 min) + 2');
  assert.equal(e.practical_units, 0);
  assert.equal(e.complete, false);
  assert.equal(e.missing[0].kind, 'practical_activities');
});

test('a CP932 file with IBM and NEC characters imports like its UTF-8 twin', (t) => {
  const { dir, db, file } = setUp(t);
  const sjis = path.join(dir, 'doctors-sjis.csv');
  execFileSync('sh', ['-c', `iconv -f UTF-8 -t CP932 < "${file}" > "${sjis}"`]);
  assert.notDeepEqual(readFileSync(sjis), readFileSync(file));
  const r = kakari(['import', 'doctors', sjis, '--db', db]);
  assert.match(r.stdout, /CP932/);
  const e = kakariJson(['eligibility', '--doctor', '223456', '--json', '--db', db]);
  assert.equal(e.registry_number, '223456');
  const plain = kakari(['eligibility', '--doctor', '123456', '--db', db]);
  assert.match(plain.stdout, /髙橋　太郎/);
});

test('UTF-8 with a BOM is read, garbage is refused with a reason', (t) => {
  const { dir, db } = setUp(t);
  const bom = path.join(dir, 'bom.csv');
  writeFileSync(bom, '\uFEFF' + doctorsCsv);
  assert.match(kakari(['import', 'doctors', bom, '--db', db]).stdout, /UTF-8 \(BOM\)/);
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x20, 0xff, 0x0a]));
  const r = kakari(['import', 'credits', bad, '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /neither UTF-8 nor Shift_JIS/);
});

test('bad invocations explain themselves and write nothing', (t) => {
  const { dir, db } = setUp(t);
  const missing = kakari(['import', 'credits', path.join(dir, 'nope.csv'), '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read file/);
  const header = path.join(dir, 'header.csv');
  writeFileSync(header, 'foo,bar\n1,2\n');
  const h = kakari(['import', 'credits', header, '--db', db]);
  assert.equal(h.status, 1);
  assert.match(h.stderr, /lacks required columns: registry_number, date/);
  assert.equal(kakari(['import', 'things', header, '--db', db]).status, 2);
  assert.equal(kakari(['eligibility', '--doctor', '42', '--db', db]).status, 1);
  assert.match(kakari(['eligibility', '--doctor', '42', '--db', db]).stderr, /no doctor has registry number 42/);
  assert.equal(kakari(['demo', '--scale', 'huge', '--db', db]).status, 2);
  assert.equal(kakari(['frobnicate']).status, 2);
  const unreadable = path.join(dir, 'not-a-db');
  writeFileSync(unreadable, 'this is not sqlite, it is just text '.repeat(200));
  const u = kakari(['init', '--db', unreadable]);
  assert.equal(u.status, 1);
  assert.ok(existsSync(unreadable));
});
