// The association's own postal address and telephone number: printed as the
// sender on its mail labels. Staff read it; its administrators change it.
import { useEffect, useState } from 'preact/hooks';
import { call, get, type Ok, type User } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { Field, inputValue, Show, useLoad, useSubmit } from '../lib/ui';
import { a } from './messages';
import { SaveBar } from './SaveBar';

type Association = Ok<'/api/v1/admin/association', 'get'>;
type Key = 'postal_code' | 'address' | 'phone';

const fields: [Key, keyof typeof a, boolean, string][] = [
  ['postal_code', 'postalCode', true, 'postal-code'],
  ['address', 'address', true, 'street-address'],
  ['phone', 'phone', false, 'tel'],
];

export function AssociationAdmin({ user }: { user: User }) {
  const t = useT(a);
  const lang = useLang();
  const [loaded] = useLoad(() => get('/api/v1/admin/association'));
  const [v, setV] = useState<Record<Key, string> | null>(null);
  const [sender, setSender] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useSubmit<Association>();
  const canEdit = user.role === 'admin' || user.role === 'jma_admin';
  const show = (r: Association) => {
    setV({ postal_code: r.postal_code ? `${r.postal_code.slice(0, 3)}-${r.postal_code.slice(3)}` : '', address: r.address, phone: r.phone });
    setSender(r.sender_line);
  };
  useEffect(() => { if (loaded.kind === 'shown') show(loaded.value); }, [loaded]);
  async function submit(e: Event) {
    e.preventDefault();
    if (!v) return;
    setSaved(false);
    const r = await save.run(() => call<Association>('PUT', '/api/v1/admin/association', v), 'as');
    if (r) { show(r); setSaved(true); }
  }
  return (
    <section class="card" aria-labelledby="as-title">
      <h2 id="as-title">{t('associationTitle')}</h2>
      <Show state={loaded}>{(r) => v && (
        <form class="form" onSubmit={(e) => void submit(e)} noValidate>
          <p><strong>{lang === 'ja' ? r.name_ja : r.name_en}</strong>（{r.code}）</p>
          <p class="note">{canEdit ? t('associationNote') : t('associationReadOnly')}</p>
          {fields.map(([k, label, required, autocomplete]) => (
            <Field key={k} id={`as-${k}`} field={k} label={t(label)} error={save.error} required={required}>{(f) => (
              <input {...f} type={k === 'phone' ? 'tel' : 'text'} autoComplete={autocomplete} inputMode={k === 'address' ? undefined : 'numeric'}
                readOnly={!canEdit} value={v[k]} onInput={(e) => setV({ ...v, [k]: inputValue(e) })} />
            )}</Field>
          ))}
          <p class="reads" data-testid="sender-line">{sender ? t('senderPreview', { line: sender }) : t('senderMissing')}</p>
          <SaveBar error={save.error} saved={saved} busy={save.busy} canEdit={canEdit} />
        </form>
      )}</Show>
    </section>
  );
}
