// The status history of an item, oldest first, with reasons.
import type { ItemView } from './api';
import { formatDateTime, makeT, useLang } from './i18n';
import { StatusBadge } from './ui';

const tm = makeT({
  timeline: { ja: '経過', en: 'Timeline' },
  by_doctor: { ja: '医師', en: 'doctor' },
  by_reviewer: { ja: '審査担当', en: 'reviewer' },
  by_admin: { ja: '医師会管理者', en: 'association admin' },
  by_jma_admin: { ja: '日本医師会', en: 'JMA' },
  by_system: { ja: 'システム', en: 'system' },
  reason: { ja: '理由', en: 'Reason' },
});

export function Timeline({ history }: { history: ItemView['history'] }) {
  const lang = useLang();
  const who = (role: string) => (['doctor', 'reviewer', 'admin', 'jma_admin'].includes(role)
    ? tm(lang, `by_${role}` as 'by_doctor') : tm(lang, 'by_system'));
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">{tm(lang, 'timeline')}</h3>
      <ol class="timeline" data-testid="timeline">
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(lang, h.at)}</time>
            <StatusBadge status={h.to} /> <small>（{[who(h.actor_role), h.actor_association].filter(Boolean).join('・')}）</small>
            {h.reason && <div class="reason">{tm(lang, 'reason')}: {h.reason}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
