// The activity and declaration forms: used to report something new and to
// correct it after a return. They keep what was typed when the server
// refuses it and move the focus to the field it names.
import { useState } from 'preact/hooks';
import { get, type ActivityInput, type ApiError, type DeclarationInput, type FileMeta } from '../lib/api';
import { FilePicker } from '../lib/FilePicker';
import { tc, useLang, useT } from '../lib/i18n';
import { DateField, dateProblem, isoOf } from '../lib/DateField';
import { errorOf, problem, ProblemList, useFormCheck, type Problem } from '../lib/formCheck';
import { ErrorBox, Field, inputValue, useLoad } from '../lib/ui';
import { m } from './messages';
import { halfWidth } from '../lib/text';

// Today in Japan, as the server judges "in the future".
const todayInJapan = () => new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);

const required = (field: string, label: string): Problem =>
  problem(field, `${label}を入力してください`, `${label} is required`);

type FormProps<T> = {
  initial?: Partial<T>; initialFiles?: FileMeta[]; submitLabel: string; busy: boolean;
  error: ApiError | null | undefined; onSubmit: (value: T) => void;
};

function Refusal({ error }: { error: ApiError | null | undefined }) {
  if (error === undefined) return null;
  return <ErrorBox error={error} form />;
}

type ActivityValues = { category: string; description: string; started_on: string; ended_on: string; organisation: string };

// The checks the server makes (ValidateActivity), all at once.
function activityProblems(v: ActivityValues, t: (k: keyof typeof m) => string): Problem[] {
  const today = todayInJapan();
  const out: Problem[] = [];
  if (!v.category) out.push(problem('category', '活動の種類を一覧から選んでください', 'choose the kind of activity from the list'));
  if (!v.description.trim()) out.push(required('description', t('description')));
  const started = dateProblem('started_on', t('startedOn'), v.started_on, true, today);
  if (started) out.push(started);
  const ended = dateProblem('ended_on', t('endedOn'), v.ended_on, false, today);
  if (ended) out.push(ended);
  else if (v.ended_on.trim() && !started && isoOf(v.ended_on) < isoOf(v.started_on)) {
    out.push(problem('ended_on', '終了日が開始日より前です', 'the end date is before the start date'));
  }
  if (!v.organisation.trim()) out.push(required('organisation', t('organisation')));
  return out;
}

export function ActivityForm(p: FormProps<ActivityInput>) {
  const t = useT(m);
  const lang = useLang();
  const [cats] = useLoad(() => get('/api/v1/activity-categories'));
  const [v, setV] = useState<ActivityValues>({
    category: p.initial?.category ?? '', description: p.initial?.description ?? '',
    started_on: p.initial?.started_on ?? '', ended_on: p.initial?.ended_on ?? '',
    organisation: p.initial?.organisation ?? '',
  });
  const [files, setFiles] = useState<FileMeta[]>(p.initialFiles ?? []);
  const check = useFormCheck((x: ActivityValues) => activityProblems(x, t), v);
  const set = (k: keyof ActivityValues) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const err = (field: string) => errorOf(check.problems, field, p.error);
  const categories = cats.kind === 'shown' ? cats.value.categories : [];
  const labels = { category: t('category'), description: t('description'), started_on: t('startedOn'), ended_on: t('endedOn'), organisation: t('organisation') };
  return (
    <form class="form" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!check.ready()) return;
      p.onSubmit({ ...v, started_on: isoOf(v.started_on), ended_on: v.ended_on.trim() ? isoOf(v.ended_on) : null, file_ids: files.map((f) => f.id) });
    }}>
      <ProblemList problems={check.problems} prefix="act" labels={labels} />
      <Field id="act-category" field="category" label={t('category')} error={err('category')} required>{(a) => (
        <select {...a} value={v.category} onChange={set('category')}>
          <option value="">{t('chooseCategory')}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{lang === 'ja' ? c.name_ja : c.name_en}</option>)}
        </select>
      )}</Field>
      <Field id="act-description" field="description" label={t('description')} error={err('description')} required>{(a) => (
        <textarea {...a} rows={4} maxLength={1000} value={v.description} onInput={set('description')} />
      )}</Field>
      <div class="row2">
        <DateField id="act-started_on" field="started_on" label={t('startedOn')} value={v.started_on}
          onInput={(x) => setV({ ...v, started_on: x })} error={err('started_on')} required />
        <DateField id="act-ended_on" field="ended_on" label={t('endedOn')} value={v.ended_on ?? ''} hint={t('endedOnHint')}
          onInput={(x) => setV({ ...v, ended_on: x })} error={err('ended_on')} />
      </div>
      <Field id="act-organisation" field="organisation" label={t('organisation')} error={err('organisation')} required>{(a) => (
        <input {...a} maxLength={200} value={v.organisation} onInput={set('organisation')} />
      )}</Field>
      <FilePicker id="act-file_ids" field="file_ids" label={t('files')} files={files} onChange={setFiles}
        error={p.error} uploadingText={t('uploading')} removeText={(name) => t('removeFile', { name })} />
      <Refusal error={p.error} />
      <button type="submit" disabled={p.busy}>{p.busy ? tc(lang, 'saving') : p.submitLabel}</button>
    </form>
  );
}

type DeclarationValues = { taken_on: string; units: string; title: string; organizer: string };

// The checks the server makes (ValidateDeclaration), all at once.
function declarationProblems(v: DeclarationValues, files: FileMeta[], t: (k: keyof typeof m) => string): Problem[] {
  const out: Problem[] = [];
  const taken = dateProblem('taken_on', t('takenOn'), v.taken_on, true, todayInJapan());
  if (taken) out.push(taken);
  const units = Number(halfWidth(v.units));
  if (!halfWidth(v.units)) out.push(required('units', t('unitsField')));
  else if (!Number.isFinite(units) || units < 0.5 || units > 100 || !Number.isInteger(units * 2)) {
    out.push(problem('units', '単位数は0.5から100の間で、0.5単位刻みで入力してください', 'units must be between 0.5 and 100 in steps of 0.5'));
  }
  if (!v.title.trim()) out.push(required('title', t('title')));
  if (!v.organizer.trim()) out.push(required('organizer', t('organizer')));
  if (files.length === 0) out.push(problem('file_ids', '受講を証明する書類を添付してください', 'attach proof of attendance'));
  return out;
}

export function DeclarationForm(p: FormProps<DeclarationInput>) {
  const t = useT(m);
  const lang = useLang();
  const [v, setV] = useState<DeclarationValues>({
    taken_on: p.initial?.taken_on ?? '', units: p.initial?.units !== undefined ? String(p.initial.units) : '',
    title: p.initial?.title ?? '', organizer: p.initial?.organizer ?? '',
  });
  const [files, setFiles] = useState<FileMeta[]>(p.initialFiles ?? []);
  const check = useFormCheck((x: DeclarationValues) => declarationProblems(x, files, t), v);
  const set = (k: keyof DeclarationValues) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const err = (field: string) => errorOf(check.problems, field, p.error);
  const labels = { taken_on: t('takenOn'), units: t('unitsField'), title: t('title'), organizer: t('organizer'), file_ids: t('files') };
  return (
    <form class="form" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!check.ready()) return;
      const units = Number(halfWidth(v.units));
      p.onSubmit({ ...v, taken_on: isoOf(v.taken_on), units: Number.isFinite(units) ? units : -1, file_ids: files.map((f) => f.id) });
    }}>
      <ProblemList problems={check.problems} prefix="dec" labels={labels} />
      <DateField id="dec-taken_on" field="taken_on" label={t('takenOn')} value={v.taken_on}
        onInput={(x) => setV({ ...v, taken_on: x })} error={err('taken_on')} required />
      <Field id="dec-units" field="units" label={t('unitsField')} error={err('units')} required>{(a) => (
        <input {...a} inputMode="decimal" value={v.units} onInput={set('units')} />
      )}</Field>
      <Field id="dec-title" field="title" label={t('title')} error={err('title')} required>{(a) => (
        <input {...a} value={v.title} onInput={set('title')} />
      )}</Field>
      <Field id="dec-organizer" field="organizer" label={t('organizer')} error={err('organizer')} required>{(a) => (
        <input {...a} value={v.organizer} onInput={set('organizer')} />
      )}</Field>
      <FilePicker id="dec-file_ids" field="file_ids" label={t('files')} files={files} onChange={setFiles} required
        error={err('file_ids')} uploadingText={t('uploading')} removeText={(name) => t('removeFile', { name })} />
      <Refusal error={p.error} />
      <button type="submit" disabled={p.busy}>{p.busy ? tc(lang, 'saving') : p.submitLabel}</button>
    </form>
  );
}
