// Staff accounts and roles: the association's accounts, a new one with a
// one-time code for its owner, role changes and disabling.
import { useState } from 'preact/hooks';
import { call, get, type Ok, type User } from '../lib/api';
import type { components } from '../generated/api-types';
import { useT } from '../lib/i18n';
import { CodeLetter } from '../staff/CodeLetter';
import { Empty, ErrorBox, Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { a } from './messages';

type Account = components['schemas']['StaffAccount'];
type Created = Ok<'/api/v1/admin/users', 'post', 201>;
type StaffRole = Account['role'];

function Row({ account, user, onSaved }: { account: Account; user: User; onSaved: (a: Account) => void }) {
  const t = useT(a);
  const [role, setRole] = useState<StaffRole>(account.role);
  const [disabled, setDisabled] = useState(account.disabled);
  const save = useSubmit<Account>();
  const self = account.id === user.id;
  const roles: StaffRole[] = user.role === 'jma_admin' ? ['reviewer', 'admin', 'jma_admin'] : ['reviewer', 'admin'];
  async function submit() {
    const r = await save.run(() => call<Account>('PUT', `/api/v1/admin/users/${account.id}`, { role, disabled }), `u${account.id}`);
    if (r) onSaved(r);
  }
  return (
    <tr>
      <td>{account.login}</td>
      <td>{account.association_name || account.association_code}<small class="code"> {account.association_code}</small></td>
      <td>
        <select aria-label={`${t('role')}: ${account.login}`} value={role} disabled={self}
          onChange={(e) => setRole(inputValue(e) as StaffRole)}>
          {roles.map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
        </select>
      </td>
      <td><label class="check"><input type="checkbox" checked={disabled} disabled={self}
        onChange={(e) => setDisabled((e.target as HTMLInputElement).checked)} /> {t('disabled')}</label></td>
      <td>{account.has_password ? t('passwordSet') : t('passwordNotSet')}</td>
      <td>
        {!self && <button type="button" class="secondary" disabled={save.busy || (role === account.role && disabled === account.disabled)}
          onClick={() => void submit()} aria-label={`${t('update')}: ${account.login}`}>{t('update')}</button>}
        {save.error !== undefined && <ErrorBox error={save.error} form />}
      </td>
    </tr>
  );
}

export function UsersAdmin({ user }: { user: User }) {
  const t = useT(a);
  const [list, reload] = useLoad(() => get('/api/v1/admin/users'));
  const [v, setV] = useState({ login: '', role: 'reviewer', association_code: user.association_code ?? '' });
  const [created, setCreated] = useState<Created | null>(null);
  const [message, setMessage] = useState('');
  const add = useSubmit<Created>();
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  async function submit(e: Event) {
    e.preventDefault();
    setCreated(null);
    const r = await add.run(() => call<Created>('POST', '/api/v1/admin/users', v), 'nu');
    if (r) { setCreated(r); setV({ ...v, login: '' }); void reload(); }
  }
  return (
    <section class="card wide" aria-labelledby="users-title">
      <h2 id="users-title">{t('usersTitle')}</h2>
      {message && <p class="status ok" role="status">{message}</p>}
      <Show state={list}>{(l) => l.items.length === 0 ? <Empty>{t('noUsers')}</Empty> : (
        <div class="table-wrap">
          <table class="list" data-testid="users">
            <thead><tr><th scope="col">{t('login')}</th><th scope="col">{t('association')}</th><th scope="col">{t('role')}</th>
              <th scope="col">{t('disabled')}</th><th scope="col">{t('passwordSet')}</th><th scope="col"><span class="sr-only">{t('update')}</span></th></tr></thead>
            <tbody>{l.items.map((a) => (
              <Row key={`${a.id}-${a.role}-${a.disabled}`} account={a} user={user}
                onSaved={(x) => { setMessage(t('updated', { login: x.login })); void reload(); }} />
            ))}</tbody>
          </table>
        </div>
      )}</Show>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <h3>{t('addUser')}</h3>
        <Field id="nu-login" field="login" label={t('login')} hint={t('loginHint')} error={add.error} required>{(a) => (
          <input {...a} autoComplete="off" value={v.login} onInput={set('login')} />
        )}</Field>
        <Field id="nu-role" field="role" label={t('role')} error={add.error} required>{(a) => (
          <select {...a} value={v.role} onChange={set('role')}>
            {(user.role === 'jma_admin' ? ['reviewer', 'admin', 'jma_admin'] as const : ['reviewer', 'admin'] as const)
              .map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
          </select>
        )}</Field>
        <Field id="nu-association_code" field="association_code" label={t('associationCode')} hint={t('associationHint')} error={add.error} required>{(a) => (
          <input {...a} inputMode="numeric" value={v.association_code} onInput={set('association_code')} />
        )}</Field>
        {add.error !== undefined && <ErrorBox error={add.error} form />}
        <button type="submit" disabled={add.busy}>{t('addUser')}</button>
      </form>
      {created && (
        <CodeLetter testId="created-user" heading={<p>{t('userCreated', { login: created.login })}</p>}
          login={created.login} code={created.code} expiresAt={created.expires_at} />
      )}
    </section>
  );
}
