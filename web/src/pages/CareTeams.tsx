// Hospital admin: the hospital's patients, a page at a time and searchable, each with their care
// team (the doctors who may read and write the record; read when opened, since each read is
// audited) and a choice of doctor to put on or take off it; the outcome is told in words. Each
// patient links to their part of the audit trail.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Page, Pager, Show, useAction, useCursors, useLoad } from "../ui";

type Patient = Schemas["Patient"];
type Doctor = Schemas["Doctor"];

const PAGE = 50;

export function CareTeams() {
  const s = t();
  const [search, setSearch] = useState("");
  const pages = useCursors();
  const cursor = pages.cursor;
  const doctors = useLoad(() => unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } })), []);
  // Every patient on a page is recorded in the audit trail as read by the admin.
  const patients = useLoad(
    () => unwrap(api.GET("/api/v1/patients", { params: { query: { limit: PAGE, cursor } } })),
    [cursor],
  );
  const needle = search.trim().toLowerCase();
  const matches = (p: Patient) =>
    !needle || p.full_name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle);

  return (
    <Page title={s.careTeams}>
      <p class="muted">{s.careTeamsIntro}</p>
      <div class="field narrow">
        <label for="patient-search">{s.searchPatients}</label>
        <input id="patient-search" type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      </div>
      <Show l={doctors}>
        {(ds) => (
          <Show l={patients}>
            {(page) => {
              const shown = page.items.filter(matches);
              return (
                <>
                  {shown.length === 0 ? (
                    <p class="muted" role="status">
                      {page.items.length === 0 ? s.noPatients : s.noPatientMatches}
                    </p>
                  ) : (
                    <ul class="list">
                      {shown.map((p) => (
                        <PatientTeam key={p.id} p={p} doctors={ds.items} />
                      ))}
                    </ul>
                  )}
                  <Pager pages={pages} next={page.next_cursor} back={s.previousPatients} on={s.morePatients} />
                </>
              );
            }}
          </Show>
        )}
      </Show>
    </Page>
  );
}

function PatientTeam(props: { p: Patient; doctors: Doctor[] }) {
  const s = t();
  const { p } = props;
  const [doctorId, setDoctorId] = useState(props.doctors[0]?.id ?? "");
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [changes, setChanges] = useState(0);
  const { busy, error, run } = useAction();
  const doctor = props.doctors.find((d) => d.id === doctorId);
  const id = `team-${p.id}`;

  const change = (adding: boolean) =>
    run(async () => {
      setDone(null);
      if (!doctor) return;
      const name = doctor.full_name;
      try {
        if (adding) {
          await unwrap(
            api.POST("/api/v1/patients/{id}/care-team", { params: { path: { id: p.id } }, body: { doctor_id: doctor.id } }),
          );
        } else {
          await unwrap(
            api.DELETE("/api/v1/patients/{id}/care-team/{doctor_id}", {
              params: { path: { id: p.id, doctor_id: doctor.id } },
            }),
          );
        }
      } catch (e) {
        // Already on the team (409), or not on it (404): said as such, nothing changed.
        if (adding && e instanceof ProblemError && e.status === 409) return setDone(s.alreadyOnTeam(name, p.full_name));
        if (!adding && e instanceof ProblemError && e.status === 404) return setDone(s.notOnTeam(name, p.full_name));
        throw e;
      }
      setDone(adding ? s.addedToTeam(name, p.full_name) : s.removedFromTeam(name, p.full_name));
      setChanges((n) => n + 1);
    });

  return (
    <li class="card" aria-labelledby={`${id}-name`}>
      <h2 class="name" id={`${id}-name`}>
        {p.full_name}
      </h2>
      <p class="muted">
        {p.email}
        {p.date_of_birth && ` · ${s.born} ${day(new Date(`${p.date_of_birth}T00:00:00`))}`}
      </p>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{s.careTeamOf(p.full_name)}</summary>
        {open && <Team patientId={p.id} changes={changes} />}
      </details>
      {props.doctors.length === 0 ? (
        <p class="muted">{s.noDoctorsYet}</p>
      ) : (
        <div class="team">
          <div class="field">
            <label for={id}>{s.doctor}</label>
            <select id={id} value={doctorId} onChange={(e) => setDoctorId((e.target as HTMLSelectElement).value)}>
              {props.doctors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.full_name} · {d.specialization}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => change(true)}>
              {s.addToTeam}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => change(false)}>
              {s.removeFromTeam}
            </button>
            <a class="button-link" href={`/audit?patient=${p.id}`} aria-label={s.auditOfPatient(p.full_name)}>
              {s.auditTrail}
            </a>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
    </li>
  );
}

/** The doctors on a patient's care team now, read again after each change. */
function Team(props: { patientId: string; changes: number }) {
  const s = t();
  const l = useLoad(
    () => unwrap(api.GET("/api/v1/patients/{id}/care-team", { params: { path: { id: props.patientId } } })),
    [props.patientId, props.changes],
  );
  return (
    <Show l={l}>
      {(team) =>
        team.length === 0 ? (
          <p class="muted">{s.noTeamYet}</p>
        ) : (
          <ul>
            {team.map((d) => (
              <li key={d.doctor_id}>
                {d.full_name} · {d.specialization} · {s.since(day(new Date(d.since)))}
              </li>
            ))}
          </ul>
        )
      }
    </Show>
  );
}
