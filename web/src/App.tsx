import { useEffect, useState } from 'preact/hooks';
import { currentUser, logOut, type User } from './lib/api';
import { LangContext, makeT, type Lang } from './lib/i18n';
import { lazy } from './lib/lazy';
import { Menu, MenuExtras } from './lib/Menu';
import { useRoute } from './lib/router';
import { Loading } from './lib/ui';
import { LoginView } from './LoginView';
import { SessionGuard } from './lib/SessionGuard';
import { DoctorRoutes, doctorNav } from './doctor/Routes';

const StaffRoutes = lazy(() => import('./staff/Routes').then((mod) => mod.StaffRoutes));

const t = makeT({
  appTitle: { ja: 'かかりつけ医機能報告制度にかかる研修', en: 'Training for the family-doctor-function report' },
  myPage: { ja: 'マイページ', en: 'My page' },
  desk: { ja: '審査・事務', en: 'Review desk' },
  institutionPage: { ja: '医療機関の画面', en: 'Institution' },
  switchLang: { ja: 'English', en: '日本語' },
  switchLangLabel: { ja: 'Switch to English', en: '日本語に切り替える' },
  logout: { ja: 'ログアウト', en: 'Log out' },
  help: { ja: 'ヘルプ', en: 'Help' },
  skip: { ja: '本文へ移動', en: 'Skip to content' },
  menu: { ja: 'メニュー', en: 'Menu' },
});

function initialLang(): Lang {
  return localStorage.getItem('kakari.lang') === 'en' ? 'en' : 'ja';
}

type Session = { kind: 'checking' } | { kind: 'out' } | { kind: 'in'; user: User; idleSeconds: number };


export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('kakari.lang', lang);
  }, [lang]);
  useEffect(() => {
    void currentUser().then((r) => setSession(r.ok ? { kind: 'in', user: r.value.user, idleSeconds: r.value.idle_seconds } : { kind: 'out' }));
  }, []);
  // A new screen: its heading is announced and focus starts at the top.
  useEffect(() => { document.getElementById('main')?.focus({ preventScroll: true }); }, [route.path]);

  async function leave() {
    await logOut();
    location.hash = '';
    setSession({ kind: 'out' });
  }
  const user = session.kind === 'in' ? session.user : null;
  const isDoctor = user?.role === 'doctor';
  const helpPage = isDoctor || !user ? 'doctor' : user.role === 'institution' ? 'institution' : 'staff';
  const helpLink = <a class="button secondary" href={`/help/${helpPage}.html`} target="_blank" rel="noopener">{t(lang, 'help')}</a>;
  const logoutButton = <button type="button" class="secondary" onClick={() => void leave()}>{t(lang, 'logout')}</button>;

  return (
    <LangContext.Provider value={lang}>
      <MenuExtras.Provider value={<div class="phone-only">{helpLink}{logoutButton}</div>}>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t(lang, 'skip')}</a>
      <div class="page">
        <header class="top">
          <div class="heading">
            <p class="title">{t(lang, 'appTitle')}</p>
            <p class="sub">{user ? t(lang, isDoctor ? 'myPage' : user.role === 'institution' ? 'institutionPage' : 'desk') : ''}</p>
          </div>
          <div class="actions">
            <span class={user ? 'wide-only' : ''}>{helpLink}</span>
            <button type="button" class="secondary" aria-label={t(lang, 'switchLangLabel')} lang={lang === 'ja' ? 'en' : 'ja'}
              onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>{t(lang, 'switchLang')}</button>
            {user && <span class="wide-only">{logoutButton}</span>}
          </div>
        </header>
        {user && isDoctor && <Menu entries={doctorNav} user={user} active={`/${route.segments[0] ?? ''}`} />}
        <main id="main" tabIndex={-1}>
          {session.kind === 'checking' && <Loading />}
          {session.kind === 'out' && <LoginView onLoggedIn={(u, idle) => setSession({ kind: 'in', user: u, idleSeconds: idle })} />}
          {user && isDoctor && <DoctorRoutes route={route} />}
          {user && !isDoctor && <StaffRoutes route={route} user={user} />}
        </main>
        {session.kind === 'in' && <SessionGuard user={session.user} idleSeconds={session.idleSeconds}
          onLeave={() => { location.hash = ''; setSession({ kind: 'out' }); }} />}
      </div>
      </MenuExtras.Provider>
    </LangContext.Provider>
  );
}
