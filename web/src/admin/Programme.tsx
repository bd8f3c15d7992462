// The programme's completion rules: staff read them, the JMA changes them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call, get, type Ok, type User } from '../lib/api';
import { tc, useLang, useT } from '../lib/i18n';
import { Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { a } from './messages';
import { SaveBar } from './SaveBar';
import { halfWidth } from '../lib/text';

type Rules = Ok<'/api/v1/admin/programme', 'get'>;
type Preview = Ok<'/api/v1/admin/programme/preview', 'post'>;
type Key = 'units_per_activity' | 'min_lecture_units' | 'min_practical_activities' | 'required_total_units'
  | 'credit_window_from' | 'credit_window_to' | 'certificate_validity_years';

const fields: [Key, keyof typeof a, 'number' | 'date'][] = [
  ['required_total_units', 'requiredTotal', 'number'], ['units_per_activity', 'perActivity', 'number'],
  ['min_lecture_units', 'minLecture', 'number'], ['min_practical_activities', 'minActivities', 'number'],
  ['credit_window_from', 'windowFrom', 'date'], ['credit_window_to', 'windowTo', 'date'],
  ['certificate_validity_years', 'validity', 'number'],
];

function toForm(r: Rules): Record<Key, string> {
  return Object.fromEntries(fields.map(([k]) => [k, r[k] === null ? '' : String(r[k])])) as Record<Key, string>;
}

function toBody(v: Record<Key, string>) {
  const num = (x: string) => Number(halfWidth(x));
  return {
    units_per_activity: num(v.units_per_activity), min_lecture_units: num(v.min_lecture_units),
    min_practical_activities: num(v.min_practical_activities), required_total_units: num(v.required_total_units),
    credit_window_from: v.credit_window_from || null, credit_window_to: v.credit_window_to || null,
    certificate_validity_years: v.certificate_validity_years ? num(v.certificate_validity_years) : null,
  };
}

export function ProgrammeAdmin({ user }: { user: User }) {
  const t = useT(a);
  const lang = useLang();
  const [loaded] = useLoad(() => get('/api/v1/admin/programme'));
  const [v, setV] = useState<Record<Key, string> | null>(null);
  const [saved, setSaved] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const save = useSubmit<Rules | Preview>();
  const canEdit = user.role === 'jma_admin';
  useEffect(() => { if (loaded.kind === 'shown') setV(toForm(loaded.value)); }, [loaded]);
  // Saving first asks what the rules would do, and shows it to confirm.
  async function submit(e: Event) {
    e.preventDefault();
    if (!v) return;
    setSaved(false);
    const p = await save.run(() => call<Preview>('POST', '/api/v1/admin/programme/preview', toBody(v)), 'pg');
    if (p) setPreview(p as Preview);
  }
  async function confirmed() {
    if (!v) return;
    setPreview(null);
    const r = await save.run(() => call<Rules>('PUT', '/api/v1/admin/programme', toBody(v)), 'pg');
    if (r) { setV(toForm(r as Rules)); setSaved(true); }
  }
  return (
    <section class="card" aria-labelledby="pg-title">
      <h2 id="pg-title">{t('programmeTitle')}</h2>
      <Show state={loaded}>{(r) => v && (
        <form class="form" onSubmit={(e) => void submit(e)} noValidate>
          <p><strong>{lang === 'ja' ? r.name_ja : r.name_en}</strong>（{r.code}）</p>
          <p class="note">{canEdit ? t('programmeNote') : t('readOnly')}</p>
          {fields.map(([k, label, type]) => (
            <Field key={k} id={`pg-${k}`} field={k} label={t(label)} error={save.error}>{(a) => (
              <input {...a} type={type === 'date' ? 'date' : 'text'} inputMode={type === 'number' ? 'decimal' : undefined}
                readOnly={!canEdit} value={v[k]} onInput={(e) => setV({ ...v, [k]: inputValue(e) })} />
            )}</Field>
          ))}
          <SaveBar error={save.error} saved={saved} busy={save.busy} canEdit={canEdit} />
        </form>
      )}</Show>
      {preview && <ConfirmChange preview={preview} onCancel={() => setPreview(null)} onConfirm={() => void confirmed()} />}
    </section>
  );
}

// What the change would do, in people, before it is made.
function ConfirmChange({ preview, onCancel, onConfirm }: { preview: Preview; onCancel: () => void; onConfirm: () => void }) {
  const t = useT(a);
  const lang = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => { dialog.current?.showModal(); }, []);
  const unchanged = preview.becoming_complete === 0 && preview.ceasing_complete === 0;
  return (
    <dialog ref={dialog} aria-labelledby="pg-confirm-title" onClose={onCancel} data-testid="programme-preview">
      <h3 id="pg-confirm-title">{t('changeConfirmTitle')}</h3>
      <dl class="summary">
        <dt>{t('changeCompleteNow')}</dt><dd data-testid="complete-now">{t('people', { n: preview.complete_now.toLocaleString(lang) })}</dd>
        <dt>{t('changeCompleteAfter')}</dt><dd data-testid="complete-after">{t('people', { n: preview.complete_after.toLocaleString(lang) })}</dd>
        <dt>{t('changeBecoming')}</dt><dd data-testid="becoming">{t('people', { n: preview.becoming_complete.toLocaleString(lang) })}</dd>
        <dt>{t('changeCeasing')}</dt><dd data-testid="ceasing" class={preview.ceasing_complete > 0 ? 'warn-text' : ''}>{t('people', { n: preview.ceasing_complete.toLocaleString(lang) })}</dd>
      </dl>
      <p class="note">{unchanged ? t('changeNobody') : t('changeOfAll', { n: preview.doctors.toLocaleString(lang) })}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>{tc(lang, 'cancel')}</button>
        <button type="button" onClick={onConfirm}>{t('changeDo')}</button>
      </div>
    </dialog>
  );
}
