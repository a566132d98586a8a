// A value that components watch: setting `value` re-renders every component that called
// `useWatch` on it. Enough for the few app-wide facts (language, session, route).
import { useEffect, useState } from "preact/hooks";

type Listener = () => void;

export interface Signal<T> {
  value: T;
  subscribe(listener: Listener): () => void;
}

export function signal<T>(initial: T): Signal<T> {
  let current = initial;
  const listeners = new Set<Listener>();
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the calling component whenever one of `signals` changes. */
export function useWatch(...signals: Signal<unknown>[]): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const offs = signals.map((s) => s.subscribe(() => setTick((n) => n + 1)));
    return () => offs.forEach((off) => off());
    // The signals are module-level constants.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
