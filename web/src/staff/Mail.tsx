// The mail batch: certificates waiting for the post, a batch made of them,
// its certificates and labels printed, then marked as sent.
import { useEffect, useState } from 'preact/hooks';
import { call, get, type MailBatch, type Ok } from '../lib/api';
import { formatDate, useLang, useT } from '../lib/i18n';
import { Empty, ErrorBox, Show, useLoad, useSubmit } from '../lib/ui';
import { s } from './messages';
import { href } from '../lib/router';

type Created = Ok<'/api/v1/staff/mail/batches', 'post', 201>;
type Members = Ok<'/api/v1/staff/mail/batches/{id}', 'get'>;

// Who is in a batch, loaded when opened.
function BatchMembers({ id }: { id: number }) {
  const t = useT(s);
  const [open, setOpen] = useState(false);
  const [state] = useLoad(() => (open ? get(`/api/v1/staff/mail/batches/${id}`) : Promise.resolve({ ok: true as const, value: null })), [open]);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid={`members-${id}`}>
      <summary>{t('whoIsIn')}</summary>
      {open && <Show state={state}>{(m: Members | null) => m && (
        <ul class="members">{m.certificates.map((c) => <li key={`${c.number}-${c.version}`}>{c.name}（{c.number}）</li>)}</ul>
      )}</Show>}
    </details>
  );
}

// Who the labels name as the sender; a missing address is said before printing.
function SenderLine() {
  const t = useT(s);
  const [state] = useLoad(() => get('/api/v1/admin/association'));
  if (state.kind !== 'shown') return null;
  const org = state.value;
  return org.sender_line
    ? <p class="note" data-testid="mail-sender">{t('mailSender', { name: org.name_ja, line: org.sender_line })}</p>
    : <p class="status warn" data-testid="mail-sender">{t('mailSenderMissing', { name: org.name_ja })} <a href={href('/admin/association')}>{t('navAssociation')}</a></p>;
}

export function Mail() {
  const t = useT(s);
  const lang = useLang();
  const [pending, reloadPending] = useLoad(() => get('/api/v1/staff/mail/pending'));
  const [batches, reloadBatches] = useLoad(() => get('/api/v1/staff/mail/batches'));
  const act = useSubmit<Created | MailBatch>();
  const [message, setMessage] = useState('');
  // Every waiting certificate is chosen until someone unticks it.
  const [left, setLeft] = useState<Set<string>>(new Set());
  useEffect(() => setLeft(new Set()), [pending]);
  const reload = () => { void reloadPending(); void reloadBatches(); };

  async function makeBatch(numbers: string[]) {
    const r = await act.run(() => call<Created>('POST', '/api/v1/staff/mail/batches', { numbers }), 'mb');
    if (r) { setMessage(t('batchOf', { id: r.id, count: r.count, date: formatDate(lang, r.created_at) })); reload(); }
  }
  async function markSent(b: MailBatch) {
    if (!confirm(t('markSentConfirm', { id: b.id }))) return;
    const r = await act.run(() => call<MailBatch>('POST', `/api/v1/staff/mail/batches/${b.id}/sent`, {}), 'ms');
    if (r) { setMessage(t('sentOn', { date: formatDate(lang, r.sent_at) })); reload(); }
  }
  return (
    <section class="card wide" aria-labelledby="mail-title">
      <h2 id="mail-title">{t('mailTitle')}</h2>
      <SenderLine />
      {message && <p class="status ok" role="status" data-testid="mail-message">{message}</p>}
      {act.error !== undefined && <ErrorBox error={act.error} />}
      <h3>{t('pending')}</h3>
      <Show state={pending}>{(p) => p.items.length === 0 ? <Empty>{t('noPending')}</Empty> : (
        <>
          <ul class="items" data-testid="pending">
            {p.items.map((c) => (
              <li key={c.number}>
                <label class="check">
                  <input type="checkbox" checked={!left.has(c.number)} onChange={(e) => {
                    const next = new Set(left);
                    if ((e.target as HTMLInputElement).checked) next.delete(c.number); else next.add(c.number);
                    setLeft(next);
                  }} /> {c.name}（{c.number}）
                </label>
              </li>
            ))}
          </ul>
          {(() => {
            const chosen = p.items.map((c) => c.number).filter((n) => !left.has(n));
            return <button type="button" disabled={act.busy || chosen.length === 0} onClick={() => void makeBatch(chosen)}>{t('makeBatch', { n: chosen.length })}</button>;
          })()}
        </>
      )}</Show>
      <h3>{t('batches')}</h3>
      <Show state={batches}>{(b) => b.items.length === 0 ? <Empty>{t('noBatches')}</Empty> : (
        <ul class="items" data-testid="batches">
          {b.items.map((x) => (
            <li key={x.id}>
              <strong>{t('batchOf', { id: x.id, count: x.count, date: formatDate(lang, x.created_at) })}</strong>
              {x.sent_at && <span class="badge s-approved">{t('sentOn', { date: formatDate(lang, x.sent_at) })}</span>}
              <BatchMembers id={x.id} />
              <div class="actions">
                <a class="button secondary" href={`/api/v1/staff/mail/batches/${x.id}/certificates`} target="_blank" rel="noopener">{t('printCerts')}</a>
                <a class="button secondary" href={`/api/v1/staff/mail/batches/${x.id}/labels`} target="_blank" rel="noopener">{t('printLabels')}</a>
                {!x.sent_at && <button type="button" onClick={() => void markSent(x)}>{t('markSent')}</button>}
              </div>
            </li>
          ))}
        </ul>
      )}</Show>
    </section>
  );
}
