// Shared helpers for the black-box tests: they drive the real `kakari`
// binary on temporary SQLite files, and a real server on loopback.
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

// Runs kakari with args; returns { status, stdout, stderr }.
export function kakari(args, options = {}) {
  const r = spawnSync(kakariBin, args, { encoding: 'utf8', ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function kakariJson(args) {
  const r = kakari(args);
  if (r.status !== 0 && r.status !== 3) throw new Error(`kakari ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Starts `kakari serve` on a free port; stops it when the test ends.
export async function startServer(t, db, extra = []) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(kakariBin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
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
