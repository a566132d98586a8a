// A doctor writes a prescription: one or more medications, each with its dose, route, frequency,
// days, quantity, refills and instructions; once issued, its verification code and a preview of
// the PDF the patient and the pharmacy see.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Field, submitting, useAction } from "../ui";
import { PdfButton } from "./Pdf";

type Draft = Record<"medication" | "dose" | "route" | "frequency" | "days" | "quantity" | "refills" | "instructions", string>;

const EMPTY: Draft = { medication: "", dose: "", route: "", frequency: "", days: "", quantity: "", refills: "0", instructions: "" };

function item(d: Draft): Schemas["Item"] {
  return {
    medication: d.medication.trim(),
    dose: d.dose.trim(),
    route: d.route.trim(),
    frequency: d.frequency.trim(),
    duration_days: Number(d.days),
    quantity: Number(d.quantity),
    refills: Number(d.refills),
    instructions: d.instructions.trim(),
  };
}

export function PrescriptionForm(props: { patientId: string; appointmentId: string | null; onIssued: () => void }) {
  const s = t();
  const [drafts, setDrafts] = useState<Draft[]>([{ ...EMPTY }]);
  const [issued, setIssued] = useState<Schemas["Prescription"] | null>(null);
  const { busy, error, run } = useAction();
  const set = (n: number, k: keyof Draft) => (v: string) =>
    setDrafts(drafts.map((d, i) => (i === n ? { ...d, [k]: v } : d)));

  const issue = submitting(run, async () => {
    setIssued(null);
    const p = await unwrap(
      api.POST("/api/v1/prescriptions", {
        body: { patient_id: props.patientId, appointment_id: props.appointmentId, items: drafts.map(item) },
      }),
    );
    setIssued(p);
    setDrafts([{ ...EMPTY }]);
    props.onIssued();
  });

  return (
    <form class="card" onSubmit={issue}>
      <h3>{s.writePrescription}</h3>
      {drafts.map((d, n) => (
        <fieldset key={n} class="item">
          <legend>{s.medicationN(n + 1)}</legend>
          <Field label={s.medication} value={d.medication} onInput={set(n, "medication")} required />
          <Field label={s.dose} value={d.dose} onInput={set(n, "dose")} hint={s.doseHint} required />
          <Field label={s.route} value={d.route} onInput={set(n, "route")} hint={s.routeHint} required />
          <Field label={s.frequency} value={d.frequency} onInput={set(n, "frequency")} hint={s.frequencyHint} required />
          <Field label={s.durationDays} type="number" inputMode="numeric" value={d.days} onInput={set(n, "days")} required />
          <Field label={s.quantity} type="number" inputMode="numeric" value={d.quantity} onInput={set(n, "quantity")} required />
          <Field label={s.refills} type="number" inputMode="numeric" value={d.refills} onInput={set(n, "refills")} required />
          <Field label={s.instructions} value={d.instructions} onInput={set(n, "instructions")} multiline />
          {drafts.length > 1 && (
            <button type="button" class="secondary" onClick={() => setDrafts(drafts.filter((_, i) => i !== n))}>
              {s.removeMedication(n + 1)}
            </button>
          )}
        </fieldset>
      ))}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setDrafts([...drafts, { ...EMPTY }])}>
          {s.addMedication}
        </button>
        <button type="submit" disabled={busy}>
          {s.issuePrescription}
        </button>
      </div>
      <ErrorBox error={error} />
      {issued && (
        <div class="notice">
          <p role="status">{s.issued(issued.verification_code)}</p>
          <PdfButton p={issued} label={s.previewPdf} />
        </div>
      )}
    </form>
  );
}
