// kakari copy: a whole registry into an empty database and back (on the
// PostgreSQL run the middle database is a PostgreSQL schema; otherwise a
// second SQLite file), counts and audit chain checked on both sides, a
// non-empty target refused, a missing option a usage error.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { freshDb, kakari, rawSql, tempDir } from './helpers.mjs';

const TABLES = ['doctors', 'lecture_credits', 'audit_log', 'certificates', 'users', 'affiliations', 'review_counts'];
const counts = (db) => Object.fromEntries(TABLES.map((t) => [t, rawSql(db, `SELECT COUNT(*) FROM ${t}`).stdout]));

test('copy a registry there and back: same rows, intact audit chain, non-empty target refused', (t) => {
  const dir = tempDir(t);
  // The source is always an SQLite file, so that it and the copy brought back
  // can be compared value for value (on the PostgreSQL run the middle is there).
  const source = path.join(dir, 'source.db');
  assert.equal(kakari(['demo', '--scale', 'small', '--db', source]).status, 0);
  // Text that COPY's format must escape: a tab, a newline, a backslash, \N, a CR.
  assert.equal(rawSql(source, "UPDATE lectures SET title = title || '\ta\\b\n\\N\rx' " +
    'WHERE id = (SELECT MIN(id) FROM lectures)').status, 0);
  const middle = freshDb(dir, 'middle.db');
  const there = kakari(['copy', '--from', source, '--to', middle]);
  assert.equal(there.status, 0, there.stderr);
  assert.match(there.stdout, /lecture_credits\t\d+/);
  assert.match(there.stdout, /audit chain intact on both sides/);
  assert.deepEqual(counts(middle), counts(source));
  if (middle.startsWith('postgresql://')) {
    // The copy turns the item tables' counting triggers off while it loads them.
    assert.equal(rawSql(middle, "SELECT COUNT(*) FROM pg_trigger WHERE tgenabled = 'D'").stdout, '0',
      'every trigger is on again');
  }

  const again = kakari(['copy', '--from', source, '--to', middle]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already holds a registry/);
  assert.deepEqual(counts(middle), counts(source), 'the refused copy wrote nothing');

  const back = path.join(dir, 'back.db');
  assert.equal(kakari(['copy', '--from', middle, '--to', back]).status, 0);
  assert.deepEqual(counts(back), counts(source));
  assert.equal(rawSql(back, 'SELECT * FROM review_counts ORDER BY 1, 2, 3').stdout,
    rawSql(source, 'SELECT * FROM review_counts ORDER BY 1, 2, 3').stdout);
  // Every value there and back, bytes (signing keys, uploaded files) included.
  for (const sql of ['SELECT * FROM lectures ORDER BY id', 'SELECT * FROM doctors ORDER BY id',
    'SELECT * FROM audit_log ORDER BY id', 'SELECT * FROM certificates ORDER BY id',
    'SELECT id, hex(public_key), created_at, retired_at FROM signing_keys ORDER BY id',
    'SELECT id, sha256, hex(bytes) FROM stored_files ORDER BY id']) {
    assert.equal(rawSql(back, sql).stdout, rawSql(source, sql).stdout, sql);
  }
  assert.match(rawSql(back, 'SELECT title FROM lectures ORDER BY id LIMIT 1').stdout, /\ta\\b\n\\N\rx$/);

  assert.equal(kakari(['copy', '--from', path.join(dir, 'missing.db')]).status, 2);
});
