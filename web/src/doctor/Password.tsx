import { useState } from 'preact/hooks';
import { call } from '../lib/api';
import { tc, useLang, useT } from '../lib/i18n';
import { PasswordVerdictLine, usePasswordVerdict } from '../lib/PasswordVerdict';
import { ErrorBox, Field, inputValue, useSubmit } from '../lib/ui';
import { m } from './messages';

// Changing the password ends the user's other sessions (server side).
export function Password() {
  const t = useT(m);
  const lang = useLang();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const s = useSubmit<{ changed?: boolean }>();
  const verdict = usePasswordVerdict('/api/v1/me/password/check', next);
  async function submit(e: Event) {
    e.preventDefault();
    const r = await s.run(() => call('POST', '/api/v1/me/password', { current_password: current, new_password: next }), 'pw');
    if (r) { setDone(true); setCurrent(''); setNext(''); }
  }
  return (
    <section class="card" aria-labelledby="pw-title">
      <h2 id="pw-title">{t('passwordTitle')}</h2>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="pw-current_password" field="current_password" label={t('currentPassword')} error={s.error} required>{(a) => (
          <input {...a} type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(inputValue(e))} />
        )}</Field>
        <Field id="pw-new_password" field="new_password" label={t('newPassword')} error={s.error} required describedBy="pw-verdict">{(a) => (
          <input {...a} type="password" autoComplete="new-password" minLength={10} value={next} onInput={(e) => setNext(inputValue(e))} />
        )}</Field>
        <PasswordVerdictLine id="pw-verdict" verdict={verdict} />
        {s.error !== undefined && <ErrorBox error={s.error} form />}
        {done && <p class="status ok" role="status">{t('passwordChanged')}</p>}
        <button type="submit" disabled={s.busy}>{s.busy ? tc(lang, 'saving') : tc(lang, 'save')}</button>
      </form>
    </section>
  );
}
