// Picks proof files and uploads each at once (POST /api/v1/files), so a
// refused file is named straight away and the form only sends ids.
import { useState } from 'preact/hooks';
import { uploadFile, type ApiError, type FileMeta } from './api';
import { tc, useLang } from './i18n';
import { errorText } from './ui';

// The server's limit per file (core/domain/proof_file.hpp kMaxProofBytes).
const MAX_BYTES = 10 * 1024 * 1024;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

// A file over the limit is refused here, at once, with its size and the limit
// (sending 20 MB only to be cut off read as "cannot connect to the server").
function tooLarge(f: File): ApiError {
  return {
    code: 'payload_too_large', field: 'file_ids',
    message_ja: `「${f.name}」は${mb(f.size)} MBです。1ファイル10 MBまでです（縮小するか、ページを分けてください）。`,
    message_en: `"${f.name}" is ${mb(f.size)} MB; each file may be up to 10 MB (make it smaller or split it).`,
  };
}

type Props = {
  id: string; label: string; files: FileMeta[]; onChange: (files: FileMeta[]) => void;
  error?: ApiError | null; field: string; uploadingText: string; removeText: (name: string) => string;
  accept?: string; multiple?: boolean; required?: boolean;
};

export function FilePicker(p: Props) {
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError | null | undefined>(undefined);
  const serverError = p.error && p.error.field === p.field ? p.error : undefined;
  const shown = uploadError !== undefined ? uploadError : serverError;

  async function pick(e: Event) {
    const input = e.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    setBusy(true);
    setUploadError(undefined);
    const added: FileMeta[] = [];
    for (const f of chosen) {
      if (f.size > MAX_BYTES) { setUploadError(tooLarge(f)); break; }
      const r = await uploadFile(f);
      if (!r.ok) { setUploadError(r.error); break; }
      added.push(r.value);
    }
    setBusy(false);
    input.value = '';
    p.onChange([...p.files, ...added]);
  }

  return (
    <div class={shown !== undefined ? 'field invalid' : 'field'}>
      <label for={p.id}>{p.label}{p.required && <span class="req"> （{tc(lang, 'required')}）</span>}</label>
      <input id={p.id} type="file" accept={p.accept ?? 'application/pdf,image/jpeg,image/png'}
        multiple={p.multiple ?? true} onChange={(e) => void pick(e)} disabled={busy} aria-required={p.required || undefined}
        aria-invalid={shown !== undefined || undefined} aria-describedby={shown !== undefined ? `${p.id}-error` : undefined} />
      {busy && <small role="status">{p.uploadingText}</small>}
      {shown !== undefined && <small id={`${p.id}-error`} class="field-error" role="alert">{errorText(lang, shown)}</small>}
      {p.files.length > 0 && (
        <ul class="files" data-testid={`${p.id}-list`}>
          {p.files.map((f) => (
            <li key={f.id}>
              <a href={f.url} target="_blank" rel="noopener">{f.name}</a> <small>({Math.ceil(f.size / 1024)} KB)</small>
              <button type="button" class="link" onClick={() => p.onChange(p.files.filter((x) => x.id !== f.id))}>
                {p.removeText(f.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
