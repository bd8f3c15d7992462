import { useState } from 'preact/hooks';
import { logIn, type ApiError, type User } from './api';
import { t, type Lang } from './i18n';

// The login form: keeps what was typed when the server refuses it, and
// says why in the current language.
export function LoginView({ lang, onLoggedIn }: { lang: Lang; onLoggedIn: (u: User) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null | undefined>(undefined);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = await logIn(login.trim(), password);
    setBusy(false);
    if (r.ok) return onLoggedIn(r.value.user);
    setError(r.error);
  }

  return (
    <form class="login" onSubmit={submit} aria-labelledby="login-title">
      <h2 id="login-title">{t(lang, 'loginTitle')}</h2>
      <label for="login-id">{t(lang, 'loginId')}</label>
      <input id="login-id" name="login" autoComplete="username" value={login}
        aria-invalid={error !== undefined} onInput={(e) => setLogin((e.target as HTMLInputElement).value)} />
      <label for="password">{t(lang, 'password')}</label>
      <input id="password" name="password" type="password" autoComplete="current-password"
        value={password} aria-invalid={error !== undefined}
        onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
      <button type="submit" disabled={busy}>{busy ? t(lang, 'loggingIn') : t(lang, 'loginButton')}</button>
      {error !== undefined && (
        <div class="error" role="alert" data-testid="login-error">
          <strong>{t(lang, 'loginFailed')}</strong>
          <p>{error ? (lang === 'ja' ? error.message_ja : error.message_en) : t(lang, 'networkError')}</p>
        </div>
      )}
    </form>
  );
}
