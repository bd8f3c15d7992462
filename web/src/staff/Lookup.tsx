// Staff's look-up of one doctor's progress (audited): found by registry
// number, name or kana (variant kanji and kana folded as in the queue),
// then shown by registry number.
import { useEffect, useState } from 'preact/hooks';
import { call, enc, query, type Ok, type Progress, type Result } from '../lib/api';
import { formatDate, useLang, useT } from '../lib/i18n';
import { href, navigate, type Route } from '../lib/router';
import { Empty, ErrorBox, Field, inputValue, Loading } from '../lib/ui';
import { ProgressView } from '../doctor/ProgressView';
import { s } from './messages';
import { halfWidth } from '../lib/text';

type Found = Ok<'/api/v1/staff/doctors', 'get'>;

// Loads `path` whenever `key` is non-empty; null while there is nothing to load.
function useLookup<T>(key: string, path: () => string): Result<T> | 'loading' | null {
  const [result, setResult] = useState<Result<T> | 'loading' | null>(null);
  useEffect(() => {
    if (!key) return setResult(null);
    setResult('loading');
    void call<T>('GET', path()).then(setResult);
  }, [key]);
  return result;
}

function Matches({ doctors }: { doctors: Found['doctors'] }) {
  const t = useT(s);
  const lang = useLang();
  if (doctors.length === 0) return <Empty>{t('lookupNone')}</Empty>;
  return (
    <ul class="card matches" data-testid="lookup-matches" aria-label={t('lookupMatches', { n: doctors.length })}>
      {doctors.map((d) => (
        <li key={d.registry_number}>
          {/* Namesakes are common: the link itself says which one. */}
          <a href={href(`/lookup?doctor=${enc(d.registry_number)}`)}>
            <strong>{d.name}</strong> <small>{d.kana}・{d.registry_number}・{formatDate(lang, d.birth_date)}</small>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Lookup({ route }: { route: Route }) {
  const t = useT(s);
  const wanted = route.query.get('doctor') ?? '';
  const searched = wanted ? '' : route.query.get('q') ?? '';
  const [typed, setTyped] = useState(wanted || searched);
  const progress = useLookup<Progress>(wanted, () => `/api/v1/doctors/${enc(wanted)}/progress`);
  const found = useLookup<Found>(searched, () => `/api/v1/staff/doctors${query({ q: searched })}`);
  // One match is the doctor asked for: shown at once.
  useEffect(() => {
    if (found && found !== 'loading' && found.ok && found.value.doctors.length === 1) {
      navigate(`/lookup?doctor=${enc(found.value.doctors[0].registry_number)}`);
    }
  }, [found]);
  const result = progress ?? found;
  const error = result && result !== 'loading' && !result.ok ? result.error : undefined;
  function submit(e: Event) {
    e.preventDefault();
    const q = halfWidth(typed).trim();
    // Digits are a registry number: straight to the progress.
    navigate(/^\d+$/.test(q) ? `/lookup?doctor=${enc(q)}` : `/lookup?q=${enc(typed.trim())}`);
  }
  return (
    <section class="stack" aria-labelledby="lookup-title">
      <form class="card form" role="search" onSubmit={submit}>
        <h2 id="lookup-title">{t('lookupTitle')}</h2>
        <Field id="lk-registry_number" field="registry_number" label={t('search')} hint={t('lookupHint')} error={error}>{(a) => (
          <input {...a} name="q" autoComplete="off" value={typed} onInput={(e) => setTyped(inputValue(e))} />
        )}</Field>
        <button type="submit">{t('show')}</button>
      </form>
      <div aria-live="polite">
        {result === 'loading' && <Loading />}
        {error !== undefined && <ErrorBox error={error} />}
        {found && found !== 'loading' && found.ok && found.value.doctors.length !== 1 && <Matches doctors={found.value.doctors} />}
        {progress && progress !== 'loading' && progress.ok && <ProgressView progress={progress.value} />}
      </div>
    </section>
  );
}
