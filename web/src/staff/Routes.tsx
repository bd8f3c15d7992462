// Everything staff, administrators and institutions see; loaded only after
// such a login (a separate chunk).
import type { Kind, User } from '../lib/api';
import { makeT } from '../lib/i18n';
import type { NavEntry } from '../lib/nav';
import { Menu } from '../lib/Menu';
import type { Route } from '../lib/router';
import { ProgrammeAdmin } from '../admin/Programme';
import { AssociationAdmin } from '../admin/Association';
import { UsersAdmin } from '../admin/Users';
import { CertificateSettingsAdmin, RoutingAdmin, SignatoriesAdmin } from '../admin/Admin';
import { Affiliations } from '../institution/Affiliations';
import { AnswerView } from '../institution/Answer';
import { im } from '../institution/messages';
import { Coverage, StaffAnswer } from './Coverage';
import { Codes } from './Codes';
import { Lookup } from './Lookup';
import { Mail } from './Mail';
import { s } from './messages';
import { Paper } from './Paper';
import { Notices } from '../lib/Notices';
import { Queue } from './Queue';
import { Review } from './Review';
import { lazy } from '../lib/lazy';

// The statistics screen carries the map of Japan: loaded when first opened.
const Statistics = lazy(() => import('./Statistics').then((m) => m.Statistics));

const t = makeT(s);
const ti = makeT(im);
const forRoles = (roles: User['role'][]) => (u: User) => roles.includes(u.role);
const entry = (path: string, key: keyof typeof s, roles: User['role'][]): NavEntry =>
  ({ path, label: (l) => t(l, key), show: forRoles(roles) });
const STAFF: User['role'][] = ['reviewer', 'admin', 'jma_admin'];
const ADMINS: User['role'][] = ['admin', 'jma_admin'];

const entries: NavEntry[] = [
  entry('/queue', 'navQueue', STAFF),
  entry('/notices', 'navNotices', [...STAFF, 'institution']),
  entry('/paper', 'navPaper', STAFF),
  entry('/mail', 'navMail', STAFF),
  entry('/lookup', 'navLookup', STAFF),
  entry('/codes', 'navCodes', ADMINS),
  entry('/admin/routing', 'navRouting', ADMINS),
  entry('/admin/programme', 'navProgramme', ADMINS),
  entry('/admin/certificates', 'navCertSettings', ADMINS),
  entry('/admin/signatories', 'navSignatories', ADMINS),
  entry('/admin/users', 'navUsers', ADMINS),
  entry('/admin/association', 'navAssociation', ADMINS),
  entry('/coverage', 'navCoverage', STAFF),
  entry('/statistics', 'navStatistics', STAFF),
  { path: '/institution', label: (l) => ti(l, 'navAnswer'), show: forRoles(['institution']) },
  { path: '/institution/doctors', label: (l) => ti(l, 'navDoctors'), show: forRoles(['institution']) },
];

function StaffNav({ user, route }: { user: User; route: Route }) {
  const [first, second] = route.segments;
  const current = first === 'admin' || (first === 'institution' && second) ? `/${first}/${second ?? ''}` : `/${first ?? ''}`;
  const active = current === '/' || current === '/review' ? (user.role === 'institution' ? '/institution' : '/queue') : current;
  return <Menu entries={entries} user={user} active={active} />;
}

function Screen({ route, user }: { route: Route; user: User }) {
  const [first, second, third] = route.segments;
  if (first === 'notices') {
    return <Notices askRemindersOff={route.query.get('reminders') === 'off'} staff={user.role !== 'institution'} />;
  }
  if (user.role === 'institution') {
    return second === 'doctors' ? <Affiliations /> : <AnswerView base="/api/v1/institution/answer" csv />;
  }
  switch (first) {
    case 'review': return <Review kind={second as Kind} id={third} />;
    case 'paper': return <Paper />;
    case 'mail': return <Mail />;
    case 'codes': return <Codes />;
    case 'lookup': return <Lookup route={route} />;
    case 'coverage': return <Coverage route={route} />;
    case 'statistics': return <Statistics route={route} />;
    case 'institutions': return <StaffAnswer code={second ?? ''} />;
    case 'admin':
      if (second === 'certificates') return <CertificateSettingsAdmin user={user} />;
      if (second === 'signatories') return <SignatoriesAdmin user={user} />;
      if (second === 'users') return <UsersAdmin user={user} />;
      if (second === 'programme') return <ProgrammeAdmin user={user} />;
      if (second === 'association') return <AssociationAdmin user={user} />;
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
