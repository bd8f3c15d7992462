// Small input helpers shared by the screens.

// Full-width digits, points and letters as people type them on a Japanese
// keyboard (１００．５) become their half-width forms; NFKC does exactly that.
export const halfWidth = (v: string) => v.normalize('NFKC').trim();

// Single-key shortcuts (j, k, a, r, x) stay out of the way while someone
// types in a field (a checkbox is not typing) or holds a modifier.
export function ignoresShortcut(e: KeyboardEvent): boolean {
  const el = e.target as HTMLInputElement;
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) && el.type !== 'checkbox';
  return typing || e.ctrlKey || e.metaKey || e.altKey;
}
