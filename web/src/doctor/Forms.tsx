// The activity and declaration forms: used to report something new and to
// correct it after a return. They keep what was typed when the server
// refuses it and move the focus to the field it names.
import { useState } from 'preact/hooks';
import { get, type ActivityInput, type ApiError, type DeclarationInput, type FileMeta } from '../lib/api';
import { FilePicker } from '../lib/FilePicker';
import { tc, useLang, useT } from '../lib/i18n';
import { ErrorBox, Field, inputValue, useLoad } from '../lib/ui';
import { m } from './messages';
import { halfWidth } from '../lib/text';

type FormProps<T> = {
  initial?: Partial<T>; initialFiles?: FileMeta[]; submitLabel: string; busy: boolean;
  error: ApiError | null | undefined; onSubmit: (value: T) => void;
};

function Refusal({ error }: { error: ApiError | null | undefined }) {
  if (error === undefined) return null;
  return <ErrorBox error={error} form />;
}

export function ActivityForm(p: FormProps<ActivityInput>) {
  const t = useT(m);
  const lang = useLang();
  const [cats] = useLoad(() => get('/api/v1/activity-categories'));
  const [v, setV] = useState({
    category: p.initial?.category ?? '', description: p.initial?.description ?? '',
    started_on: p.initial?.started_on ?? '', ended_on: p.initial?.ended_on ?? '',
    organisation: p.initial?.organisation ?? '',
  });
  const [files, setFiles] = useState<FileMeta[]>(p.initialFiles ?? []);
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const categories = cats.kind === 'shown' ? cats.value.categories : [];
  return (
    <form class="form" noValidate onSubmit={(e) => {
      e.preventDefault();
      p.onSubmit({ ...v, ended_on: v.ended_on || null, file_ids: files.map((f) => f.id) });
    }}>
      <Field id="act-category" field="category" label={t('category')} error={p.error} required>{(a) => (
        <select {...a} value={v.category} onChange={set('category')}>
          <option value="">{t('chooseCategory')}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{lang === 'ja' ? c.name_ja : c.name_en}</option>)}
        </select>
      )}</Field>
      <Field id="act-description" field="description" label={t('description')} error={p.error} required>{(a) => (
        <textarea {...a} rows={4} maxLength={1000} value={v.description} onInput={set('description')} />
      )}</Field>
      <div class="row2">
        <Field id="act-started_on" field="started_on" label={t('startedOn')} error={p.error} required>{(a) => (
          <input {...a} type="date" value={v.started_on} onInput={set('started_on')} />
        )}</Field>
        <Field id="act-ended_on" field="ended_on" label={t('endedOn')} hint={t('endedOnHint')} error={p.error}>{(a) => (
          <input {...a} type="date" value={v.ended_on ?? ''} onInput={set('ended_on')} />
        )}</Field>
      </div>
      <Field id="act-organisation" field="organisation" label={t('organisation')} error={p.error} required>{(a) => (
        <input {...a} maxLength={200} value={v.organisation} onInput={set('organisation')} />
      )}</Field>
      <FilePicker id="act-file_ids" field="file_ids" label={t('files')} files={files} onChange={setFiles}
        error={p.error} uploadingText={t('uploading')} removeText={(name) => t('removeFile', { name })} />
      <Refusal error={p.error} />
      <button type="submit" disabled={p.busy}>{p.busy ? tc(lang, 'saving') : p.submitLabel}</button>
    </form>
  );
}

export function DeclarationForm(p: FormProps<DeclarationInput>) {
  const t = useT(m);
  const lang = useLang();
  const [v, setV] = useState({
    taken_on: p.initial?.taken_on ?? '', units: p.initial?.units !== undefined ? String(p.initial.units) : '',
    title: p.initial?.title ?? '', organizer: p.initial?.organizer ?? '',
  });
  const [files, setFiles] = useState<FileMeta[]>(p.initialFiles ?? []);
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  return (
    <form class="form" noValidate onSubmit={(e) => {
      e.preventDefault();
      const units = Number(halfWidth(v.units));
      p.onSubmit({ ...v, units: Number.isFinite(units) ? units : -1, file_ids: files.map((f) => f.id) });
    }}>
      <Field id="dec-taken_on" field="taken_on" label={t('takenOn')} error={p.error} required>{(a) => (
        <input {...a} type="date" value={v.taken_on} onInput={set('taken_on')} />
      )}</Field>
      <Field id="dec-units" field="units" label={t('unitsField')} error={p.error} required>{(a) => (
        <input {...a} inputMode="decimal" value={v.units} onInput={set('units')} />
      )}</Field>
      <Field id="dec-title" field="title" label={t('title')} error={p.error} required>{(a) => (
        <input {...a} value={v.title} onInput={set('title')} />
      )}</Field>
      <Field id="dec-organizer" field="organizer" label={t('organizer')} error={p.error} required>{(a) => (
        <input {...a} value={v.organizer} onInput={set('organizer')} />
      )}</Field>
      <FilePicker id="dec-file_ids" field="file_ids" label={t('files')} files={files} onChange={setFiles}
        error={p.error} uploadingText={t('uploading')} removeText={(name) => t('removeFile', { name })} />
      <Refusal error={p.error} />
      <button type="submit" disabled={p.busy}>{p.busy ? tc(lang, 'saving') : p.submitLabel}</button>
    </form>
  );
}
