/**
 * Whether an element is in (or near) the viewport (renderer UI). One IntersectionObserver for
 * the whole window: with a thousand rows, only the few dozen on screen run their countdown
 * animations, so the rest cost neither paint nor compositor layers.
 */
import { useEffect, useState, type RefObject } from 'react';

type Listener = (inView: boolean) => void;
const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | undefined;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    entries => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: '300px 0px' },
  );
  return observer;
}

export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    listeners.set(element, setInView);
    const io = shared();
    io.observe(element);
    return () => {
      io.unobserve(element);
      listeners.delete(element);
    };
  }, [ref]);
  return inView;
}
