// Two-factor sign-in: a new secret as a QR code and a key, a first code to turn it on, then the
// ten recovery codes shown once.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { navigate } from "../router";
import { api, home, loadMe, me } from "../session";
import { CodeField, ErrorBox, Page, submitting, useAction } from "../ui";

type Step = { kind: "start" } | { kind: "scan"; secret: Schemas["TotpSecret"] } | { kind: "codes"; codes: string[] } | { kind: "on" };

export function Security() {
  const s = t();
  const [step, setStep] = useState<Step>({ kind: "start" });
  const [code, setCode] = useState("");
  const { busy, error, run } = useAction();
  const required = me.value?.must_enrol_totp === true;

  const begin = () =>
    run(async () => {
      try {
        setStep({ kind: "scan", secret: await unwrap(api.POST("/api/v1/auth/totp")) });
      } catch (e) {
        if (e instanceof ProblemError && e.status === 409) setStep({ kind: "on" });
        else throw e;
      }
    });

  const confirm = submitting(run, async () => {
    const r = await unwrap(api.POST("/api/v1/auth/totp/confirm", { body: { code: code.replace(/\s/g, "") } }));
    setStep({ kind: "codes", codes: r.recovery_codes });
    await loadMe();
  });

  return (
    <Page title={s.twoFactor}>
      {required && (
        <p class="notice" role="status">
          {s.twoFactorRequired}
        </p>
      )}
      {step.kind === "start" && (
        <div class="card narrow">
          <p>{s.twoFactorIntro}</p>
          <ErrorBox error={error} />
          <button type="button" onClick={begin} disabled={busy}>
            {s.setUp}
          </button>
        </div>
      )}
      {step.kind === "on" && (
        <p class="card narrow" role="status">
          {s.isOn}
        </p>
      )}
      {step.kind === "scan" && (
        <form class="card narrow" onSubmit={confirm}>
          <p>{s.scan}</p>
          {/* The SVG comes from our own server: a QR code of the otpauth URI, no script. */}
          <div class="qr" role="img" aria-label="QR code" dangerouslySetInnerHTML={{ __html: step.secret.qr_svg }} />
          <p>
            {s.key}: <code class="secret">{step.secret.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
          <CodeField value={code} onInput={setCode} />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy}>
            {s.turnOn}
          </button>
        </form>
      )}
      {step.kind === "codes" && (
        <div class="card narrow">
          <h2>{s.recoveryTitle}</h2>
          <p>{s.recoveryText}</p>
          <ul class="codes" aria-label={s.recoveryTitle}>
            {step.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => me.value && navigate(home(me.value))}>
            {s.savedCodes}
          </button>
        </div>
      )}
      {!required && (
        <p>
          <a href="/password">{s.changePassword}</a>
        </p>
      )}
    </Page>
  );
}
