// Every string the UI shows, Japanese first, English beside it. Each screen
// keeps its own dictionary (makeT); the language travels in a context.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'ja' | 'en';
export type Messages = Record<string, { ja: string; en: string }>;

export const LangContext = createContext<Lang>('ja');
export const useLang = () => useContext(LangContext);

export function makeT<M extends Messages>(messages: M) {
  return (lang: Lang, key: keyof M & string, vars: Record<string, string | number> = {}): string => {
    let s: string = messages[key][lang];
    for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

// A hook for components: const t = useT(messages); t('key').
export function useT<M extends Messages>(messages: M) {
  const lang = useLang();
  const tr = makeT(messages);
  return (key: keyof M & string, vars?: Record<string, string | number>) => tr(lang, key, vars);
}

export function formatUnits(n: number | undefined): string {
  if (n === undefined) return "";
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const wareki = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
const western = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Tokyo' });
const warekiTime = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
const westernTime = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

function parse(value: string): Date | null {
  // A bare date is a calendar day in Japan; a timestamp is an instant.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`)
    : new Date(value.includes('T') || value.includes('Z') ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Japanese documents use the era calendar (令和8年11月21日); English the Western one.
export function formatDate(lang: Lang, value: string | null | undefined): string {
  if (!value) return '';
  const d = parse(value);
  if (!d) return value;
  return (lang === 'ja' ? wareki : western).format(d);
}

export function formatDateTime(lang: Lang, value: string | null | undefined): string {
  if (!value) return '';
  const d = parse(value);
  if (!d) return value;
  return (lang === 'ja' ? warekiTime : westernTime).format(d);
}

export const common = {
  appTitle: { ja: 'かかりつけ医機能報告制度にかかる研修', en: 'Training for the family-doctor-function report' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  errorTitle: { ja: '処理できませんでした', en: 'Something went wrong' },
  networkError: { ja: 'サーバーに接続できません。しばらくしてからもう一度お試しください。', en: 'Cannot reach the server. Please try again shortly.' },
  units: { ja: '単位', en: 'units' },
  checkFields: { ja: '赤く示した欄を確認してください。', en: 'Please check the field marked in red.' },
  save: { ja: '保存する', en: 'Save' },
  saving: { ja: '送信しています…', en: 'Sending…' },
  cancel: { ja: 'やめる', en: 'Cancel' },
  back: { ja: '戻る', en: 'Back' },
  required: { ja: '必須', en: 'required' },
  kind_activity: { ja: '実地研修（経験）', en: 'Practical activity' },
  kind_declaration: { ja: '単位追加申告', en: 'Additional credits' },
  kind_application: { ja: '修了申請', en: 'Completion application' },
  status_draft: { ja: '下書き', en: 'Draft' },
  status_submitted: { ja: '審査中', en: 'Under review' },
  status_returned: { ja: '差戻し', en: 'Returned' },
  status_approved: { ja: '承認', en: 'Approved' },
  status_rejected: { ja: '却下', en: 'Rejected' },
  status_withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  channel_online: { ja: 'オンライン', en: 'Online' },
  channel_paper: { ja: '紙', en: 'Paper' },
  prev: { ja: '前へ', en: 'Previous' },
  next: { ja: '次へ', en: 'Next' },
  pageOf: { ja: '{page} / {pages} ページ（全{total}件）', en: 'Page {page} of {pages} ({total} in all)' },
} satisfies Messages;

export const tc = makeT(common);
