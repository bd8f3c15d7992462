// One item on the review desk: the doctor, the details, the evidence shown
// inline, the timeline and audit trail, and the decision with reusable
// reason templates. Keys: a approve, r return, j/k next/previous item.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { call, idempotencyKey, type ItemView, type Kind, type Ok, type Result } from '../lib/api';
import { useCategoryName } from '../lib/categories';
import { formatDate, formatDateTime, formatUnits, tc, useLang, useT } from '../lib/i18n';
import { href, navigate } from '../lib/router';
import { Timeline } from '../lib/Timeline';
import { ErrorBox, Field, inputValue, Show, StatusBadge, useLoad, useSubmit } from '../lib/ui';
import { rememberedQueue } from './Queue';
import { s } from './messages';
import { ignoresShortcut } from '../lib/text';

type Audit = Ok<'/api/v1/staff/items/{kind}/{id}/audit', 'get'>;
const TEMPLATE_KEY = 'kakari.reasonTemplates';
const builtIn = ['tpl1', 'tpl2', 'tpl3', 'tpl4'] as const;

function savedTemplates(): string[] {
  try { return JSON.parse(localStorage.getItem(TEMPLATE_KEY) ?? '[]') as string[]; } catch { return []; }
}

function Evidence({ files }: { files: ItemView['files'] }) {
  const t = useT(s);
  if (files.length === 0) return <p class="empty">{t('noEvidence')}</p>;
  return (
    <div class="evidence" data-testid="evidence">
      {files.map((f) => (
        <figure key={f.id}>
          {f.content_type === 'application/pdf'
            ? <iframe src={f.url} title={f.name} loading="lazy" />
            : <img src={f.url} alt={f.name} loading="lazy" />}
          <figcaption><a href={f.url} target="_blank" rel="noopener">{f.name}</a></figcaption>
        </figure>
      ))}
    </div>
  );
}

function Facts({ view }: { view: ItemView }) {
  const t = useT(s);
  const lang = useLang();
  const catName = useCategoryName();
  const d = view.doctor;
  return (
    <dl class="summary">
      <dt>{t('doctor')}</dt><dd>{d.name}（{d.kana}）{d.member ? t('member') : t('nonMember')}</dd>
      <dt>{t('registry')}</dt><dd>{d.registry_number}</dd>
      <dt>{t('birthDate')}</dt><dd>{formatDate(lang, d.birth_date)}</dd>
      {view.activity && <><dt>{t('details')}</dt><dd>{catName(view.activity.category ?? '')}: {view.activity.description}<br />
        {view.activity.organisation}、{formatDate(lang, view.activity.started_on)}{view.activity.ended_on ? ` – ${formatDate(lang, view.activity.ended_on)}` : ''}</dd></>}
      {view.declaration && <><dt>{t('details')}</dt><dd>{view.declaration.title}（{view.declaration.organizer}）<br />
        {formatDate(lang, view.declaration.taken_on)}、{formatUnits(view.declaration.units)} {tc(lang, 'units')}</dd></>}
      {view.snapshot && <><dt>{t('snapshot')}</dt><dd data-testid="snapshot">
        {t('lectureUnits')} {formatUnits(view.snapshot.lecture_units)}・{t('activities')} {(view.snapshot.activity_ids?.length ?? 0)}・{t('totalUnits')} {formatUnits(view.snapshot.total_units)} {tc(lang, 'units')}</dd></>}
    </dl>
  );
}

function AuditTrail({ kind, id }: { kind: Kind; id: string }) {
  const t = useT(s);
  const lang = useLang();
  const [records, setRecords] = useState<Result<Audit> | null>(null);
  if (!records) {
    return <button type="button" class="secondary" onClick={() => void call<Audit>('GET', `/api/v1/staff/items/${kind}/${id}/audit`).then(setRecords)}>{t('showAudit')}</button>;
  }
  if (!records.ok) return <ErrorBox error={records.error} />;
  return (
    <section aria-labelledby="audit-title">
      <h3 id="audit-title">{t('audit')}</h3>
      <ol class="timeline" data-testid="audit">
        {records.value.records.map((r) => (
          <li key={r.id}><time>{formatDateTime(lang, r.at)}</time> {r.action} <small>（{r.actor_role}{r.actor_user_id ? ` #${r.actor_user_id}` : ''}）</small>
            {r.detail && <div class="reason">{r.detail}</div>}</li>
        ))}
      </ol>
    </section>
  );
}

function Decision({ view, onDecided }: { view: ItemView; onDecided: (action: string) => void }) {
  const t = useT(s);
  const [reason, setReason] = useState('');
  const [custom, setCustom] = useState(savedTemplates);
  const d = useSubmit<ItemView>();
  const key = useMemo(idempotencyKey, [view.id, view.version]);
  const reasonBox = useRef<HTMLTextAreaElement>(null);

  async function decide(action: 'approve' | 'return' | 'reject') {
    if (action !== 'approve' && !reason.trim()) { reasonBox.current?.focus(); }
    const body = { action, version: view.version, ...(action === 'approve' ? {} : { reason }) };
    const r = await d.run(() => call<ItemView>('POST', `/api/v1/staff/items/${view.kind}/${view.id}/decision`, body, key), 'dec');
    if (r) onDecided(action);
  }
  // Layout effects: the keys work as soon as the screen is visible.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (ignoresShortcut(e)) return;
      if (e.key === 'a') { e.preventDefault(); void decide('approve'); }
      if (e.key === 'r') { e.preventDefault(); if (reason.trim()) void decide('return'); else reasonBox.current?.focus(); }
    }
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  function saveTemplate() {
    if (!reason.trim() || custom.includes(reason)) return;
    const next = [...custom, reason.trim()];
    localStorage.setItem(TEMPLATE_KEY, JSON.stringify(next));
    setCustom(next);
  }
  const templates = [...builtIn.map((k) => t(k)), ...custom];
  return (
    <section class="decision" aria-labelledby="decision-title">
      <h3 id="decision-title" class="sr-only">{t('approve')} / {t('returnIt')} / {t('reject')}</h3>
      <div class="field">
        <label for="dec-template">{t('template')}</label>
        <select id="dec-template" value="" onChange={(e) => { const v = inputValue(e); if (v) setReason(v); }}>
          <option value="">{t('chooseTemplate')}</option>
          {templates.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
      </div>
      <Field id="dec-reason" field="reason" label={t('reasonLabel')} error={d.error}>{(a) => (
        <textarea {...a} ref={reasonBox} rows={3} value={reason} onInput={(e) => setReason(inputValue(e))} />
      )}</Field>
      <button type="button" class="link" onClick={saveTemplate} disabled={!reason.trim()}>{t('saveTemplate')}</button>
      {d.error !== undefined && <ErrorBox error={d.error} />}
      <div class="actions">
        <button type="button" disabled={d.busy} onClick={() => void decide('approve')} aria-keyshortcuts="a">{t('approve')}</button>
        <button type="button" class="secondary" disabled={d.busy} onClick={() => void decide('return')} aria-keyshortcuts="r">{t('returnIt')}</button>
        <button type="button" class="danger" disabled={d.busy} onClick={() => void decide('reject')}>{t('reject')}</button>
      </div>
    </section>
  );
}

export function Review({ kind, id }: { kind: Kind; id: string }) {
  const t = useT(s);
  const lang = useLang();
  const [state, reload] = useLoad(() => call<ItemView>('GET', `/api/v1/staff/items/${kind}/${id}`), [kind, id]);
  const [done, setDone] = useState('');
  const queue = rememberedQueue();
  const here = queue.refs.indexOf(`${kind}/${id}`);
  const next = here >= 0 ? queue.refs[here + 1] : undefined;
  const prev = here > 0 ? queue.refs[here - 1] : undefined;

  // Layout effects: the keys work as soon as the screen is visible.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (ignoresShortcut(e)) return;
      if (e.key === 'j' && next) navigate(`/review/${next}`);
      if (e.key === 'k' && prev) navigate(`/review/${prev}`);
    }
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [next, prev]);

  return (
    <section class="card wide" aria-labelledby="review-title">
      <Show state={state}>{(view) => (
        <>
          <h2 id="review-title">{tc(lang, `kind_${view.kind}`)} #{view.id} <StatusBadge status={view.status} /></h2>
          <p class="note">{t('reviewKeysHelp')}</p>
          {done && <p class="status ok" role="status" data-testid="decided">{t(`decided_${done as 'approve' | 'return' | 'reject'}`)}</p>}
          <Facts view={view} />
          <h3>{t('evidence')}</h3>
          <Evidence files={view.files} />
          {view.status === 'submitted' && (
            <Decision view={view} onDecided={(a) => { setDone(a); if (next) navigate(`/review/${next}`); else void reload(); }} />
          )}
          <Timeline history={view.history} />
          <AuditTrail kind={kind} id={id} />
        </>
      )}</Show>
      <nav class="actions item-nav" aria-label={t('nextItem')}>
        <a class="button secondary" href={href(queue.back)}>{t('backToQueue')}</a>
        {prev && <a class="button secondary" href={href(`/review/${prev}`)} aria-keyshortcuts="k">{t('prevItem')}</a>}
        {next && <a class="button secondary" href={href(`/review/${next}`)} aria-keyshortcuts="j">{t('nextItem')}</a>}
      </nav>
    </section>
  );
}
