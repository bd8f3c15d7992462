// One item on the review desk: the doctor, the details, the evidence shown
// inline, the timeline and audit trail, and the decision with reusable
// reason templates. Keys: a approve, r return, j/k next/previous item.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { call, idempotencyKey, type ItemView, type Kind, type Ok, type Result } from '../lib/api';
import { useCategoryName } from '../lib/categories';
import { formatDate, formatDateTime, formatUnits, tc, useLang, useT } from '../lib/i18n';
import { href, navigate } from '../lib/router';
import { Timeline } from '../lib/Timeline';
import { ErrorBox, errorText, Field, inputValue, Show, StatusBadge, useLoad } from '../lib/ui';
import { rememberedQueue } from './Queue';
import { s } from './messages';
import { ignoresShortcut } from '../lib/text';
import { joinParts, subjectLine } from '../lib/itemSubject';

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

// What an item is, in words: category and organisation, title and units,
// or the application, with the doctor's name.
export function itemTitle(view: ItemView, lang: 'ja' | 'en', catName: (c: string) => string): string {
  const kind = tc(lang, `kind_${view.kind}`);
  const what = view.declaration ? `${view.declaration.title}${lang === 'ja' ? '（' : ' ('}${formatUnits(view.declaration.units)} ${tc(lang, 'units')}${lang === 'ja' ? '）' : ')'}`
    : subjectLine(lang, view.subject, catName);
  return joinParts(lang, [view.doctor.name, kind, what]);
}

type Planned = { action: 'approve' | 'return' | 'reject'; reason: string };

function Decision({ view, onDecide }: { view: ItemView; onDecide: (p: Planned) => void }) {
  const t = useT(s);
  const [reason, setReason] = useState('');
  const [custom, setCustom] = useState(savedTemplates);
  const [askNoProof, setAskNoProof] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const templates = [...builtIn.map((k) => t(k)), ...custom];

  function decide(action: Planned['action'], confirmed = false) {
    if (action !== 'approve' && !reason.trim()) { setMissingReason(true); reasonBox.current?.focus(); return; }
    // Approving an activity or declaration with no proof asks first.
    if (action === 'approve' && view.kind !== 'application' && view.files.length === 0 && !confirmed) { setAskNoProof(true); return; }
    onDecide({ action, reason: action === 'approve' ? '' : reason.trim() });
  }
  function pickTemplate(n: number) {
    const chosen = templates[n - 1];
    if (!chosen) return;
    setReason(chosen);
    setMissingReason(false);
    setTimeout(() => reasonBox.current?.focus(), 0);
  }
  // Layout effects: the keys work as soon as the screen is visible.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target === reasonBox.current) { e.preventDefault(); decide('return'); return; }
      if (ignoresShortcut(e) || askNoProof) return;
      if (e.key === 'a') { e.preventDefault(); decide('approve'); }
      if (e.key === 'r') { e.preventDefault(); if (reason.trim()) decide('return'); else reasonBox.current?.focus(); }
      if (/^[1-9]$/.test(e.key)) { e.preventDefault(); pickTemplate(Number(e.key)); }
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
  const reasonError = missingReason && !reason.trim()
    ? { code: 'invalid_argument' as const, field: 'reason', message_ja: t('reasonNeeded'), message_en: 'a reason is needed to return or reject' } : undefined;
  return (
    <section class="decision" aria-labelledby="decision-title">
      <h3 id="decision-title">{t('decisionTitle')}</h3>
      {askNoProof && (
        <div class="confirm" role="alertdialog" aria-labelledby="noproof-title" data-testid="confirm-no-proof">
          <p id="noproof-title"><strong>{t('noProofAsk')}</strong></p>
          <div class="actions">
            <button type="button" onClick={() => { setAskNoProof(false); decide('approve', true); }}>{t('approveAnyway')}</button>
            <button type="button" class="secondary" autoFocus onClick={() => setAskNoProof(false)}>{tc(useLang(), 'cancel')}</button>
          </div>
        </div>
      )}
      <div class="field">
        <label for="dec-template">{t('template')}</label>
        <select id="dec-template" value="" onChange={(e) => { const v = inputValue(e); if (v) setReason(v); }}>
          <option value="">{t('chooseTemplate')}</option>
          {templates.map((x, i) => <option key={x} value={x}>{i < 9 ? `${i + 1}. ` : ''}{x}</option>)}
        </select>
      </div>
      <Field id="dec-reason" field="reason" label={t('reasonLabel')} hint={t('reasonKeys')} error={reasonError}>{(a) => (
        <textarea {...a} ref={reasonBox} rows={3} value={reason} onInput={(e) => { setReason(inputValue(e)); setMissingReason(false); }} />
      )}</Field>
      <button type="button" class="link" onClick={saveTemplate} disabled={!reason.trim()}>{t('saveTemplate')}</button>
      <div class="actions">
        <button type="button" onClick={() => decide('approve')} aria-keyshortcuts="a">{t('approve')}</button>
        <button type="button" class="secondary" onClick={() => decide('return')} aria-keyshortcuts="r Control+Enter">{t('returnIt')}</button>
        <button type="button" class="danger" onClick={() => decide('reject')}>{t('reject')}</button>
      </div>
    </section>
  );
}

const UNDO_SECONDS = 6;

type Pending = { view: ItemView; plan: Planned; title: string; key: Record<string, string>; timer: number };
type Outcome = { text: string; ok: boolean; link?: string };

// A decision waits a few seconds before it is sent, so that Undo can take it
// back; leaving the page sends it at once (keepalive).
function usePendingDecision(onSent: () => void) {
  const t = useT(s);
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const current = useRef<Pending | null>(null);

  async function send(p: Pending) {
    if (current.current !== p) return;
    current.current = null;
    setPending(null);
    const body = { action: p.plan.action, version: p.view.version, ...(p.plan.reason ? { reason: p.plan.reason } : {}) };
    const r = await call<ItemView>('POST', `/api/v1/staff/items/${p.view.kind}/${p.view.id}/decision`, body, p.key);
    setOutcome(r.ok ? { ok: true, text: `${p.title}: ${t(`decided_${p.plan.action}`)}` }
      : { ok: false, text: `${p.title}: ${errorText(pageLang(), r.error)}`, link: `/review/${p.view.kind}/${p.view.id}` });
    onSent();
  }
  function schedule(view: ItemView, plan: Planned, title: string) {
    if (current.current) void send(current.current);  // the previous one goes now
    const p: Pending = { view, plan, title, key: idempotencyKey(), timer: 0 };
    p.timer = window.setTimeout(() => void send(p), UNDO_SECONDS * 1000);
    current.current = p;
    setOutcome(null);
    setPending(p);
  }
  function undo() {
    const p = current.current;
    if (!p) return;
    clearTimeout(p.timer);
    current.current = null;
    setPending(null);
    setOutcome({ ok: true, text: t('undone', { title: p.title }), link: `/review/${p.view.kind}/${p.view.id}` });
  }
  useLayoutEffect(() => {
    const flush = () => { if (current.current) { clearTimeout(current.current.timer); void send(current.current); } };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, []);
  function sendNow() {
    const p = current.current;
    if (!p) return;
    clearTimeout(p.timer);
    void send(p);
  }
  return { pending, outcome, schedule, undo, sendNow };
}

// errorText needs a language outside a component's render: the page's own
// (not a hook; read when the decision's answer arrives).
const pageLang = () => (document.documentElement.lang === 'en' ? 'en' : 'ja') as 'ja' | 'en';

function DecisionToast({ pending, outcome, undo, sendNow }: ReturnType<typeof usePendingDecision>) {
  const t = useT(s);
  if (!pending && !outcome) return null;
  return (
    <div class={`toast ${outcome && !outcome.ok ? 'bad' : ''}`} role="status" data-testid="decision-toast">
      {pending && <>
        <span>{t(`pending_${pending.plan.action}`, { title: pending.title })}</span>
        <button type="button" class="secondary" onClick={undo} data-testid="undo">{t('undo')}</button>
        <button type="button" class="secondary" onClick={sendNow} data-testid="send-now">{t('sendNow')}</button>
      </>}
      {!pending && outcome && <>
        <span data-testid="decision-outcome">{outcome.text}</span>
        {outcome.link && <a class="button secondary" href={href(outcome.link)}>{t('openItem')}</a>}
      </>}
    </div>
  );
}

export function Review({ kind, id }: { kind: Kind; id: string }) {
  const t = useT(s);
  const lang = useLang();
  const catName = useCategoryName();
  const [state, reload] = useLoad(() => call<ItemView>('GET', `/api/v1/staff/items/${kind}/${id}`), [kind, id]);
  const decisions = usePendingDecision(() => void reload());
  const queue = rememberedQueue();
  const here = queue.refs.indexOf(`${kind}/${id}`);
  const next = here >= 0 ? queue.refs[here + 1] : undefined;
  const prev = here > 0 ? queue.refs[here - 1] : undefined;
  const heading = useRef<HTMLHeadingElement>(null);

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
  // The next item opens under its own heading, which takes the focus.
  useLayoutEffect(() => { if (state.kind === 'shown') heading.current?.focus(); }, [state]);

  function decided(view: ItemView, plan: Planned) {
    decisions.schedule(view, plan, itemTitle(view, lang, catName));
    if (next) navigate(`/review/${next}`); else void reload();
  }
  const waiting = (view: ItemView) => decisions.pending?.view.id === view.id && decisions.pending.view.kind === view.kind;
  return (
    <section class="card wide" aria-labelledby="review-title">
      <DecisionToast {...decisions} />
      <Show state={state}>{(view) => (
        <>
          <h2 id="review-title" ref={heading} tabIndex={-1} data-testid="review-title">
            {itemTitle(view, lang, catName)} <StatusBadge status={view.status} />
          </h2>
          <p class="note">{t('reviewKeysHelp')}</p>
          <div class="review-grid">
            <div class="review-evidence">
              <Facts view={view} />
              <h3>{t('evidence')}</h3>
              <Evidence files={view.files} />
              <Timeline history={view.history} />
              <AuditTrail kind={kind} id={id} />
            </div>
            <div class="review-side">
              {view.status === 'submitted' && !waiting(view) && <Decision key={`${view.kind}-${view.id}`} view={view} onDecide={(p) => decided(view, p)} />}
              <nav class="actions item-nav" aria-label={t('nextItem')}>
                <a class="button secondary" href={href(queue.back)}>{t('backToQueue')}</a>
                {prev && <a class="button secondary" href={href(`/review/${prev}`)} aria-keyshortcuts="k">{t('prevItem')}</a>}
                {next && <a class="button secondary" href={href(`/review/${next}`)} aria-keyshortcuts="j">{t('nextItem')}</a>}
              </nav>
            </div>
          </div>
        </>
      )}</Show>
    </section>
  );
}
