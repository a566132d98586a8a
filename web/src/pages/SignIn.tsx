// Sign in: email, password and hospital; then, for an account with two-factor sign-in, a code
// from the authenticator app (or a recovery code).
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { api, notice, startSession } from "../session";
import { CodeField, ErrorBox, Field, Page, submitting, useAction } from "../ui";

// Signed in: the shell moves on from this page (see `afterSignIn`).
async function finish(token: string) {
  notice.value = null;
  await startSession(token);
}

export function SignIn() {
  const s = t();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [hospital, setHospital] = useState(() => localStorage.getItem("carebridge.hospital") ?? "");
  const [challenge, setChallenge] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const expired = notice.value === "expired";

  const submit = submitting(run, async () => {
    const slug = hospital.trim();
    const r = await unwrap(
      api.POST("/api/v1/auth/login", { body: { email: email.trim(), password, hospital: slug || null } }),
    );
    if (slug) localStorage.setItem("carebridge.hospital", slug);
    if (r.token) await finish(r.token);
    else if (r.challenge) setChallenge(r.challenge);
  });

  if (challenge) return <CodeStep challenge={challenge} />;

  return (
    <Page title={s.signIn}>
      {expired && (
        <p class="notice" role="status">
          {s.sessionEnded}
        </p>
      )}
      <form onSubmit={submit} class="card narrow">
        <Field label={s.email} type="email" value={email} onInput={setEmail} autocomplete="username" required />
        <Field
          label={s.password}
          type="password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          required
        />
        <Field label={s.hospital} value={hospital} onInput={setHospital} hint={s.hospitalHint} />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {s.signIn}
        </button>
        <p>
          <a href="/register">{s.createAnAccount}</a>
        </p>
      </form>
    </Page>
  );
}

function CodeStep(props: { challenge: string }) {
  const s = t();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const { busy, error, run } = useAction();

  const submit = submitting(run, async () => {
    const body = recovery
      ? { challenge: props.challenge, recovery_code: code.trim() }
      : { challenge: props.challenge, code: code.replace(/\s/g, "") };
    const r = await unwrap(api.POST("/api/v1/auth/login/totp", { body }));
    if (r.token) await finish(r.token);
  });

  return (
    <Page title={s.secondStep}>
      <form onSubmit={submit} class="card narrow">
        <p>{s.secondStepText}</p>
        {recovery ? (
          <Field label={s.recoveryCode} value={code} onInput={setCode} autocomplete="off" required />
        ) : (
          <CodeField value={code} onInput={setCode} />
        )}
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {s.verify}
        </button>
        <p>
          <button
            type="button"
            class="link"
            onClick={() => {
              setRecovery(!recovery);
              setCode("");
            }}
          >
            {recovery ? s.useCode : s.useRecovery}
          </button>
        </p>
      </form>
    </Page>
  );
}
