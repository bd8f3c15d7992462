import { useState } from 'preact/hooks';
import { logIn, logInWithCode, type ApiError, type User } from './lib/api';
import { makeT, useLang } from './lib/i18n';
import { Field, inputValue, errorText } from './lib/ui';
import { PasswordVerdictLine, usePasswordVerdict } from './lib/PasswordVerdict';

const t = makeT({
  loginTitle: { ja: 'ログイン', en: 'Log in' },
  firstTitle: { ja: '初めての方（ワンタイムコード）', en: 'First login (one-time code)' },
  loginId: { ja: '会員番号またはメールアドレス', en: 'Member ID or e-mail' },
  password: { ja: 'パスワード', en: 'Password' },
  code: { ja: 'ワンタイムコード', en: 'One-time code' },
  codeHint: { ja: '医師会から届いた書面のコード（例 K7Q2-MX9P-4HRT）', en: 'The code in the letter from your association (e.g. K7Q2-MX9P-4HRT)' },
  newPassword: { ja: '新しいパスワード（10文字以上）', en: 'New password (at least 10 characters)' },
  loginButton: { ja: 'ログインする', en: 'Log in' },
  setButton: { ja: 'パスワードを設定してログイン', en: 'Set password and log in' },
  loggingIn: { ja: 'ログインしています…', en: 'Logging in…' },
  loginFailed: { ja: 'ログインできませんでした', en: 'Could not log in' },
  useCode: { ja: '初めての方・パスワードを忘れた方はこちら', en: 'First time, or forgot your password?' },
  usePassword: { ja: 'パスワードでログインする', en: 'Log in with a password' },
});

// Password login, or the first login with a one-time code that sets the
// password. Keeps what was typed when the server refuses and says why.
export function LoginView({ onLoggedIn }: { onLoggedIn: (u: User, idleSeconds: number) => void }) {
  const lang = useLang();
  const [mode, setMode] = useState<'password' | 'code'>(location.hash.includes('first') ? 'code' : 'password');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null | undefined>(undefined);
  const verdict = usePasswordVerdict('/api/v1/password-check', mode === 'code' ? password : '', login.trim());

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = mode === 'password' ? await logIn(login.trim(), password)
      : await logInWithCode(login.trim(), code.trim(), password);
    setBusy(false);
    if (r.ok) return onLoggedIn(r.value.user, r.value.idle_seconds);
    setError(r.error);
  }
  const title = mode === 'password' ? t(lang, 'loginTitle') : t(lang, 'firstTitle');
  // A refusal (wrong login or code) marks every input; the box says why.
  const refused = error !== undefined || undefined;
  return (
    <form class="login card" onSubmit={submit} aria-labelledby="login-title" noValidate>
      <h2 id="login-title">{title}</h2>
      <Field id="login-login" field="login" label={t(lang, 'loginId')} error={undefined}>{(a) => (
        <input {...a} name="login" autoComplete="username" value={login} aria-invalid={refused}
          onInput={(e) => setLogin(inputValue(e))} />
      )}</Field>
      {mode === 'code' && (
        <Field id="login-code" field="code" label={t(lang, 'code')} hint={t(lang, 'codeHint')} error={undefined}>{(a) => (
          <input {...a} name="code" autoComplete="one-time-code" value={code} aria-invalid={refused}
            onInput={(e) => setCode(inputValue(e))} />
        )}</Field>
      )}
      <Field id="login-password" field="password" label={mode === 'password' ? t(lang, 'password') : t(lang, 'newPassword')} error={undefined}
        describedBy={mode === 'code' ? 'login-verdict' : undefined}>{(a) => (
        <input {...a} name="password" type="password" autoComplete={mode === 'password' ? 'current-password' : 'new-password'}
          value={password} aria-invalid={refused} onInput={(e) => setPassword(inputValue(e))} />
      )}</Field>
      {mode === 'code' && <PasswordVerdictLine id="login-verdict" verdict={verdict} />}
      <button type="submit" disabled={busy}>{busy ? t(lang, 'loggingIn') : mode === 'password' ? t(lang, 'loginButton') : t(lang, 'setButton')}</button>
      {error !== undefined && (
        <div class="error" role="alert" data-testid="login-error">
          <strong>{t(lang, 'loginFailed')}</strong>
          <p>{errorText(lang, error)}</p>
        </div>
      )}
      <button type="button" class="link" onClick={() => { setMode(mode === 'password' ? 'code' : 'password'); setError(undefined); }}>
        {mode === 'password' ? t(lang, 'useCode') : t(lang, 'usePassword')}
      </button>
    </form>
  );
}
