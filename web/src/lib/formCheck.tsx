// Forms say everything at once: every field is checked before sending, every
// problem is listed at the top with a link to its field, and each message
// goes as soon as its field is right (the list is worked out from the
// current values once the person has tried to send).
import { useState } from 'preact/hooks';
import type { ApiError } from './api';
import { useLang } from './i18n';

export type Problem = { field: string; ja: string; en: string };

export const problem = (field: string, ja: string, en: string): Problem => ({ field, ja, en });

// The problem of one field as the error shape Field shows; the server's own
// refusal when the browser found nothing there.
export function errorOf(problems: Problem[], field: string, server: ApiError | null | undefined): ApiError | null | undefined {
  const p = problems.find((x) => x.field === field);
  if (p) return { code: 'invalid_argument', field, message_ja: p.ja, message_en: p.en };
  return server;
}

export function useFormCheck<V>(check: (v: V) => Problem[], values: V) {
  const [tried, setTried] = useState(false);
  const problems = tried ? check(values) : [];
  // true when the form may be sent; otherwise the list shows and the focus
  // moves to it.
  function ready(): boolean {
    setTried(true);
    if (check(values).length === 0) return true;
    setTimeout(() => document.getElementById('form-problems')?.focus(), 0);
    return false;
  }
  return { problems, ready };
}

const words = {
  title: { ja: '{n}件の入力を確かめてください', en: 'Please check {n} entries' },
};

// "開始日: その日付はありません", but not "活動の内容: 活動の内容を入力してください".
const messageWithLabel = (label: string, message: string) =>
  message.toLowerCase().includes(label.toLowerCase()) ? message : `${label}: ${message}`;

// The list at the top of the form: each problem links to its field.
export function ProblemList({ problems, prefix, labels }: { problems: Problem[]; prefix: string; labels: Record<string, string> }) {
  const lang = useLang();
  if (problems.length === 0) return null;
  return (
    <div class="error problems" id="form-problems" tabIndex={-1} role="alert" data-testid="form-problems">
      <strong>{words.title[lang].replace('{n}', String(problems.length))}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a href={`#${prefix}-${p.field}`} onClick={(e) => { e.preventDefault(); document.getElementById(`${prefix}-${p.field}`)?.focus(); }}>
              {messageWithLabel(labels[p.field] ?? p.field, lang === 'ja' ? p.ja : p.en)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
