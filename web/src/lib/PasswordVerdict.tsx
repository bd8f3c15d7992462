// The server's verdict on a new password as it is typed: the same estimator
// (zxcvbn) and the same words the change itself is judged by, so the form
// never says "fine" to a password the server then refuses.
import { useEffect, useState } from 'preact/hooks';
import { call, type Ok } from './api';
import { useLang, type Lang } from './i18n';

type Verdict = Ok<'/api/v1/password-check', 'post'>;

const text = {
  ok: { ja: '推測されにくいパスワードです', en: 'This password is hard to guess' },
};

// `path` is the signed-in check (/api/v1/me/password/check) or the public one
// with the typed login. Asks 300 ms after the last keystroke.
export function usePasswordVerdict(path: string, password: string, login?: string): Verdict | undefined {
  const [verdict, setVerdict] = useState<Verdict | undefined>(undefined);
  useEffect(() => {
    setVerdict(undefined);
    if (password.length < 4) return undefined;
    let live = true;
    const timer = setTimeout(async () => {
      const body = login === undefined ? { password } : { password, login };
      const r = await call<Verdict>('POST', path, body);
      if (live && r.ok) setVerdict(r.value);
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [path, password, login]);
  return verdict;
}

const message = (lang: Lang, v: Verdict) =>
  v.acceptable ? text.ok[lang] : (lang === 'ja' ? v.message_ja : v.message_en) ?? '';

// Read out politely as it changes; linked to the input by `id`.
export function PasswordVerdictLine({ id, verdict }: { id: string; verdict: Verdict | undefined }) {
  const lang = useLang();
  return (
    <p id={id} class={verdict ? (verdict.acceptable ? 'verdict ok' : 'verdict weak') : 'verdict'} aria-live="polite"
      data-testid="password-verdict">
      {verdict ? message(lang, verdict) : ''}
    </p>
  );
}
