import { useState } from 'preact/hooks';
import { call, query, type Ok } from '../lib/api';
import { formatDate, formatUnits, useLang, useT } from '../lib/i18n';
import { Empty, Pager, Show, useLoad } from '../lib/ui';
import { m } from './messages';

// Japan's fiscal year starts on 1 April.
function currentFiscalYear(): number {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

export function Credits() {
  const t = useT(m);
  const lang = useLang();
  const thisYear = currentFiscalYear();
  const [year, setYear] = useState(thisYear);
  const [page, setPage] = useState(1);
  const [state] = useLoad(() => call<Ok<'/api/v1/me/credits', 'get'>>('GET',
    `/api/v1/me/credits${query({ fiscal_year: year, page, per_page: 20 })}`), [year, page]);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <section class="card" aria-labelledby="credits-title">
      <h2 id="credits-title">{t('creditsTitle')}</h2>
      <div class="field">
        <label for="fiscal-year">{t('fiscalYear')}</label>
        <select id="fiscal-year" value={year} onChange={(e) => { setYear(Number((e.target as HTMLSelectElement).value)); setPage(1); }}>
          {years.map((y) => <option key={y} value={y}>{t('fiscalYearOption', { year: y })}</option>)}
        </select>
      </div>
      <Show state={state}>{(v) => v.credits.length === 0 ? <Empty>{t('noCredits')}</Empty> : (
        <>
          <table class="list" data-testid="credits">
            <thead><tr><th scope="col">{t('takenOn')}</th><th scope="col">{t('title')}</th><th scope="col">{t('organizer')}</th><th scope="col" class="num">{t('unitsField')}</th></tr></thead>
            <tbody>
              {v.credits.map((c) => (
                <tr key={c.id}><td>{formatDate(lang, c.taken_on)}</td><td>{c.title}</td><td>{c.organizer}</td><td class="num">{formatUnits(c.units)}</td></tr>
              ))}
            </tbody>
          </table>
          <Pager page={v.page} perPage={v.per_page} total={v.total} onPage={setPage} />
        </>
      )}</Show>
    </section>
  );
}
