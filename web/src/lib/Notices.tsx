// お知らせ: the signed-in person's notices (decisions, certificates,
// reminders), unread first; opening one marks it read. The same screen for
// doctors, staff and institutions. A reminder mail's "turn off" link lands
// here with ?reminders=off and asks before it changes anything.
import { useState } from 'preact/hooks';
import { call, get, type Ok } from './api';
import { formatDateTime, makeT, useLang } from './i18n';
import { ErrorBox, Show, useLoad, Empty } from './ui';

type Inbox = Ok<'/api/v1/me/notices', 'get'>;
type Notice = Inbox['items'][number];

const t = makeT({
  title: { ja: 'お知らせ', en: 'Notices' },
  unread: { ja: '未読 {n} 件', en: '{n} unread' },
  none: { ja: 'お知らせはまだありません。', en: 'No notices yet.' },
  isUnread: { ja: '未読', en: 'Unread' },
  open: { ja: '関係する画面を開く', en: 'Open the related page' },
  mailed: { ja: 'メールでもお送りしました', en: 'Also sent by e-mail' },
  mailWaiting: { ja: 'メールの送信を待っています', en: 'E-mail waiting to be sent' },
  mailFailed: { ja: 'メールを届けられませんでした', en: 'The e-mail could not be delivered' },
  remindersTitle: { ja: 'リマインダーとまとめのメール', en: 'Reminders and digests' },
  remindersOn: { ja: '受け取っています。決定や修了証のお知らせは、設定にかかわらず届きます。', en: 'You receive them. Notices of decisions and certificates always arrive.' },
  remindersOff: { ja: '受け取らない設定です。決定や修了証のお知らせは届きます。', en: 'You have turned them off. Notices of decisions and certificates still arrive.' },
  turnOff: { ja: 'リマインダーを止める', en: 'Turn reminders off' },
  turnOn: { ja: 'リマインダーを受け取る', en: 'Turn reminders on' },
  failedTitle: { ja: '届かなかったメール', en: 'Mail that could not be delivered' },
  failedNone: { ja: '届かなかったメールはありません。', en: 'No undelivered mail.' },
  failedHint: { ja: '医師のメールアドレスを確かめ、必要なら電話や郵便で伝えてください。お知らせはマイページには届いています。', en: 'Check the doctor’s address and, if needed, tell them by phone or post. The notice is in their inbox.' },
  colDoctor: { ja: '医師', en: 'Doctor' },
  colAddress: { ja: 'アドレス', en: 'Address' },
  colNotice: { ja: 'お知らせ', en: 'Notice' },
  colAnswer: { ja: 'メールサーバーの応答', en: 'Mail server’s answer' },
  confirmOff: { ja: 'メールのリンクから来られました。リマインダーとまとめを止めますか？', en: 'You came from the link in a mail. Turn reminders and digests off?' },
});

const deliveryKey = { sent: 'mailed', pending: 'mailWaiting', sending: 'mailWaiting', failed: 'mailFailed' } as const;

function NoticeEntry({ notice, read, onRead }: { notice: Notice; read: boolean; onRead: () => void }) {
  const lang = useLang();
  const [open, setOpen] = useState(false);
  async function toggle() {
    setOpen(!open);
    if (!read) {
      const r = await call('POST', `/api/v1/me/notices/${notice.id}/read`, {});
      if (r.ok) onRead();
    }
  }
  const delivery = notice.delivery === 'inbox' ? null : deliveryKey[notice.delivery];
  return (
    <li class={read ? 'notice' : 'notice unread'}>
      <button type="button" class="notice-head" aria-expanded={open} onClick={() => void toggle()}>
        {!read && <span class="badge s-submitted">{t(lang, 'isUnread')}</span>}
        <span class="notice-subject">{notice.subject[lang]}</span>
        <span class="notice-date">{formatDateTime(lang, new Date(notice.created_at * 1000).toISOString())}</span>
      </button>
      {open && (
        <div class="notice-body">
          <p class="notice-text">{notice.text[lang]}</p>
          <p><a class="button" href={notice.link}>{t(lang, 'open')}</a></p>
          {delivery && <p class="hint">{t(lang, delivery)}</p>}
        </div>
      )}
    </li>
  );
}

function Preferences({ on, askOff, onChange }: { on: boolean; askOff: boolean; onChange: () => void }) {
  const lang = useLang();
  const [error, setError] = useState<Parameters<typeof ErrorBox>[0]['error'] | undefined>(undefined);
  async function set(reminders: boolean) {
    const r = await call('PUT', '/api/v1/me/notice-preferences', { reminders });
    if (r.ok) { setError(undefined); onChange(); } else setError(r.error);
  }
  return (
    <section class="card" aria-labelledby="reminder-prefs">
      <h2 id="reminder-prefs">{t(lang, 'remindersTitle')}</h2>
      {askOff && on && <p role="status"><strong>{t(lang, 'confirmOff')}</strong></p>}
      <p>{t(lang, on ? 'remindersOn' : 'remindersOff')}</p>
      <button type="button" class={on ? 'secondary' : ''} onClick={() => void set(!on)}>{t(lang, on ? 'turnOff' : 'turnOn')}</button>
      {error !== undefined && <ErrorBox error={error} />}
    </section>
  );
}

type Failed = Ok<'/api/v1/staff/notices/failed', 'get'>;

// Staff: the mail of their area's doctors that failed for good.
function FailedDeliveries() {
  const lang = useLang();
  const [state] = useLoad(() => get('/api/v1/staff/notices/failed'), []);
  return (
    <section class="card wide" aria-labelledby="failed-title">
      <h2 id="failed-title">{t(lang, 'failedTitle')}</h2>
      <Show state={state}>{(failed: Failed) => failed.items.length === 0 ? <Empty>{t(lang, 'failedNone')}</Empty> : (
        <>
          <p class="hint">{t(lang, 'failedHint')}</p>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">{t(lang, 'colDoctor')}</th><th scope="col">{t(lang, 'colAddress')}</th>
              <th scope="col">{t(lang, 'colNotice')}</th><th scope="col">{t(lang, 'colAnswer')}</th></tr></thead>
            <tbody>{failed.items.map((f) => (
              <tr key={f.id}><td>{f.recipient}</td><td>{f.email}</td><td>{f.kind}</td><td>{f.last_error}</td></tr>
            ))}</tbody>
          </table></div>
        </>
      )}</Show>
    </section>
  );
}

export function Notices({ askRemindersOff = false, staff = false }: { askRemindersOff?: boolean; staff?: boolean }) {
  const lang = useLang();
  const [state, reload] = useLoad(() => get('/api/v1/me/notices?per_page=50'), []);
  // Read marks stay local until the next load, so an opened notice keeps its place.
  const [readNow, setReadNow] = useState<Set<number>>(new Set());
  const markRead = (id: number) => setReadNow((prev) => new Set(prev).add(id));
  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">{t(lang, 'title')}</h1>
      <Show state={state}>{(inbox: Inbox) => (
        <>
          <p role="status">{t(lang, 'unread', { n: inbox.items.filter((n) => !n.read && !readNow.has(n.id)).length })}</p>
          {inbox.items.length === 0 ? <Empty>{t(lang, 'none')}</Empty> : (
            <ul class="notices">
              {inbox.items.map((n) => (
                <NoticeEntry key={n.id} notice={n} read={n.read || readNow.has(n.id)} onRead={() => markRead(n.id)} />
              ))}
            </ul>
          )}
          <Preferences on={inbox.reminders} askOff={askRemindersOff} onChange={() => void reload()} />
        </>
      )}</Show>
      {staff && <FailedDeliveries />}
    </section>
  );
}
