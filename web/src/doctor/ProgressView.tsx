import type { Progress } from '../lib/api';
import { formatUnits, tc, useLang, useT } from '../lib/i18n';
import { m } from './messages';

function Meter(props: { value: number; max: number; label: string }) {
  const pct = Math.min(100, Math.round((props.value / props.max) * 100));
  return (
    <div class="meter" role="meter" aria-valuemin={0} aria-valuemax={props.max}
      aria-valuenow={props.value} aria-label={props.label}>
      <div class="meter-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

// A doctor's units per part and in total against the requirement, and what
// is still missing (also shown to staff looking a doctor up).
export function ProgressView({ progress: p }: { progress: Progress }) {
  const t = useT(m);
  const lang = useLang();
  const required = p.programme.required_total_units;
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
          <dd><span class="num" data-testid="lecture-units">{formatUnits(p.lecture_units)}</span> {tc(lang, 'units')}</dd>
        </div>
        <div class="part">
          <dt>{t('practical')}</dt>
          <dd>
            <span class="num" data-testid="practical-units">{formatUnits(p.practical_units)}</span>
            <small> ({t('activitiesCount', { n: p.approved_activities })})</small>
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
      <Meter value={Math.min(p.total_units, required)} max={required} label={t('total')} />
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
