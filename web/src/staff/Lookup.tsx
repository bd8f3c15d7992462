// Staff's look-up of one doctor's progress by registry number (audited).
import { useEffect, useState } from 'preact/hooks';
import { call, enc, type Progress, type Result } from '../lib/api';
import { useT } from '../lib/i18n';
import { navigate, type Route } from '../lib/router';
import { ErrorBox, Field, inputValue, Loading } from '../lib/ui';
import { ProgressView } from '../doctor/ProgressView';
import { s } from './messages';
import { halfWidth } from '../lib/text';


export function Lookup({ route }: { route: Route }) {
  const t = useT(s);
  const wanted = route.query.get('doctor') ?? '';
  const [registry, setRegistry] = useState(wanted);
  const [result, setResult] = useState<Result<Progress> | 'loading' | null>(null);
  useEffect(() => {
    if (!wanted) return setResult(null);
    setResult('loading');
    void call<Progress>('GET', `/api/v1/doctors/${enc(wanted)}/progress`).then(setResult);
  }, [wanted]);
  const error = result && result !== 'loading' && !result.ok ? result.error : undefined;
  return (
    <section class="stack" aria-labelledby="lookup-title">
      <form class="card form" role="search" onSubmit={(e) => { e.preventDefault(); navigate(`/lookup?doctor=${enc(halfWidth(registry))}`); }}>
        <h2 id="lookup-title">{t('lookupTitle')}</h2>
        <Field id="lk-registry_number" field="registry_number" label={t('registry')} hint={t('lookupHint')} error={error}>{(a) => (
          <input {...a} name="registry" inputMode="numeric" autoComplete="off" value={registry} onInput={(e) => setRegistry(inputValue(e))} />
        )}</Field>
        <button type="submit">{t('show')}</button>
      </form>
      <div aria-live="polite">
        {result === 'loading' && <Loading />}
        {error !== undefined && <ErrorBox error={error} />}
        {result && result !== 'loading' && result.ok && <ProgressView progress={result.value} />}
      </div>
    </section>
  );
}
