// Shared pieces every screen uses: loading/empty/error states, labelled
// fields that point at the server's complaint, status badges, paging.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError, Result } from './api';
import { common, tc, useLang, type Lang } from './i18n';

export type Loaded<T> = { kind: 'loading' } | { kind: 'shown'; value: T } | { kind: 'error'; error: ApiError | null };

// Loads on mount and whenever `deps` change; reload() fetches again.
export function useLoad<T>(load: () => Promise<Result<T>>, deps: unknown[] = []) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const reload = useCallback(async () => {
    const r = await load();
    setState(r.ok ? { kind: 'shown', value: r.value } : { kind: 'error', error: r.error });
  }, deps);
  useEffect(() => { setState({ kind: 'loading' }); void reload(); }, deps);
  return [state, reload] as const;
}

export function errorText(lang: Lang, error: ApiError | null): string {
  if (!error) return tc(lang, 'networkError');
  return lang === 'ja' ? error.message_ja : error.message_en;
}

// Under a form, a refusal that names a field points there (the message
// itself stands beside the field, with the field's label).
export function ErrorBox({ error, title, form }: { error: ApiError | null; title?: string; form?: boolean }) {
  const lang = useLang();
  const shownBeside = form && error?.field && document.querySelector(`[id$="-${CSS.escape(error.field)}"]`);
  const text = shownBeside ? tc(lang, 'checkFields') : errorText(lang, error);
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{title ?? tc(lang, 'errorTitle')}</strong>
      <p>{text}</p>
    </div>
  );
}

export function Loading() {
  return <p class="loading" role="status">{tc(useLang(), 'loading')}</p>;
}

// Renders the three states of a load; `children` gets the value.
export function Show<T>({ state, children }: { state: Loaded<T>; children: (v: T) => ComponentChildren }) {
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorBox error={state.error} />;
  return <>{children(state.value)}</>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty" data-testid="empty">{children}</p>;
}

// After a refused submit: move the focus to the field the server named.
export function focusField(error: ApiError | null, prefix: string) {
  if (!error?.field) return;
  const el = document.getElementById(`${prefix}-${error.field}`);
  if (el) el.focus();
}

// The server names a field by its JSON key (「started_on」); beside the
// field the person sees its label instead.
function withLabel(message: string, field: string, label: string): string {
  return message.split(`「${field}」`).join(`「${label}」`).split(`"${field}"`).join(`"${label}"`).split(`'${field}'`).join(`'${label}'`);
}

type FieldProps = {
  id: string; label: string; error?: ApiError | null; field: string; hint?: string; required?: boolean;
  describedBy?: string;  // one more element that describes the control (a live verdict)
  children: (aria: Record<string, string | boolean | undefined>) => ComponentChildren;
};

// A label, the control, a hint and the server's message when it names this field.
export function Field({ id, label, error, field, hint, required, describedBy: more, children }: FieldProps) {
  const lang = useLang();
  const mine = !!error && error.field === field;
  const describedBy = [hint ? `${id}-hint` : '', mine ? `${id}-error` : '', more ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={mine ? 'field invalid' : 'field'}>
      <label for={id}>{label}{required && <span class="req"> （{tc(lang, 'required')}）</span>}</label>
      {children({ id, 'aria-invalid': mine || undefined, 'aria-describedby': describedBy, required })}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {mine && <small id={`${id}-error`} class="field-error">{withLabel(errorText(lang, error), field, label)}</small>}
    </div>
  );
}

export const inputValue = (e: Event) => (e.target as HTMLInputElement).value;

export function StatusBadge({ status }: { status: string }) {
  const lang = useLang();
  const key = `status_${status}` as keyof typeof common;
  return <span class={`badge s-${status}`}>{tc(lang, key)}</span>;
}

export function Pager({ page, perPage, total, onPage }: { page: number; perPage: number; total: number; onPage: (p: number) => void }) {
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <nav class="pager" aria-label="pages">
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>{tc(lang, 'prev')}</button>
      <span>{tc(lang, 'pageOf', { page, pages, total })}</span>
      <button type="button" class="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>{tc(lang, 'next')}</button>
    </nav>
  );
}

// Runs a submit once at a time and keeps the server's refusal.
export function useSubmit<T>() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null | undefined>(undefined);
  async function run(action: () => Promise<Result<T>>, prefix: string): Promise<T | undefined> {
    setBusy(true);
    const r = await action();
    setBusy(false);
    if (r.ok) { setError(undefined); return r.value; }
    setError(r.error);
    setTimeout(() => focusField(r.error, prefix), 0);
    return undefined;
  }
  return { busy, error, setError, run };
}
