// A sleep-staging result as the chart shows it: the stages a doctor reviews (the AI's, with the
// doctors' corrections), the night's figures computed from them as the server's report computes
// them (crates/ml `summarize`), and runs of one stage for the hypnogram's table.
// The job (GET /inference/jobs/{id}) answers the AI's stages in `result` and the doctors'
// `corrections` by epoch; `reviewed` lays the one over the other.

export const STAGES = ["W", "N1", "N2", "N3", "REM"] as const;
export type Stage = (typeof STAGES)[number];

/** Top to bottom as clinicians draw a hypnogram. */
export const ROWS: Stage[] = ["W", "REM", "N1", "N2", "N3"];

export const EPOCH_MINUTES = 0.5;

export type Summary = {
  recordingMinutes: number;
  sleepMinutes: number;
  efficiency: number;
  sleepLatency: number | null;
  remLatency: number | null;
  wasoMinutes: number;
  /** Minutes per stage, W to REM. */
  minutes: Record<Stage, number>;
  /** Share of total sleep per sleep stage (0 to 1). */
  share: Record<Exclude<Stage, "W">, number>;
};

export function isStage(s: unknown): s is Stage {
  return typeof s === "string" && (STAGES as readonly string[]).includes(s);
}

/** The night's figures from its stages, one per 30-second epoch. */
export function summarize(stages: Stage[]): Summary {
  const m = (n: number) => n * EPOCH_MINUTES;
  const count = (s: Stage) => stages.filter((x) => x === s).length;
  const onset = stages.findIndex((s) => s !== "W");
  const last = stages.length - 1 - [...stages].reverse().findIndex((s) => s !== "W");
  const sleep = stages.length - count("W");
  const waso = onset < 0 ? 0 : stages.slice(onset, last + 1).filter((s) => s === "W").length;
  const rem = onset < 0 ? -1 : stages.slice(onset).indexOf("REM");
  const share = (s: Stage) => (sleep === 0 ? 0 : count(s) / sleep);
  return {
    recordingMinutes: m(stages.length),
    sleepMinutes: m(sleep),
    efficiency: stages.length === 0 ? 0 : sleep / stages.length,
    sleepLatency: onset < 0 ? null : m(onset),
    remLatency: rem < 0 ? null : m(rem),
    wasoMinutes: m(waso),
    minutes: { W: m(count("W")), N1: m(count("N1")), N2: m(count("N2")), N3: m(count("N3")), REM: m(count("REM")) },
    share: { N1: share("N1"), N2: share("N2"), N3: share("N3"), REM: share("REM") },
  };
}

/** The stage of each epoch and whether a doctor set it. */
export type Reviewed = { stages: Stage[]; corrected: boolean[]; count: number };

/** The AI's stages with the doctors' corrections laid over them. */
export function reviewed(ai: Stage[], corrections: { epoch: number; stage: string }[]): Reviewed {
  const stages = [...ai];
  const corrected = ai.map(() => false);
  for (const c of corrections) {
    if (c.epoch >= 0 && c.epoch < stages.length && isStage(c.stage)) {
      stages[c.epoch] = c.stage;
      corrected[c.epoch] = true;
    }
  }
  return { stages, corrected, count: corrections.length };
}

/** Epochs in a row with one stage and one source (AI or a doctor): the table's rows. */
export type Run = { from: number; to: number; stage: Stage; corrected: boolean };

export function runs(r: Reviewed): Run[] {
  const out: Run[] = [];
  r.stages.forEach((stage, i) => {
    const corrected = r.corrected[i] ?? false;
    const last = out[out.length - 1];
    if (last && last.stage === stage && last.corrected === corrected && last.to === i) last.to = i + 1;
    else out.push({ from: i, to: i + 1, stage, corrected });
  });
  return out;
}

/** Time from the start of the recording at epoch boundary `i`, as h:mm:ss ("0:05:30"). */
export function offset(i: number): string {
  const seconds = i * 30;
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return `${Math.floor(seconds / 3600)}:${mm}:${ss}`;
}
