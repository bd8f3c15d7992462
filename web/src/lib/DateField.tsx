// A date field that takes a date the way Japanese forms give it (令和6年4月1日,
// S45.4.1, 2024/4/1, 2024-04-01) and says what it read as it is typed.
import { formatDate, useLang } from './i18n';
import type { ApiError } from './api';
import { Field } from './ui';
import { parseJapaneseDate, type ParsedDate } from './wareki';
import { problem, type Problem } from './formCheck';

const words = {
  hint: { ja: '例: 令和6年4月1日、R6.4.1、2024-04-01', en: 'e.g. 2024-04-01, 2024/4/1, R6.4.1' },
  reads: { ja: '→ {wareki}（{western}）', en: '→ {western}' },
  required: { ja: 'を入力してください', en: 'is required' },
  unreadable: { ja: '日付として読めません（例: 令和6年4月1日、2024-04-01）', en: 'cannot be read as a date (e.g. 2024-04-01)' },
  impossible: { ja: 'その日付はありません（月・日を確かめてください）', en: 'that day does not exist (check the month and day)' },
  future: { ja: '未来の日付です', en: 'is in the future' },
};

// The problem of a typed date, if any: required, unreadable, impossible, future.
export function dateProblem(field: string, label: string, typed: string, required: boolean, today: string): Problem | null {
  const d = parseJapaneseDate(typed);
  if (d.kind === 'empty') return required ? problem(field, `${label}${words.required.ja}`, `${label} ${words.required.en}`) : null;
  if (d.kind === 'unreadable') return problem(field, words.unreadable.ja, words.unreadable.en);
  if (d.kind === 'impossible') return problem(field, words.impossible.ja, words.impossible.en);
  if (d.iso > today) return problem(field, `${label}が${words.future.ja}`, `${label} ${words.future.en}`);
  return null;
}

export const isoOf = (typed: string): string => {
  const d: ParsedDate = parseJapaneseDate(typed);
  return d.kind === 'ok' ? d.iso : typed;
};

type Props = {
  id: string; field: string; label: string; value: string; onInput: (v: string) => void;
  error?: ApiError | null; required?: boolean; hint?: string;
};

export function DateField(p: Props) {
  const lang = useLang();
  const parsed = parseJapaneseDate(p.value);
  const reads = parsed.kind === 'ok'
    ? words.reads[lang].replace('{wareki}', formatDate('ja', parsed.iso)).replace('{western}', formatDate('en', parsed.iso))
    : '';
  return (
    <Field id={p.id} field={p.field} label={p.label} error={p.error} required={p.required}
      hint={p.hint ? `${p.hint} ${words.hint[lang]}` : words.hint[lang]} describedBy={`${p.id}-reads`}>{(a) => (
      <>
        <input {...a} type="text" inputMode="text" autoComplete="off" value={p.value}
          onInput={(e) => p.onInput((e.target as HTMLInputElement).value)} />
        <small id={`${p.id}-reads`} class="reads" aria-live="polite" data-testid={`${p.id}-reads`}>{reads}</small>
      </>
    )}</Field>
  );
}
