// The doctor's submissions: the list, and one item with its timeline;
// after a return the item can be corrected and resubmitted, before a
// decision it can be withdrawn.
import { call, get, idempotencyKey, type ActivityInput, type DeclarationInput, type ItemView, type Kind } from '../lib/api';
import { useCategoryName } from '../lib/categories';
import { formatDate, tc, useLang, useT } from '../lib/i18n';
import { href } from '../lib/router';
import { Timeline } from '../lib/Timeline';
import { Empty, ErrorBox, Show, StatusBadge, useLoad, useSubmit } from '../lib/ui';
import { ActivityForm, DeclarationForm } from './Forms';
import { itemLabel } from '../lib/itemSubject';
import { m } from './messages';

export function Items() {
  const t = useT(m);
  const lang = useLang();
  const catName = useCategoryName();
  const [state] = useLoad(() => get('/api/v1/me/items'));
  return (
    <section class="card" aria-labelledby="items-title">
      <h2 id="items-title">{t('itemsTitle')}</h2>
      <Show state={state}>{(v) => v.items.length === 0 ? <Empty>{t('noItems')}</Empty> : (
        <ul class="items" data-testid="items">
          {v.items.map((i) => (
            <li key={`${i.kind}-${i.id}`}>
              <a href={href(`/items/${i.kind}/${i.id}`)}>{itemLabel(lang, i.kind, i.subject, catName)}</a>
              <StatusBadge status={i.status} />
              <small>{t('submittedAt')}: {formatDate(lang, i.submitted_at)}</small>
              {i.status === 'returned' && i.last_reason && <div class="reason">{t('reason')}: {i.last_reason}</div>}
            </li>
          ))}
        </ul>
      )}</Show>
    </section>
  );
}

function Details({ view }: { view: ItemView }) {
  const t = useT(m);
  const lang = useLang();
  const catName = useCategoryName();
  const a = view.activity;
  const d = view.declaration;
  return (
    <dl class="summary">
      {a && <><dt>{t('category')}</dt><dd>{catName(a.category ?? '')}</dd><dt>{t('description')}</dt><dd>{a.description}</dd>
        <dt>{t('startedOn')}</dt><dd>{formatDate(lang, a.started_on)}{a.ended_on ? ` – ${formatDate(lang, a.ended_on)}` : ''}</dd>
        <dt>{t('organisation')}</dt><dd>{a.organisation}</dd></>}
      {d && <><dt>{t('title')}</dt><dd>{d.title}</dd><dt>{t('takenOn')}</dt><dd>{formatDate(lang, d.taken_on)}</dd>
        <dt>{t('unitsField')}</dt><dd>{d.units}</dd><dt>{t('organizer')}</dt><dd>{d.organizer}</dd></>}
      {view.snapshot && <><dt>{t('countedTotal')}</dt><dd>{view.snapshot.total_units} {tc(lang, 'units')}</dd></>}
      {view.files.length > 0 && <><dt>{t('attached')}</dt><dd><ul class="files">
        {view.files.map((f) => <li key={f.id}><a href={f.url} target="_blank" rel="noopener">{f.name}</a></li>)}
      </ul></dd></>}
    </dl>
  );
}

// Correct-and-resubmit after a return.
function Resubmit({ view, onDone }: { view: ItemView; onDone: () => void }) {
  const t = useT(m);
  const s = useSubmit<ItemView>();
  const path = `/api/v1/me/items/${view.kind}/${view.id}/resubmit`;
  const send = (body: object, prefix: string) =>
    void s.run(() => call<ItemView>('POST', path, { version: view.version, ...body }, idempotencyKey()), prefix).then((r) => r && onDone());
  return (
    <div class="returned" data-testid="resubmit">
      <p role="status"><strong>{t('returnedBox')}</strong></p>
      {view.last_reason && <p class="reason" data-testid="return-reason">{t('reason')}: {view.last_reason}</p>}
      {view.kind === 'activity' && view.activity && (
        <ActivityForm initial={view.activity as Partial<ActivityInput>} initialFiles={view.files} submitLabel={t('resubmit')}
          busy={s.busy} error={s.error} onSubmit={(activity) => send({ activity }, 'act')} />
      )}
      {view.kind === 'declaration' && view.declaration && (
        <DeclarationForm initial={view.declaration as Partial<DeclarationInput>} initialFiles={view.files} submitLabel={t('resubmit')}
          busy={s.busy} error={s.error} onSubmit={(declaration) => send({ declaration }, 'dec')} />
      )}
      {view.kind === 'application' && (
        <>{s.error !== undefined && <ErrorBox error={s.error} />}
          <button type="button" disabled={s.busy} onClick={() => send({}, 'app')}>{t('resubmit')}</button></>
      )}
    </div>
  );
}

export function ItemDetail({ kind, id, justSent }: { kind: Kind; id: string; justSent: boolean }) {
  const t = useT(m);
  const lang = useLang();
  const catName = useCategoryName();
  const [state, reload] = useLoad(() => get(`/api/v1/me/items/${kind}/${id}`) as Promise<import('../lib/api').Result<ItemView>>, [kind, id]);
  const w = useSubmit<ItemView>();
  async function withdraw(view: ItemView) {
    if (!confirm(t('withdrawConfirm'))) return;
    if (await w.run(() => call<ItemView>('POST', `/api/v1/me/items/${kind}/${id}/withdraw`, { version: view.version }, idempotencyKey()), 'wd')) void reload();
  }
  return (
    <section class="card" aria-labelledby="item-title">
      <Show state={state}>{(view) => (
        <>
          <h2 id="item-title">{itemLabel(lang, view.kind, view.subject, catName)} <StatusBadge status={view.status} /></h2>
          {justSent && <p class="status ok" role="status">{view.kind === 'application' ? t('applied') : t('submitted')}</p>}
          <Details view={view} />
          {view.status === 'returned' && <Resubmit view={view} onDone={() => void reload()} />}
          <Timeline history={view.history} />
          {w.error !== undefined && <ErrorBox error={w.error} />}
          {view.status === 'submitted' && (
            <button type="button" class="secondary" onClick={() => void withdraw(view)}>{t('withdraw')}</button>
          )}
          <p><a href={href('/items')}>{tc(lang, 'back')}</a></p>
        </>
      )}</Show>
    </section>
  );
}
