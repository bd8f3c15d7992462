// The review queue: filters, kana/kanji search, sort and paging kept in the
// URL; keyboard operation (j/k, Enter, x); bulk approval with a
// confirmation that states the count.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { call, query, type Ok, type QueueRow } from '../lib/api';
import { formatDate, tc, useLang, useT } from '../lib/i18n';
import { href, navigate, type Route } from '../lib/router';
import { Empty, ErrorBox, Pager, Show, StatusBadge, useLoad, inputValue } from '../lib/ui';
import { s } from './messages';
import { ignoresShortcut } from '../lib/text';
import { useCategoryName } from '../lib/categories';
import { itemLabel, needsProof, separator, ProofMark, subjectLine, useProofHeading } from '../lib/itemSubject';

type Bulk = Ok<'/api/v1/staff/bulk-approve', 'post'>;
const FILTER_KEYS = ['status', 'kind', 'channel', 'q', 'from', 'to', 'sort', 'order'] as const;

// The rows of the page last shown: the review screen's next/previous.
export function rememberQueue(rows: QueueRow[], back: string) {
  sessionStorage.setItem('kakari.queue', JSON.stringify({ back, refs: rows.map((r) => `${r.kind}/${r.id}`) }));
}
export function rememberedQueue(): { back: string; refs: string[] } {
  try { return JSON.parse(sessionStorage.getItem('kakari.queue') ?? '') as { back: string; refs: string[] }; } catch { return { back: '/queue', refs: [] }; }
}


export function Queue({ route }: { route: Route }) {
  const t = useT(s);
  const lang = useLang();
  const catName = useCategoryName();
  const proofHeading = useProofHeading();
  const params = route.query;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? (k === 'status' ? 'submitted' : '')]));
  const page = Number(params.get('page') ?? '1') || 1;
  const qs = query({ ...filters, page, per_page: 50 });
  const [state, reload] = useLoad(() => call<Ok<'/api/v1/staff/queue', 'get'>>('GET', `/api/v1/staff/queue${qs}`), [qs]);
  const [form, setForm] = useState(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [bulk, setBulk] = useState<{ result?: Bulk; error?: import('../lib/api').ApiError | null }>({});
  const dialog = useRef<HTMLDialogElement>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);

  useEffect(() => { setForm(filters); setSelected(new Set()); }, [qs]);
  useEffect(() => { if (state.kind === 'shown') rememberQueue(state.value.items, `/queue${qs}`); }, [state]);
  // Keys work from anywhere on the page, as soon as it is visible.
  useLayoutEffect(() => {
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    if (confirming) dialog.current?.showModal(); else dialog.current?.close();
  }, [confirming]);

  const go = (next: Record<string, string | number>) => navigate(`/queue${query({ ...filters, page, ...next })}`);
  const ref = (r: QueueRow) => `${r.kind}/${r.id}`;
  const toggle = (key: string) => {
    const n = new Set(selected);
    if (n.has(key)) n.delete(key); else n.add(key);
    setSelected(n);
  };

  function onKey(e: KeyboardEvent) {
    if (ignoresShortcut(e)) return;
    if (document.querySelector('dialog[open]')) return;
    const links = Array.from(tbody.current?.querySelectorAll<HTMLAnchorElement>('a.row-link') ?? []);
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const rowAt = (document.activeElement as HTMLElement | null)?.closest('tr');
    const i = at >= 0 ? at : rowAt ? Array.from(tbody.current?.rows ?? []).indexOf(rowAt as HTMLTableRowElement) : -1;
    if (e.key === 'j') { links[Math.min(links.length - 1, i + 1)]?.focus(); e.preventDefault(); }
    if (e.key === 'k') { links[Math.max(0, i - 1)]?.focus(); e.preventDefault(); }
    if (e.key === 'x' && i >= 0 && state.kind === 'shown') { toggle(ref(state.value.items[i])); e.preventDefault(); }
  }

  async function approveSelected() {
    const items = Array.from(selected).map((k) => { const [kind, id] = k.split('/'); return { kind, id: Number(id) }; });
    const r = await call<Bulk>('POST', '/api/v1/staff/bulk-approve', { items });
    setConfirming(false);
    setBulk(r.ok ? { result: r.value } : { error: r.error });
    setSelected(new Set());
    void reload();
  }

  const setF = (k: string) => (e: Event) => setForm({ ...form, [k]: inputValue(e) });
  const select = (k: string, options: [string, string][]) => (
    <div class="field">
      <label for={`f-${k}`}>{t(k as 'status')}</label>
      <select id={`f-${k}`} value={form[k]} onChange={setF(k)}>
        {options.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
      </select>
    </div>
  );

  return (
    <section class="card wide" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queueTitle')}</h2>
      <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); navigate(`/queue${query({ ...form, page: 1 })}`); }}>
        <div class="field grow">
          <label for="f-q">{t('search')}</label>
          <input id="f-q" type="search" value={form.q} onInput={setF('q')} />
        </div>
        {select('status', [['', t('any')], ...(['submitted', 'returned', 'approved', 'rejected', 'withdrawn'] as const).map((v) => [v, tc(lang, `status_${v}`)] as [string, string])])}
        {select('kind', [['', t('any')], ...(['application', 'activity', 'declaration'] as const).map((v) => [v, tc(lang, `kind_${v}`)] as [string, string])])}
        {select('channel', [['', t('any')], ['online', tc(lang, 'channel_online')], ['paper', tc(lang, 'channel_paper')]])}
        <div class="field"><label for="f-from">{t('from')}</label><input id="f-from" type="date" value={form.from} onInput={setF('from')} /></div>
        <div class="field"><label for="f-to">{t('to')}</label><input id="f-to" type="date" value={form.to} onInput={setF('to')} /></div>
        {select('sort', [['submitted_at', t('sortSubmitted')], ['name', t('sortName')], ['status', t('sortStatus')]])}
        <div class="field">
          <label for="f-order">{t('order')}</label>
          <select id="f-order" value={form.order} onChange={setF('order')}>
            <option value="asc">{t('orderAsc')}</option><option value="desc">{t('orderDesc')}</option>
          </select>
        </div>
        <button type="submit">{t('apply')}</button>
      </form>
      <p class="note">{t('keysHelp')}</p>
      {bulk.result && <p class="status ok" role="status" data-testid="bulk-result">{t('bulkDone', { approved: bulk.result.approved, failed: bulk.result.failed })}</p>}
      {bulk.error !== undefined && <ErrorBox error={bulk.error} />}
      <Show state={state}>{(v) => v.items.length === 0 ? <Empty>{t('noQueue')}</Empty> : (
        <>
          <div class="bulk-bar">
            <label class="check"><input type="checkbox" checked={v.items.every((r) => selected.has(ref(r)))}
              onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(v.items.map(ref)) : new Set())} /> {t('selectPage')}</label>
            <button type="button" disabled={selected.size === 0} onClick={() => setConfirming(true)}>{t('bulkApprove', { n: selected.size })}</button>
          </div>
          <div class="table-wrap">
            <table class="list queue" data-testid="queue">
              <thead><tr>
                <th scope="col"><span class="sr-only">{t('select')}</span></th>
                <th scope="col">{t('doctor')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('status')}</th>
                <th scope="col">{proofHeading}</th><th scope="col">{t('submitted')}</th><th scope="col">{t('association')}</th>
              </tr></thead>
              <tbody ref={tbody}>
                {v.items.map((r) => (
                  <tr key={ref(r)} class={selected.has(ref(r)) ? 'picked' : ''}>
                    <td><input type="checkbox" aria-label={`${t('select')}: ${r.doctor.name} ${tc(lang, `kind_${r.kind}`)} #${r.id}`}
                      checked={selected.has(ref(r))} onChange={() => toggle(ref(r))} /></td>
                    <td><a class="row-link" href={href(`/review/${r.kind}/${r.id}`)}>{r.doctor.name}</a><br /><small>{r.doctor.kana}・{r.doctor.registry_number}</small></td>
                    <td>{tc(lang, `kind_${r.kind}`)}{r.channel === 'paper' && <small>（{tc(lang, 'channel_paper')}）</small>}
                      {subjectLine(lang, r.subject, catName) && <><br /><small class="subject">{subjectLine(lang, r.subject, catName)}</small></>}</td>
                    <td><StatusBadge status={r.status} /></td>
                    <td><ProofMark kind={r.kind} subject={r.subject} /></td>
                    <td>{formatDate(lang, r.submitted_at)}</td>
                    <td>{r.association_name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={v.page} perPage={v.per_page} total={v.total} onPage={(p) => go({ page: p })} />
        </>
      )}</Show>
      <dialog ref={dialog} aria-labelledby="bulk-title" onClose={() => setConfirming(false)} data-testid="bulk-dialog">
        <h3 id="bulk-title">{t('bulkConfirm', { n: selected.size })}</h3>
        {state.kind === 'shown' && <BulkList rows={state.value.items.filter((r) => selected.has(ref(r)))} catName={catName} />}
        <p>{t('bulkConfirmNote')}</p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>{tc(lang, 'cancel')}</button>
          <button type="button" onClick={() => void approveSelected()}>{t('bulkDo', { n: selected.size })}</button>
        </div>
      </dialog>
    </section>
  );
}

// Who and what a bulk approval covers; items with no proof are counted and
// flagged, so that they are approved knowingly.
function BulkList({ rows, catName }: { rows: QueueRow[]; catName: (code: string) => string }) {
  const t = useT(s);
  const lang = useLang();
  const unproved = rows.filter((r) => needsProof(r.kind) && !r.subject.has_proof).length;
  return (
    <>
      {unproved > 0 && <p class="status warn" data-testid="bulk-no-proof">{t('bulkNoProof', { n: unproved })}</p>}
      <ul class="bulk-list" data-testid="bulk-list">
        {rows.map((r) => (
          <li key={`${r.kind}/${r.id}`} class={needsProof(r.kind) && !r.subject.has_proof ? 'unproved' : ''}>
            <strong>{r.doctor.name}</strong>{separator(lang)}{itemLabel(lang, r.kind, r.subject, catName)} <ProofMark kind={r.kind} subject={r.subject} />
          </li>
        ))}
      </ul>
    </>
  );
}
