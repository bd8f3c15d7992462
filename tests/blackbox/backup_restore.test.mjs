// Backup while the server serves and writes, then restore: every approval that
// was committed before the backup began is in it, certificate numbering is
// gap-free, the audit chain verifies, and the keys are plainly said to be out.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { kakari, kakariBin, login, startServer, tempDir, demoDb } from './helpers.mjs';

const sql = (db, q) => spawnSync('sqlite3', [db, q], { encoding: 'utf8' }).stdout.trim();

function runAsync(args) {
  return new Promise((resolve) => {
    const child = spawn(kakariBin, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('backup during a stream of approvals, restore, and what it holds', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const reviewer = await login(base, 'reviewer-13001');
  const queue = async (kind) => (await reviewer.get(
    `/api/v1/staff/queue?kind=${kind}&status=submitted&per_page=200`)).body.items;
  // The demo's association has a handful of items: a doctor reports more.
  const doctor = await login(base, '99100002');
  for (let k = 0; k < 40; k++) {
    const file = await doctor.request('POST', '/api/v1/files', {
      body: Buffer.from(`%PDF-1.4\n% ${k}\n%%EOF\n`),
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': `appointment-${k}.pdf` },
    });
    const r = await doctor.post('/api/v1/me/activities', {
      category: 'school_doctor', description: `学校医 ${k}`, started_on: '2020-04-01',
      organisation: '千代田区教育委員会', file_ids: [file.body.id],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const items = [...await queue('application'), ...await queue('activity')];
  assert.ok(items.length > 20, `enough submitted items to stream (${items.length})`);

  const approved = [];
  let stop = false;
  const stream = (async () => {
    for (const i of items) {
      if (stop) break;
      const r = await reviewer.post(`/api/v1/staff/items/${i.kind}/${i.id}/decision`, { action: 'approve' });
      if (r.status === 200) approved.push(i);
    }
  })();
  while (approved.length < 5) await new Promise((r) => setTimeout(r, 20));
  const committedBefore = [...approved];
  const backupFile = path.join(dir, 'nightly.db');
  const backup = await runAsync(['backup', '--to', backupFile, '--db', db]);
  const afterBackup = approved.length;
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  await stream;
  assert.equal(backup.status, 0, backup.stderr);
  assert.match(backup.stdout, /整合性 ok/);
  assert.match(backup.stdout, /署名鍵.*含まれていません/);
  assert.match(backup.stdout, /NOT in this backup/);
  assert.ok(approved.length > afterBackup || approved.length === items.length,
    'approvals went on while and after the backup ran');
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('nightly')), ['nightly.db'],
    'one self-contained file, nothing half-written beside it');

  const restored = path.join(dir, 'restored.db');
  const restore = kakari(['restore', '--from', backupFile, '--db', restored]);
  assert.equal(restore.status, 0, restore.stderr);
  assert.match(restore.stdout, /audit chain of \d+ records intact/);
  for (const i of committedBefore) {
    assert.equal(sql(restored, `SELECT status FROM review_items WHERE kind = '${i.kind}' AND id = ${i.id}`),
      'approved', `${i.kind} ${i.id} was committed before the backup began`);
  }
  const serials = sql(restored, 'SELECT DISTINCT number FROM certificates ORDER BY number').split('\n')
    .map((n) => Number(n.match(/-(\d+)号$/)[1]));
  assert.deepEqual(serials, serials.map((_, k) => k + 1), 'certificate numbers are gap-free');
  assert.equal(kakari(['audit', 'verify', '--db', restored]).status, 0);

  // A damaged backup is refused and the target is left as it was.
  const damaged = path.join(dir, 'damaged.db');
  const bytes = fs.readFileSync(backupFile);
  bytes.fill(0x55, 8192, 16384);
  fs.writeFileSync(damaged, bytes);
  const refused = kakari(['restore', '--from', damaged, '--db', restored, '--force']);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /エラー: .+\nError: .+/);
  assert.equal(kakari(['audit', 'verify', '--db', restored]).status, 0, 'the old target still stands');
  assert.equal(kakari(['restore', '--from', backupFile, '--db', restored]).status, 2,
    'an existing database is replaced only with --force');
});
