// A patient's vital signs, newest first, each with its NEWS2 score and risk (scored by the
// server, RCP 2017), and a form to record a new set: the patient's own, or a doctor's or nurse's
// of the care team. A set whose risk is not low alerts the care team (the server's doing).
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, digits, t, type Strings } from "../i18n";
import { api, may } from "../session";
import { ErrorBox, Field, Pager, Show, submitting, useAction, useCursors, useLoad } from "../ui";
import { Check } from "../widgets";

type Vitals = Schemas["Vitals"];

/** NEWS2's score and risk in words: "NEWS2 9, high risk". */
export function news2Line(s: Strings, score: number, risk: string): string {
  return digits(s.news2Line(score, s.risks[risk] ?? risk));
}

export function Risk(props: { risk: string }) {
  const s = t();
  return <span class={`risk ${props.risk}`}>{s.risks[props.risk] ?? props.risk}</span>;
}

export function VitalsSection(props: { patientId: string }) {
  const s = t();
  const id = props.patientId;
  const pages = useCursors();
  const l = useLoad(
    () =>
      unwrap(api.GET("/api/v1/patients/{id}/vitals", { params: { path: { id }, query: { limit: 20, cursor: pages.cursor } } })),
    [id, pages.cursor],
  );
  return (
    <section aria-labelledby="vitals-title">
      <h2 id="vitals-title">{s.vitals}</h2>
      <p class="hint">{s.vitalsHint}</p>
      <Show l={l}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">{s.noVitals}</p>
          ) : (
            <>
              <VitalsTable items={page.items} />
              {(page.next_cursor || !pages.first) && (
                <Pager pages={pages} next={page.next_cursor} back={s.newerSets} on={s.olderSets} />
              )}
            </>
          )
        }
      </Show>
      {may("vitals:create") && (
        <NewVitals
          patientId={id}
          onDone={() => {
            // A new set is the newest: back to the first page.
            if (pages.first) l.reload();
            else pages.restart();
          }}
        />
      )}
    </section>
  );
}

function VitalsTable(props: { items: Vitals[] }) {
  const s = t();
  const n = (x: number) => digits(String(x));
  return (
    <div class="scroll">
      <table>
        <caption class="visually-hidden">{s.vitals}</caption>
        <thead>
          <tr>
            {s.vitalsColumns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.items.map((v) => (
            <tr key={v.id}>
              <th scope="row">{day(new Date(v.measured_at), true)}</th>
              <td>
                {n(v.news2.score)}
                {v.news2.rising && <span title={s.rising}> ↑<span class="visually-hidden"> {s.rising}</span></span>}
              </td>
              <td>
                <Risk risk={v.news2.risk} />
              </td>
              <td>{n(v.respiratory_rate)}</td>
              <td>
                {n(v.spo2)}
                {v.spo2_scale === 2 ? digits(" (2)") : ""}
              </td>
              <td>{v.on_oxygen ? s.oxygen : s.air}</td>
              <td>{n(v.systolic_bp)}</td>
              <td>{n(v.heart_rate)}</td>
              <td>{v.consciousness}</td>
              <td>{n(v.temperature_c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Form = { rr: string; spo2: string; scale: string; oxygen: boolean; bp: string; hr: string; acvpu: string; temp: string };
const EMPTY: Form = { rr: "", spo2: "", scale: "1", oxygen: false, bp: "", hr: "", acvpu: "A", temp: "" };

/** A number typed in a field (whole unless `decimal`), or an error naming the field. */
function num(s: Strings, label: string, v: string, decimal = false): number {
  const x = Number(v.trim().replace(",", "."));
  if (v.trim() === "" || !Number.isFinite(x) || (!decimal && !Number.isInteger(x))) throw new Error(s.mustBeNumber(label));
  return x;
}

function NewVitals(props: { patientId: string; onDone: () => void }) {
  const s = t();
  const [f, setF] = useState<Form>(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const set = <K extends keyof Form>(k: K) => (v: Form[K]) => setF((old) => ({ ...old, [k]: v }));
  const save = submitting(run, async () => {
    setDone(null);
    const body = {
      respiratory_rate: num(s, s.respiratoryRate, f.rr),
      spo2: num(s, s.spo2, f.spo2),
      spo2_scale: Number(f.scale),
      on_oxygen: f.oxygen,
      systolic_bp: num(s, s.systolicBp, f.bp),
      heart_rate: num(s, s.heartRate, f.hr),
      consciousness: f.acvpu,
      temperature_c: num(s, s.temperature, f.temp, true),
    };
    const v = await unwrap(api.POST("/api/v1/patients/{id}/vitals", { params: { path: { id: props.patientId } }, body }));
    setDone(s.vitalsRecorded(news2Line(s, v.news2.score, v.news2.risk)));
    setF(EMPTY);
    props.onDone();
  });
  return (
    <form class="card narrow" onSubmit={save}>
      <Field label={s.respiratoryRate} value={f.rr} onInput={set("rr")} inputMode="numeric" required />
      <Field label={s.spo2} value={f.spo2} onInput={set("spo2")} inputMode="numeric" required />
      <Select label={s.spo2Scale} value={f.scale} onChange={set("scale")} options={[["1", s.spo2Scales[0]!], ["2", s.spo2Scales[1]!]]} />
      <Check label={s.onOxygen} checked={f.oxygen} onChange={set("oxygen")} />
      <Field label={s.systolicBp} value={f.bp} onInput={set("bp")} inputMode="numeric" required />
      <Field label={s.heartRate} value={f.hr} onInput={set("hr")} inputMode="numeric" required />
      <Select
        label={s.consciousness}
        value={f.acvpu}
        onChange={set("acvpu")}
        options={["A", "C", "V", "P", "U"].map((k) => [k, `${k}: ${s.acvpu[k]}`] as [string, string])}
      />
      <Field label={s.temperature} value={f.temp} onInput={set("temp")} required />
      <ErrorBox error={error} />
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {s.recordVitals}
      </button>
    </form>
  );
}

let ids = 0;

function Select(props: { label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  const [id] = useState(() => `vs${++ids}`);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
