// Appointments: a patient's own (with the rating prompt on completed visits), or a doctor's queue
// under their clinical alerts, with Approve and Reject on requests and a
// link to each patient's chart.
import { unwrap, type Schemas } from "@carebridge/client";
import { useEffect, useState } from "preact/hooks";
import { day, digits, t } from "../i18n";
import { navigate, query } from "../router";
import { api, may, me } from "../session";
import { ErrorBox, Field, Page, Show, useAction, useLoad } from "../ui";
import { AlertsSection } from "./Alerts";
import { MoreActions } from "./AppointmentActions";
import { RatingPrompt } from "./RatingPrompt";

type Appointment = Schemas["Appointment"];

function when(a: Appointment): string {
  return day(new Date(a.start_at), true);
}

/** The call's room is open from ten minutes before the start until the end (the server decides). */
function callOpen(a: Appointment, now = Date.now()): boolean {
  const opens = new Date(a.start_at).getTime() - 10 * 60_000;
  return (a.status === "confirmed" || a.status === "in_progress") && now >= opens && now <= new Date(a.end_at).getTime();
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
      <PaymentNotice onKnown={l.reload} />
      {role !== "patient" && may("alert:list") && <AlertsSection />}
      {role !== "patient" && may("alert:list") && <h2>{s.queue}</h2>}
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
  const { busy, error, run } = useAction();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const act = (call: () => Promise<unknown>) =>
    run(async () => {
      await call();
      props.onChange();
    });
  const path = { params: { path: { id: a.id } } };
  // The provider's page takes the payment and sends the browser back to this list.
  const pay = () =>
    act(async () => {
      const p = await unwrap(api.POST("/api/v1/appointments/{id}/payments", path));
      if (!p.redirect_url) throw new Error(s.payNoLink);
      location.assign(p.redirect_url);
    });
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
      {props.doctor && (
        <p>
          <a href={`/patients/${a.patient_id}?appointment=${a.id}`}>
            {s.openChart}
            <span class="visually-hidden"> {props.other}</span>
          </a>
        </p>
      )}
      <p>
        <span class={`status ${a.status}`}>{s.status[a.status] ?? a.status}</span>
      </p>
      {!props.doctor && a.status === "awaiting_payment" && (
        <p>
          <span class="muted">{money(a.fee, a.currency)}</span>{" "}
          <button type="button" disabled={busy} onClick={pay}>
            {s.pay}
          </button>
        </p>
      )}
      {callOpen(a) && (
        <p>
          <button type="button" onClick={() => navigate(`/appointments/${a.id}/call`)}>
            {s.joinCall}
          </button>
        </p>
      )}
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
      <MoreActions a={a} onChange={props.onChange} />
      {!props.doctor && me.value?.role === "patient" && a.status === "completed" && <RatingPrompt appointmentId={a.id} />}
      <ErrorBox error={error} />
    </li>
  );
}

/** An amount in minor units, as its currency writes it. */
function money(minor: number, currency: string): string {
  return digits(new Intl.NumberFormat("en", { style: "currency", currency }).format(minor / 100));
}

/**
 * Back from a payment page: the server has checked the payment with the provider (Khalti) or
 * waits for the provider's signed webhook (Stripe), so this asks the payment's state, a few times
 * while it is still pending, and says it in words.
 */
function PaymentNotice(props: { onKnown: () => void }) {
  const s = t();
  const id = query("payment");
  const l = useLoad(async () => {
    if (!id || id === "unknown") return id ? "unknown" : null;
    for (let i = 0; i < 10; i++) {
      const p = await unwrap(api.GET("/api/v1/payments/{id}", { params: { path: { id } } }));
      if (p.status !== "pending" || query("status") === "cancelled") return p.status;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return "pending";
  }, [id]);
  // The list was read before the payment settled: read it again.
  useEffect(() => {
    if (l.data) props.onKnown();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [l.data]);
  if (!id || l.loading) return id ? <p class="muted" role="status">{s.paymentChecking}</p> : null;
  const words = l.data === "succeeded" ? s.paymentDone : l.data === "pending" ? s.paymentPending : s.paymentNotDone;
  return (
    <p class={l.data === "succeeded" ? "notice" : "notice warn"} role="status">
      {l.error ?? words}
    </p>
  );
}

