// One-time codes for a doctor's first login or a lost password: shown once,
// to print as a letter.
import { useState } from 'preact/hooks';
import { call, type Ok } from '../lib/api';
import { formatDateTime, useLang, useT } from '../lib/i18n';
import { ErrorBox, Field, inputValue, useSubmit } from '../lib/ui';
import { s } from './messages';

type Issued = Ok<'/api/v1/staff/one-time-codes', 'post', 201>;
const halfWidth = (v: string) => v.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();

export function Codes() {
  const t = useT(s);
  const lang = useLang();
  const [registry, setRegistry] = useState('');
  const [issued, setIssued] = useState<Issued | null>(null);
  const sub = useSubmit<Issued>();
  async function issue(e: Event) {
    e.preventDefault();
    setIssued(null);
    const r = await sub.run(() => call<Issued>('POST', '/api/v1/staff/one-time-codes', { registry_number: halfWidth(registry) }), 'otc');
    if (r) setIssued(r);
  }
  return (
    <section class="card" aria-labelledby="codes-title">
      <h2 id="codes-title">{t('codesTitle')}</h2>
      <p>{t('codesIntro')}</p>
      <form class="form" onSubmit={(e) => void issue(e)} noValidate>
        <Field id="otc-registry_number" field="registry_number" label={t('registry')} hint={t('lookupHint')} error={sub.error} required>{(a) => (
          <input {...a} inputMode="numeric" autoComplete="off" value={registry} onInput={(e) => setRegistry(inputValue(e))} />
        )}</Field>
        {sub.error !== undefined && <ErrorBox error={sub.error} />}
        <button type="submit" disabled={sub.busy}>{t('issue')}</button>
      </form>
      {issued && (
        <div class="letter" data-testid="issued-code">
          <h3>{t('codeFor', { name: issued.doctor.name ?? '' })}</h3>
          <dl class="summary">
            <dt>{t('loginId')}</dt><dd>{issued.login}</dd>
            <dt>{t('code')}</dt><dd class="code">{issued.code}</dd>
            <dt>{t('expires')}</dt><dd>{formatDateTime(lang, issued.expires_at)}</dd>
          </dl>
          <button type="button" class="secondary" onClick={() => print()}>{t('print')}</button>
        </div>
      )}
    </section>
  );
}
