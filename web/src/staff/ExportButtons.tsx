// Exports of the area as Excel or CSV. A long export (340,000 doctors) takes
// seconds to prepare and megabytes to receive: the button says so while it
// works, then saves the file under the server's name.
import { useState } from 'preact/hooks';
import { query } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { errorText } from '../lib/ui';
import { sm } from './statsMessages';

type Kind = 'statistics' | 'completions' | 'certificates' | 'coverage' | 'queue';
type Format = 'xlsx' | 'csv' | 'csv-cp932';
type Progress = { key: string; text: string; failed?: boolean };

const KINDS: [Kind, keyof typeof sm][] = [
  ['statistics', 'expStatistics'], ['completions', 'expCompletions'],
  ['certificates', 'expCertificates'], ['coverage', 'expCoverage'], ['queue', 'expQueue'],
];
const FORMATS: [Format, keyof typeof sm][] = [['xlsx', 'expXlsx'], ['csv', 'expCsv'], ['csv-cp932', 'expCsvSjis']];

function fileName(res: Response, fallback: string): string {
  const m = (res.headers.get('Content-Disposition') ?? '').match(/filename\*=UTF-8''([^;]+)/);
  return m ? decodeURIComponent(m[1]) : fallback;
}

// Reads the body, telling `onBytes` how much has come.
async function readAll(res: Response, onBytes: (n: number) => void): Promise<Blob> {
  const reader = res.body?.getReader();
  if (!reader) return res.blob();
  const parts: BlobPart[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
    received += value.length;
    onBytes(received);
  }
  return new Blob(parts, { type: res.headers.get('Content-Type') ?? undefined });
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ area, asOf }: { area: string; asOf: string }) {
  const t = useT(sm);
  const lang = useLang();
  const [progress, setProgress] = useState<Progress | null>(null);
  const run = async (kind: Kind, format: Format) => {
    const key = `${kind}-${format}`;
    setProgress({ key, text: t('expPreparing') });
    try {
      const res = await fetch(`/api/v1/staff/exports/${kind}${query({ format, association: area, as_of: asOf })}`,
        { credentials: 'same-origin' });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        setProgress({ key, text: `${t('expFailed')}: ${errorText(lang, body?.error ?? null)}`, failed: true });
        return;
      }
      const rows = res.headers.get('X-Export-Rows') ?? '';
      const blob = await readAll(res, (n) => setProgress({ key, text: `${t('expReceiving')} ${(n / 1024).toFixed(0)} KB` }));
      save(blob, fileName(res, `${kind}.${format === 'xlsx' ? 'xlsx' : 'csv'}`));
      setProgress({ key, text: `${t('expDone')}（${rows} ${t('expRows')}）` });
    } catch {
      setProgress({ key, text: `${t('expFailed')}: ${errorText(lang, null)}`, failed: true });
    }
  };
  return (
    <section class="card" aria-labelledby="exports-title">
      <h3 id="exports-title">{t('exportsTitle')}</h3>
      <p class="note">{t('exportsIntro')}</p>
      <p role="status" class={progress?.failed ? 'error-text' : 'note'} data-testid="export-status">{progress?.text ?? ''}</p>
      <table class="export-table">
        <tbody>{KINDS.map(([kind, label]) => (
          <tr key={kind}>
            <th scope="row">{t(label)}</th>
            <td class="actions">{FORMATS.map(([format, flabel]) => (
              <button key={format} type="button" class="secondary" data-export={`${kind}-${format}`}
                disabled={progress !== null && progress.text === t('expPreparing')}
                aria-label={`${t(label)} ${t(flabel)}`} onClick={() => void run(kind, format)}>{t(flabel)}</button>
            ))}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}
