// A doctor's chart of one patient (reached from an appointment): the profile, clinical notes,
// prescriptions, documents, AI assistance on them and the access log, with a note, a
// prescription (tied to that appointment), an upload and an analysis started here. Only the care
// team may open it.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t } from "../i18n";
import { AccessLog } from "../record/AccessLog";
import { Ai } from "../record/Ai";
import { Documents } from "../record/Documents";
import { Notes } from "../record/Notes";
import { Prescriptions } from "../record/Prescriptions";
import { VitalsSection } from "../record/Vitals";
import { api } from "../session";
import { Page, Show, useLoad } from "../ui";

export function Chart(props: { id: string; appointmentId: string | null }) {
  const s = t();
  const [uploads, setUploads] = useState(0);
  const l = useLoad(async () => {
    try {
      return await unwrap(api.GET("/api/v1/patients/{id}", { params: { path: { id: props.id } } }));
    } catch (e) {
      // 404 is also the answer for a patient outside the care team.
      if (e instanceof ProblemError && e.status === 404) throw new Error(t().chartNotYours);
      throw e;
    }
  }, [props.id]);
  return (
    <Page title={l.data?.full_name ?? s.chart}>
      <p>
        <a href="/appointments">{s.appointments}</a>
      </p>
      <Show l={l}>
        {(p) => (
          <>
            <Profile p={p} />
            <VitalsSection patientId={p.id} />
            <Notes patientId={p.id} />
            <Prescriptions patientId={p.id} write={{ appointmentId: props.appointmentId }} />
            <Documents patientId={p.id} onUploaded={() => setUploads((n) => n + 1)} />
            <Ai patientId={p.id} documentsChanged={uploads} />
            <AccessLog patientId={p.id} title={s.accessLog} />
          </>
        )}
      </Show>
    </Page>
  );
}

function Profile(props: { p: Schemas["Patient"] }) {
  const s = t();
  const { p } = props;
  const or = (v: string | null | undefined) => (v && v.trim() ? v : s.notRecorded);
  const rows: [string, string][] = [
    [s.dateOfBirth, p.date_of_birth ? day(new Date(`${p.date_of_birth}T00:00`)) : s.notRecorded],
    [s.sex, p.sex ? (s.sexes[p.sex] ?? p.sex) : s.notRecorded],
    [s.bloodType, or(p.blood_type)],
    [s.allergies, or(p.allergies)],
    [s.medicalHistory, or(p.medical_history)],
    [s.email, p.email],
    [s.phone, or(p.phone)],
  ];
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{s.profile}</h2>
      <dl class="card facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
