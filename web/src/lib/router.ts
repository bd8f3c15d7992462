// Hash routes (#/path/segments): work from any static host, keep the page
// on reload, and need no server rewrite rules.
import { useEffect, useState } from 'preact/hooks';

export type Route = { path: string; segments: string[]; query: URLSearchParams };

function current(): Route {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  return { path, segments: path.split('/').filter(Boolean), query: new URLSearchParams(qs ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string): void {
  location.hash = `#${path}`;
}

export const href = (path: string) => `#${path}`;
