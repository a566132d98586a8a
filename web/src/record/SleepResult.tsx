// A sleep-staging job's result in the chart: the hypnogram (an SVG named and described for screen
// readers), the night's figures, a table of the stages over time as the text alternative, the
// doctor's corrections (an epoch and its stage) and the server's report to download. Stages a
// doctor set are marked as theirs; everything else is labelled as the AI's suggestion.
import { unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { digits, t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Field, submitting, useAction } from "../ui";
import { save } from "./files";
import { ROWS, STAGES, isStage, offset, reviewed, runs, summarize, type Reviewed, type Stage, type Summary } from "./sleep";

type Job = Schemas["JobDetail"];

/** The server's report (SVG, drawn with the doctors' corrections), to download. */
async function report(id: string): Promise<string> {
  return unwrap(api.GET("/api/v1/inference/jobs/{id}/report", { params: { path: { id } }, parseAs: "text" }));
}

let ids = 0;

export function SleepResult(props: { job: Job; title: string }) {
  const { job } = props;
  const result = (job.result ?? {}) as { stages?: unknown[]; channel?: unknown };
  const ai = (result.stages ?? []).filter(isStage);
  return (
    <Night job={job} ai={ai} first={reviewed(ai, job.corrections)} title={props.title} channel={String(result.channel ?? "")} />
  );
}

function Night(props: { job: Job; ai: Stage[]; first: Reviewed; title: string; channel: string }) {
  const s = t();
  const { job, ai } = props;
  const [r, setR] = useState(props.first);
  const [id] = useState(() => `night${++ids}`);
  const summary = summarize(r.stages);
  const download = useAction();
  const saveReport = () =>
    download.run(async () =>
      save(new TextEncoder().encode(await report(job.id)), "image/svg+xml", `${props.title} – ${s.hypnogram}.svg`),
    );
  return (
    <div class="night">
      {props.channel && <p class="muted">{s.channel(props.channel)}</p>}
      <Hypnogram r={r} summary={summary} id={id} />
      <h5 id={`${id}-summary`}>{s.nightSummary}</h5>
      <Figures summary={summary} labelledBy={`${id}-summary`} />
      {r.count > 0 && (
        <p class="muted">
          {digits(s.correctedCount(r.count))} {s.figuresCorrected}
        </p>
      )}
      <details>
        <summary id={`${id}-table`}>{s.stagesOverTime}</summary>
        <StageTable r={r} labelledBy={`${id}-table`} />
      </details>
      <Correct job={job} ai={ai} r={r} onSaved={setR} />
      <p>
        <button type="button" class="secondary" disabled={download.busy} onClick={saveReport}>
          {s.downloadReport}
        </button>
      </p>
      <ErrorBox error={download.error} />
    </div>
  );
}

const fixed = (x: number) => digits(x.toFixed(1));
const percent = (x: number) => digits(`${Math.round(x * 100)} %`);

function shares(summary: Summary): string {
  const s = t();
  return (["N1", "N2", "N3", "REM"] as const).map((k) => `${s.stageNames[k]} ${percent(summary.share[k])}`).join(" · ");
}

/** The hypnogram: stages top to bottom W, REM, N1, N2, N3 over time; REM thick, corrections marked. */
function Hypnogram(props: { r: Reviewed; summary: Summary; id: string }) {
  const s = t();
  const { r, summary, id } = props;
  const n = Math.max(r.stages.length, 1);
  const [left, top, width, height] = [58, 10, 640, 170];
  const x = (i: number) => left + (width * i) / n;
  const y = (stage: Stage) => top + (height * (ROWS.indexOf(stage) + 0.5)) / ROWS.length;
  const path = r.stages.map((st, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(st)} L${x(i + 1).toFixed(1)},${y(st)}`).join(" ");
  // Ticks every 10 minutes up to two hours, then every hour.
  const step = n <= 240 ? 20 : 120;
  const ticks = Array.from({ length: Math.floor(n / step) + 1 }, (_, k) => k * step);
  const minutes = s.minutes(fixed(summary.recordingMinutes));
  return (
    <figure class="hypnogram">
      <svg viewBox="0 0 720 215" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} focusable="false">
        <title id={`${id}-t`}>{s.hypnogram}</title>
        <desc id={`${id}-d`}>{digits(s.hypnogramDesc(minutes, r.stages.length, shares(summary)))}</desc>
        {r.corrected.map((c, i) =>
          c ? <rect key={`c${i}`} x={x(i)} y={top} width={Math.max(x(i + 1) - x(i), 2)} height={height} class="corrected" /> : null,
        )}
        {ROWS.map((st) => (
          <g key={st}>
            <line x1={left} x2={left + width} y1={y(st)} y2={y(st)} class="grid" />
            <text x={left - 8} y={y(st)} text-anchor="end" dominant-baseline="middle">
              {st}
            </text>
          </g>
        ))}
        {ticks.map((i) => (
          <g key={`t${i}`}>
            <line x1={x(i)} x2={x(i)} y1={top} y2={top + height + 4} class="grid" />
            <text x={x(i)} y={top + height + 20} text-anchor="middle">
              {digits(offset(i).slice(0, -3))}
            </text>
          </g>
        ))}
        <path d={path} class="stages" />
        {r.stages.map((st, i) =>
          st === "REM" ? <line key={`r${i}`} x1={x(i)} x2={x(i + 1)} y1={y("REM")} y2={y("REM")} class="rem" /> : null,
        )}
      </svg>
      <figcaption class="muted">
        {s.hypnogram} · {s.aiNotDiagnosis}
        {r.count > 0 && (
          <>
            {" "}
            <span class="swatch" aria-hidden="true" /> {s.legendCorrected}
          </>
        )}
      </figcaption>
    </figure>
  );
}

function Figures(props: { summary: Summary; labelledBy: string }) {
  const s = t();
  const { summary } = props;
  const mins = (v: number | null) => (v === null ? s.noneSeen : s.minutes(fixed(v)));
  const rows: [string, string][] = [
    [s.recordingTime, mins(summary.recordingMinutes)],
    [s.totalSleep, mins(summary.sleepMinutes)],
    [s.sleepEfficiency, percent(summary.efficiency)],
    [s.sleepLatency, mins(summary.sleepLatency)],
    [s.remLatency, mins(summary.remLatency)],
    [s.waso, mins(summary.wasoMinutes)],
    [s.stageShare, shares(summary)],
  ];
  return (
    <dl class="facts" aria-labelledby={props.labelledBy}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The text alternative of the hypnogram: runs of one stage, with their source. */
function StageTable(props: { r: Reviewed; labelledBy: string }) {
  const s = t();
  return (
    <div class="scroll">
      <table class="log" aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            <th scope="col">{s.time}</th>
            <th scope="col">{s.epochs}</th>
            <th scope="col">{s.stage}</th>
            <th scope="col">{s.source}</th>
          </tr>
        </thead>
        <tbody>
          {runs(props.r).map((run) => (
            <tr key={run.from}>
              <td>{digits(`${offset(run.from)}–${offset(run.to)}`)}</td>
              <td>{digits(run.to - run.from === 1 ? `${run.from + 1}` : `${run.from + 1}–${run.to}`)}</td>
              <td>{s.stageOptions[run.stage]}</td>
              <td>{run.corrected ? s.byDoctor : s.byAi}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The doctor sets one epoch's stage; the server keeps it (and draws it into the report). */
function Correct(props: { job: Job; ai: Stage[]; r: Reviewed; onSaved: (r: Reviewed) => void }) {
  const s = t();
  const { job, ai, r } = props;
  const n = r.stages.length;
  const [epoch, setEpoch] = useState("1");
  const [stage, setStage] = useState<Stage>(r.stages[0] ?? "W");
  const [saved, setSaved] = useState<string | null>(null);
  const [id] = useState(() => `fix${++ids}`);
  const { busy, error, setError, run } = useAction();
  const k = /^\s*\d+\s*$/.test(epoch) ? Number(epoch) : NaN;
  const known = k >= 1 && k <= n;
  const i = k - 1;
  const chosen = (v: string) => {
    setEpoch(v);
    setSaved(null);
    const j = Number(v) - 1;
    if (/^\s*\d+\s*$/.test(v) && r.stages[j]) setStage(r.stages[j]!);
  };
  const now = known
    ? r.corrected[i]
      ? s.epochNowCorrected(k, offset(i), s.stageOptions[ai[i]!]!, s.stageOptions[r.stages[i]!]!)
      : s.epochNow(k, offset(i), s.stageOptions[ai[i]!]!)
    : s.epochHint(n);

  const submit = submitting(run, async () => {
    setSaved(null);
    if (!known) {
      setError(/^\s*\d+\s*$/.test(epoch) ? s.mustBeBetween(s.epoch, 1, n) : s.mustBeWhole(s.epoch));
      return;
    }
    const answer = await unwrap(
      api.PUT("/api/v1/inference/jobs/{id}/corrections", {
        params: { path: { id: job.id } },
        body: { corrections: [{ epoch: i, stage }] },
      }),
    );
    const stages = [...r.stages];
    stages[i] = stage;
    const corrected = [...r.corrected];
    corrected[i] = true;
    props.onSaved({ stages, corrected, count: answer.corrected });
    setSaved(s.correctionSaved(k, s.stageOptions[stage]!));
  });

  return (
    <form class="card inner narrow" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>{s.correctStage}</h5>
      <Field label={s.epoch} value={epoch} onInput={chosen} inputMode="numeric" hint={digits(now)} required />
      <div class="field">
        <label for={`${id}-stage`}>{s.stage}</label>
        <select id={`${id}-stage`} value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value as Stage)}>
          {STAGES.map((st) => (
            <option key={st} value={st}>
              {s.stageOptions[st]}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={error} />
      {saved && (
        <p class="notice" role="status">
          {digits(saved)}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {s.saveCorrection}
      </button>
    </form>
  );
}
