import { certificatePdfUrl, get, type Certificate, type Item } from '../lib/api';
import { formatDate, useLang, useT } from '../lib/i18n';
import { href } from '../lib/router';
import { Empty, Show, useLoad } from '../lib/ui';
import { m } from './messages';
import { ProgressView } from './ProgressView';

const statusKey = { valid: 'statusValid', superseded: 'statusSuperseded', revoked: 'statusRevoked' } as const;

export function Certificates({ items }: { items: Certificate[] }) {
  const t = useT(m);
  const lang = useLang();
  if (items.length === 0) return <p class="empty" data-testid="no-certificates">{t('noCertificates')}</p>;
  return (
    <ul class="certificates" data-testid="certificates">
      {items.map((c) => (
        <li key={`${c.number}-${c.version}`}>
          <strong>{c.number}</strong>{c.version > 1 && ` (${t('versionOf', { n: c.version })})`}
          <span class={`badge ${c.status}`}>{t(statusKey[c.status])}</span>
          <div>{t('issuedOn')}: {lang === 'ja' ? c.issued_on_wareki : formatDate(lang, c.issued_on)}</div>
          {c.delivery === 'mail' && (
            <div>{c.mailed_at ? t('mailedOn', { date: formatDate(lang, c.mailed_at) }) : t('mailPending')}</div>
          )}
          {c.status !== 'revoked' && <a href={certificatePdfUrl(c.number)} download>{t('download')}</a>}
        </li>
      ))}
    </ul>
  );
}

// What the doctor should do next, from the state of their application.
function NextStep({ complete, items }: { complete: boolean; items: Item[] }) {
  const t = useT(m);
  const app = items.find((i) => i.kind === 'application' && ['approved', 'submitted', 'returned'].includes(i.status));
  let text = complete ? t('stepApply') : t('stepCollect');
  let link: { to: string; label: string } | null = complete ? { to: '/apply', label: t('goApply') } : { to: '/report', label: t('navReport') };
  if (app?.status === 'approved') { text = t('stepCertified'); link = null; }
  if (app?.status === 'submitted') { text = t('stepUnderReview'); link = { to: `/items/application/${app.id}`, label: t('goItem') }; }
  if (app?.status === 'returned') { text = t('stepReturned'); link = { to: `/items/application/${app.id}`, label: t('goItem') }; }
  return (
    <section class="card next" aria-labelledby="next-title" data-testid="next-step">
      <h2 id="next-title">{t('nextStep')}</h2>
      <p>{text}</p>
      {link && <a class="button" href={href(link.to)}>{link.label}</a>}
    </section>
  );
}

// The doctor's own page: progress, what to do next, certificates.
export function Home() {
  const t = useT(m);
  const [progress] = useLoad(() => get('/api/v1/me/progress'));
  const [items] = useLoad(() => get('/api/v1/me/items'));
  const [certs] = useLoad(() => get('/api/v1/me/certificates'));
  return (
    <div class="stack">
      <Show state={progress}>{(p) => (
        <>
          <ProgressView progress={p} />
          {items.kind === 'shown' && <NextStep complete={p.complete} items={items.value.items} />}
        </>
      )}</Show>
      <section class="card" aria-labelledby="certs-title">
        <h2 id="certs-title">{t('certificates')}</h2>
        <Show state={certs}>{(c) => <Certificates items={c.items} />}</Show>
      </section>
      {items.kind === 'shown' && items.value.items.length === 0 && <Empty>{t('noItems')}</Empty>}
    </div>
  );
}
