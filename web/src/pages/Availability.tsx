// A doctor's weekly hours in their own time zone, and dated exceptions (a day off, or other
// hours on a date), written as plain text so that any number of ranges reads and saves as it is.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api, me } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";

type Rule = Schemas["Rule"];
type Exception = Schemas["Exception"];

const RANGE = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/;

/** "09:00-13:00, 14:00-17:00" → ranges; throws naming the piece that is not one. */
function ranges(text: string): [string, string][] {
  return text
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const m = r.match(RANGE);
      if (!m) throw new Error(`${r}: ${t().rangeHint}`);
      return [m[1]!, m[2]!];
    });
}

function toText(view: Schemas["AvailabilityView"] | null) {
  const days = Array.from({ length: 7 }, (_, i) =>
    (view?.rules ?? [])
      .filter((r) => r.weekday === i + 1)
      .map((r) => `${r.start}-${r.end}`)
      .join(", "),
  );
  const exceptions = (view?.exceptions ?? [])
    .map((e) => (e.start && e.end ? `${e.date} ${e.start}-${e.end}` : e.date))
    .join("\n");
  return { days, exceptions };
}

function fromText(days: string[], exceptions: string): { rules: Rule[]; exceptions: Exception[] } {
  const rules = days.flatMap((text, i) => ranges(text).map(([start, end]) => ({ weekday: i + 1, start, end })));
  const parsed = exceptions
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((line): Exception[] => {
      const [date, ...rest] = line.split(/\s+/);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? "")) throw new Error(`${line}: ${t().exceptionHint}`);
      const hours = ranges(rest.join(" "));
      return hours.length === 0 ? [{ date: date! }] : hours.map(([start, end]) => ({ date: date!, start, end }));
    });
  return { rules, exceptions: parsed };
}

async function load() {
  const who = me.value;
  const doctors = await unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } }));
  const mine = doctors.items.find((d) => d.user_id === who?.user_id);
  if (!mine) throw new Error(t().notADoctor);
  try {
    const view = await unwrap(api.GET("/api/v1/doctors/{id}/availability", { params: { path: { id: mine.id } } }));
    return { id: mine.id, view };
  } catch (e) {
    if (e instanceof ProblemError && e.status === 404) return { id: mine.id, view: null };
    throw e;
  }
}

export function Availability() {
  const s = t();
  const l = useLoad(load, []);
  return (
    <Page title={s.availability}>
      <Show l={l}>{(data) => <Editor id={data.id} view={data.view} />}</Show>
    </Page>
  );
}

function Editor(props: { id: string; view: Schemas["AvailabilityView"] | null }) {
  const s = t();
  const initial = toText(props.view);
  const [timezone, setTimezone] = useState(props.view?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [slot, setSlot] = useState(String(props.view?.slot_minutes ?? 30));
  const [buffer, setBuffer] = useState(String(props.view?.buffer_minutes ?? 0));
  const [days, setDays] = useState(initial.days);
  const [exceptions, setExceptions] = useState(initial.exceptions);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const save = submitting(run, async () => {
    setSaved(false);
    const parsed = fromText(days, exceptions);
    await unwrap(
      api.PUT("/api/v1/doctors/{id}/availability", {
        params: { path: { id: props.id } },
        body: {
          timezone: timezone.trim(),
          slot_minutes: Number(slot),
          buffer_minutes: Number(buffer),
          rules: parsed.rules,
          exceptions: parsed.exceptions,
        },
      }),
    );
    setSaved(true);
  });

  return (
    <form class="card" onSubmit={save}>
      <p class="muted">{s.availabilityIntro}</p>
      <Field label={s.timeZone} value={timezone} onInput={setTimezone} hint="IANA, e.g. Asia/Kathmandu" required />
      <Field label={s.slotMinutes} value={slot} onInput={setSlot} inputMode="numeric" required />
      <Field label={s.bufferMinutes} value={buffer} onInput={setBuffer} inputMode="numeric" />
      {s.weekdays.map((name, i) => (
        <Field
          key={name}
          label={`${name} ${s.hours}`}
          value={days[i] ?? ""}
          onInput={(v) => setDays(days.map((d, j) => (j === i ? v : d)))}
          hint={i === 0 ? s.rangeHint : undefined}
        />
      ))}
      <Field label={s.exceptions} value={exceptions} onInput={setExceptions} hint={s.exceptionHint} multiline />
      <ErrorBox error={error} />
      {saved && (
        <p class="notice" role="status">
          {s.saved}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {s.save}
      </button>
    </form>
  );
}
