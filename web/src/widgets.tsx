// Pieces several pages share: a confirmation asked in place before an action that cannot be
// undone lightly, a labelled checkbox, and a doctor's free times to pick one from (reschedule,
// propose another time).
import { unwrap, type Schemas } from "@carebridge/client";
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { clock, day, t } from "./i18n";
import { api } from "./session";
import { ErrorBox, Show, useLoad } from "./ui";

let ids = 0;

/**
 * A question in place, with the button that does it (`yes`) and one that goes back. Focus moves
 * to the question's button so that keyboard and screen-reader users land on it.
 */
export function Confirm(props: {
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  error?: string | null;
  onYes: () => void;
  onNo: () => void;
  children?: ComponentChildren;
}) {
  const [id] = useState(() => `confirm${++ids}`);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={id}>
      <p id={id} class="question">
        {props.question}
      </p>
      {props.children}
      <ErrorBox error={props.error ?? null} />
      <div class="actions">
        <button type="button" ref={button} disabled={props.busy} onClick={props.onYes}>
          {props.yes}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onNo}>
          {props.no}
        </button>
      </div>
    </div>
  );
}

/** A checkbox with its label (and an optional hint read with it). */
export function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  const [id] = useState(() => `c${++ids}`);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

const DAY_MS = 86_400_000;

/** Slots grouped by their local day, in order. */
function byDay(slots: Schemas["Slot"][]): [string, Schemas["Slot"][]][] {
  const days = new Map<string, Schemas["Slot"][]>();
  for (const slot of slots) {
    const key = new Date(slot.start_at).toDateString();
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  return [...days.values()].map((list) => [day(new Date(list[0]!.start_at)), list]);
}

/**
 * A doctor's free times for a week in the browser's time zone, under a heading per day (of
 * `level`, 4 unless said); each is a button named by its start `HH:MM` (the contract's name for
 * a slot). Read again whenever `refresh` changes (after a time was taken under the user).
 */
export function SlotPicker(props: {
  doctorId: string;
  chosen: string | null;
  onChoose: (start: string) => void;
  level?: 3 | 4;
  refresh?: number;
}) {
  const s = t();
  const [week, setWeek] = useState(0);
  const slots = useLoad(() => {
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const from = new Date(today.getTime() + week * 7 * DAY_MS);
    return unwrap(
      api.GET("/api/v1/doctors/{id}/slots", {
        params: {
          path: { id: props.doctorId },
          query: { from: from.toISOString(), to: new Date(from.getTime() + 7 * DAY_MS).toISOString() },
        },
      }),
    );
  }, [props.doctorId, week, props.refresh]);
  const Heading = props.level === 3 ? "h3" : "h4";
  return (
    <div class="picker">
      <p class="muted">
        {s.slotsIn} ({Intl.DateTimeFormat().resolvedOptions().timeZone}).
      </p>
      <div class="pager">
        <button type="button" class="secondary" disabled={week === 0} onClick={() => setWeek(week - 1)}>
          {s.earlier}
        </button>
        <button type="button" class="secondary" disabled={week >= 8} onClick={() => setWeek(week + 1)}>
          {s.later}
        </button>
      </div>
      <Show l={slots}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">{s.noSlots}</p>
          ) : (
            byDay(page.items).map(([heading, list]) => (
              <div key={heading} class="day">
                <Heading>{heading}</Heading>
                <div class="slots">
                  {list.map((slot) => (
                    <button
                      type="button"
                      key={slot.start_at}
                      class={props.chosen === slot.start_at ? "slot chosen" : "slot"}
                      aria-pressed={props.chosen === slot.start_at}
                      onClick={() => props.onChoose(slot.start_at)}
                    >
                      {clock(new Date(slot.start_at))}
                    </button>
                  ))}
                </div>
              </div>
            ))
          )
        }
      </Show>
    </div>
  );
}
