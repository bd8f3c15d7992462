// The activity catalogue's names for a category code, in the current language.
import { get } from './api';
import { useLang } from './i18n';
import { useLoad } from './ui';

export function useCategoryName(): (code: string) => string {
  const lang = useLang();
  const [cats] = useLoad(() => get('/api/v1/activity-categories'));
  return (code: string) => {
    const c = cats.kind === 'shown' ? cats.value.categories.find((x) => x.code === code) : undefined;
    return c ? (lang === 'ja' ? c.name_ja : c.name_en) : code;
  };
}
