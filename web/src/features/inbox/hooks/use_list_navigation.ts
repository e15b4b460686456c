import { useState } from 'react';
import { useShortcuts } from '@/lib/use_shortcuts';

export interface ListNavigation {
  active: number;
  setActive: (index: number) => void;
}

/**
 * j/k move the active row (clamped to the list), Enter opens it, e resolves it.
 * `active` is -1 until the user moves.
 */
export function useListNavigation(opts: {
  count: number;
  onOpen: (index: number) => void;
  onResolve: (index: number) => void;
  onMove?: (index: number) => void;
}): ListNavigation {
  const [active, setActiveState] = useState(-1);
  const clamped = Math.min(active, opts.count - 1);
  const setActive = (i: number) => {
    setActiveState(i);
    opts.onMove?.(i);
  };
  useShortcuts({
    j: () => opts.count > 0 && setActive(Math.min(clamped + 1, opts.count - 1)),
    k: () => opts.count > 0 && setActive(Math.max(clamped - 1, 0)),
    Enter: () => clamped >= 0 && opts.onOpen(clamped),
    e: () => clamped >= 0 && opts.onResolve(clamped),
  });
  return { active: clamped, setActive };
}
