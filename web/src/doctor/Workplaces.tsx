// A doctor's workplaces: which institutions see their completion, answering
// an institution's request, ending a workplace, and adding one by search.
import { useState } from 'preact/hooks';
import { call, enc, get, type Ok } from '../lib/api';
import { formatDate, useLang, useT } from '../lib/i18n';
import { halfWidth } from '../lib/text';
import { ErrorBox, Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { m } from './messages';

type Workplace = Ok<'/api/v1/me/workplaces', 'get'>['items'][number];
type Institution = Ok<'/api/v1/institutions', 'get'>['items'][number];

const stateKey = {
  awaiting_institution: 'wpAwaitingInstitution', awaiting_doctor: 'wpAwaitingDoctor',
  confirmed: 'wpConfirmed', declined: 'wpDeclined',
} as const;

function Place({ w, onDone }: { w: Workplace; onDone: () => void }) {
  const t = useT(m);
  const lang = useLang();
  const { busy, error, run } = useSubmit<Workplace>();
  const act = async (action: 'confirm' | 'decline' | 'end') => {
    if (await run(() => call('POST', `/api/v1/me/workplaces/${w.id}/decision`, { action, version: w.version }), `wp-${w.id}`)) onDone();
  };
  const open = w.state !== 'declined' && !w.ended_on;
  return (
    <li data-testid={`workplace-${w.institution.code}`}>
      <strong>{w.institution.name}</strong> <small>{w.institution.code}</small>
      <div>
        <span class={`badge s-${w.state === 'confirmed' ? 'approved' : w.state === 'declined' ? 'rejected' : 'submitted'}`}>{t(stateKey[w.state])}</span>
        {w.ended_on && ` ${t('wpEnded', { date: formatDate(lang, w.ended_on) })}`}
      </div>
      {w.state !== 'declined' && <p class="note">{t(w.visible_to_institution ? 'wpVisible' : 'wpHidden')}</p>}
      {open && (
        <div class="actions">
          {w.state === 'awaiting_doctor' && <>
            <button type="button" disabled={busy} onClick={() => act('confirm')}>{t('wpConfirm')}</button>
            <button type="button" class="secondary" disabled={busy} onClick={() => act('decline')}>{t('wpDecline')}</button>
          </>}
          {w.state === 'awaiting_institution' && <button type="button" class="secondary" disabled={busy} onClick={() => act('end')}>{t('wpWithdraw')}</button>}
          {w.state === 'confirmed' && <button type="button" class="secondary" disabled={busy} onClick={() => act('end')}>{t('wpEnd')}</button>}
        </div>
      )}
      {error !== undefined && <ErrorBox error={error} />}
    </li>
  );
}

function AddPlace({ onDone }: { onDone: () => void }) {
  const t = useT(m);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Institution[] | null>(null);
  const [chosen, setChosen] = useState<Institution | null>(null);
  const [started, setStarted] = useState('');
  const [employment, setEmployment] = useState('full_time');
  const [added, setAdded] = useState(false);
  const search = useSubmit<{ items: Institution[] }>();
  const add = useSubmit<Workplace>();
  const find = async (e: Event) => {
    e.preventDefault();
    setAdded(false);
    const r = await search.run(() => call<{ items: Institution[] }>('GET', `/api/v1/institutions?q=${enc(halfWidth(q).trim())}`), 'wp-find');
    if (r) { setFound(r.items); setChosen(r.items.length === 1 ? r.items[0] : null); }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    const body: Record<string, string> = { institution_code: chosen.code, employment };
    if (started) body.started_on = started;
    if (await add.run(() => call('POST', '/api/v1/me/workplaces', body), 'wp-add')) {
      setAdded(true); setFound(null); setChosen(null); setQ(''); onDone();
    }
  };
  return (
    <section class="card" aria-labelledby="wp-add-title">
      <h2 id="wp-add-title">{t('wpAddTitle')}</h2>
      <form class="form" role="search" onSubmit={find}>
        <Field id="wp-find-q" field="q" label={t('wpSearch')} hint={t('wpSearchHint')} error={search.error}>{(a) => (
          <input {...a} value={q} autoComplete="off" onInput={(e) => setQ(inputValue(e))} />
        )}</Field>
        <button type="submit" class="secondary" disabled={search.busy}>{t('wpFind')}</button>
      </form>
      {added && <p role="status" class="status ok">{t('wpAdded')}</p>}
      {found && found.length === 0 && <p role="status" class="empty">{t('wpNoMatch')}</p>}
      {found && found.length > 0 && (
        <form class="form" onSubmit={submit}>
          <fieldset>
            <legend>{t('wpSearch')}</legend>
            {found.map((i) => (
              <label class="check" key={i.code}>
                <input type="radio" name="wp-choice" checked={chosen?.code === i.code} onChange={() => setChosen(i)} />
                <span>{i.name} <small>{i.code} {i.address}{!i.reportable && `（${t('wpExempt')}）`}</small></span>
              </label>
            ))}
          </fieldset>
          <Field id="wp-add-started_on" field="started_on" label={t('wpStarted')} error={add.error}>{(a) => (
            <input {...a} type="date" value={started} onInput={(e) => setStarted(inputValue(e))} />
          )}</Field>
          <Field id="wp-add-employment" field="employment" label={t('wpEmployment')} error={add.error}>{(a) => (
            <select {...a} value={employment} onChange={(e) => setEmployment(inputValue(e))}>
              <option value="full_time">{t('wpFullTime')}</option>
              <option value="part_time">{t('wpPartTime')}</option>
            </select>
          )}</Field>
          {add.error !== undefined && add.error?.field !== 'started_on' && <ErrorBox error={add.error} form />}
          <button type="submit" disabled={!chosen || add.busy}>{t('wpAdd')}</button>
        </form>
      )}
    </section>
  );
}

export function Workplaces() {
  const t = useT(m);
  const [state, reload] = useLoad(() => get('/api/v1/me/workplaces'));
  return (
    <div class="stack">
      <section class="card" aria-labelledby="wp-title">
        <h2 id="wp-title">{t('wpTitle')}</h2>
        <p class="note">{t('wpIntro')}</p>
        <Show state={state}>{(v) => v.items.length === 0 ? <p class="empty">{t('wpNone')}</p> : (
          <ul class="short-list" data-testid="workplaces">{v.items.map((w) => <Place key={w.id} w={w} onDone={reload} />)}</ul>
        )}</Show>
      </section>
      <AddPlace onDone={reload} />
    </div>
  );
}
