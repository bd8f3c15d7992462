// A one-time code as a printable letter: shown once, never stored readable.
import type { ComponentChildren } from 'preact';
import { formatDateTime, useLang, useT } from '../lib/i18n';
import { s } from './messages';

type Props = { testId: string; heading: ComponentChildren; login: string; code: string; expiresAt: string };

export function CodeLetter({ testId, heading, login, code, expiresAt }: Props) {
  const t = useT(s);
  const lang = useLang();
  return (
    <div class="letter" data-testid={testId}>
      {heading}
      <dl class="summary">
        <dt>{t('loginId')}</dt><dd>{login}</dd>
        <dt>{t('code')}</dt><dd class="code">{code}</dd>
        <dt>{t('expires')}</dt><dd>{formatDateTime(lang, expiresAt)}</dd>
      </dl>
      <button type="button" class="secondary" onClick={() => print()}>{t('print')}</button>
    </div>
  );
}
