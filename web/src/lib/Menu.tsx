// The one menu of every audience. On a phone it folds behind a button that
// names the current screen (so content starts near the top), with help and
// logout inside; from 700 px on it is the row of links it always was.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { useLang } from './i18n';
import { visibleTo, type NavEntry } from './nav';
import type { User } from './api';
import { href } from './router';

const words = {
  menu: { ja: 'メニュー', en: 'Menu' },
};

// Help and logout, which the header shows on a desktop and the menu on a phone.
export const MenuExtras = createContext<ComponentChildren>(null);

export function Menu({ entries, user, active }: { entries: NavEntry[]; user: User; active: string }) {
  const lang = useLang();
  const extras = useContext(MenuExtras);
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [active]);
  const visible = visibleTo(entries, user);
  const current = visible.find((e) => e.path === active);
  return (
    <nav class={open ? 'nav open' : 'nav'} aria-label={words.menu[lang]}>
      <button type="button" class="secondary menu-toggle" aria-expanded={open} aria-controls="menu-list"
        onClick={() => setOpen(!open)} data-testid="menu-toggle">
        <span aria-hidden="true" class="menu-icon">☰</span>
        <span>{words.menu[lang]}</span>
        {current && <span class="menu-current">{current.label(lang)}</span>}
      </button>
      <ul id="menu-list">
        {visible.map((e) => (
          <li key={e.path}>
            <a href={href(e.path)} aria-current={active === e.path ? 'page' : undefined}>{e.label(lang)}</a>
          </li>
        ))}
        {extras && <li class="menu-extras">{extras}</li>}
      </ul>
    </nav>
  );
}
