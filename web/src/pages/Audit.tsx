// Hospital admin: the hospital's audit trail, newest first, a page at a time, filtered as the API
// allows: by who acted, by patient, by action and by dates. `?actor=` and `?patient=` come from
// links on the staff and care-team pages.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t } from "../i18n";
import { query } from "../router";
import { api, me } from "../session";
import { ErrorBox, Field, Page, Pager, Show, useCursors, useLoad } from "../ui";

type AuditEvent = Schemas["AuditEvent"];
type Filters = { actor: string; patient: string; action: string; from: string; to: string };

/** Action names the server records, offered as suggestions (any name can be typed). */
const ACTIONS = [
  "appointment.create", "appointment.approve", "appointment.reject", "appointment.propose",
  "appointment.accept_proposal", "appointment.cancel", "appointment.start", "appointment.complete",
  "auth.login", "auth.logout", "auth.password_change", "auth.totp.enrol", "auth.totp.confirm",
  "availability.update", "break_glass.open", "care_team.assign", "care_team.remove",
  "consent.grant", "consent.revoke", "doctor.create", "document.create", "document.read",
  "hospital.update", "member.create", "member.deactivate", "member.reactivate",
  "member.reset_password", "member.reset_totp", "note.create", "note.read", "patient.create",
  "patient.read", "patient.update", "payment.refund_due", "payment.refunded",
  "prescription.create", "prescription.read", "role.save", "role.delete",
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 50;

/** Local midnight of a `YYYY-MM-DD` date, `days` later, as RFC 3339. */
function midnight(date: string, days = 0): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y!, m! - 1, d! + days).toISOString();
}

/** The end of an id: ids are time-ordered, so their beginnings look alike. */
function short(id: string): string {
  return `…${id.slice(-8)}`;
}

export function Audit() {
  const s = t();
  const initial: Filters = {
    actor: query("actor") ?? "",
    patient: query("patient") ?? "",
    action: query("action") ?? "",
    from: "",
    to: "",
  };
  const [form, setForm] = useState<Filters>(initial);
  const [applied, setApplied] = useState<Filters>(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const pages = useCursors();
  const cursor = pages.cursor;
  const doctors = useLoad(() => unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } })), []);
  const events = useLoad(
    () =>
      unwrap(
        api.GET("/api/v1/audit-events", {
          params: {
            query: {
              limit: PAGE,
              cursor,
              actor: applied.actor || undefined,
              patient: applied.patient || undefined,
              action: applied.action || undefined,
              from: applied.from ? midnight(applied.from) : undefined,
              // The API's `to` is exclusive: the day chosen is included.
              to: applied.to ? midnight(applied.to, 1) : undefined,
            },
          },
        }),
      ),
    [applied, cursor],
  );

  const names = new Map<string, string>();
  for (const d of doctors.data?.items ?? []) names.set(d.user_id, d.full_name);
  if (me.value) names.set(me.value.user_id, s.you);
  const who = (e: AuditEvent) =>
    e.actor_user_id ? (names.get(e.actor_user_id) ?? `${e.actor_role} ${short(e.actor_user_id)}`) : e.actor_role;

  const set = (k: keyof Filters) => (v: string) => setForm({ ...form, [k]: v });
  const apply = (e: Event) => {
    e.preventDefault();
    const patient = form.patient.trim();
    if (patient && !UUID.test(patient)) return setFormError(s.patientIdInvalid);
    if (form.from && form.to && form.to < form.from) return setFormError(s.datesReversed);
    setFormError(null);
    setApplied({ ...form, patient, action: form.action.trim() });
    pages.restart();
  };
  const clear = () => {
    const none = { actor: "", patient: "", action: "", from: "", to: "" };
    setForm(none);
    setApplied(none);
    setFormError(null);
    pages.restart();
  };
  const actorKnown = !form.actor || names.has(form.actor);

  return (
    <Page title={s.auditTrail}>
      <form class="card filters" onSubmit={apply} aria-label={s.auditFilters}>
        <div class="field">
          <label for="actor">{s.actor}</label>
          <select id="actor" value={form.actor} onChange={(e) => set("actor")((e.target as HTMLSelectElement).value)}>
            <option value="">{s.anyone}</option>
            {me.value && <option value={me.value.user_id}>{s.you}</option>}
            {(doctors.data?.items ?? []).map((d) => (
              <option key={d.user_id} value={d.user_id}>
                {d.full_name}
              </option>
            ))}
            {!actorKnown && <option value={form.actor}>{short(form.actor)}</option>}
          </select>
        </div>
        <Field label={s.patient} value={form.patient} onInput={set("patient")} hint={s.patientIdHint} />
        <div class="field">
          <label for="action">{s.action}</label>
          <input
            id="action"
            list="actions"
            value={form.action}
            aria-describedby="action-hint"
            onInput={(e) => set("action")((e.target as HTMLInputElement).value)}
          />
          <datalist id="actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <p class="hint" id="action-hint">
            {s.actionHint}
          </p>
        </div>
        <div class="dates">
          <Field label={s.fromDate} type="date" value={form.from} onInput={set("from")} />
          <Field label={s.toDate} type="date" value={form.to} onInput={set("to")} />
        </div>
        <ErrorBox error={formError} />
        <div class="actions">
          <button type="submit">{s.applyFilters}</button>
          <button type="button" class="secondary" onClick={clear}>
            {s.clearFilters}
          </button>
        </div>
      </form>
      <Show l={events}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p class="muted" role="status">
                {s.noEvents}
              </p>
            ) : (
              <div class="scroll">
                <table>
                  <caption class="visually-hidden">{s.auditTrail}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{s.when}</th>
                      <th scope="col">{s.who}</th>
                      <th scope="col">{s.action}</th>
                      <th scope="col">{s.patient}</th>
                      <th scope="col">{s.outcome}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((e) => (
                      <tr key={e.id}>
                        <td>{day(new Date(e.occurred_at), true)}</td>
                        <td>{who(e)}</td>
                        <td>
                          <code>{e.action}</code>
                          {e.resource_id && (
                            <span class="muted">
                              {" "}
                              {e.resource_type} {short(e.resource_id)}
                            </span>
                          )}
                        </td>
                        <td>{e.patient_id ? <code title={e.patient_id}>{short(e.patient_id)}</code> : "—"}</td>
                        <td>{e.outcome}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager pages={pages} next={page.next_cursor} back={s.newerEvents} on={s.olderEvents} />
          </>
        )}
      </Show>
    </Page>
  );
}
