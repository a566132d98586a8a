// A pharmacist dispenses a prescription: the verification code printed on the paper says whether
// it is genuine and still valid; the hospital's own copy shows the medications and its PDF (to
// check the patient's name), and the Dispense button marks it dispensed.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t } from "../i18n";
import { Items } from "../record/Prescriptions";
import { PdfButton } from "../record/Pdf";
import { api } from "../session";
import { ErrorBox, Field, Page, submitting, useAction } from "../ui";

type Found = { v: Schemas["Verification"]; p: Schemas["Prescription"] | null };

/** A code as printed (`ABCD-EFGH-JK23`), whatever its case and dashes. */
function normalized(code: string): string {
  const raw = code.replace(/[^0-9a-z]/gi, "").toUpperCase();
  return raw.match(/.{1,4}/g)?.join("-") ?? raw;
}

/**
 * The hospital's prescription that carries `code`, or null when it is another hospital's: only
 * that one is read (and recorded in its patient's access log).
 */
async function ours(code: string): Promise<Schemas["Prescription"] | null> {
  const page = await unwrap(api.GET("/api/v1/prescriptions", { params: { query: { code, limit: 1 } } }));
  return page.items[0] ?? null;
}

export function Dispense() {
  const s = t();
  const [code, setCode] = useState("");
  const [found, setFound] = useState<Found | null>(null);
  const { busy, error, run } = useAction();

  const lookUp = submitting(run, async () => {
    setFound(null);
    const c = normalized(code);
    try {
      const v = await unwrap(api.GET("/api/v1/prescription-verifications/{code}", { params: { path: { code: c } } }));
      setFound({ v, p: await ours(c) });
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404) throw new Error(t().unknownCode);
      if (e instanceof ProblemError && e.status === 403) throw new Error(t().mayNotDispense);
      throw e;
    }
  });

  return (
    <Page title={s.dispenseTitle}>
      <form class="card narrow" onSubmit={lookUp}>
        <Field label={s.verificationCode} value={code} onInput={setCode} hint={s.codeFormat} autocomplete="off" required />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {s.lookUp}
        </button>
      </form>
      {found && <Result key={found.v.issued_at} found={found} />}
    </Page>
  );
}

function Result(props: { found: Found }) {
  const s = t();
  const { v } = props.found;
  const [p, setP] = useState(props.found.p);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const status = p?.status ?? v.status;

  const dispense = () =>
    run(async () => {
      if (!p) return;
      try {
        setP(await unwrap(api.POST("/api/v1/prescriptions/{id}/dispense", { params: { path: { id: p.id } } })));
        setDone(true);
      } catch (e) {
        if (e instanceof ProblemError && e.status === 403) throw new Error(t().mayNotDispense);
        throw e;
      }
    });

  return (
    <section class="card" aria-labelledby="found-title">
      <h2 id="found-title">{s.genuine}</h2>
      <p>
        <span class={`status ${status}`}>{s.prescriptionStatus[status] ?? status}</span>
      </p>
      <dl class="facts">
        <div>
          <dt>{s.hospital}</dt>
          <dd>{v.hospital_name}</dd>
        </div>
        <div>
          <dt>{s.prescriber}</dt>
          <dd>
            {v.prescriber} ({s.licence}: {v.license_number})
          </dd>
        </div>
        <div>
          <dt>{s.issuedOn}</dt>
          <dd>{day(new Date(v.issued_at), true)}</dd>
        </div>
      </dl>
      {p ? (
        <>
          <h3>{s.medications(p.items.length)}</h3>
          <Items items={p.items} />
          <div class="actions">
            {p.status === "active" && (
              <button type="button" disabled={busy} onClick={dispense}>
                {s.dispense}
              </button>
            )}
            <PdfButton p={p} label={s.openPdf} />
          </div>
        </>
      ) : (
        <p class="notice warn">{s.notOurs(v.hospital_name, v.item_count)}</p>
      )}
      {p && p.status !== "active" && !done && <p class="muted">{s.notActive}</p>}
      {done && (
        <p class="notice" role="status">
          {s.dispensedNow}
        </p>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
