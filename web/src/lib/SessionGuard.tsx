// Session expiry loses nothing: before the idle limit a dialog offers to stay
// logged in; once the server has ended the session, a dialog logs in again
// in place, over the screen as it was (what was typed stays), and the
// request that met the end is sent again. Someone else logging in there
// starts afresh instead, so nobody sees another person's unsent form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentUser, logIn, sessionWatch, type ApiError, type User } from './api';
import { makeT, useLang } from './i18n';
import { errorText, Field, inputValue } from './ui';

const t = makeT({
  warnTitle: { ja: 'まもなく自動でログアウトします', en: 'You will be logged out soon' },
  warnText: { ja: 'しばらく操作がないため、約{min}分後にログアウトします。入力中の内容を失わないよう、続ける場合はボタンを押してください。', en: 'Nothing has happened for a while: you will be logged out in about {min} minutes. Press the button to stay logged in and keep what you typed.' },
  stay: { ja: 'ログインを続ける', en: 'Stay logged in' },
  expiredTitle: { ja: 'ログインの有効期限が切れました', en: 'Your session has ended' },
  expiredText: { ja: 'もう一度ログインしてください。入力中の内容はそのまま残っています。', en: 'Please log in again. What you typed is still here.' },
  loginId: { ja: '会員番号またはメールアドレス', en: 'Member ID or e-mail' },
  password: { ja: 'パスワード', en: 'Password' },
  login: { ja: 'ログインして続ける', en: 'Log in and continue' },
  leave: { ja: 'ログイン画面へ', en: 'Go to the login page' },
  failed: { ja: 'ログインできませんでした', en: 'Could not log in' },
});

const WARN_BEFORE_SECONDS = 120;

type State = 'active' | 'warning' | 'expired';

export function SessionGuard({ user, idleSeconds, onLeave }: { user: User; idleSeconds: number; onLeave: () => void }) {
  const lang = useLang();
  const [state, setState] = useState<State>('active');
  const waiting = useRef<((ok: boolean) => void)[]>([]);

  useEffect(() => {
    sessionWatch.lastAnswerAt = Date.now();
    sessionWatch.onExpired = () => new Promise<boolean>((resolve) => {
      waiting.current.push(resolve);
      setState('expired');
    });
    const timer = setInterval(() => {
      const idle = (Date.now() - sessionWatch.lastAnswerAt) / 1000;
      setState((s) => (s === 'expired' ? s : idle >= idleSeconds ? 'expired' : idle >= idleSeconds - WARN_BEFORE_SECONDS ? 'warning' : 'active'));
    }, 5000);
    return () => { clearInterval(timer); sessionWatch.onExpired = null; };
  }, [idleSeconds]);

  function settle(ok: boolean) {
    for (const resolve of waiting.current.splice(0)) resolve(ok);
  }
  async function stay() {
    const r = await currentUser();
    if (r.ok) setState('active');
  }
  if (state === 'active') return null;
  if (state === 'warning') {
    return (
      <div class="dialog-backdrop">
        <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" data-testid="idle-warning">
          <h2 id="idle-title">{t(lang, 'warnTitle')}</h2>
          <p id="idle-text">{t(lang, 'warnText', { min: Math.round(WARN_BEFORE_SECONDS / 60) })}</p>
          <button type="button" autoFocus onClick={() => void stay()}>{t(lang, 'stay')}</button>
        </div>
      </div>
    );
  }
  return <Relogin user={user} onDone={() => { setState('active'); settle(true); }}
    onLeave={() => { settle(false); onLeave(); }} />;
}

function Relogin({ user, onDone, onLeave }: { user: User; onDone: () => void; onLeave: () => void }) {
  const lang = useLang();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = await logIn(login.trim(), password);
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    // Someone else: start afresh rather than hand them this screen.
    if (r.value.user.id !== user.id) { location.hash = ''; location.reload(); return; }
    onDone();
  }
  return (
    <div class="dialog-backdrop">
      <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="relogin-title" onSubmit={submit} noValidate data-testid="relogin">
        <h2 id="relogin-title">{t(lang, 'expiredTitle')}</h2>
        <p>{t(lang, 'expiredText')}</p>
        <Field id="relogin-login" field="login" label={t(lang, 'loginId')} error={undefined}>{(a) => (
          <input {...a} autoComplete="username" value={login} onInput={(e) => setLogin(inputValue(e))} autoFocus />
        )}</Field>
        <Field id="relogin-password" field="password" label={t(lang, 'password')} error={undefined}>{(a) => (
          <input {...a} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(inputValue(e))} />
        )}</Field>
        {error !== undefined && <div class="error" role="alert"><strong>{t(lang, 'failed')}</strong><p>{errorText(lang, error)}</p></div>}
        <div class="actions">
          <button type="submit" disabled={busy}>{t(lang, 'login')}</button>
          <button type="button" class="secondary" onClick={onLeave}>{t(lang, 'leave')}</button>
        </div>
      </form>
    </div>
  );
}
