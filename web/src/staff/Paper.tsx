// Proxy entry of a paper application: find the doctor (kana, kanji or
// registry number) or register them, attach the scan, enter it.
import { useState } from 'preact/hooks';
import { call, enc, idempotencyKey, query, type Doctor, type FileMeta, type ItemView, type Ok } from '../lib/api';
import { FilePicker } from '../lib/FilePicker';
import { formatDate, tc, useLang, useT } from '../lib/i18n';
import { href } from '../lib/router';
import { Empty, ErrorBox, Field, inputValue, useSubmit } from '../lib/ui';
import { s } from './messages';

type Found = Ok<'/api/v1/staff/doctors', 'get'>;
type Entered = ItemView & { visible?: boolean; routed_to_name?: string };

function NewDoctor({ onCreated }: { onCreated: (d: Doctor) => void }) {
  const t = useT(s);
  const lang = useLang();
  const [v, setV] = useState({ registry_number: '', name: '', kana: '', birth_date: '', member_id: '', association_code: '', postal_code: '', address: '', email: '' });
  const c = useSubmit<Doctor>();
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const fields: [keyof typeof v, string, string?][] = [
    ['registry_number', t('registry'), 'numeric'], ['name', t('name')], ['kana', t('kana')], ['birth_date', t('birthDate'), 'date'],
    ['member_id', t('memberId')], ['association_code', t('associationCode')], ['postal_code', t('postalCode'), 'numeric'],
    ['address', t('address')], ['email', t('email'), 'email'],
  ];
  async function submit(e: Event) {
    e.preventDefault();
    const body = { ...v, member_id: v.member_id || null };
    const d = await c.run(() => call<Doctor>('POST', '/api/v1/staff/doctors', body), 'nd');
    if (d) onCreated(d);
  }
  return (
    <form class="form" onSubmit={(e) => void submit(e)} noValidate data-testid="new-doctor">
      {fields.map(([k, label, type]) => (
        <Field key={k} id={`nd-${k}`} field={k} label={label} error={c.error}
          required={['registry_number', 'name', 'kana', 'birth_date', 'association_code'].includes(k)}>{(a) => (
          <input {...a} type={type === 'date' || type === 'email' ? type : 'text'} inputMode={type === 'numeric' ? 'numeric' : undefined}
            value={v[k]} onInput={set(k)} />
        )}</Field>
      ))}
      {c.error !== undefined && <ErrorBox error={c.error} form />}
      <button type="submit" disabled={c.busy}>{c.busy ? tc(lang, 'saving') : t('register')}</button>
    </form>
  );
}

export function Paper() {
  const t = useT(s);
  const lang = useLang();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found['doctors'] | null>(null);
  const [creating, setCreating] = useState(false);
  const [doctor, setDoctor] = useState<Doctor | null>(null);
  const [scan, setScan] = useState<FileMeta[]>([]);
  const find = useSubmit<Found>();
  const enter = useSubmit<Entered>();
  const [entered, setEntered] = useState<Entered | null>(null);

  async function search(e: Event) {
    e.preventDefault();
    const r = await find.run(() => call<Found>('GET', `/api/v1/staff/doctors${query({ q })}`), 'pf');
    if (r) setFound(r.doctors);
  }
  async function submit() {
    if (!doctor) return;
    const r = await enter.run(() => call<Entered>('POST', '/api/v1/staff/paper-applications',
      { registry_number: doctor.registry_number, scan_file_id: scan[0]?.id ?? 0 }, idempotencyKey()), 'pa');
    if (r) setEntered(r);
  }
  return (
    <section class="card wide" aria-labelledby="paper-title">
      <h2 id="paper-title">{t('paperTitle')}</h2>
      <h3>{t('findDoctor')}</h3>
      <form class="filters" role="search" onSubmit={(e) => void search(e)}>
        <div class="field grow">
          <label for="pf-q">{t('search')}</label>
          <input id="pf-q" type="search" value={q} onInput={(e) => setQ(inputValue(e))} aria-invalid={find.error ? true : undefined} />
        </div>
        <button type="submit" disabled={find.busy}>{t('findButton')}</button>
      </form>
      {find.error !== undefined && <ErrorBox error={find.error} />}
      {found && (found.length === 0 ? <Empty>{t('noDoctors')}</Empty> : (
        <ul class="items" data-testid="found-doctors">
          {found.map((d) => (
            <li key={d.registry_number}>
              <strong>{d.name}</strong>（{d.kana}）{d.registry_number}・{formatDate(lang, d.birth_date)}・{d.member ? t('member') : t('nonMember')}
              {/* 髙橋 and 高橋 sound alike read aloud: the registry number tells namesakes apart */}
              <button type="button" class="secondary" onClick={() => { setDoctor(d); setEntered(null); }}
                aria-label={`${t('choose')}: ${d.name}（${d.registry_number}）`}>{t('choose')}</button>
            </li>
          ))}
        </ul>
      ))}
      <button type="button" class="link" aria-expanded={creating} onClick={() => setCreating(!creating)}>{t('createDoctor')}</button>
      {creating && <NewDoctor onCreated={(d) => { setDoctor(d); setCreating(false); }} />}
      {doctor && (
        <div class="chosen" data-testid="chosen-doctor">
          <p><strong>{t('chosen')}:</strong> {doctor.name}（{doctor.kana}）{doctor.registry_number}</p>
          <p><a href={`/api/v1/staff/doctors/${enc(doctor.registry_number)}/forms/application`} target="_blank" rel="noopener">{t('prefilledForm')}</a></p>
          <h3>{t('attachScan')}</h3>
          <FilePicker id="pa-scan_file_id" field="scan_file_id" label={t('scan')} files={scan} onChange={(f) => setScan(f.slice(-1))}
            error={enter.error} multiple={false} uploadingText={tc(lang, 'loading')} removeText={(n) => `${tc(lang, 'cancel')}: ${n}`} />
          <h3>{t('enter')}</h3>
          {enter.error !== undefined && <ErrorBox error={enter.error} />}
          <button type="button" disabled={enter.busy || scan.length === 0} onClick={() => void submit()}>{t('enter')}</button>
        </div>
      )}
      {entered && (
        <p class="status ok" role="status" data-testid="entered">
          {entered.visible === false ? t('enteredElsewhere', { where: entered.routed_to_name ?? '' })
            : t('entered', { id: entered.id, where: entered.routed_to })}
          {entered.visible !== false && <> <a href={href(`/review/application/${entered.id}`)}>{t('openEntered')}</a></>}
        </p>
      )}
    </section>
  );
}
