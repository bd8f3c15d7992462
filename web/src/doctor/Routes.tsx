import type { NavEntry } from '../lib/nav';
import type { Kind } from '../lib/api';
import { makeT } from '../lib/i18n';
import type { Route } from '../lib/router';
import { Notices } from '../lib/Notices';
import { Credits } from './Credits';
import { Home } from './Home';
import { ItemDetail, Items } from './Items';
import { m } from './messages';
import { Password } from './Password';
import { Apply, DeclareCredits, ReportActivity } from './Submit';
import { Workplaces } from './Workplaces';

const t = makeT(m);

export const doctorNav: NavEntry[] = [
  { path: '/', label: (l) => t(l, 'navHome') },
  { path: '/notices', label: (l) => t(l, 'navNotices') },
  { path: '/items', label: (l) => t(l, 'navItems') },
  { path: '/report', label: (l) => t(l, 'navReport') },
  { path: '/declare', label: (l) => t(l, 'navDeclare') },
  { path: '/credits', label: (l) => t(l, 'navCredits') },
  { path: '/apply', label: (l) => t(l, 'navApply') },
  { path: '/workplaces', label: (l) => t(l, 'navWorkplaces') },
  { path: '/password', label: (l) => t(l, 'navPassword') },
];

export function DoctorRoutes({ route }: { route: Route }) {
  const [first, kind, id] = route.segments;
  switch (first) {
    case 'credits': return <Credits />;
    case 'report': return <ReportActivity />;
    case 'declare': return <DeclareCredits />;
    case 'apply': return <Apply />;
    case 'password': return <Password />;
    case 'workplaces': return <Workplaces />;
    case 'notices': return <Notices askRemindersOff={route.query.get('reminders') === 'off'} />;
    case 'items':
      if (kind && id) return <ItemDetail key={`${kind}-${id}`} kind={kind as Kind} id={id} justSent={route.query.has('sent')} />;
      return <Items />;
    default: return <Home />;
  }
}
