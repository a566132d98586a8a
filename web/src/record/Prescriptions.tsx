// A patient's prescriptions, newest first: each one's medications, prescriber, status, code and
// its PDF. A doctor of the care team also writes one here (`write`).
import { unwrap, type Schemas } from "@carebridge/client";
import { day, t } from "../i18n";
import { everything } from "../paging";
import { api } from "../session";
import { Show, useLoad } from "../ui";
import { PdfButton } from "./Pdf";
import { PrescriptionForm } from "./PrescriptionForm";

type Prescription = Schemas["Prescription"];

/** The hospital's doctors by their doctor id: the prescriber's name. */
async function prescribers(): Promise<Map<string, string>> {
  const page = await unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } }));
  return new Map(page.items.map((d) => [d.id, d.full_name]));
}

export function Prescriptions(props: { patientId: string; write?: { appointmentId: string | null } }) {
  const s = t();
  const id = props.patientId;
  const l = useLoad(async () => {
    const [all, names] = await Promise.all([
      everything((cursor) =>
        unwrap(api.GET("/api/v1/prescriptions", { params: { query: { patient_id: id, limit: 200, cursor } } })),
      ),
      prescribers(),
    ]);
    return { items: all.reverse(), names };
  }, [id]);
  return (
    <section aria-labelledby="prescriptions-title">
      <h2 id="prescriptions-title">{s.prescriptions}</h2>
      <Show l={l}>
        {({ items, names }) =>
          items.length === 0 ? (
            <p class="muted">{s.noPrescriptions}</p>
          ) : (
            <ul class="list">
              {items.map((p) => (
                <PrescriptionCard key={p.id} p={p} prescriber={names.get(p.doctor_id) ?? ""} />
              ))}
            </ul>
          )
        }
      </Show>
      {props.write && <PrescriptionForm patientId={id} appointmentId={props.write.appointmentId} onIssued={l.reload} />}
    </section>
  );
}

/** One prescription as a list item: what it holds, who wrote it, its state and its PDF. */
export function PrescriptionCard(props: { p: Prescription; prescriber: string }) {
  const s = t();
  const { p } = props;
  return (
    <li class="card">
      <h3 class="name">{p.items.map((i) => i.medication).join(", ")}</h3>
      <p class="muted">{s.issuedBy(day(new Date(p.issued_at)), props.prescriber)}</p>
      <p>
        <span class={`status ${p.status}`}>{s.prescriptionStatus[p.status] ?? p.status}</span>
      </p>
      <Items items={p.items} />
      <p>
        {s.verificationCode}: <span class="code">{p.verification_code}</span>
      </p>
      <PdfButton p={p} label={s.openPdf} />
    </li>
  );
}

/** The medication lines: name, then dose, route, frequency, days, quantity, refills, instructions. */
export function Items(props: { items: Schemas["Item"][] }) {
  const s = t();
  return (
    <ul class="items">
      {props.items.map((i, n) => (
        <li key={n}>
          <strong>{i.medication}</strong> {s.itemLine(i)}
          {i.instructions && <> {i.instructions}</>}
        </li>
      ))}
    </ul>
  );
}
