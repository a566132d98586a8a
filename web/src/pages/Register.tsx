// Patients create their own account at their hospital, then sign in with it at once.
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api, startSession } from "../session";
import { ErrorBox, Field, Page, submitting, useAction } from "../ui";

export function Register() {
  const s = t();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [hospital, setHospital] = useState(() => localStorage.getItem("carebridge.hospital") ?? "");
  const { busy, error, run } = useAction();

  const submit = submitting(run, async () => {
    const slug = hospital.trim();
    await unwrap(
      api.POST("/api/v1/auth/register", {
        body: { hospital: slug, email: email.trim(), password, full_name: name.trim() },
      }),
    );
    localStorage.setItem("carebridge.hospital", slug);
    const r = await unwrap(api.POST("/api/v1/auth/login", { body: { email: email.trim(), password, hospital: slug } }));
    if (!r.token) throw new Error(s.signIn);
    // Signed in: the shell moves on to the patient's first page.
    await startSession(r.token);
  });

  return (
    <Page title={s.createAnAccount}>
      <form onSubmit={submit} class="card narrow">
        <Field label={s.fullName} value={name} onInput={setName} autocomplete="name" required />
        <Field label={s.email} type="email" value={email} onInput={setEmail} autocomplete="email" required />
        <Field
          label={s.password}
          type="password"
          value={password}
          onInput={setPassword}
          hint={s.passwordHint}
          autocomplete="new-password"
          required
        />
        <Field label={s.hospital} value={hospital} onInput={setHospital} hint={s.hospitalHint} required />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {s.createAccount}
        </button>
        <p>
          <a href="/sign-in">{s.haveAccount}</a>
        </p>
      </form>
    </Page>
  );
}
