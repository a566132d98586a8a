// Super admin: the hospitals on the platform, onboarding a new one with its first admin, and
// suspending or reactivating one.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";

type Provider = Schemas["NewHospital"]["payment_provider"];

export function Hospitals() {
  const s = t();
  const [adding, setAdding] = useState(false);
  const l = useLoad(() => unwrap(api.GET("/api/v1/hospitals", { params: { query: { limit: 200 } } })), []);
  return (
    <Page title={s.hospitals}>
      {!adding && (
        <button type="button" onClick={() => setAdding(true)}>
          {s.onboardHospital}
        </button>
      )}
      {adding && (
        <Onboard
          onDone={() => {
            setAdding(false);
            l.reload();
          }}
        />
      )}
      <Show l={l}>
        {(page) => (
          <ul class="list">
            {page.items.map((h) => (
              <HospitalRow key={h.id} h={h} onChange={l.reload} />
            ))}
          </ul>
        )}
      </Show>
    </Page>
  );
}

function HospitalRow(props: { h: Schemas["Hospital"]; onChange: () => void }) {
  const s = t();
  const { h } = props;
  const { busy, error, run } = useAction();
  const suspend = (suspended: boolean) =>
    run(async () => {
      await unwrap(api.PATCH("/api/v1/hospitals/{id}", { params: { path: { id: h.id } }, body: { suspended } }));
      props.onChange();
    });
  return (
    <li class="card row">
      <div>
        <h2 class="name">{h.name}</h2>
        <p class="muted">
          {h.slug} · {h.timezone} · {h.currency} · {h.payment_provider}
        </p>
        {h.suspended && <span class="status cancelled">{s.suspended}</span>}
      </div>
      <button type="button" class="secondary" disabled={busy} onClick={() => suspend(!h.suspended)}>
        {h.suspended ? s.reactivate : s.suspend} {h.name}
      </button>
      <ErrorBox error={error} />
    </li>
  );
}

function Onboard(props: { onDone: () => void }) {
  const s = t();
  const [f, setF] = useState({
    name: "",
    slug: "",
    timezone: "Asia/Kathmandu",
    currency: "NPR",
    fee: "800",
    provider: "khalti" as Provider,
    adminName: "",
    adminEmail: "",
    adminPassword: "",
  });
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });

  const submit = submitting(run, async () => {
    await unwrap(
      api.POST("/api/v1/hospitals", {
        body: {
          name: f.name.trim(),
          slug: f.slug.trim(),
          timezone: f.timezone.trim(),
          currency: f.currency.trim().toUpperCase(),
          appointment_fee: Math.round(Number(f.fee) * 100),
          payment_provider: f.provider,
          admin: { email: f.adminEmail.trim(), full_name: f.adminName.trim(), password: f.adminPassword },
        },
      }),
    );
    props.onDone();
  });

  return (
    <form class="card narrow" onSubmit={submit}>
      <h2>{s.onboardHospital}</h2>
      <Field label={s.name} value={f.name} onInput={set("name")} required />
      <Field label={s.slug} value={f.slug} onInput={set("slug")} hint={s.slugHint} required />
      <Field label={s.timeZone} value={f.timezone} onInput={set("timezone")} hint="IANA, e.g. Asia/Kathmandu" required />
      <Field label={s.currency} value={f.currency} onInput={set("currency")} required />
      <Field label={s.appointmentFee} value={f.fee} onInput={set("fee")} inputMode="numeric" hint={s.feeHint} required />
      <div class="field">
        <label for="provider">{s.paymentProvider}</label>
        <select id="provider" value={f.provider} onChange={(e) => set("provider")((e.target as HTMLSelectElement).value)}>
          <option value="khalti">Khalti</option>
          <option value="stripe">Stripe</option>
          <option value="none">{s.noPayment}</option>
        </select>
      </div>
      <Field label={s.adminName} value={f.adminName} onInput={set("adminName")} required />
      <Field label={s.adminEmail} type="email" value={f.adminEmail} onInput={set("adminEmail")} required />
      <Field
        label={s.adminPassword}
        type="password"
        value={f.adminPassword}
        onInput={set("adminPassword")}
        hint={s.passwordHint}
        autocomplete="new-password"
        required
      />
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        {s.createHospital}
      </button>
    </form>
  );
}
