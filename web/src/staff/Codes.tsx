// One-time codes for a doctor's first login or a lost password: shown once,
// to print as a letter.
import { useState } from 'preact/hooks';
import { call, type Ok } from '../lib/api';
import { useT } from '../lib/i18n';
import { CodeLetter } from './CodeLetter';
import { ErrorBox, Field, inputValue, useSubmit } from '../lib/ui';
import { s } from './messages';
import { halfWidth } from '../lib/text';

type Issued = Ok<'/api/v1/staff/one-time-codes', 'post', 201>;
type InstitutionIssued = Ok<'/api/v1/staff/institution-codes', 'post', 201>;

function DoctorCodes() {
  const t = useT(s);
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
        {sub.error !== undefined && <ErrorBox error={sub.error} form />}
        <button type="submit" disabled={sub.busy}>{t('issue')}</button>
      </form>
      {issued && (
        <CodeLetter testId="issued-code" heading={<h3>{t('codeFor', { name: issued.doctor.name ?? '' })}</h3>}
          login={issued.login} code={issued.code} expiresAt={issued.expires_at} />
      )}
    </section>
  );
}

function InstitutionCodes() {
  const t = useT(s);
  const [code, setCode] = useState('');
  const [issued, setIssued] = useState<InstitutionIssued | null>(null);
  const sub = useSubmit<InstitutionIssued>();
  async function issue(e: Event) {
    e.preventDefault();
    setIssued(null);
    const r = await sub.run(() => call<InstitutionIssued>('POST', '/api/v1/staff/institution-codes', { institution_code: halfWidth(code) }), 'ic');
    if (r) setIssued(r);
  }
  return (
    <section class="card" aria-labelledby="inst-codes-title">
      <h2 id="inst-codes-title">{t('instCodesTitle')}</h2>
      <p>{t('instCodesIntro')}</p>
      <form class="form" onSubmit={(e) => void issue(e)} noValidate>
        <Field id="ic-institution_code" field="institution_code" label={t('institutionCode')} error={sub.error} required>{(a) => (
          <input {...a} inputMode="numeric" autoComplete="off" value={code} onInput={(e) => setCode(inputValue(e))} />
        )}</Field>
        {sub.error !== undefined && sub.error?.field !== 'institution_code' && <ErrorBox error={sub.error} form />}
        <button type="submit" disabled={sub.busy}>{t('instIssue')}</button>
      </form>
      {issued && (
        <CodeLetter testId="issued-institution-code" heading={<h3>{t('instCodeFor', { name: issued.institution.name })}</h3>}
          login={issued.login} code={issued.code} expiresAt={issued.expires_at} />
      )}
    </section>
  );
}

export function Codes() {
  return (
    <div class="stack">
      <DoctorCodes />
      <InstitutionCodes />
    </div>
  );
}
