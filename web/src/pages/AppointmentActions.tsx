// What a patient and a doctor can do to an appointment besides approving and paying. A patient:
// cancel (the hospital's cancellation and refund rules told before confirming), reschedule (a
// new request for a free time, then the old one cancelled: the API has no move a patient may
// ask for) and accept a time the doctor proposed. A doctor: propose another time with a reason,
// start the consultation (from 15 minutes before) and complete it. No-shows are marked by the
// server itself, 30 minutes after the end of a confirmed appointment nobody started.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { clock, day, t } from "../i18n";
import { api, me, words } from "../session";
import { ErrorBox, Field, submitting, useAction, useLoad } from "../ui";
import { Confirm, SlotPicker } from "../widgets";

type Appointment = Schemas["Appointment"];
type Hospital = Schemas["Hospital"];

const MINUTE = 60_000;
const UPCOMING = ["requested", "awaiting_payment", "confirmed"];

/** The patient's hospital (its cancellation window), read once a minute at most. */
let cached: { id: string; at: number; hospital: Promise<Hospital> } | undefined;
function hospital(id: string): Promise<Hospital> {
  if (!cached || cached.id !== id || Date.now() - cached.at > MINUTE) {
    const p = unwrap(api.GET("/api/v1/hospitals/{id}", { params: { path: { id } } }));
    p.catch(() => (cached = undefined));
    cached = { id, at: Date.now(), hospital: p };
  }
  return cached.hospital;
}

function when(iso: string): string {
  return day(new Date(iso), true);
}

/** The actions of the signed-in role on one appointment of the list. */
export function MoreActions(props: { a: Appointment; onChange: () => void }) {
  const role = me.value?.role;
  if (role === "patient") return <PatientActions {...props} />;
  if (role === "doctor") return <DoctorActions {...props} />;
  return null;
}

function PatientActions(props: { a: Appointment; onChange: () => void }) {
  const s = t();
  const { a } = props;
  const [mode, setMode] = useState<"cancel" | "reschedule" | null>(null);
  const [reason, setReason] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const h = useLoad(() => hospital(me.value?.hospital_id ?? ""), []);
  if (!UPCOMING.includes(a.status)) return null;

  const hours = h.data?.cancellation_window_hours;
  // A confirmed appointment may be cancelled by its patient only until the hospital's window.
  const tooLate =
    a.status === "confirmed" && hours !== undefined && Date.parse(a.start_at) - Date.now() < hours * 60 * MINUTE;
  const path = { params: { path: { id: a.id } } };
  const rules = (
    <>
      {a.status === "confirmed" && hours !== undefined && <p>{s.cancelWindowRule(hours)}</p>}
      {a.status === "confirmed" && a.fee > 0 ? (
        h.data && <p>{s.refundRule(h.data.refund_window_hours)}</p>
      ) : (
        <p>{s.nothingPaid}</p>
      )}
    </>
  );
  const close = () => {
    setMode(null);
    setChosen(null);
    setError(null);
  };

  const cancel = () =>
    run(async () => {
      const body = reason.trim() ? { reason: reason.trim() } : {};
      await unwrap(api.POST("/api/v1/appointments/{id}/cancel", { ...path, body }));
      props.onChange();
    });
  const accept = () =>
    run(async () => {
      await unwrap(api.POST("/api/v1/appointments/{id}/accept-proposal", { ...path, body: {} }));
      props.onChange();
    });
  // A new request for the chosen time first, so that the patient never loses the old one for
  // nothing; then the old one is cancelled.
  const reschedule = () =>
    run(async () => {
      if (!chosen) return;
      await unwrap(api.POST("/api/v1/appointments", { body: { doctor_id: a.doctor_id, start_at: chosen, reason: a.reason } }));
      try {
        await unwrap(api.POST("/api/v1/appointments/{id}/cancel", { ...path, body: { reason: s.movedReason } }));
      } catch (e) {
        // The new request stands; this one is still there to cancel by hand.
        close();
        throw new Error(`${s.movedButNotCancelled} ${words(e)}`);
      }
      props.onChange();
    });

  return (
    <>
      {a.proposed_start_at && (
        <div class="proposal">
          <p>{s.doctorProposes(when(a.proposed_start_at))}</p>
          {a.status_reason && (
            <p>
              {s.reason}: {a.status_reason}
            </p>
          )}
          {mode === null && (
            <button type="button" disabled={busy} onClick={accept}>
              {s.acceptProposal}
            </button>
          )}
        </div>
      )}
      {mode === null && !tooLate && (
        <div class="actions">
          <button type="button" class="secondary" disabled={busy} onClick={() => setMode("reschedule")}>
            {s.reschedule}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setMode("cancel")}>
            {s.cancel}
          </button>
        </div>
      )}
      {mode === null && tooLate && <p class="muted">{s.tooLateToCancel(hours!)}</p>}
      {mode === "cancel" && (
        <Confirm
          question={s.confirmCancel(a.doctor_name ?? "", when(a.start_at))}
          yes={s.cancelAppointment}
          no={s.keepAppointment}
          busy={busy}
          error={error}
          onYes={cancel}
          onNo={close}
        >
          {rules}
          <Field label={s.cancelReason} value={reason} onInput={setReason} />
        </Confirm>
      )}
      {mode === "reschedule" && (
        <div class="card inner" role="group" aria-labelledby={`new-time-${a.id}`}>
          <h3 id={`new-time-${a.id}`}>{s.chooseNewTime}</h3>
          <SlotPicker doctorId={a.doctor_id} chosen={chosen} onChoose={setChosen} />
          {chosen ? (
            <Confirm
              key={chosen}
              question={s.moveTo(when(chosen))}
              yes={s.confirmNewTime}
              no={s.keepCurrentTime}
              busy={busy}
              error={error}
              onYes={reschedule}
              onNo={close}
            >
              <p>{s.rescheduleRule}</p>
              {rules}
            </Confirm>
          ) : (
            <button type="button" class="secondary" onClick={close}>
              {s.keepCurrentTime}
            </button>
          )}
        </div>
      )}
      {mode === null && <ErrorBox error={error} />}
    </>
  );
}

function DoctorActions(props: { a: Appointment; onChange: () => void }) {
  const s = t();
  const { a } = props;
  const [proposing, setProposing] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const { busy, error, setError, run } = useAction();
  const path = { params: { path: { id: a.id } } };
  const now = Date.now();
  // The server starts a consultation from 15 minutes before its time until its end.
  const startable = a.status === "confirmed" && now >= Date.parse(a.start_at) - 15 * MINUTE && now < Date.parse(a.end_at);

  const act = (call: () => Promise<unknown>) =>
    run(async () => {
      await call();
      props.onChange();
    });
  const start = () => act(() => unwrap(api.POST("/api/v1/appointments/{id}/start", { ...path, body: {} })));
  const complete = () => act(() => unwrap(api.POST("/api/v1/appointments/{id}/complete", { ...path, body: {} })));
  const propose = submitting(run, async () => {
    if (!chosen) throw new Error(s.chooseATime);
    await unwrap(api.POST("/api/v1/appointments/{id}/propose", { ...path, body: { start_at: chosen, reason: reason.trim() } }));
    props.onChange();
  });

  return (
    <>
      {a.proposed_start_at && <p class="muted">{s.proposedWaiting(when(a.proposed_start_at))}</p>}
      {!proposing && (
        <div class="actions">
          {startable && (
            <button type="button" disabled={busy} onClick={start}>
              {s.start}
            </button>
          )}
          {a.status === "in_progress" && (
            <button type="button" disabled={busy} onClick={complete}>
              {s.complete}
            </button>
          )}
          {UPCOMING.includes(a.status) && (
            <button type="button" class="secondary" disabled={busy} onClick={() => setProposing(true)}>
              {s.proposeTime}
            </button>
          )}
        </div>
      )}
      {proposing && (
        <form class="card inner" onSubmit={propose} aria-labelledby={`propose-${a.id}`}>
          <h3 id={`propose-${a.id}`}>{s.proposeTime}</h3>
          <SlotPicker doctorId={a.doctor_id} chosen={chosen} onChoose={setChosen} />
          {chosen && (
            <p>
              {s.chosenTime}: <strong>{day(new Date(chosen))} {clock(new Date(chosen))}</strong>
            </p>
          )}
          <Field label={s.proposeReason} value={reason} onInput={setReason} hint={s.proposeReasonHint} required />
          <ErrorBox error={error} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              {s.proposeThisTime}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => {
                setProposing(false);
                setChosen(null);
                setError(null);
              }}
            >
              {s.goBack}
            </button>
          </div>
        </form>
      )}
      {!proposing && <ErrorBox error={error} />}
    </>
  );
}
