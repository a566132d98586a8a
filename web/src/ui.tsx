// Small building blocks: labelled fields, an error box read out by screen readers, loading and
// a hook that loads data with its three states.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { t } from "./i18n";
import { words } from "./session";

let ids = 0;

export function Field(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  type?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  inputMode?: "numeric" | "text" | "email";
  multiline?: boolean;
}) {
  const [id] = useState(() => `f${++ids}`);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value: props.value,
    required: props.required,
    "aria-describedby": hintId,
    onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type={props.type ?? "text"} autoComplete={props.autocomplete} inputMode={props.inputMode} />
      )}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function ErrorBox(props: { error: string | null }) {
  return props.error ? (
    <p class="error" role="alert">
      {props.error}
    </p>
  ) : null;
}

export function Loading() {
  return (
    <p class="muted" role="status">
      {t().loading}
    </p>
  );
}

export function Page(props: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} · carebridge`;
  }, [props.title]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </section>
  );
}

export type Loaded<T> = { data?: T; error?: string; loading: boolean; reload: () => void };

/** Runs `load` now and whenever `deps` change; answers its data, error (in words) and state. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: words(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

/** The loading and error states of `l`, or its content. */
export function Show<T>(props: { l: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { l } = props;
  if (l.error)
    return (
      <div>
        <ErrorBox error={l.error} />
        <button type="button" onClick={l.reload}>
          {t().retry}
        </button>
      </div>
    );
  if (l.loading || l.data === undefined) return <Loading />;
  return <>{props.children(l.data)}</>;
}

/**
 * An action a form or button takes: while it runs, `busy` (buttons disable); when it fails, its
 * error in words (shown by `<ErrorBox>`).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(words(e));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}

/** Runs `action` as a form's submission (no page load). */
export function submitting(run: (action: () => Promise<unknown>) => Promise<void>, action: () => Promise<unknown>) {
  return (e: Event) => {
    e.preventDefault();
    void run(action);
  };
}

/** The six-digit code of an authenticator app. */
export function CodeField(props: { value: string; onInput: (v: string) => void }) {
  const s = t();
  return (
    <Field
      label={s.code}
      value={props.value}
      onInput={props.onInput}
      hint={s.codeHint}
      autocomplete="one-time-code"
      inputMode="numeric"
      required
    />
  );
}

/**
 * The pages of a cursor-paged list as the user walks them: the cursor of the page shown (none
 * for the first), and the cursors before it, so that going back needs no reverse paging.
 */
export function useCursors() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    first: cursors.length === 1,
    back: () => setCursors((c) => c.slice(0, -1)),
    on: (next: string) => setCursors((c) => [...c, next]),
    restart: () => setCursors([undefined]),
  };
}

/** Back and on through a cursor-paged list; `next` is the page's `next_cursor`. */
export function Pager(props: { pages: ReturnType<typeof useCursors>; next?: string | null; back: string; on: string }) {
  const { pages, next } = props;
  return (
    <div class="pager">
      <button type="button" class="secondary" disabled={pages.first} onClick={pages.back}>
        {props.back}
      </button>
      <button type="button" class="secondary" disabled={!next} onClick={() => next && pages.on(next)}>
        {props.on}
      </button>
    </div>
  );
}
