// Booking: a doctor's free times for a week in the patient's own time zone, grouped by day; a
// time, a reason, and the request.
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { clock, day, t } from "../i18n";
import { navigate } from "../router";
import { api } from "../session";
import { ErrorBox, Field, Page, submitting, useAction, useLoad } from "../ui";
import { SlotPicker } from "../widgets";
import { Suggestions, takeReason } from "./Suggestions";

/** A chosen time as the patient reads it: its day and `HH:MM`. */
function when(iso: string): string {
  return `${day(new Date(iso))} ${clock(new Date(iso))}`;
}

export function Book(props: { doctorId: string }) {
  const s = t();
  const [refresh, setRefresh] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState(takeReason);
  const { busy, error, run } = useAction();
  const doctor = useLoad(
    () => unwrap(api.GET("/api/v1/doctors/{id}", { params: { path: { id: props.doctorId } } })),
    [props.doctorId],
  );
  const request = submitting(run, async () => {
    if (!chosen) return;
    try {
      await unwrap(
        api.POST("/api/v1/appointments", { body: { doctor_id: props.doctorId, start_at: chosen, reason: reason.trim() } }),
      );
      navigate("/appointments?booked=1");
    } catch (e) {
      // Someone may have taken the time: show what is free now.
      setRefresh((n) => n + 1);
      throw e;
    }
  });

  return (
    <Page title={doctor.data?.full_name ?? s.book}>
      {doctor.data && <p class="muted">{doctor.data.specialization}</p>}
      <h2>{s.freeSlots}</h2>
      <SlotPicker doctorId={props.doctorId} chosen={chosen} onChoose={setChosen} level={3} refresh={refresh} />
      {chosen && (
        <form class="card narrow" onSubmit={request}>
          <p>
            {s.chosenTime}: <strong>{when(chosen)}</strong>
          </p>
          <Field label={s.reason} value={reason} onInput={setReason} hint={s.reasonHint} multiline required />
          <Suggestions reason={reason} exceptDoctor={props.doctorId} />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy}>
            {s.requestAppointment}
          </button>
        </form>
      )}
    </Page>
  );
}
