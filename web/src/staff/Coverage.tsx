// Staff's coverage of their area: reportable institutions, how many have a
// completed doctor, those without and how close their doctors are; and one
// institution's answer as the institution sees it.
import { useState } from 'preact/hooks';
import { call, enc, query, type Ok } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { navigate, type Route } from '../lib/router';
import { halfWidth } from '../lib/text';
import { ErrorBox, Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { AnswerView } from '../institution/Answer';
import { prefectureName } from '../lib/prefectures';
import { s } from './messages';

const SHOWN = 200;  // the rest are in the CSV
type CoverageAnswer = Ok<'/api/v1/staff/coverage', 'get'>;

type Found = Ok<'/api/v1/institutions', 'get'>;

function FindInstitution() {
  const t = useT(s);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found['items'] | null>(null);
  const { busy, error, run } = useSubmit<Found>();
  const find = async (e: Event) => {
    e.preventDefault();
    const r = await run(() => call<Found>('GET', `/api/v1/institutions${query({ q: halfWidth(q).trim() })}`), 'find-inst');
    if (r) setFound(r.items);
  };
  return (
    <section class="card" aria-labelledby="find-inst-title">
      <h2 id="find-inst-title">{t('instSearchTitle')}</h2>
      <form class="actions" role="search" onSubmit={find}>
        <Field id="find-inst-q" field="q" label={t('instSearchLabel')} error={error}>{(a) => (
          <input {...a} value={q} autoComplete="off" onInput={(e) => setQ(inputValue(e))} />
        )}</Field>
        <button type="submit" class="secondary" disabled={busy}>{t('show')}</button>
      </form>
      {error !== undefined && error?.field !== 'q' && <ErrorBox error={error} />}
      {found && found.length === 0 && <p class="empty" role="status">{t('instSearchNone')}</p>}
      {found && found.length > 0 && (
        <ul class="short-list" data-testid="found-institutions">{found.map((i) => (
          <li key={i.code}><a href={`#/institutions/${enc(i.code)}`}>{i.name}</a> <small>{i.code} {i.address}</small>{!i.reportable && ` （${t('instExempt')}）`}</li>
        ))}</ul>
      )}
    </section>
  );
}

export function Coverage({ route }: { route: Route }) {
  const t = useT(s);
  const lang = useLang();
  const area = route.query.get('association') ?? '';
  const [typed, setTyped] = useState(area);
  const [state] = useLoad(() => call<CoverageAnswer>('GET', `/api/v1/staff/coverage${query({ association: area })}`), [area]);
  const csv = (encoding: string) => `/api/v1/staff/coverage.csv${query({ association: area, encoding })}`;
  return (
    <section class="stack" aria-labelledby="cov-title">
      <div class="card">
        <h2 id="cov-title">{t('coverageTitle')}</h2>
        <p class="note">{t('coverageIntro')}</p>
        <form class="actions" role="search" onSubmit={(e) => { e.preventDefault(); navigate(`/coverage${query({ association: halfWidth(typed) })}`); }}>
          <Field id="cov-association" field="association" label={t('coverageArea')} hint={t('coverageAreaHint')} error={state.kind === 'error' ? state.error : undefined}>{(a) => (
            <input {...a} inputMode="numeric" value={typed} onInput={(e) => setTyped(inputValue(e))} />
          )}</Field>
          <button type="submit" class="secondary">{t('show')}</button>
        </form>
        <Show state={state}>{(c) => (
          <>
            <dl class="summary" data-testid="coverage-figures">
              <dt>{t('coverageReportable')}</dt><dd class="coverage-figure">{c.reportable}</dd>
              <dt>{t('coverageCovered')}</dt><dd class="coverage-figure">{c.covered}</dd>
              <dt>{t('coverageShare')}</dt><dd class="coverage-figure">{c.reportable ? `${(100 * c.covered / c.reportable).toFixed(1)}%` : '—'}</dd>
            </dl>
            <div class="actions">
              <a class="button secondary" href={csv('utf-8')} download>{t('coverageCsv')}</a>
              <a class="button secondary" href={csv('cp932')} download>{t('coverageCsvSjis')}</a>
            </div>
          </>
        )}</Show>
      </div>
      <Show state={state}>{(c) => (
        <>
          {c.prefectures.length > 1 && (
            <section class="card" aria-labelledby="cov-pref-title">
              <h2 id="cov-pref-title">{t('coveragePrefectures')}</h2>
              <div class="table-wrap"><table class="list">
                <thead><tr><th scope="col">{t('coveragePrefecture')}</th><th scope="col">{t('coverageReportable')}</th><th scope="col">{t('coverageCovered')}</th><th scope="col">{t('coverageShare')}</th></tr></thead>
                <tbody>{c.prefectures.map((p) => (
                  <tr key={p.prefecture_code}>
                    <td><a href={`#/coverage?association=${p.prefecture_code}`}>{prefectureName(lang, p.prefecture_code)}</a></td>
                    <td>{p.reportable}</td><td>{p.covered}</td>
                    <td>{p.reportable ? `${(100 * p.covered / p.reportable).toFixed(1)}%` : '—'}</td>
                  </tr>
                ))}</tbody>
              </table></div>
            </section>
          )}
          <FindInstitution />
          <section class="card" aria-labelledby="cov-without-title">
            <h2 id="cov-without-title">{t('coverageWithout')}</h2>
            <div class="table-wrap"><table class="list" data-testid="coverage-without">
              <thead><tr><th scope="col">{t('coverageInstitution')}</th><th scope="col">{t('coverageDoctors')}</th><th scope="col">{t('coverageClosest')}</th></tr></thead>
              <tbody>{c.institutions_without.slice(0, SHOWN).map((i) => (
                <tr key={i.code}>
                  <td><a href={`#/institutions/${enc(i.code)}`}>{i.name}</a><br /><small>{i.code}</small></td>
                  <td>{i.doctors || t('coverageNoDoctor')}</td>
                  <td>{i.closest_shortfall_units === null ? '—' : i.closest_shortfall_units === '0' ? t('coverageApply') : i.closest_shortfall_units}</td>
                </tr>
              ))}</tbody>
            </table></div>
            {c.institutions_without.length > SHOWN && <p class="note">{t('coverageMore', { n: c.institutions_without.length - SHOWN })}</p>}
          </section>
        </>
      )}</Show>
    </section>
  );
}

export function StaffAnswer({ code }: { code: string }) {
  return <AnswerView key={code} base={`/api/v1/staff/institutions/${enc(code)}/answer`} csv={false} />;
}
