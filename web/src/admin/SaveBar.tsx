// The end of a settings form: the refusal, the "saved" note and the button
// (only for those who may change the settings).
import type { ApiError } from '../lib/api';
import { tc, useLang, useT } from '../lib/i18n';
import { ErrorBox } from '../lib/ui';
import { a } from './messages';

type Props = { error: ApiError | null | undefined; saved: boolean; busy: boolean; canEdit: boolean };

export function SaveBar({ error, saved, busy, canEdit }: Props) {
  const t = useT(a);
  const lang = useLang();
  return (
    <>
      {error !== undefined && <ErrorBox error={error} form />}
      {saved && <p class="status ok" role="status">{t('saved')}</p>}
      {canEdit && <button type="submit" disabled={busy}>{tc(lang, 'save')}</button>}
    </>
  );
}
