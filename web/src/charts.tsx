// Charts for the dashboards: Chart.js (npm, bundled by Vite into a chunk of its own that only
// the dashboards load, so that a patient's phone never downloads it). Each chart is a canvas
// named for screen readers, with its numbers in a table under "Show as a table". Also the period
// both dashboards are read over, and the ways they write figures.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { digits, lang, t } from "./i18n";
import { Field } from "./ui";

export type Series = { label: string; data: (number | null)[]; colour?: string };
export type ChartSpec = {
  kind: "bar" | "line";
  labels: string[];
  series: Series[];
  stacked?: boolean;
  horizontal?: boolean;
  /** The value axis's top (5 for stars, 100 for percentages). */
  max?: number;
};

type ChartJs = typeof import("./chartlib");
let lib: Promise<ChartJs> | null = null;

function chartJs(): Promise<ChartJs> {
  lib ??= import("./chartlib");
  return lib;
}

/** Colours that keep 3:1 against white and apart from each other. */
export const PALETTE = ["#0b5c7e", "#c05a00", "#1d6b3a", "#7b3fa0", "#a4262c", "#4d5d6c", "#8a6d00", "#006d6d"];

export const STATUS_COLOURS: Record<string, string> = {
  requested: "#4d5d6c",
  awaiting_payment: "#c05a00",
  confirmed: "#0b5c7e",
  in_progress: "#006d6d",
  completed: "#1d6b3a",
  rejected: "#a4262c",
  cancelled: "#8a9aa8",
  no_show: "#7b3fa0",
};

function config(spec: ChartSpec) {
  const value = {
    stacked: spec.stacked,
    beginAtZero: true,
    max: spec.max,
    ticks: { precision: 0, callback: (v: string | number) => digits(String(v)) },
  };
  const category = { stacked: spec.stacked };
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.colour ?? PALETTE[i % PALETTE.length],
        borderColor: s.colour ?? PALETTE[i % PALETTE.length],
        spanGaps: true,
      })),
    },
    options: {
      animation: false as const,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? ("y" as const) : ("x" as const),
      scales: spec.horizontal ? { x: value, y: category } : { x: category, y: value },
      plugins: { legend: { display: spec.series.length > 1, position: "bottom" as const } },
    },
  };
}

/** A chart titled `title`, its numbers in `table` (shown on demand). */
export function ChartFigure(props: { title: string; spec: ChartSpec; table: ComponentChildren; tall?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(props.spec);
  const empty = props.spec.series.every((x) => x.data.every((v) => v === null || v === 0));
  useEffect(() => {
    if (empty) return;
    let live = true;
    let chart: { destroy(): void } | undefined;
    // Nepali labels wait for the Devanagari font, which the page fetches only when needed.
    const font = lang.value === "ne" ? document.fonts.load('12px "Noto Sans Devanagari"', "अ").catch(() => []) : null;
    void Promise.all([chartJs(), font]).then(([{ Chart }]) => {
      if (live && canvas.current) chart = new Chart(canvas.current, config(props.spec));
    });
    return () => {
      live = false;
      chart?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, empty]);
  return (
    <figure class="card chart">
      <figcaption>{props.title}</figcaption>
      {empty ? (
        <p class="muted">{t().noData}</p>
      ) : (
        <>
          <div class={props.tall ? "plot tall" : "plot"}>
            <canvas ref={canvas} role="img" aria-label={props.title} />
          </div>
          <details>
            <summary>{t().asTable}</summary>
            {props.table}
          </details>
        </>
      )}
    </figure>
  );
}

/** A table of `head` and `rows`, captioned for screen readers. */
export function DataTable(props: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <div class="scroll">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th scope="row">{c}</th> : <td>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the local day `days` from today. */
export function isoDay(days = 0): string {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export type Period = { from: string; to: string };

/**
 * The period a dashboard shows: the four weeks to today and the week ahead (booked visits)
 * unless the user picks other dates and presses Show.
 */
export function usePeriod(): [Period, (p: Period) => void] {
  return useState<Period>({ from: isoDay(-27), to: isoDay(7) });
}

export function PeriodForm(props: { period: Period; onShow: (p: Period) => void }) {
  const s = t();
  const [from, setFrom] = useState(props.period.from);
  const [to, setTo] = useState(props.period.to);
  return (
    <form
      class="period"
      onSubmit={(e) => {
        e.preventDefault();
        props.onShow({ from, to });
      }}
    >
      <Field label={s.periodFrom} type="date" value={from} onInput={setFrom} required />
      <Field label={s.periodTo} type="date" value={to} onInput={setTo} required />
      <button type="submit">{s.show}</button>
    </form>
  );
}

/** An amount in minor units, as its currency writes it. */
export function money(minor: number, currency: string): string {
  return digits(new Intl.NumberFormat("en", { style: "currency", currency }).format(minor / 100));
}

/** A share 0..1 as a percentage (one decimal below 10%, so that 0.4% is not 0%), or "none yet". */
export function percent(x: number | null | undefined): string {
  if (x === null || x === undefined) return t().noneYet;
  const p = x * 100;
  return digits(`${p === 0 || p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`);
}

/** A number with at most one decimal, or "none yet". */
export function one(x: number | null | undefined): string {
  return x === null || x === undefined ? t().noneYet : digits(String(Math.round(x * 10) / 10));
}
