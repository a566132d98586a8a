// AI assistance in a doctor's chart: the patient's EEG recordings and chest images with a button
// to run the analysis each one takes (when the hospital has it switched on, else why not, in
// words), the patient's analyses newest first with their status in words (polled while one is
// queued or running), and each finished one's result: a hypnogram with corrections, or an X-ray
// finding with its probability. Every result is labelled as the AI's suggestion.
import { unwrap, type Schemas } from "@carebridge/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { day, digits, t } from "../i18n";
import { everything } from "../paging";
import { api, me, words } from "../session";
import { ErrorBox, Show, useAction, useLoad } from "../ui";
import { SleepResult } from "./SleepResult";

type Doc = Schemas["Document"];
type JobRow = Schemas["JobRow"];
type Job = Schemas["Job"];
type Hospital = Schemas["Hospital"];
type Kind = "sleep_staging" | "chest_xray";

/** The analysis each kind of document takes, and the hospital's switch for it. */
const ANALYSIS: Record<string, { kind: Kind; on: (h: Hospital) => boolean }> = {
  eeg: { kind: "sleep_staging", on: (h) => h.ai_sleep_staging },
  imaging: { kind: "chest_xray", on: (h) => h.ai_chest_xray },
};

const POLL_MS = 1500;

function unfinished(j: JobRow): boolean {
  return j.status === "queued" || j.status === "running";
}

/** A job in words: "Sleep staging of Night EEG". */
function what(kind: string, doc: string | undefined): string {
  const s = t();
  const name = s.modelKinds[kind] ?? kind;
  return doc ? s.jobOf(name, doc) : name;
}

export function Ai(props: { patientId: string; documentsChanged: number }) {
  const s = t();
  const id = props.patientId;
  const setup = useLoad(async () => {
    const hospitalId = me.value?.hospital_id;
    const [hospital, docs] = await Promise.all([
      hospitalId ? unwrap(api.GET("/api/v1/hospitals/{id}", { params: { path: { id: hospitalId } } })) : null,
      everything((cursor) =>
        unwrap(api.GET("/api/v1/patients/{id}/documents", { params: { path: { id }, query: { limit: 200, cursor } } })),
      ),
    ]);
    return { hospital, docs: docs.reverse() };
  }, [id, props.documentsChanged]);
  const [titles, setTitles] = useState(new Map<string, string>());
  useEffect(() => {
    if (setup.data) setTitles(new Map(setup.data.docs.map((d) => [d.id, d.title])));
  }, [setup.data]);
  const jobs = useJobs(id, titles);
  const [open, setOpen] = useState<string | null>(null);

  return (
    <section aria-labelledby="ai-title">
      <h2 id="ai-title">{s.aiAssistance}</h2>
      <p class="notice warn">
        <strong>{s.aiNotDiagnosis}</strong> {s.aiIntro}
      </p>
      <Show l={setup}>
        {({ hospital, docs }) => (
          <Run
            hospital={hospital}
            docs={docs}
            onQueued={(job, doc) => {
              jobs.announce(s.jobQueued(what(job.kind, doc.title)));
              setOpen(job.id);
              jobs.reload();
            }}
          />
        )}
      </Show>
      <p role="status" class="muted">
        {jobs.notice}
      </p>
      <h3 id="analyses-title">{s.analyses}</h3>
      {jobs.list === null && !jobs.error && <p class="muted">{s.loading}</p>}
      {jobs.list?.length === 0 && <p class="muted">{s.noAnalyses}</p>}
      {jobs.list && jobs.list.length > 0 && (
        <ul class="list" aria-labelledby="analyses-title">
          {jobs.list.map((j) => (
            <JobItem
              key={j.id}
              j={j}
              doc={titles.get(j.document_id)}
              open={open === j.id}
              onToggle={() => setOpen(open === j.id ? null : j.id)}
              onChanged={jobs.reload}
            />
          ))}
        </ul>
      )}
      <ErrorBox error={jobs.error} />
      {jobs.error && (
        <button type="button" onClick={jobs.reload}>
          {s.retry}
        </button>
      )}
    </section>
  );
}

/**
 * The patient's jobs, newest first, loaded again every moment while one is unfinished; a job
 * that finishes meanwhile is announced (`notice`, read out by a status region).
 */
function useJobs(patientId: string, titles: Map<string, string>) {
  const [list, setList] = useState<JobRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [n, setN] = useState(0);
  const before = useRef(new Map<string, string>());
  const names = useRef(titles);
  names.current = titles;
  useEffect(() => {
    let live = true;
    everything((cursor) =>
      unwrap(api.GET("/api/v1/inference/jobs", { params: { query: { patient_id: patientId, limit: 200, cursor } } })),
    ).then(
      (all) => {
        if (!live) return;
        const sorted = all.sort((a, b) => b.created_at.localeCompare(a.created_at));
        for (const j of sorted) {
          const was = before.current.get(j.id);
          if (was && was !== j.status && !unfinished(j)) {
            setNotice(t().jobNow(what(j.kind, names.current.get(j.document_id)), t().jobStatuses[j.status] ?? j.status));
          }
        }
        before.current = new Map(sorted.map((j) => [j.id, j.status]));
        setList(sorted);
        setError(null);
      },
      (e: unknown) => live && setError(words(e)),
    );
    return () => {
      live = false;
    };
  }, [patientId, n]);
  const pending = list?.some(unfinished) ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setN((x) => x + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, list]);
  return { list, error, notice, announce: setNotice, reload: () => setN((x) => x + 1) };
}

/** The documents an analysis can read, each with its button, or why there is none to press. */
function Run(props: { hospital: Hospital | null; docs: Doc[]; onQueued: (job: Schemas["JobAccepted"] & { kind: Kind }, doc: Doc) => void }) {
  const s = t();
  const { hospital } = props;
  const eligible = props.docs.filter((d) => ANALYSIS[d.kind]);
  if (hospital && !hospital.ai_assistance) return <p class="notice">{s.aiOff}</p>;
  if (eligible.length === 0) return <p class="muted">{s.aiNothingToRun}</p>;
  const off = hospital
    ? (Object.values(ANALYSIS) as { kind: Kind; on: (h: Hospital) => boolean }[]).filter(
        (a) => !a.on(hospital) && eligible.some((d) => ANALYSIS[d.kind]?.kind === a.kind),
      )
    : [];
  return (
    <>
      <h3 id="analyse-title">{s.analyseDocuments}</h3>
      {off.map((a) => (
        <p key={a.kind} class="notice">
          {s.aiKindOff(s.modelKinds[a.kind] ?? a.kind)}
        </p>
      ))}
      <ul class="list" aria-labelledby="analyse-title">
        {eligible.map((d) => {
          const a = ANALYSIS[d.kind]!;
          return hospital && !a.on(hospital) ? null : <RunItem key={d.id} d={d} kind={a.kind} onQueued={props.onQueued} />;
        })}
      </ul>
    </>
  );
}

function RunItem(props: { d: Doc; kind: Kind; onQueued: (job: Schemas["JobAccepted"] & { kind: Kind }, doc: Doc) => void }) {
  const s = t();
  const { d, kind } = props;
  const { busy, error, run } = useAction();
  const start = () =>
    run(async () => {
      const job = await unwrap(api.POST("/api/v1/inference/jobs", { body: { kind, document_id: d.id } }));
      props.onQueued({ ...job, kind }, d);
    });
  return (
    <li class="card row">
      <div>
        <p class="name">{d.title}</p>
        <p class="muted">
          {s.kinds[d.kind] ?? d.kind} · {d.file_name} · {day(new Date(d.created_at))}
        </p>
      </div>
      <button type="button" disabled={busy} onClick={start}>
        {kind === "sleep_staging" ? s.runSleep : s.runXray}
        <span class="visually-hidden"> {d.title}</span>
      </button>
      <ErrorBox error={error} />
    </li>
  );
}

function JobItem(props: { j: JobRow; doc: string | undefined; open: boolean; onToggle: () => void; onChanged: () => void }) {
  const s = t();
  const { j } = props;
  const title = what(j.kind, props.doc);
  const stop = useAction();
  const cancel = () =>
    stop.run(async () => {
      await unwrap(api.POST("/api/v1/inference/jobs/{id}/cancel", { params: { path: { id: j.id } } }));
      props.onChanged();
    });
  const panel = `job-${j.id}`;
  return (
    <li class="card">
      <h4 class="name">{title}</h4>
      <p class="muted">
        {s.requestedOn(day(new Date(j.created_at), true))}
        {j.model_version && <> · {s.modelVersion(j.model_version)}</>}
      </p>
      <p>
        <span class={`status job-${j.status}`}>{s.jobStatuses[j.status] ?? j.status}</span>
        {j.status === "running" && <> {digits(s.jobProgress(Math.round(j.progress * 100)))}</>}
      </p>
      {j.status === "failed" && <Failure id={j.id} />}
      {unfinished(j) && (
        <button type="button" class="secondary" disabled={stop.busy} onClick={cancel}>
          {s.stopAnalysis}
          <span class="visually-hidden"> {title}</span>
        </button>
      )}
      <ErrorBox error={stop.error} />
      {j.status === "succeeded" && (
        <>
          <button type="button" class="secondary" aria-expanded={props.open} aria-controls={panel} onClick={props.onToggle}>
            {props.open ? s.hideResult : s.showResult}
            <span class="visually-hidden"> {title}</span>
          </button>
          <div id={panel}>{props.open && <Result id={j.id} title={props.doc ?? title} />}</div>
        </>
      )}
    </li>
  );
}

/** Why a job failed, as the server recorded it. */
function Failure(props: { id: string }) {
  const s = t();
  const l = useLoad(() => unwrap(api.GET("/api/v1/inference/jobs/{id}", { params: { path: { id: props.id } } })), [props.id]);
  return <Show l={l}>{(job) => <p class="error">{s.jobFailed(job.error ?? s.jobStatuses.failed!)}</p>}</Show>;
}

function Result(props: { id: string; title: string }) {
  const l = useLoad(() => unwrap(api.GET("/api/v1/inference/jobs/{id}", { params: { path: { id: props.id } } })), [props.id]);
  return (
    <Show l={l}>
      {(job) => (job.kind === "sleep_staging" ? <SleepResult job={job} title={props.title} /> : <XrayResult job={job} />)}
    </Show>
  );
}

function XrayResult(props: { job: Job }) {
  const s = t();
  const { job } = props;
  const r = (job.result ?? {}) as { label?: unknown; abnormal_probability?: unknown };
  const label = typeof r.label === "string" ? r.label : "";
  const p = typeof r.abnormal_probability === "number" ? r.abnormal_probability : null;
  return (
    <div class="xray">
      <dl class="facts">
        <div>
          <dt>{s.xrayFinding}</dt>
          <dd>
            <strong>{s.xrayLabels[label] ?? label}</strong> · {s.aiNotDiagnosis}
          </dd>
        </div>
        <div>
          <dt>{s.abnormalProbability}</dt>
          <dd>{p === null ? "—" : digits(`${(p * 100).toFixed(0)} %`)}</dd>
        </div>
      </dl>
      <p class="hint">{s.xrayCaveat}</p>
    </div>
  );
}
