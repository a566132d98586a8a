// Hospital admin: the hospital's doctors, and adding a staff member: a doctor (with specialization
// and licence number), another admin, or one of the hospital's custom roles (pharmacist, nurse…).
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";

export function Staff() {
  const s = t();
  const [adding, setAdding] = useState(false);
  const doctors = useLoad(() => unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } })), []);
  return (
    <Page title={s.staff}>
      {!adding && (
        <button type="button" onClick={() => setAdding(true)}>
          {s.addStaff}
        </button>
      )}
      {adding && (
        <AddStaff
          onDone={() => {
            setAdding(false);
            doctors.reload();
          }}
        />
      )}
      <h2>{s.doctors}</h2>
      <Show l={doctors}>
        {(page) => (
          <ul class="list">
            {page.items.map((d) => (
              <li key={d.id} class="card">
                <h3 class="name">{d.full_name}</h3>
                <p class="muted">
                  {d.specialization} · {d.license_number}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Show>
    </Page>
  );
}

function AddStaff(props: { onDone: () => void }) {
  const s = t();
  const roles = useLoad(() => unwrap(api.GET("/api/v1/roles")), []);
  const [f, setF] = useState({ name: "", email: "", password: "", role: "doctor", specialization: "", licence: "" });
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });

  const submit = submitting(run, async () => {
    const account = { email: f.email.trim(), full_name: f.name.trim(), password: f.password };
    if (f.role === "doctor") {
      await unwrap(
        api.POST("/api/v1/doctors", {
          body: { ...account, specialization: f.specialization.trim(), license_number: f.licence.trim() },
        }),
      );
    } else {
      await unwrap(api.POST("/api/v1/staff", { body: { ...account, role: f.role } }));
    }
    props.onDone();
  });

  return (
    <form class="card narrow" onSubmit={submit}>
      <h2>{s.addStaff}</h2>
      <Field label={s.fullName} value={f.name} onInput={set("name")} required />
      <Field label={s.email} type="email" value={f.email} onInput={set("email")} required />
      <Field
        label={s.password}
        type="password"
        value={f.password}
        onInput={set("password")}
        hint={s.passwordHint}
        autocomplete="new-password"
        required
      />
      <div class="field">
        <label for="role">{s.role}</label>
        <select id="role" value={f.role} onChange={(e) => set("role")((e.target as HTMLSelectElement).value)}>
          <option value="doctor">{s.roleDoctor}</option>
          <option value="hospital_admin">{s.roleAdmin}</option>
          {(roles.data ?? []).map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {f.role === "doctor" && (
        <>
          <Field label={s.specialization} value={f.specialization} onInput={set("specialization")} required />
          <Field label={s.licence} value={f.licence} onInput={set("licence")} required />
        </>
      )}
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        {s.add}
      </button>
    </form>
  );
}
