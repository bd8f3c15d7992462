import { useEffect, useState } from 'preact/hooks';
import { currentUser, fetchProgress, logOut, type ApiError, type Progress, type User } from './api';
import { t, type Lang } from './i18n';
import { LoginView } from './LoginView';
import { MyPage } from './MyPage';
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

// Staff's lookup of a doctor's progress by registry number.
function LookupView({ lang }: { lang: Lang }) {
  const params = new URLSearchParams(location.search);
  const [registry, setRegistry] = useState(params.get('doctor') ?? '');
  const [state, setState] = useState<State>({ kind: 'empty' });

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
    <>
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
    </>
  );
}

type Session = { kind: 'checking' } | { kind: 'out' } | { kind: 'in'; user: User };

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session>({ kind: 'checking' });

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('kakari.lang', lang);
  }, [lang]);
  useEffect(() => {
    void currentUser().then((r) => setSession(r.ok ? { kind: 'in', user: r.value.user } : { kind: 'out' }));
  }, []);

  async function leave() {
    await logOut();
    setSession({ kind: 'out' });
  }

  return (
    <div class="page">
      <header class="top">
        <div>
          <h1>{t(lang, 'appTitle')}</h1>
          <p class="sub">{session.kind === 'in' && session.user.role === 'doctor'
            ? t(lang, 'myPage') : t(lang, 'appSubtitle')}</p>
        </div>
        <div class="actions">
          <button type="button" class="lang" aria-label={t(lang, 'switchLangLabel')}
            onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>{t(lang, 'switchLang')}</button>
          {session.kind === 'in' && (
            <button type="button" class="lang" onClick={() => void leave()}>{t(lang, 'logout')}</button>
          )}
        </div>
      </header>
      <main>
        {session.kind === 'checking' && <p class="loading">{t(lang, 'loading')}</p>}
        {session.kind === 'out' && (
          <LoginView lang={lang} onLoggedIn={(user) => setSession({ kind: 'in', user })} />
        )}
        {session.kind === 'in' && session.user.role === 'doctor' && <MyPage lang={lang} />}
        {session.kind === 'in' && session.user.role !== 'doctor' && <LookupView lang={lang} />}
      </main>
    </div>
  );
}
