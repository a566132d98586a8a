// Appointments: a patient's own, or a doctor's queue with Approve and Reject on requests.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t } from "../i18n";
import { query } from "../router";
import { api, me, words } from "../session";
import { ErrorBox, Field, Page, Show, useLoad } from "../ui";

type Appointment = Schemas["Appointment"];

function when(a: Appointment): string {
  return day(new Date(a.start_at), true);
}

async function load() {
  const list = await unwrap(api.GET("/api/v1/appointments", { params: { query: { limit: 200 } } }));
  return [...list.items].reverse();
}

export function Appointments() {
  const s = t();
  const role = me.value?.role ?? "patient";
  const l = useLoad(load, []);
  return (
    <Page title={role === "patient" ? s.myAppointments : s.appointments}>
      {query("booked") && (
        <p class="notice" role="status">
          {s.requested}
        </p>
      )}
      <Show l={l}>
        {(items) =>
          items.length === 0 ? (
            <p class="muted">{s.noAppointments}</p>
          ) : (
            <ul class="list">
              {items.map((a) => (
                <Row
                  key={a.id}
                  a={a}
                  other={(role === "patient" ? a.doctor_name : a.patient_name) ?? ""}
                  doctor={role === "doctor"}
                  onChange={l.reload}
                />
              ))}
            </ul>
          )
        }
      </Show>
    </Page>
  );
}

function Row(props: { a: Appointment; other: string; doctor: boolean; onChange: () => void }) {
  const s = t();
  const { a } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");

  async function act(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      props.onChange();
    } catch (e) {
      setError(words(e));
    } finally {
      setBusy(false);
    }
  }
  const path = { params: { path: { id: a.id } } };
  const approve = () => act(() => unwrap(api.POST("/api/v1/appointments/{id}/approve", { ...path, body: {} })));
  const reject = (e: Event) => {
    e.preventDefault();
    void act(() =>
      unwrap(api.POST("/api/v1/appointments/{id}/reject", { ...path, body: { reason: reason.trim() } })),
    );
  };

  return (
    <li class="card">
      <p class="when">{when(a)}</p>
      <p>{props.doctor ? `${s.patient}: ${props.other}` : props.other}</p>
      <p>
        <span class={`status ${a.status}`}>{s.status[a.status] ?? a.status}</span>
      </p>
      {props.doctor && a.status === "requested" && !rejecting && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={approve}>
            {s.approve}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setRejecting(true)}>
            {s.reject}
          </button>
        </div>
      )}
      {rejecting && (
        <form onSubmit={reject}>
          <Field label={s.rejectReason} value={reason} onInput={setReason} required />
          <button type="submit" class="secondary" disabled={busy}>
            {s.reject}
          </button>
        </form>
      )}
      <ErrorBox error={error} />
    </li>
  );
}
