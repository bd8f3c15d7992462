import type { Progress } from './api';
import { formatUnits, t, type Lang } from './i18n';

function Meter(props: { value: number; max: number; label: string }) {
  const pct = Math.min(100, Math.round((props.value / props.max) * 100));
  return (
    <div class="meter" role="meter" aria-valuemin={0} aria-valuemax={props.max}
      aria-valuenow={props.value} aria-label={props.label}>
      <div class="meter-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function ProgressView(props: { lang: Lang; progress: Progress }) {
  const { lang, progress: p } = props;
  const required = p.programme.required_total_units;
  return (
    <section class="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">
        {t(lang, 'doctorOf', { name: p.name })}
        <span class="kana">{p.kana}</span>
      </h2>
      <div class={p.complete ? 'status ok' : 'status todo'} data-testid="status">
        <strong>{p.complete ? t(lang, 'complete') : t(lang, 'incomplete')}</strong>
        {p.complete && <span> {t(lang, 'completeNote')}</span>}
      </div>
      <dl class="parts">
        <div class="part">
          <dt>{t(lang, 'lecture')}</dt>
          <dd><span class="num" data-testid="lecture-units">{formatUnits(p.lecture_units)}</span> {t(lang, 'units')}</dd>
        </div>
        <div class="part">
          <dt>{t(lang, 'practical')}</dt>
          <dd>
            <span class="num" data-testid="practical-units">{formatUnits(p.practical_units)}</span> {t(lang, 'units')}
            <small> ({t(lang, 'activitiesCount', { n: p.approved_activities })})</small>
          </dd>
        </div>
        <div class="part total">
          <dt>{t(lang, 'total')}</dt>
          <dd>
            <span class="num" data-testid="total-units">{formatUnits(p.total_units)}</span>
            {' / '}<span data-testid="required-units">{formatUnits(required)}</span> {t(lang, 'units')}
          </dd>
        </div>
      </dl>
      <Meter value={Math.min(p.total_units, required)} max={required} label={t(lang, 'total')} />
      {p.missing.length > 0 && (
        <div class="missing">
          <h3>{t(lang, 'whatIsMissing')}</h3>
          <ul data-testid="missing">
            {p.missing.map((m) => <li key={m.kind}>{lang === 'ja' ? m.message_ja : m.message_en}</li>)}
          </ul>
        </div>
      )}
      <p class="note">
        {t(lang, 'rulesNote', {
          total: formatUnits(required), each: formatUnits(p.programme.units_per_activity),
        })}
      </p>
    </section>
  );
}
