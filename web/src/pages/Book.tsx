// Booking: a doctor's free times for a week in the patient's own time zone, grouped by day; a
// time, a reason, and the request.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { clock, day, t } from "../i18n";
import { navigate } from "../router";
import { api } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";

const DAY_MS = 86_400_000;

function startOfToday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}

/** `HH:MM`, 24-hour, in the browser's zone: a slot's accessible name, as the contract fixes. */
function hhmm(iso: string): string {
  return clock(new Date(iso));
}

function dayHeading(iso: string): string {
  return day(new Date(iso));
}

/** Slots grouped by their local day, in order. */
function byDay(slots: Schemas["Slot"][]): [string, Schemas["Slot"][]][] {
  const days = new Map<string, Schemas["Slot"][]>();
  for (const slot of slots) {
    const key = new Date(slot.start_at).toDateString();
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  return [...days.values()].map((list) => [dayHeading(list[0]!.start_at), list]);
}

export function Book(props: { doctorId: string }) {
  const s = t();
  const [week, setWeek] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const doctor = useLoad(
    () => unwrap(api.GET("/api/v1/doctors/{id}", { params: { path: { id: props.doctorId } } })),
    [props.doctorId],
  );
  const slots = useLoad(() => {
    const from = new Date(startOfToday().getTime() + week * 7 * DAY_MS);
    const to = new Date(from.getTime() + 7 * DAY_MS);
    return unwrap(
      api.GET("/api/v1/doctors/{id}/slots", {
        params: { path: { id: props.doctorId }, query: { from: from.toISOString(), to: to.toISOString() } },
      }),
    );
  }, [props.doctorId, week]);

  const request = submitting(run, async () => {
    if (!chosen) return;
    try {
      await unwrap(
        api.POST("/api/v1/appointments", { body: { doctor_id: props.doctorId, start_at: chosen, reason: reason.trim() } }),
      );
      navigate("/appointments?booked=1");
    } catch (e) {
      // Someone may have taken the time: show what is free now.
      slots.reload();
      throw e;
    }
  });

  return (
    <Page title={doctor.data?.full_name ?? s.book}>
      {doctor.data && <p class="muted">{doctor.data.specialization}</p>}
      <h2>{s.freeSlots}</h2>
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
            byDay(page.items).map(([day, list]) => (
              <div key={day} class="day">
                <h3>{day}</h3>
                <div class="slots">
                  {list.map((slot) => (
                    <button
                      type="button"
                      key={slot.start_at}
                      class={chosen === slot.start_at ? "slot chosen" : "slot"}
                      aria-pressed={chosen === slot.start_at}
                      onClick={() => setChosen(slot.start_at)}
                    >
                      {hhmm(slot.start_at)}
                    </button>
                  ))}
                </div>
              </div>
            ))
          )
        }
      </Show>
      {chosen && (
        <form class="card narrow" onSubmit={request}>
          <p>
            {s.chosenTime}: <strong>{dayHeading(chosen)} {hhmm(chosen)}</strong>
          </p>
          <Field label={s.reason} value={reason} onInput={setReason} hint={s.reasonHint} multiline required />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy}>
            {s.requestAppointment}
          </button>
        </form>
      )}
    </Page>
  );
}
