// JMA and prefecture administration: routing per prefecture, certificate
// numbering and contents, signatories with their seals.
import { useEffect, useState } from 'preact/hooks';
import { call, get, type CertificateSettings, type FileMeta, type Level, type Ok, type Signatory, type User } from '../lib/api';
import { FilePicker } from '../lib/FilePicker';
import { prefectureName } from '../lib/prefectures';
import { formatDate, tc, useLang, useT } from '../lib/i18n';
import { ErrorBox, Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { a } from './messages';
import { SaveBar } from './SaveBar';

type Routing = Ok<'/api/v1/admin/routing/{prefecture}', 'get'>;
// What the pattern makes of this year's first number ({year}, {seq}, {seq:N}),
// as the server's FormatCertificateNumber does.
// The number the pattern gives to the next certificate (the server's counter).
function previewNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d+))?\}/g, (_, width: string | undefined) => String(seq).padStart(Number(width ?? 0), '0'));
}

const prefectures = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

export function RoutingAdmin({ user }: { user: User }) {
  const t = useT(a);
  const lang = useLang();
  const own = user.role === 'jma_admin' ? '13' : (user.association_code ?? '').slice(0, 2);
  const [pref, setPref] = useState(own);
  const [rule, setRule] = useState<Routing | null>(null);
  const [loaded] = useLoad(() => call<Routing>('GET', `/api/v1/admin/routing/${pref}`), [pref]);
  const save = useSubmit<Routing>();
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (loaded.kind === 'shown') setRule(loaded.value); setSaved(false); }, [loaded]);
  async function submit(e: Event) {
    e.preventDefault();
    if (!rule) return;
    const r = await save.run(() => call<Routing>('PUT', `/api/v1/admin/routing/${pref}`, { members: rule.members, non_members: rule.non_members }), 'rt');
    if (r) { setRule(r); setSaved(true); }
  }
  const level = (k: 'members' | 'non_members') => (
    <Field id={`rt-${k}`} field={k} label={k === 'members' ? t('members') : t('nonMembers')} error={save.error}>{(a) => (
      <select {...a} value={rule?.[k]} onChange={(e) => rule && setRule({ ...rule, [k]: inputValue(e) as Level })}>
        <option value="county">{t('level_county')}</option><option value="prefecture">{t('level_prefecture')}</option>
      </select>
    )}</Field>
  );
  return (
    <section class="card" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('routingTitle')}</h2>
      <div class="field">
        <label for="rt-prefecture">{t('prefecture')}</label>
        <select id="rt-prefecture" value={pref} disabled={user.role !== 'jma_admin'} onChange={(e) => setPref(inputValue(e))}>
          {prefectures.map((p) => <option key={p} value={p}>{prefectureName(lang, p)}</option>)}
        </select>
      </div>
      <Show state={loaded}>{() => (
        <form class="form" onSubmit={(e) => void submit(e)}>
          {level('members')}
          {level('non_members')}
          {save.error !== undefined && <ErrorBox error={save.error} form />}
          {saved && <p class="status ok" role="status">{t('saved')}</p>}
          <button type="submit" disabled={save.busy}>{tc(useLang(), 'save')}</button>
        </form>
      )}</Show>
    </section>
  );
}

export function CertificateSettingsAdmin({ user }: { user: User }) {
  const t = useT(a);
  const [loaded] = useLoad(() => get('/api/v1/admin/certificate-settings'));
  const [v, setV] = useState<CertificateSettings | null>(null);
  const save = useSubmit<CertificateSettings>();
  const [saved, setSaved] = useState(false);
  const canEdit = user.role === 'jma_admin';
  // The GET also says the next number; the PUT takes the settings alone.
  useEffect(() => {
    if (loaded.kind !== 'shown') return;
    const { number_pattern, show_birth_date, show_registry_number, show_western_date } = loaded.value;
    setV({ number_pattern, show_birth_date, show_registry_number, show_western_date });
  }, [loaded]);
  async function submit(e: Event) {
    e.preventDefault();
    if (!v) return;
    const r = await save.run(() => call<CertificateSettings>('PUT', '/api/v1/admin/certificate-settings', v), 'cs');
    if (r) { setV(r); setSaved(true); }
  }
  const check = (k: 'show_birth_date' | 'show_registry_number' | 'show_western_date', label: string) => (
    <label class="check"><input type="checkbox" disabled={!canEdit} checked={v?.[k]} onChange={(e) => v && setV({ ...v, [k]: (e.target as HTMLInputElement).checked })} /> {label}</label>
  );
  return (
    <section class="card" aria-labelledby="cs-title">
      <h2 id="cs-title">{t('certSettingsTitle')}</h2>
      {!canEdit && <p class="note">{t('readOnly')}</p>}
      <Show state={loaded}>{(next) => v && (
        <form class="form" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="cs-number_pattern" field="number_pattern" label={t('pattern')} error={save.error}
            describedBy="cs-pattern-preview">{(a) => (
            <input {...a} value={v.number_pattern} readOnly={!canEdit} onInput={(e) => setV({ ...v, number_pattern: inputValue(e) })} />
          )}</Field>
          <p id="cs-pattern-preview" class="reads" aria-live="polite" data-testid="pattern-preview">
            {t('patternPreview', { number: previewNumber(v.number_pattern, next.next_year, next.next_sequence) })}
          </p>
          {check('show_birth_date', t('showBirth'))}
          {check('show_registry_number', t('showRegistry'))}
          {check('show_western_date', t('showWestern'))}
          <SaveBar error={save.error} saved={saved} busy={save.busy} canEdit={canEdit} />
        </form>
      )}</Show>
    </section>
  );
}

export function SignatoriesAdmin({ user }: { user: User }) {
  const t = useT(a);
  const lang = useLang();
  const [list, reload] = useLoad(() => get('/api/v1/admin/signatories'));
  const [v, setV] = useState({ effective_from: '', title: '', name: '' });
  const [seal, setSeal] = useState<FileMeta[]>([]);
  const add = useSubmit<Signatory>();
  async function submit(e: Event) {
    e.preventDefault();
    const body = { ...v, ...(seal[0] ? { seal_file_id: seal[0].id } : {}) };
    const r = await add.run(() => call<Signatory>('POST', '/api/v1/admin/signatories', body), 'sg');
    if (r) { setV({ effective_from: '', title: '', name: '' }); setSeal([]); void reload(); }
  }
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  return (
    <section class="card" aria-labelledby="sg-title">
      <h2 id="sg-title">{t('signatoriesTitle')}</h2>
      <Show state={list}>{(l) => (
        <table class="list" data-testid="signatories">
          <thead><tr><th scope="col">{t('effectiveFrom')}</th><th scope="col">{t('sigTitle')}</th><th scope="col">{t('name')}</th><th scope="col">{t('seal')}</th></tr></thead>
          <tbody>{l.items.map((x) => (
            <tr key={x.id}><td>{formatDate(lang, x.effective_from)}</td><td>{x.title}</td><td>{x.name}</td><td>{x.has_seal ? t('hasSeal') : '—'}</td></tr>
          ))}</tbody>
        </table>
      )}</Show>
      {user.role === 'jma_admin' && (
        <form class="form" onSubmit={(e) => void submit(e)} noValidate>
          <h3>{t('addSignatory')}</h3>
          <Field id="sg-effective_from" field="effective_from" label={t('effectiveFrom')} error={add.error} required>{(a) => <input {...a} type="date" value={v.effective_from} onInput={set('effective_from')} />}</Field>
          <Field id="sg-title" field="title" label={t('sigTitle')} error={add.error} required>{(a) => <input {...a} value={v.title} onInput={set('title')} />}</Field>
          <Field id="sg-name" field="name" label={t('name')} error={add.error} required>{(a) => <input {...a} value={v.name} onInput={set('name')} />}</Field>
          <FilePicker id="sg-seal_file_id" field="seal_file_id" label={t('seal')} files={seal} onChange={(f) => setSeal(f.slice(-1))}
            accept="image/png,image/jpeg" multiple={false} error={add.error} uploadingText={tc(lang, 'loading')} removeText={(n) => `${tc(lang, 'cancel')}: ${n}`} />
          {add.error !== undefined && <ErrorBox error={add.error} form />}
          <button type="submit" disabled={add.busy}>{t('addSignatory')}</button>
        </form>
      )}
    </section>
  );
}
