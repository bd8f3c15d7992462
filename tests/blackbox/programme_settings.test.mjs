// The programme's rules over HTTP: staff read them, only the JMA changes
// them, bad numbers are refused and change nothing, and a doctor's progress
// follows the new rules at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoDb, login, startServer, tempDir } from './helpers.mjs';

test('programme rules: read by staff, changed by the JMA, progress follows', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const jma = await login(base, 'jma-admin');
  const tokyo = await login(base, 'admin-13');
  const doctor = await login(base, '99100001');

  const current = await tokyo.get('/api/v1/admin/programme');
  assert.equal(current.status, 200);
  assert.equal(current.body.required_total_units, 10);
  assert.equal(current.body.units_per_activity, 5);
  assert.equal((await doctor.get('/api/v1/admin/programme')).status, 403);

  const rules = {
    units_per_activity: 5, min_lecture_units: 0.5, min_practical_activities: 1, required_total_units: 12,
    credit_window_from: null, credit_window_to: null, certificate_validity_years: null,
  };
  assert.equal((await tokyo.request('PUT', '/api/v1/admin/programme', { json: rules })).status, 403);
  const bad = await jma.request('PUT', '/api/v1/admin/programme', { json: { ...rules, required_total_units: 0 } });
  assert.equal(bad.status, 400);
  const badWindow = await jma.request('PUT', '/api/v1/admin/programme',
    { json: { ...rules, credit_window_from: '2026-04-01', credit_window_to: '2025-04-01' } });
  assert.equal(badWindow.status, 400);
  assert.equal((await tokyo.get('/api/v1/admin/programme')).body.required_total_units, 10, 'refusals changed nothing');
  assert.equal((await doctor.get('/api/v1/me/progress')).body.complete, true, '11.5 of 10');

  const saved = await jma.request('PUT', '/api/v1/admin/programme', { json: rules });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.required_total_units, 12);
  assert.equal(saved.body.code, current.body.code);
  assert.equal(saved.body.name_ja, current.body.name_ja, 'names kept when not given');
  const progress = (await doctor.get('/api/v1/me/progress')).body;
  assert.equal(progress.complete, false, '11.5 of 12');
  assert.equal(progress.programme.required_total_units, 12);
  assert.equal((await doctor.post('/api/v1/me/applications', {})).status, 422);
});
