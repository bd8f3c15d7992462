// Loads a screen's code only when it is first shown, so a doctor's phone
// never downloads the review desk.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './ui';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let cached: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => cached);
    useEffect(() => {
      if (!cached) void load().then((c) => { cached = c; setC(() => c); });
    }, []);
    return C ? <C {...props} /> : <Loading />;
  };
}
