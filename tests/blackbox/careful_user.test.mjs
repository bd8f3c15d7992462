// Small things a careful user hits: numbers on the command line are checked
// (usage error, exit 2, never an uncaught exception), and every HTTP status
// line carries its own reason phrase.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import path from 'node:path';
import { kakari, login, startServer, tempDir, demoDb } from './helpers.mjs';

test('bad numbers on the command line are usage errors, not crashes', (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const cases = [
    ['demo', '--scale', 'small', '--seed', 'abc', '--db', path.join(dir, 'other.db')],
    ['demo', '--scale', 'small', '--seed', '99999999999999999999', '--db', path.join(dir, 'o2.db')],
    ['user', 'add', '--login', 'inst-x', '--role', 'institution', '--institution', '12345678901234567890',
      '--db', db],
    ['cert', 'pdf', 'X', '--out', path.join(dir, 'x.pdf'), '--version', '1e3', '--db', db],
  ];
  for (const args of cases) {
    const r = kakari(args, { input: 'Kakari-Strong-Pass-2026!\n' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /エラー: .+\nError: .+/, args.join(' '));
    assert.doesNotMatch(r.stderr, /terminate|what\(\)|stoull|stoll|stoi/);
    if (args.includes('--institution') || args.includes('--seed')) assert.match(r.stderr, /--(institution|seed)/);
  }
});

// The raw status line, as a client sees it on the wire.
function statusLine(base, method, urlPath, headers = {}, body = '') {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      const lines = [`${method} ${urlPath} HTTP/1.1`, `Host: ${hostname}`, 'Connection: close',
        `Content-Length: ${Buffer.byteLength(body)}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    });
    let data = '';
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

test('status lines carry the right reason phrase (201, 204, 4xx)', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const doctor = await login(base, '99100002');
  const auth = { cookie: doctor.cookie, 'x-csrf-token': doctor.csrf };
  assert.equal(await statusLine(base, 'GET', '/healthz'), 'HTTP/1.1 200 OK');
  assert.equal(await statusLine(base, 'GET', '/api/v1/me/progress'), 'HTTP/1.1 401 Unauthorized');
  assert.equal(await statusLine(base, 'GET', '/api/v1/no-such-route'), 'HTTP/1.1 404 Not Found');
  const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
  assert.equal(await statusLine(base, 'POST', '/api/v1/files',
    { ...auth, 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' }, pdf),
  'HTTP/1.1 201 Created');
  assert.equal(await statusLine(base, 'DELETE', '/api/v1/session', auth), 'HTTP/1.1 204 No Content');
});
