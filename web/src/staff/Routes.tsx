// Everything staff, administrators and institutions see; loaded only after
// such a login (a separate chunk).
import type { Kind, User } from '../lib/api';
import { makeT, useLang } from '../lib/i18n';
import { href, type Route } from '../lib/router';
import { ProgrammeAdmin } from '../admin/Programme';
import { UsersAdmin } from '../admin/Users';
import { CertificateSettingsAdmin, Institution, RoutingAdmin, SignatoriesAdmin } from '../admin/Admin';
import { Codes } from './Codes';
import { Lookup } from './Lookup';
import { Mail } from './Mail';
import { s } from './messages';
import { Paper } from './Paper';
import { Queue } from './Queue';
import { Review } from './Review';

const t = makeT(s);
type Entry = { path: string; key: keyof typeof s; roles: User['role'][] };
const STAFF: User['role'][] = ['reviewer', 'admin', 'jma_admin'];
const ADMINS: User['role'][] = ['admin', 'jma_admin'];

const entries: Entry[] = [
  { path: '/queue', key: 'navQueue', roles: STAFF },
  { path: '/paper', key: 'navPaper', roles: STAFF },
  { path: '/mail', key: 'navMail', roles: STAFF },
  { path: '/lookup', key: 'navLookup', roles: STAFF },
  { path: '/codes', key: 'navCodes', roles: ADMINS },
  { path: '/admin/routing', key: 'navRouting', roles: ADMINS },
  { path: '/admin/programme', key: 'navProgramme', roles: ADMINS },
  { path: '/admin/certificates', key: 'navCertSettings', roles: ADMINS },
  { path: '/admin/signatories', key: 'navSignatories', roles: ADMINS },
  { path: '/admin/users', key: 'navUsers', roles: ADMINS },
  { path: '/institution', key: 'navInstitution', roles: ['institution'] },
];

function StaffNav({ user, route }: { user: User; route: Route }) {
  const lang = useLang();
  const current = route.segments[0] === 'admin' ? `/admin/${route.segments[1] ?? ''}` : `/${route.segments[0] ?? ''}`;
  const active = current === '/' || current === '/review' ? (user.role === 'institution' ? '/institution' : '/queue') : current;
  return (
    <nav class="nav" aria-label="menu">
      <ul>{entries.filter((e) => e.roles.includes(user.role)).map((e) => (
        <li key={e.path}><a href={href(e.path)} aria-current={active === e.path ? 'page' : undefined}>{t(lang, e.key)}</a></li>
      ))}</ul>
    </nav>
  );
}

function Screen({ route, user }: { route: Route; user: User }) {
  const [first, second, third] = route.segments;
  if (user.role === 'institution') return <Institution />;
  switch (first) {
    case 'review': return <Review kind={second as Kind} id={third} />;
    case 'paper': return <Paper />;
    case 'mail': return <Mail />;
    case 'codes': return <Codes />;
    case 'lookup': return <Lookup route={route} />;
    case 'admin':
      if (second === 'certificates') return <CertificateSettingsAdmin user={user} />;
      if (second === 'signatories') return <SignatoriesAdmin user={user} />;
      if (second === 'users') return <UsersAdmin user={user} />;
      if (second === 'programme') return <ProgrammeAdmin user={user} />;
      return <RoutingAdmin user={user} />;
    default: return <Queue route={route} />;
  }
}

export function StaffRoutes({ route, user }: { route: Route; user: User }) {
  return (
    <>
      <StaffNav user={user} route={route} />
      <Screen route={route} user={user} />
    </>
  );
}
