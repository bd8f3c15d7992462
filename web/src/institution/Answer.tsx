// An institution's G-MIS answer: a banner with the day, the completed
// doctors with verification links, the doctors still short, downloads.
import { useState } from 'preact/hooks';
import { call, query } from '../lib/api';
import { formatDate, useLang, useT } from '../lib/i18n';
import { Field, inputValue, Show, useLoad } from '../lib/ui';
import type { Ok } from '../lib/api';
import { im } from './messages';

export type Answer = Ok<'/api/v1/institution/answer', 'get'>;

function Banner({ a }: { a: Answer }) {
  const t = useT(im);
  const lang = useLang();
  const date = formatDate(lang, a.as_of);
  if (!a.reportable) {
    return <p class="status todo" role="status" data-testid="gmis-banner">{t(a.exempt_reason === 'dental' ? 'exemptDental' : 'exemptAdvanced')}</p>;
  }
  const yes = a.answer === 'yes';
  return (
    <div class={`status ${yes ? "ok" : "todo"} answer-banner`} role="status" data-testid="gmis-banner">
      <strong class="answer-word">{t(yes ? 'bannerYes' : 'bannerNo', { date })}</strong>
      <p>{t(yes ? 'bannerYesNote' : 'bannerNoNote')}</p>
    </div>
  );
}

function Completed({ a }: { a: Answer }) {
  const t = useT(im);
  const lang = useLang();
  if (a.completed.length === 0) return <p class="empty">{t('noneCompleted')}</p>;
  return (
    <div class="table-wrap"><table class="list" data-testid="gmis-completed">
      <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('certNumber')}</th><th scope="col">{t('issuedOn')}</th><th scope="col"><span class="sr-only">{t('verify')}</span></th></tr></thead>
      <tbody>{a.completed.map((c) => (
        <tr key={c.certificate_number}>
          <td>{c.name}<br /><small>{c.registry_number}</small></td>
          <td>{c.certificate_number}</td>
          <td>{formatDate(lang, c.issued_on)}</td>
          <td><a href={c.verify_url} target="_blank" rel="noopener">{t('verify')}</a></td>
        </tr>
      ))}</tbody>
    </table></div>
  );
}

function Short({ a }: { a: Answer }) {
  const t = useT(im);
  const lang = useLang();
  if (a.short.length === 0) return <p class="empty">{t('noneShort')}</p>;
  return (
    <ul class="short-list" data-testid="gmis-short">{a.short.map((s) => (
      <li key={s.registry_number}>
        <strong>{s.name}</strong> <small>{s.registry_number}</small>
        <ul>{(lang === 'ja' ? s.missing : s.missing_en).map((m, i) => <li key={i}>{m}</li>)}</ul>
      </li>
    ))}</ul>
  );
}

// `base` is the answer's JSON path; the PDF and CSV sit beside it.
export function AnswerView({ base, csv }: { base: string; csv: boolean }) {
  const t = useT(im);
  const [day, setDay] = useState('');
  const [asked, setAsked] = useState('');
  const [state] = useLoad(() => call<Answer>('GET', `${base}${query({ as_of: asked })}`), [asked, base]);
  return (
    <section class="stack" aria-labelledby="gmis-title">
      <div class="card">
        <h2 id="gmis-title">{t('answerTitle')}</h2>
        <form class="actions" onSubmit={(e) => { e.preventDefault(); setAsked(day); }}>
          <Field id="gmis-as_of" field="as_of" label={t('asOf')} hint={t('asOfHint')} error={state.kind === 'error' ? state.error : undefined}>{(a) => (
            <input {...a} type="date" value={day} onInput={(e) => setDay(inputValue(e))} />
          )}</Field>
          <button type="submit" class="secondary">{t('show')}</button>
        </form>
        <Show state={state}>{(a) => (
          <>
            <p class="inst-name"><strong>{a.institution.name}</strong> <small>{a.institution.code}</small></p>
            <Banner a={a} />
            <div class="actions">
              <a class="button" href={`${base}.pdf${query({ as_of: a.as_of })}`} download data-testid="gmis-pdf">{t('downloadPdf')}</a>
              {csv && <a class="button secondary" href={`${base}.csv${query({ as_of: a.as_of })}`} download>{t('downloadCsv')}</a>}
            </div>
            <p class="note">{t('keepSheet')} {t('otherTrainings')}</p>
          </>
        )}</Show>
      </div>
      <Show state={state}>{(a) => (
        <>
          <section class="card" aria-labelledby="gmis-completed-title">
            <h2 id="gmis-completed-title">{t('completedTitle')}</h2>
            <Completed a={a} />
          </section>
          <section class="card" aria-labelledby="gmis-short-title">
            <h2 id="gmis-short-title">{t('shortTitle')}</h2>
            <Short a={a} />
          </section>
        </>
      )}</Show>
    </section>
  );
}
