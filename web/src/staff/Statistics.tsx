// Statistics of the staff member's area: the JMA's by prefecture on a map of
// Japan coloured by a chosen figure (with the same figures in a table for
// screen readers and keyboards), a prefecture's by association, the trend by
// month, the most common return reasons, and the exports. Loaded on its own
// (the map outline is 64 KB) only when opened.
import japanMap from '@svg-maps/japan';
import { useState } from 'preact/hooks';
import { call, query, type Ok } from '../lib/api';
import { useLang, useT, type Lang } from '../lib/i18n';
import { prefectureCodeByRomaji } from '../lib/prefectures';
import { navigate, type Route } from '../lib/router';
import { halfWidth } from '../lib/text';
import { Field, inputValue, Show, useLoad } from '../lib/ui';
import { ExportButtons } from './ExportButtons';
import { sm } from './statsMessages';

type Outline = { viewBox: string; locations: { id: string; name: string; path: string }[] };
const japan = japanMap as unknown as Outline;

type Stats = Ok<'/api/v1/staff/statistics', 'get'>;
type Area = Stats['areas'][number];
type Figure = 'complete' | 'coverage' | 'waiting';

const SHADES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const NO_DATA = '#d9d9d9';

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function valueOf(a: Area, figure: Figure): number | null {
  if (figure === 'complete') return share(a.complete, a.doctors);
  if (figure === 'coverage') return share(a.institutions_covered ?? 0, a.institutions_reportable ?? 0);
  return a.waiting;
}

function formatValue(v: number | null, figure: Figure, lang: Lang): string {
  if (v === null) return lang === 'ja' ? 'データなし' : 'no data';
  return figure === 'waiting' ? v.toLocaleString(lang) : `${(100 * v).toFixed(1)}%`;
}

// Five equal steps: of 0–100% for shares, of 0 to the largest count else.
function binsFor(figure: Figure, areas: Area[]): number[] {
  const top = figure === 'waiting' ? Math.max(1, ...areas.map((a) => a.waiting)) : 1;
  return [1, 2, 3, 4].map((i) => (top * i) / 5);
}

function shadeOf(v: number | null, bins: number[]): string {
  if (v === null) return NO_DATA;
  const i = bins.findIndex((b) => v < b);
  return SHADES[i === -1 ? SHADES.length - 1 : i];
}

function areaName(a: Area, lang: Lang): string {
  return (lang === 'ja' ? a.name : a.name_en) || a.area;
}

function JapanMap({ stats, figure }: { stats: Stats; figure: Figure }) {
  const t = useT(sm);
  const lang = useLang();
  const byCode = new Map(stats.areas.map((a) => [a.area, a]));
  const bins = binsFor(figure, stats.areas);
  const [pointed, setPointed] = useState<string | null>(null);
  const label = (code: string) => {
    const a = byCode.get(code);
    return a ? `${areaName(a, lang)}: ${formatValue(valueOf(a, figure), figure, lang)}` : code;
  };
  return (
    <figure class="japan-map" aria-labelledby="map-title">
      <figcaption>
        <h3 id="map-title">{t('mapTitle')}</h3>
        <p class="note">{t('mapHelp')}</p>
      </figcaption>
      <p class="map-readout" aria-live="polite" data-testid="map-readout">{pointed ? label(pointed) : '\u00a0'}</p>
      <svg viewBox={japan.viewBox} role="group" aria-label={t('mapTitle')}>
        {japan.locations.map((l) => {
          const code = prefectureCodeByRomaji(l.id) ?? '';
          const a = byCode.get(code);
          return (
            <a key={l.id} href={`#/statistics${query({ association: code, as_of: stats.as_of, figure })}`}
              aria-label={label(code)} data-code={code}
              onMouseEnter={() => setPointed(code)} onFocus={() => setPointed(code)}
              onMouseLeave={() => setPointed(null)} onBlur={() => setPointed(null)}>
              <path d={l.path} fill={shadeOf(a ? valueOf(a, figure) : null, bins)}>
                <title>{label(code)}</title>
              </path>
            </a>
          );
        })}
      </svg>
      <Legend figure={figure} bins={bins} />
      <p class="map-credit">{t('mapCredit')}</p>
    </figure>
  );
}

function Legend({ figure, bins }: { figure: Figure; bins: number[] }) {
  const t = useT(sm);
  const lang = useLang();
  const edges = [0, ...bins];
  return (
    <div class="legend" role="group" aria-label={t('legend')}>
      {SHADES.map((shade, i) => (
        <span key={shade} class="legend-step">
          <span class="swatch" style={{ background: shade }} aria-hidden="true" />
          {formatValue(edges[i], figure, lang)}{i < bins.length ? `–${formatValue(bins[i], figure, lang)}` : '+'}
        </span>
      ))}
      <span class="legend-step"><span class="swatch" style={{ background: NO_DATA }} aria-hidden="true" />{t('noData')}</span>
    </div>
  );
}

function Row({ a, stats, total }: { a: Area; stats: Stats; total?: boolean }) {
  const t = useT(sm);
  const lang = useLang();
  const name = total ? t('total') : areaName(a, lang);
  const drill = !total && stats.breakdown === 'prefecture';
  const days = a.median_days_to_decision === null || a.median_days_to_decision === undefined
    ? '—' : `${a.median_days_to_decision} / ${a.p90_days_to_decision}`;
  return (
    <tr class={total ? 'total' : undefined}>
      <th scope="row">{drill
        ? <a href={`#/statistics${query({ association: a.area, as_of: stats.as_of })}`}>{name}</a>
        : name}</th>
      <td>{a.doctors.toLocaleString(lang)}</td>
      <td>{a.complete.toLocaleString(lang)} <small>({formatValue(share(a.complete, a.doctors), 'complete', lang)})</small></td>
      <td>{(a.applied ?? 0).toLocaleString(lang)}</td>
      <td>{a.waiting.toLocaleString(lang)}</td>
      <td>{days}</td>
      <td>{(a.certificates_issued ?? 0).toLocaleString(lang)}</td>
      <td>{a.institutions_covered ?? 0} / {a.institutions_reportable ?? 0}</td>
    </tr>
  );
}

function AreaTable({ stats }: { stats: Stats }) {
  const t = useT(sm);
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="stats-table-title">
      <table class="stats-table" data-testid="stats-table">
        <caption id="stats-table-title">{t('tableTitle')}</caption>
        <thead><tr>
          <th scope="col">{t('colArea')}</th><th scope="col">{t('colDoctors')}</th>
          <th scope="col">{t('colComplete')}</th><th scope="col">{t('colApplied')}</th>
          <th scope="col">{t('colWaiting')}</th><th scope="col">{t('colDays')}</th>
          <th scope="col">{t('colIssued')}</th><th scope="col">{t('colCoverage')}</th>
        </tr></thead>
        <tbody>{stats.areas.map((a) => <Row key={a.area} a={a} stats={stats} />)}</tbody>
        <tfoot><Row a={stats.total} stats={stats} total /></tfoot>
      </table>
    </div>
  );
}

function Trend({ stats }: { stats: Stats }) {
  const t = useT(sm);
  return (
    <section class="card" aria-labelledby="trend-title">
      <h3 id="trend-title">{t('trendTitle')}</h3>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="trend-title">
        <table class="stats-table">
          <thead><tr><th scope="col">{t('colMonth')}</th><th scope="col">{t('colSubmitted')}</th>
            <th scope="col">{t('colApproved')}</th><th scope="col">{t('colIssued')}</th></tr></thead>
          <tbody>{stats.trend.map((m) => (
            <tr key={m.month}><th scope="row">{m.month}</th><td>{m.applications_submitted}</td>
              <td>{m.applications_approved}</td><td>{m.certificates_issued}</td></tr>
          ))}</tbody>
        </table>
      </div>
    </section>
  );
}

function Waiting({ stats }: { stats: Stats }) {
  const t = useT(sm);
  const ages = stats.total.waiting_by_age_days ?? {};
  return (
    <section class="card" aria-labelledby="ages-title">
      <h3 id="ages-title">{t('waitingAgeTitle')}</h3>
      <dl class="summary">{Object.entries(ages).map(([band, n]) => (
        <><dt key={band}>{band} {t('days')}</dt><dd>{n}</dd></>
      ))}</dl>
      <h3>{t('reasonsTitle')}</h3>
      {stats.top_return_reasons.length === 0
        ? <p class="empty">{t('reasonsNone')}</p>
        : <ol class="short-list">{stats.top_return_reasons.map((r) => (
          <li key={r.reason}>{r.reason} <small>（{r.count}）</small></li>
        ))}</ol>}
    </section>
  );
}

function FigureChoice({ figure, onChange }: { figure: Figure; onChange: (f: Figure) => void }) {
  const t = useT(sm);
  const options: [Figure, keyof typeof sm][] = [['complete', 'figComplete'], ['coverage', 'figCoverage'], ['waiting', 'figWaiting']];
  return (
    <fieldset class="choice">
      <legend>{t('statsFigure')}</legend>
      {options.map(([f, key]) => (
        <label key={f}><input type="radio" name="figure" value={f} checked={figure === f} onChange={() => onChange(f)} /> {t(key)}</label>
      ))}
    </fieldset>
  );
}

export function Statistics({ route }: { route: Route }) {
  const t = useT(sm);
  const lang = useLang();
  const area = route.query.get('association') ?? '';
  const asOf = route.query.get('as_of') ?? '';
  const [figure, setFigure] = useState<Figure>((route.query.get('figure') as Figure | null) ?? 'complete');
  const [typed, setTyped] = useState(area);
  const [day, setDay] = useState(asOf);
  const [state] = useLoad(() => call<Stats>('GET', `/api/v1/staff/statistics${query({ association: area, as_of: asOf })}`), [area, asOf]);
  const show = (e: Event) => {
    e.preventDefault();
    navigate(`/statistics${query({ association: halfWidth(typed).trim(), as_of: day })}`);
  };
  return (
    <section class="stack" aria-labelledby="stats-title">
      <div class="card">
        <h2 id="stats-title">{t('statsTitle')}</h2>
        <p class="note">{t('statsIntro')}</p>
        <form class="actions" role="search" onSubmit={show}>
          <Field id="stats-area" field="association" label={t('statsArea')} hint={t('statsAreaHint')}
            error={state.kind === 'error' && state.error?.field === 'association' ? state.error : undefined}>{(a) => (
            <input {...a} inputMode="numeric" value={typed} onInput={(e) => setTyped(inputValue(e))} />
          )}</Field>
          <Field id="stats-as-of" field="as_of" label={t('statsAsOf')}
            error={state.kind === 'error' && state.error?.field === 'as_of' ? state.error : undefined}>{(a) => (
            <input {...a} type="date" value={day} onInput={(e) => setDay(inputValue(e))} />
          )}</Field>
          <button type="submit" class="secondary">{t('show')}</button>
        </form>
      </div>
      <Show state={state}>{(stats) => (
        <>
          <div class="card">
            <h2>{areaName(stats.total, lang)} <small>{stats.as_of} {t('fiscalYear').replace('{year}', String(stats.fiscal_year))}</small></h2>
            {stats.breakdown === 'association' && area.length === 2 && <p><a href="#/statistics">{t('statsUp')}</a></p>}
            {stats.breakdown === 'prefecture' && <FigureChoice figure={figure} onChange={setFigure} />}
            {stats.breakdown === 'prefecture' && <JapanMap stats={stats} figure={figure} />}
            <AreaTable stats={stats} />
          </div>
          <Trend stats={stats} />
          <Waiting stats={stats} />
          <ExportButtons area={area} asOf={asOf} />
        </>
      )}</Show>
    </section>
  );
}
