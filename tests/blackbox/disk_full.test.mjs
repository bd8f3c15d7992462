// A bad day for real: the database lives on a small tmpfs that is filled to
// the last byte while the server runs. Reads (including the once-a-minute
// session bookkeeping) keep working, writes answer 503 `unavailable` with
// Retry-After and leave nothing behind, and writing resumes by itself once
// space returns. Needs root (mount); CI runs as root on this machine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { login, startServer, demoDb, tempDir } from './helpers.mjs';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function fillDisk(file) {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x41);
      for (;;) {
        try { fs.writeSync(fd, chunk); } catch (e) {
          if (e.code !== 'ENOSPC') throw e;
          break;
        }
      }
    }
  } finally { fs.closeSync(fd); }
}

const lastSeen = (db) => Number(sh('sqlite3', [db, 'SELECT max(last_seen_at) FROM sessions']));

async function upload(client, bytes) {
  return client.request('POST', '/api/v1/files', {
    body: bytes, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'disk-full-proof.pdf' },
  });
}

test('disk full: reads stay readable, writes answer 503 and resume when space returns',
  { skip: process.getuid?.() !== 0 && 'mounting a tmpfs needs root' }, async (t) => {
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'kakari-tmpfs-'));
    sh('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', mnt]);
    let server = null;
    t.after(() => {  // the server first, then the mount, then the folder
      server?.child.kill('SIGKILL');
      spawnSync('umount', ['-l', mnt]);
      fs.rmSync(mnt, { recursive: true, force: true });
    });
    const db = demoDb(mnt);
    server = await startServer(t, db);
    const { base, log } = server;
    const doctor = await login(base, '99100002');
    const reviewer = await login(base, 'reviewer-13001');
    // Make both sessions due for their last-seen update on the next request.
    sh('sqlite3', [db, 'UPDATE sessions SET last_seen_at = last_seen_at - 120']);
    const stale = lastSeen(db);

    const filler = path.join(mnt, 'filler');
    fillDisk(filler);
    assert.ok(fs.statSync(filler).size > 1 << 20, 'the tmpfs was filled');

    for (let i = 0; i < 3; i++) {
      assert.equal((await doctor.get('/api/v1/me/progress')).status, 200);
      assert.equal((await doctor.get('/api/v1/me/items')).status, 200);
      assert.equal((await reviewer.get('/api/v1/staff/queue')).status, 200);
    }
    assert.equal(lastSeen(db), stale, 'the last-seen update really failed, and the reads went on');
    const refused = await upload(doctor, PDF);
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'unavailable');
    assert.ok(refused.body.error.message_ja && refused.body.error.message_en);
    assert.ok(Number(refused.headers.get('retry-after')) > 0, 'Retry-After says when to try again');
    const noLogin = await fetch(`${base}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: '99100001', password: 'kakari-demo-2026' }),
    });
    assert.equal(noLogin.status, 503, 'a login needs a write: unavailable, not internal');
    assert.doesNotMatch(log(), /internal/);

    fs.rmSync(filler);
    const stored = await upload(doctor, PDF);
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    assert.equal((await doctor.get('/api/v1/me/progress')).status, 200);
    assert.ok(lastSeen(db) > stale, 'last-seen is written again once space returns');
    const integrity = sh('sqlite3', [db, 'PRAGMA integrity_check']);
    assert.equal(integrity, 'ok');
    const files = Number(sh('sqlite3', [db, "SELECT count(*) FROM stored_files WHERE name = 'disk-full-proof.pdf'"]));
    assert.equal(files, 1, 'the refused upload left nothing behind');
  });

test('disk full under the export folder: an export answers 503 and leaves no file',
  { skip: process.getuid?.() !== 0 && 'mounting a tmpfs needs root' }, async (t) => {
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'kakari-export-tmpfs-'));
    sh('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
    let server = null;
    t.after(() => {
      server?.child.kill('SIGKILL');
      spawnSync('umount', ['-l', mnt]);
      fs.rmSync(mnt, { recursive: true, force: true });
    });
    const db = demoDb(tempDir(t));  // removed with the test
    server = await startServer(t, db, [], { TMPDIR: mnt });
    const jma = await login(server.base, 'jma-admin');
    fillDisk(path.join(mnt, 'filler'));
    for (const format of ['xlsx', 'csv']) {
      const r = await jma.get(`/api/v1/staff/exports/completions?format=${format}`);
      assert.equal(r.status, 503, `${format}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'unavailable');
      assert.ok(r.body.error.message_ja.length > 0 && r.body.error.message_en.length > 0);
    }
    assert.deepEqual(fs.readdirSync(mnt), ['filler'], 'no half-written export left behind');
    // With room again, the same export works.
    fs.rmSync(path.join(mnt, 'filler'));
    const ok = await jma.get('/api/v1/staff/exports/statistics?format=csv');
    assert.equal(ok.status, 200);
    assert.deepEqual(fs.readdirSync(mnt), [], 'the sent file is gone');
  });
