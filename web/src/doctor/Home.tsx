import { certificatePdfUrl, get, type Certificate, type Progress } from '../lib/api';
import { formatDate, formatUnits, tc, useLang, useT } from '../lib/i18n';
import { href } from '../lib/router';
import { Empty, Show, useLoad } from '../lib/ui';
import { m } from './messages';
import { ProgressView } from './ProgressView';

const statusKey = { valid: 'statusValid', superseded: 'statusSuperseded', revoked: 'statusRevoked' } as const;

export function Certificates({ items }: { items: Certificate[] }) {
  const t = useT(m);
  const lang = useLang();
  if (items.length === 0) return <p class="empty" data-testid="no-certificates">{t('noCertificates')}</p>;
  return (
    <ul class="certificates" data-testid="certificates">
      {items.map((c) => (
        <li key={`${c.number}-${c.version}`}>
          <strong>{c.number}</strong>{c.version > 1 && ` (${t('versionOf', { n: c.version })})`}
          <span class={`badge ${c.status}`}>{t(statusKey[c.status])}</span>
          <div>{t('issuedOn')}: {lang === 'ja' ? c.issued_on_wareki : formatDate(lang, c.issued_on)}</div>
          {c.delivery === 'mail' && (
            <div>{c.mailed_at ? t('mailedOn', { date: formatDate(lang, c.mailed_at) }) : t('mailPending')}</div>
          )}
          {c.status !== 'revoked' && <a class="button secondary" href={certificatePdfUrl(c.number)} download>{t('download')}</a>}
        </li>
      ))}
    </ul>
  );
}

type Step = Progress['next_steps'][number];

const jmaTrainingPage = 'https://www.med.or.jp/doctor/cme/cmekakari/012210.html';

// One step of the doctor's way to completion, with the button that takes it.
function StepCard({ step }: { step: Step }) {
  const t = useT(m);
  const lang = useLang();
  const itemLink = step.item_kind && step.item_id !== undefined ? `/items/${step.item_kind}/${step.item_id}` : '';
  switch (step.kind) {
    case 'fix_returned':
      return (
        <li class="step returned" data-testid="step-fix_returned">
          <p><strong>{t('stepFixReturned', { item: step.item_kind ? tc(lang, `kind_${step.item_kind}`) : '' })}</strong></p>
          {step.reason && <p class="reason">{t('reason')}: {step.reason}</p>}
          <a class="button" href={href(itemLink)}>{t('goFix')}</a>
        </li>
      );
    case 'certified':
      return <li class="step" data-testid="step-certified"><p>{t('stepCertified')}</p></li>;
    case 'await_application':
      return (
        <li class="step pending" data-testid="step-await_application">
          <p>{t('stepUnderReview')}</p>
          <a class="button secondary" href={href(itemLink)}>{t('goItem')}</a>
        </li>
      );
    case 'apply':
      return (
        <li class="step" data-testid="step-apply">
          <p>{t('stepApply')}</p>
          <a class="button" href={href('/apply')}>{t('goApply')}</a>
        </li>
      );
    case 'take_lectures':
      return (
        <li class="step" data-testid="step-take_lectures">
          <p>{t('stepTakeLectures', { units: formatUnits(step.units) })}</p>
          <div class="actions">
            <a class="button" href={jmaTrainingPage} target="_blank" rel="noopener">{t('goElearning')}</a>
            <a class="button secondary" href={href('/declare')}>{t('goDeclare')}</a>
          </div>
        </li>
      );
    case 'report_activity':
      return (
        <li class="step" data-testid="step-report_activity">
          <p>{t('stepReportActivity', { n: step.activities ?? 1 })}</p>
          <a class="button" href={href('/report')}>{t('navReport')}</a>
        </li>
      );
    case 'await_lecture_review':
      return (
        <li class="step pending" data-testid="step-await_lecture_review">
          <p>{t('stepAwaitLectures', { units: formatUnits(step.units) })}</p>
          <a class="button secondary" href={href('/items')}>{t('navItems')}</a>
        </li>
      );
    case 'await_activity_review':
      return (
        <li class="step pending" data-testid="step-await_activity_review">
          <p>{t('stepAwaitActivities', { n: step.activities ?? 1 })}</p>
          <a class="button secondary" href={href('/items')}>{t('navItems')}</a>
        </li>
      );
  }
}

// What the doctor should do next, in order: the server decides the steps
// (core/domain/guidance), this only words them.
function NextSteps({ steps }: { steps: Step[] }) {
  const t = useT(m);
  if (steps.length === 0) return null;
  return (
    <section class="card next" aria-labelledby="next-title" data-testid="next-step">
      <h2 id="next-title">{t('nextStep')}</h2>
      <ol class="steps">{steps.map((s, i) => <StepCard key={`${s.kind}-${s.item_id ?? i}`} step={s} />)}</ol>
    </section>
  );
}

// The doctor's own page: progress, what to do next, certificates.
export function Home() {
  const t = useT(m);
  const [progress] = useLoad(() => get('/api/v1/me/progress'));
  const [items] = useLoad(() => get('/api/v1/me/items'));
  const [certs] = useLoad(() => get('/api/v1/me/certificates'));
  return (
    <div class="stack">
      <Show state={progress}>{(p) => (
        <>
          <NextSteps steps={p.next_steps} />
          <ProgressView progress={p} />
        </>
      )}</Show>
      <section class="card" aria-labelledby="certs-title">
        <h2 id="certs-title">{t('certificates')}</h2>
        <Show state={certs}>{(c) => <Certificates items={c.items} />}</Show>
      </section>
      {items.kind === 'shown' && items.value.items.length === 0 && <Empty>{t('noItems')}</Empty>}
    </div>
  );
}
