// The HTTP server as a client sees it: health, progress (logged in), errors,
// static files.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { kakari, kakariJson, login, startServer, tempDir, freshDb } from './helpers.mjs';

test('progress endpoint answers what the CLI computes, errors are JSON', async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir, 'demo.db');
  assert.equal(kakari(['demo', '--scale', 'small', '--db', db]).status, 0);
  const { base } = await startServer(t, db);

  const health = await fetch(`${base}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok' });

  const anonymous = await fetch(`${base}/api/v1/doctors/100001/progress`);
  assert.equal(anonymous.status, 401);
  const jma = await login(base, 'jma-admin');
  const get = (p) => fetch(`${base}${p}`, { headers: { cookie: jma.cookie } });
  for (const reg of ['100001', '100002', '100003', '100004']) {
    const cli = kakariJson(['eligibility', '--doctor', reg, '--json', '--db', db]);
    const r = await get(`/api/v1/doctors/${reg}/progress`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /application\/json/);
    const body = await r.json();
    for (const k of ['lecture_units', 'practical_units', 'total_units', 'complete']) {
      assert.equal(body[k], cli[k], `${reg} ${k}`);
    }
    assert.deepEqual(body.missing.map((m) => m.message_ja), cli.missing.map((m) => m.message_ja));
  }

  const unknown = await get('/api/v1/doctors/9999999/progress');
  assert.equal(unknown.status, 404);
  const err = (await unknown.json()).error;
  assert.equal(err.code, 'not_found');
  assert.ok(err.message_ja && err.message_en);

  const bad = await get('/api/v1/doctors/12ab/progress');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'registry_number');

  const post = await fetch(`${base}/api/v1/doctors/100001/progress`, { method: 'POST' });
  assert.equal(post.status, 404);
  const traversal = await fetch(`${base}/..%2f..%2fetc/passwd`);
  assert.equal(traversal.status, 404);
});

test('serve refuses a bad --listen, a bad KAKARI_WORKERS and a port in use', async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir, 'k.db');
  const r = kakari(['serve', '--db', db, '--listen', 'nonsense']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /must be host:port/);
  for (const workers of ['0', 'eight', '65']) {
    const w = kakari(['serve', '--db', db, '--listen', '127.0.0.1:0'], {
      env: { ...process.env, KAKARI_WORKERS: workers },
    });
    assert.equal(w.status, 2, `KAKARI_WORKERS=${workers}`);
    assert.match(w.stderr, /KAKARI_WORKERS は1〜64の数/);
    assert.match(w.stderr, /KAKARI_WORKERS must be a number from 1 to 64/);
  }
  const { base } = await startServer(t, db);
  const port = new URL(base).port;
  const busy = kakari(['serve', '--db', db, '--listen', `127.0.0.1:${port}`]);
  assert.equal(busy.status, 1);
  assert.match(busy.stderr, /cannot listen on 127\.0\.0\.1/);
});
