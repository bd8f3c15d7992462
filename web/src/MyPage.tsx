import { useEffect, useState } from 'preact/hooks';
import { certificatePdfUrl, myCertificates, myProgress, type ApiError, type Certificate, type Progress } from './api';
import { t, type Lang, type MessageKey } from './i18n';
import { ProgressView } from './ProgressView';

type Loaded<T> = { kind: 'loading' } | { kind: 'shown'; value: T } | { kind: 'error'; error: ApiError | null };

const statusKey: Record<Certificate['status'], MessageKey> = {
  valid: 'statusValid', superseded: 'statusSuperseded', revoked: 'statusRevoked',
};

function Certificates({ lang, items }: { lang: Lang; items: Certificate[] }) {
  if (items.length === 0) return <p class="empty" data-testid="no-certificates">{t(lang, 'noCertificates')}</p>;
  return (
    <ul class="certificates" data-testid="certificates">
      {items.map((c) => (
        <li key={`${c.number}-${c.version}`}>
          <strong>{c.number}</strong>{c.version > 1 && ` (${t(lang, 'versionOf', { n: c.version })})`}
          <span class={`badge ${c.status}`}>{t(lang, statusKey[c.status])}</span>
          <div>{t(lang, 'issuedOn')}: {lang === 'ja' ? c.issued_on_wareki : c.issued_on}</div>
          {c.delivery === 'mail' && (
            <div>{c.mailed_at ? t(lang, 'mailedOn', { date: c.mailed_at.slice(0, 10) }) : t(lang, 'mailPending')}</div>
          )}
          {c.status !== 'revoked' && <a href={certificatePdfUrl(c.number)} download>{t(lang, 'download')}</a>}
        </li>
      ))}
    </ul>
  );
}

function ErrorBox({ lang, error }: { lang: Lang; error: ApiError | null }) {
  return (
    <div class="error" role="alert">
      <strong>{t(lang, 'errorTitle')}</strong>
      <p>{error ? (lang === 'ja' ? error.message_ja : error.message_en) : t(lang, 'networkError')}</p>
    </div>
  );
}

// The doctor's own page: progress against the requirements and the certificates.
export function MyPage({ lang }: { lang: Lang }) {
  const [progress, setProgress] = useState<Loaded<Progress>>({ kind: 'loading' });
  const [certs, setCerts] = useState<Loaded<Certificate[]>>({ kind: 'loading' });
  useEffect(() => {
    void myProgress().then((r) => setProgress(r.ok ? { kind: 'shown', value: r.value } : { kind: 'error', error: r.error }));
    void myCertificates().then((r) => setCerts(r.ok ? { kind: 'shown', value: r.value.items } : { kind: 'error', error: r.error }));
  }, []);
  return (
    <div aria-live="polite">
      {progress.kind === 'loading' && <p class="loading">{t(lang, 'loading')}</p>}
      {progress.kind === 'error' && <ErrorBox lang={lang} error={progress.error} />}
      {progress.kind === 'shown' && <ProgressView lang={lang} progress={progress.value} />}
      <section aria-labelledby="certs-title">
        <h2 id="certs-title">{t(lang, 'certificates')}</h2>
        {certs.kind === 'loading' && <p class="loading">{t(lang, 'loading')}</p>}
        {certs.kind === 'error' && <ErrorBox lang={lang} error={certs.error} />}
        {certs.kind === 'shown' && <Certificates lang={lang} items={certs.value} />}
      </section>
    </div>
  );
}
