// Every string the UI shows, Japanese first, English beside it.
export type Lang = 'ja' | 'en';

const messages = {
  appTitle: { ja: 'かかりつけ医機能報告制度にかかる研修', en: 'Training for the family-doctor-function report' },
  appSubtitle: { ja: '研修の進み具合', en: 'Your training progress' },
  switchLang: { ja: 'English', en: '日本語' },
  switchLangLabel: { ja: 'Switch to English', en: '日本語に切り替える' },
  registryLabel: { ja: '医籍登録番号', en: 'Medical registry number' },
  registryHint: { ja: '半角・全角どちらの数字でも入力できます', en: 'Digits, up to 7' },
  show: { ja: '表示する', en: 'Show' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  empty: { ja: '医籍登録番号を入力すると、研修の進み具合が表示されます。', en: 'Enter a medical registry number to see the progress.' },
  lecture: { ja: '座学研修（知識）', en: 'Lecture learning (knowledge)' },
  practical: { ja: '実地研修（経験）', en: 'Practical experience' },
  total: { ja: '合計', en: 'Total' },
  units: { ja: '単位', en: 'units' },
  activitiesCount: { ja: '承認済み {n} 件', en: '{n} approved' },
  ofRequired: { ja: '必要単位 {n}', en: 'of {n} required' },
  complete: { ja: '修了要件を満たしています', en: 'Requirements met' },
  completeNote: { ja: '修了申請ができます。', en: 'You can apply for completion.' },
  incomplete: { ja: 'まだ修了要件を満たしていません', en: 'Not yet complete' },
  whatIsMissing: { ja: 'あと必要なもの', en: 'Still needed' },
  rulesNote: {
    ja: '座学研修と実地研修はどちらも必須で、合計{total}単位以上で修了です（実地研修は1件{each}単位）。',
    en: 'Both parts are required and the total must reach {total} units (each practical activity counts {each}).',
  },
  errorTitle: { ja: '表示できませんでした', en: 'Could not show the progress' },
  networkError: { ja: 'サーバーに接続できません。しばらくしてからもう一度お試しください。', en: 'Cannot reach the server. Please try again shortly.' },
  doctorOf: { ja: '{name} 先生', en: 'Dr {name}' },
  loginTitle: { ja: 'ログイン', en: 'Log in' },
  loginId: { ja: '会員番号またはメールアドレス', en: 'Member ID or e-mail' },
  password: { ja: 'パスワード', en: 'Password' },
  loginButton: { ja: 'ログインする', en: 'Log in' },
  loggingIn: { ja: 'ログインしています…', en: 'Logging in…' },
  loginFailed: { ja: 'ログインできませんでした', en: 'Could not log in' },
  logout: { ja: 'ログアウト', en: 'Log out' },
  myPage: { ja: 'マイページ', en: 'My page' },
  certificates: { ja: '修了証', en: 'Certificates' },
  noCertificates: { ja: '修了証はまだありません。修了申請が承認されると、ここからダウンロードできます。', en: 'No certificate yet. Once your application is approved you can download it here.' },
  download: { ja: 'PDFをダウンロード', en: 'Download PDF' },
  issuedOn: { ja: '発行日', en: 'Issued' },
  mailedOn: { ja: '郵送日 {date}', en: 'Mailed {date}' },
  mailPending: { ja: '郵送の準備中です', en: 'Being prepared for mailing' },
  statusValid: { ja: '有効', en: 'Valid' },
  statusSuperseded: { ja: '旧版（再交付済み）', en: 'Superseded (reissued)' },
  statusRevoked: { ja: '取消し', en: 'Revoked' },
  versionOf: { ja: '第{n}版', en: 'version {n}' },
} as const;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  let s: string = messages[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

export function formatUnits(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
