// Shared helpers for the black-box tests: they drive the real `kakari`
// binary on temporary SQLite files, and a real server on loopback. With
// KAKARI_BLACKBOX_PG set (scripts/blackbox-postgres.sh sets it to a
// throw-away cluster's socket folder and port), every database a test makes
// through freshDb or demoDb is a new PostgreSQL schema instead.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const kakariBin = process.env.KAKARI_BIN ?? path.join(repoRoot, 'build/src/app/kakari');

export function tempDir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kakari-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// On PostgreSQL, kakari runs in a folder of its own: the signing keys of a
// database named by URL go into the working directory.
const workDir = process.env.KAKARI_BLACKBOX_PG ? mkdtempSync(path.join(tmpdir(), 'kakari-pg-keys-')) : undefined;
if (workDir) process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

// Runs kakari with args; returns { status, stdout, stderr }.
export function kakari(args, options = {}) {
  const r = spawnSync(kakariBin, args, { encoding: 'utf8', cwd: workDir, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function kakariJson(args) {
  const r = kakari(args);
  if (r.status !== 0 && r.status !== 3) throw new Error(`kakari ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Starts `kakari serve` on a free port; stops it when the test ends.
export async function startServer(t, db, extra = [], moreEnv = {}) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // Verification links in certificates point at this server.
  // The hourly reminder schedule is off unless a test asks for it: tests
  // compare inboxes and mail spools with what they did themselves.
  const env = {
    ...process.env, KAKARI_PUBLIC_URL: `http://127.0.0.1:${port}`, KAKARI_REMINDERS: 'off', ...moreEnv,
  };
  const child = spawn(kakariBin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'], env, cwd: workDir,
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  t.after(() => child.kill('SIGTERM'));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return { base, child, log: () => log };
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${log}`);
}

export const DEMO_PASSWORD = 'kakari-demo-2026';

// A logged-in API client: sends the session cookie, and the CSRF token on
// every state-changing request.
export class Client {
  constructor(base, cookie, csrf, user) {
    Object.assign(this, { base, cookie, csrf, user });
  }

  async request(method, urlPath, { json, body, headers = {} } = {}) {
    const h = { cookie: this.cookie, ...headers };
    if (method !== 'GET' && this.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const r = await fetch(`${this.base}${urlPath}`, { method, headers: h, body });
    const type = r.headers.get('content-type') ?? '';
    const text = type.includes('json') ? await r.text() : null;
    return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : null, raw: r };
  }

  get(p, opts) { return this.request('GET', p, opts); }
  post(p, json, headers) { return this.request('POST', p, { json, headers }); }
}

export async function login(base, loginId, password = DEMO_PASSWORD) {
  const r = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginId, password }),
  });
  if (r.status !== 200) throw new Error(`login ${loginId}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = await r.json();
  return new Client(base, cookie, body.csrf_token, body.user);
}

let schemas = 0;
// A new, empty database: a file in `dir`, or a fresh PostgreSQL schema.
export function freshDb(dir, name) {
  const pg = process.env.KAKARI_BLACKBOX_PG;
  if (!pg) return path.join(dir, name);
  const [host, port] = pg.split(':');
  const schema = `b${process.pid}_${++schemas}`;
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', port, '-U', 'postgres',
    '-d', 'postgres', '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`],
  { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return `postgresql:///postgres?host=${encodeURIComponent(host)}&port=${port}&user=postgres` +
    `&options=-csearch_path%3D${schema}`;
}

export const onPostgres = Boolean(process.env.KAKARI_BLACKBOX_PG);

// SQL straight against a test's database (sqlite3 or psql), as the
// operator's own tools would; rows come back as lines of `|`-joined values.
export function rawSql(db, sql) {
  const r = db.startsWith('postgresql://')
    ? spawnSync('psql', ['-X', '-q', '-tA', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql], { encoding: 'utf8' })
    : spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

// The small demo database, made once per test file into `dir`.
export function demoDb(dir) {
  const db = freshDb(dir, 'demo.db');
  const r = kakari(['demo', '--scale', 'small', '--db', db]);
  if (r.status !== 0) throw new Error(r.stderr);
  return db;
}
