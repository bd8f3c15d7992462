// The one navigation model every audience's menu is made of: a path, its
// label in each language, and who sees it. Screens import this, never App.
import type { User } from './api';
import type { Lang } from './i18n';

export type NavEntry = { path: string; label: (lang: Lang) => string; show?: (u: User) => boolean };

// The entries `user` sees, in order.
export const visibleTo = (entries: NavEntry[], user: User) => entries.filter((e) => !e.show || e.show(user));
