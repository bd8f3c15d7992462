import { useEffect, useState } from 'preact/hooks';
import { fetchProgress, type ApiError, type Progress } from './api';
import { t, type Lang } from './i18n';
import { ProgressView } from './ProgressView';

type State =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'shown'; progress: Progress }
  | { kind: 'error'; error: ApiError | null };

function initialLang(): Lang {
  const saved = localStorage.getItem('kakari.lang');
  return saved === 'en' ? 'en' : 'ja';
}

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const params = new URLSearchParams(location.search);
  const [registry, setRegistry] = useState(params.get('doctor') ?? '');
  const [state, setState] = useState<State>({ kind: 'empty' });

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('kakari.lang', lang);
  }, [lang]);

  async function load(reg: string) {
    const value = toHalfWidthDigits(reg);
    if (!value) return setState({ kind: 'empty' });
    setState({ kind: 'loading' });
    history.replaceState(null, '', `?doctor=${encodeURIComponent(value)}`);
    const r = await fetchProgress(value);
    setState(r.ok ? { kind: 'shown', progress: r.value } : { kind: 'error', error: r.error });
  }

  useEffect(() => { if (registry) void load(registry); }, []);

  const fieldError = state.kind === 'error' && state.error?.field === 'registry_number';
  return (
    <div class="page">
      <header class="top">
        <div>
          <h1>{t(lang, 'appTitle')}</h1>
          <p class="sub">{t(lang, 'appSubtitle')}</p>
        </div>
        <button type="button" class="lang" aria-label={t(lang, 'switchLangLabel')}
          onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>{t(lang, 'switchLang')}</button>
      </header>
      <main>
        <form class="lookup" onSubmit={(e) => { e.preventDefault(); void load(registry); }}>
          <label for="registry">{t(lang, 'registryLabel')}</label>
          <div class="row">
            <input id="registry" name="registry" inputMode="numeric" autoComplete="off"
              value={registry} aria-invalid={fieldError} aria-describedby="registry-hint"
              onInput={(e) => setRegistry((e.target as HTMLInputElement).value)} />
            <button type="submit">{t(lang, 'show')}</button>
          </div>
          <small id="registry-hint">{t(lang, 'registryHint')}</small>
        </form>
        <div aria-live="polite">
          {state.kind === 'empty' && <p class="empty">{t(lang, 'empty')}</p>}
          {state.kind === 'loading' && <p class="loading">{t(lang, 'loading')}</p>}
          {state.kind === 'error' && (
            <div class="error" role="alert" data-testid="error">
              <strong>{t(lang, 'errorTitle')}</strong>
              <p>{state.error ? (lang === 'ja' ? state.error.message_ja : state.error.message_en)
                : t(lang, 'networkError')}</p>
            </div>
          )}
          {state.kind === 'shown' && <ProgressView lang={lang} progress={state.progress} />}
        </div>
      </main>
    </div>
  );
}
