// The doctors of an institution: confirm or decline those who named it,
// record a leaving, and ask a doctor to confirm a new affiliation.
import { useState } from 'preact/hooks';
import { call, get, type Ok } from '../lib/api';
import { formatDate, useLang, useT } from '../lib/i18n';
import { halfWidth } from '../lib/text';
import { ErrorBox, Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { CodeLetter } from '../staff/CodeLetter';
import { im } from './messages';

type Issued = Ok<'/api/v1/institution/users', 'post', 201>;

type Request = Ok<'/api/v1/institution/affiliations', 'get'>['items'][number];

function Period({ r }: { r: Request }) {
  const t = useT(im);
  const lang = useLang();
  const from = r.started_on ? formatDate(lang, r.started_on) : '';
  const to = r.ended_on ? formatDate(lang, r.ended_on) : t('open');
  const kind = r.employment === 'full_time' ? t('fullTime') : r.employment === 'part_time' ? t('partTime') : '';
  return <span>{from} 〜 {to}{kind && `（${kind}）`}</span>;
}

function Row({ r, onDone }: { r: Request; onDone: () => void }) {
  const t = useT(im);
  const { busy, error, run } = useSubmit<Request>();
  const act = async (action: 'confirm' | 'decline' | 'end') => {
    const ok = await run(() => call('POST', `/api/v1/institution/affiliations/${r.id}/decision`, { action, version: r.version }), `aff-${r.id}`);
    if (ok) onDone();
  };
  return (
    <li data-testid={`affiliation-${r.registry_number}`}>
      <strong>{r.name}</strong> <small>{r.registry_number}</small>
      <div><Period r={r} /></div>
      <div class="actions">
        {r.state === 'awaiting_institution' && <>
          <button type="button" disabled={busy} onClick={() => act('confirm')}>{t('confirm')}</button>
          <button type="button" class="secondary" disabled={busy} onClick={() => act('decline')}>{t('decline')}</button>
        </>}
        {r.state === 'awaiting_doctor' && <span class="badge s-submitted">{t('awaitingDoctor')}</span>}
        {r.state === 'confirmed' && !r.ended_on && <button type="button" class="secondary" disabled={busy} onClick={() => act('end')}>{t('end')}</button>}
      </div>
      {error !== undefined && <ErrorBox error={error} />}
    </li>
  );
}

function Propose({ onDone }: { onDone: () => void }) {
  const t = useT(im);
  const [registry, setRegistry] = useState('');
  const [name, setName] = useState('');
  const [started, setStarted] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit<Request>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const body: Record<string, string> = { registry_number: halfWidth(registry), name };
    if (started) body.started_on = started;
    const ok = await run(() => call('POST', '/api/v1/institution/affiliations', body), 'propose');
    if (ok) { setDone(true); setRegistry(''); setName(''); onDone(); }
  };
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="propose-title">
      <h2 id="propose-title">{t('proposeTitle')}</h2>
      <p class="note">{t('proposeHint')}</p>
      <Field id="propose-registry_number" field="registry_number" label={t('registry')} error={error} required>{(a) => (
        <input {...a} inputMode="numeric" autoComplete="off" value={registry} onInput={(e) => setRegistry(inputValue(e))} />
      )}</Field>
      <Field id="propose-name" field="name" label={t('name')} error={error} required>{(a) => (
        <input {...a} autoComplete="off" value={name} onInput={(e) => setName(inputValue(e))} />
      )}</Field>
      <Field id="propose-started_on" field="started_on" label={t('startedOn')} error={error}>{(a) => (
        <input {...a} type="date" value={started} onInput={(e) => setStarted(inputValue(e))} />
      )}</Field>
      {error !== undefined && error?.field !== 'registry_number' && error?.field !== 'name' && <ErrorBox error={error} form />}
      {done && <p role="status" class="status ok">{t('proposed')}</p>}
      <button type="submit" disabled={busy}>{t('propose')}</button>
    </form>
  );
}

function Colleague() {
  const t = useT(im);
  const [issued, setIssued] = useState<Issued | null>(null);
  const { busy, error, run } = useSubmit<Issued>();
  const add = async () => {
    const r = await run(() => call<Issued>('POST', '/api/v1/institution/users', {}), 'colleague');
    if (r) setIssued(r);
  };
  return (
    <section class="card" aria-labelledby="colleague-title">
      <h2 id="colleague-title">{t('colleagueTitle')}</h2>
      <p class="note">{t('colleagueIntro')}</p>
      {!issued && <button type="button" class="secondary" disabled={busy} onClick={() => void add()}>{t('colleagueAdd')}</button>}
      {error !== undefined && <ErrorBox error={error} />}
      {issued && <CodeLetter testId="colleague-code" heading={<h3>{t('colleagueFor')}</h3>} login={issued.login} code={issued.code} expiresAt={issued.expires_at} />}
    </section>
  );
}

export function Affiliations() {
  const t = useT(im);
  const [state, reload] = useLoad(() => get('/api/v1/institution/affiliations'));
  return (
    <section class="stack" aria-labelledby="aff-title">
      <div class="card">
        <h2 id="aff-title">{t('doctorsTitle')}</h2>
        <p>{t('doctorsIntro')}</p>
        <Show state={state}>{(v) => {
          const pending = v.items.filter((r) => r.state !== 'confirmed');
          const confirmed = v.items.filter((r) => r.state === 'confirmed');
          return (
            <>
              <h3>{t('pendingTitle')}</h3>
              {pending.length === 0 ? <p class="empty">{t('none')}</p>
                : <ul class="short-list" data-testid="pending">{pending.map((r) => <Row key={r.id} r={r} onDone={reload} />)}</ul>}
              <h3>{t('confirmedTitle')}</h3>
              {confirmed.length === 0 ? <p class="empty">{t('none')}</p>
                : <ul class="short-list" data-testid="confirmed">{confirmed.map((r) => <Row key={r.id} r={r} onDone={reload} />)}</ul>}
            </>
          );
        }}</Show>
      </div>
      <Propose onDone={reload} />
      <Colleague />
    </section>
  );
}
