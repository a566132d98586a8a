// Hospital admin: the hospital's staff (admins, doctors, custom roles such as pharmacists), and
// adding a staff member: a doctor (with specialization and licence number), another admin, or
// one of the hospital's custom roles. Each member but oneself can be deactivated and reactivated,
// given a temporary password, or have their two-factor sign-in reset (a lost phone), each
// confirmed first and its outcome told in words.
import { ProblemError, unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api, me } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";
import { Confirm } from "../widgets";

/** The staff with their state, and each doctor's specialization and licence. */
async function loadStaff() {
  const [members, doctors] = await Promise.all([
    unwrap(api.GET("/api/v1/members", { params: { query: { limit: 200 } } })),
    unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } })),
  ]);
  const byUser = new Map(doctors.items.map((d) => [d.user_id, d]));
  return members.items.map((m) => ({ member: m, doctor: byUser.get(m.user_id) }));
}

export function Staff() {
  const s = t();
  const [adding, setAdding] = useState(false);
  const doctors = useLoad(loadStaff, []);
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
      <h2>{s.staffMembers}</h2>
      <Show l={doctors}>
        {(staff) => (
          <ul class="list">
            {staff.map(({ member: m, doctor: d }) => (
              <li key={m.user_id} class="card">
                <h3 class="name">{m.full_name}</h3>
                <p class="muted">
                  {s.roles[m.role] ?? m.role}
                  {d && ` · ${d.specialization} · ${d.license_number}`} · {m.email}
                </p>
                {m.user_id === me.value?.user_id ? (
                  <p class="muted">{s.thisIsYou}</p>
                ) : (
                  <Member userId={m.user_id} name={m.full_name} active={m.active} />
                )}
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

type Ask = "deactivate" | "password" | "totp";

/** A member's account: deactivate or reactivate, a temporary password, a two-factor reset. */
function Member(props: { userId: string; name: string; active: boolean }) {
  const s = t();
  const { name, userId: user_id } = props;
  const [active, setActive] = useState(props.active);
  const [asking, setAsking] = useState<Ask | null>(null);
  const [done, setDone] = useState<{ text: string; password?: string } | null>(null);
  const { busy, error, setError, run } = useAction();
  const path = { params: { path: { user_id } } };

  const act = (action: () => Promise<{ text: string; password?: string }>) =>
    run(async () => {
      setDone(null);
      setDone(await action());
      setAsking(null);
    });
  const deactivate = () =>
    act(async () => {
      await unwrap(api.POST("/api/v1/members/{user_id}/deactivate", path));
      setActive(false);
      return { text: s.memberDeactivated(name) };
    });
  const reactivate = () =>
    act(async () => {
      await unwrap(api.POST("/api/v1/members/{user_id}/reactivate", path));
      setActive(true);
      return { text: s.memberReactivated(name) };
    });
  const resetPassword = () =>
    act(async () => {
      const r = await unwrap(api.POST("/api/v1/members/{user_id}/reset-password", path));
      return { text: s.temporaryPassword(name), password: r.temporary_password };
    });
  const resetTotp = () =>
    act(async () => {
      try {
        await unwrap(api.POST("/api/v1/members/{user_id}/reset-totp", path));
      } catch (e) {
        // 404 for a member of this hospital: there is no second factor to clear.
        if (e instanceof ProblemError && e.status === 404) return { text: s.noTotpToReset(name) };
        throw e;
      }
      return { text: s.totpReset(name) };
    });
  const ask = (a: Ask) => {
    setError(null);
    setDone(null);
    setAsking(a);
  };
  const questions: Record<Ask, [string, string, () => void]> = {
    deactivate: [s.confirmDeactivate(name), s.yesDeactivate, deactivate],
    password: [s.confirmResetPassword(name), s.yesResetPassword, resetPassword],
    totp: [s.confirmResetTotp(name), s.yesResetTotp, resetTotp],
  };
  const hidden = <span class="visually-hidden"> {name}</span>;

  return (
    <>
      {!active && <span class="status cancelled">{s.deactivated}</span>}
      {asking ? (
        <Confirm
          question={questions[asking][0]}
          yes={questions[asking][1]}
          no={s.goBack}
          busy={busy}
          error={error}
          onYes={questions[asking][2]}
          onNo={() => setAsking(null)}
        />
      ) : (
        <div class="actions">
          {active ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => ask("deactivate")}>
              {s.deactivate}
              {hidden}
            </button>
          ) : (
            <button type="button" class="secondary" disabled={busy} onClick={reactivate}>
              {s.reactivate}
              {hidden}
            </button>
          )}
          <button type="button" class="secondary" disabled={busy} onClick={() => ask("password")}>
            {s.resetPassword}
            {hidden}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => ask("totp")}>
            {s.resetTotp}
            {hidden}
          </button>
          <a class="button-link" href={`/audit?actor=${user_id}`} aria-label={s.activityOf(name)}>
            {s.activity}
          </a>
        </div>
      )}
      {!asking && <ErrorBox error={error} />}
      {done && (
        <div class="notice" role="status">
          <p>{done.text}</p>
          {done.password && (
            <>
              <p>
                <code class="secret">{done.password}</code>
              </p>
              <p>{s.temporaryPasswordNote}</p>
            </>
          )}
        </div>
      )}
    </>
  );
}
