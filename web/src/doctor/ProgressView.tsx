import type { Progress } from '../lib/api';
import { formatUnits, tc, useLang, useT } from '../lib/i18n';
import { m } from './messages';

// Approved units towards the total (full only when nothing is missing), and
// beside them, hatched, what is under review and would count once approved.
function Meter(props: { done: number; pending: number; max: number; label: string; text: string }) {
  const pct = (v: number) => Math.max(0, Math.min(100, (v / props.max) * 100));
  const done = pct(props.done);
  const pending = Math.min(100 - done, pct(props.pending));
  return (
    <div class="meter" role="meter" aria-valuemin={0} aria-valuemax={props.max}
      aria-valuenow={props.done} aria-valuetext={props.text} aria-label={props.label} data-testid="meter">
      <div class="meter-fill" style={{ width: `${done}%` }} />
      {pending > 0 && <div class="meter-pending" style={{ width: `${pending}%` }} data-testid="meter-pending" />}
    </div>
  );
}

// A doctor's units per part and in total against the requirement, and what
// is still missing (also shown to staff looking a doctor up).
export function ProgressView({ progress: p }: { progress: Progress }) {
  const t = useT(m);
  const lang = useLang();
  const required = p.programme.required_total_units;
  const pendingUnits = p.pending.lecture_units + p.pending.activities * p.programme.units_per_activity;
  return (
    <section class="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">
        {t('doctorOf', { name: p.name })}
        <span class="kana">{p.kana}</span>
      </h2>
      <div class={p.complete ? 'status ok' : 'status todo'} data-testid="status">
        <strong>{p.complete ? t('complete') : t('incomplete')}</strong>
      </div>
      <dl class="parts">
        <div class="part">
          <dt>{t('lecture')}</dt>
          <dd>
            <span class="num" data-testid="lecture-units">{formatUnits(p.lecture_units)}</span> {tc(lang, 'units')}
            {p.pending.lecture_units > 0 && <small class="pending-note" data-testid="pending-lecture"> {t('pendingUnits', { units: formatUnits(p.pending.lecture_units) })}</small>}
          </dd>
        </div>
        <div class="part">
          <dt>{t('practical')}</dt>
          <dd>
            <span class="num" data-testid="practical-units">{formatUnits(p.practical_units)}</span>
            <small> ({t('activitiesCount', { n: p.approved_activities })})</small>
            {p.pending.activities > 0 && <small class="pending-note" data-testid="pending-activities"> {t('pendingActivities', { n: p.pending.activities })}</small>}
          </dd>
        </div>
        <div class="part total">
          <dt>{t('total')}</dt>
          <dd>
            <span class="num" data-testid="total-units">{formatUnits(p.total_units)}</span>
            {' / '}<span data-testid="required-units">{formatUnits(required)}</span>
          </dd>
        </div>
      </dl>
      <Meter done={p.towards_units} pending={pendingUnits} max={required} label={t('total')}
        text={`${formatUnits(p.towards_units)} / ${formatUnits(required)}${pendingUnits > 0 ? ` (${t('pendingUnits', { units: formatUnits(pendingUnits) })})` : ''}`} />
      {pendingUnits > 0 && (
        <p class="meter-legend">
          <span class="key"><span class="swatch done" aria-hidden="true" />{t('meterLegendDone')}</span>
          <span class="key"><span class="swatch pending" aria-hidden="true" />{t('meterLegendPending')}</span>
        </p>
      )}
      {p.missing.length > 0 && (
        <div class="missing">
          <h3>{t('whatIsMissing')}</h3>
          <ul data-testid="missing">
            {p.missing.map((x) => <li key={x.kind}>{lang === 'ja' ? x.message_ja : x.message_en}</li>)}
          </ul>
        </div>
      )}
      <p class="note">
        {t('rulesNote', { total: formatUnits(required), each: formatUnits(p.programme.units_per_activity) })}
      </p>
    </section>
  );
}
