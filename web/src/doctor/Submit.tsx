// New submissions: a practical activity, a credit declaration, and the
// completion application with its review page.
import { useMemo } from 'preact/hooks';
import { call, get, idempotencyKey, type ActivityInput, type DeclarationInput, type ItemView, type Ok } from '../lib/api';
import { useCategoryName } from '../lib/categories';
import { formatDate, formatUnits, tc, useLang, useT } from '../lib/i18n';
import { href, navigate } from '../lib/router';
import { ErrorBox, Show, useLoad, useSubmit } from '../lib/ui';
import { ActivityForm, DeclarationForm } from './Forms';
import { m } from './messages';

export function ReportActivity() {
  const t = useT(m);
  const s = useSubmit<ItemView>();
  async function submit(v: ActivityInput) {
    const done = await s.run(() => call<ItemView>('POST', '/api/v1/me/activities', v, idempotencyKey()), 'act');
    if (done) navigate(`/items/activity/${done.id}?sent=1`);
  }
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('reportTitle')}</h2>
      <ActivityForm submitLabel={t('submitReport')} busy={s.busy} error={s.error} onSubmit={(v) => void submit(v)} />
    </section>
  );
}

export function DeclareCredits() {
  const t = useT(m);
  const s = useSubmit<ItemView>();
  async function submit(v: DeclarationInput) {
    const done = await s.run(() => call<ItemView>('POST', '/api/v1/me/declarations', v, idempotencyKey()), 'dec');
    if (done) navigate(`/items/declaration/${done.id}?sent=1`);
  }
  return (
    <section class="card" aria-labelledby="declare-title">
      <h2 id="declare-title">{t('declareTitle')}</h2>
      <DeclarationForm submitLabel={t('submitDeclare')} busy={s.busy} error={s.error} onSubmit={(v) => void submit(v)} />
    </section>
  );
}

type Preview = Ok<'/api/v1/me/applications/preview', 'get'>;
type Progress = Ok<'/api/v1/me/progress', 'get'>;

// Before the review page: an application already under review, or a record
// not yet complete, is a calm status with the way on, never a refusal.
function NotYet({ progress: p }: { progress: Progress }) {
  const t = useT(m);
  const lang = useLang();
  const pending = p.next_steps.find((s) => s.kind === 'await_application' || s.kind === 'certified');
  if (pending) {
    const certified = pending.kind === 'certified';
    return (
      <div class="status-box" role="status" data-testid="apply-status">
        <p>{certified ? t('stepCertified') : t('applyPending')}</p>
        <a class="button secondary" href={href(certified ? '/' : `/items/application/${pending.item_id}`)}>
          {certified ? t('navHome') : t('goItem')}
        </a>
      </div>
    );
  }
  return (
    <div class="status-box" role="status" data-testid="apply-status">
      <p>{t('applyNotYet')}</p>
      <ul>{p.missing.map((x) => <li key={x.kind}>{lang === 'ja' ? x.message_ja : x.message_en}</li>)}</ul>
      <a class="button secondary" href={href('/')}>{t('applySeeSteps')}</a>
    </div>
  );
}

function canApply(p: Progress): boolean {
  return p.complete && !p.next_steps.some((s) => s.kind === 'await_application' || s.kind === 'certified');
}

// Shows exactly what the server will count before the doctor commits.
export function Apply() {
  const t = useT(m);
  const [progress] = useLoad(() => get('/api/v1/me/progress'));
  return (
    <section class="card" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('applyTitle')}</h2>
      <Show state={progress}>{(p: Progress) => (canApply(p) ? <ApplyPreview /> : <NotYet progress={p} />)}</Show>
    </section>
  );
}

function ApplyPreview() {
  const t = useT(m);
  const lang = useLang();
  const [preview] = useLoad(() => get('/api/v1/me/applications/preview'));
  const catName = useCategoryName();
  const s = useSubmit<ItemView>();
  // One key for this page: a retried click never applies twice.
  const key = useMemo(idempotencyKey, []);
  async function apply() {
    const done = await s.run(() => call<ItemView>('POST', '/api/v1/me/applications', {}, key), 'app');
    if (done) navigate(`/items/application/${done.id}?sent=1`);
  }
  return (
    <Show state={preview}>{(p: Preview) => (
      <div data-testid="apply-preview">
        <p>{t('applyIntro')}</p>
        <dl class="summary">
          <dt>{t('countedLecture')}</dt><dd data-testid="preview-lecture">{formatUnits(p.lecture_units)} {tc(lang, 'units')}</dd>
          <dt>{t('countedActivities')}</dt>
          <dd>
            <ol data-testid="preview-activities">
              {p.activities.map((a) => <li key={a.id}>{catName(a.category)}（{a.organisation}、{formatDate(lang, a.started_on)}）</li>)}
            </ol>
          </dd>
          <dt>{t('countedTotal')}</dt><dd data-testid="preview-total"><strong>{formatUnits(p.total_units)} {tc(lang, 'units')}</strong></dd>
          <dt>{t('routedTo')}</dt><dd data-testid="preview-route">{lang === 'ja' ? p.routed_to.name_ja : p.routed_to.name_en}</dd>
        </dl>
        {s.error !== undefined && <ErrorBox error={s.error} />}
        <button type="button" disabled={s.busy} onClick={() => void apply()}>{s.busy ? tc(lang, 'saving') : t('applyButton')}</button>
      </div>
    )}</Show>
  );
}
