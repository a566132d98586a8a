// A hospital admin's dashboard over a period (`/analytics/hospital`, computed by the server in
// SQL): the figures in words, then charts — appointments by status per day, revenue, doctor
// utilisation, ratings per doctor (`/ratings/doctors`) and the AI models' latency.
import { unwrap, type Schemas } from "@carebridge/client";
import { digits, shortDate, t } from "../i18n";
import { api } from "../session";
import { Page, Show, useLoad } from "../ui";
import {
  ChartFigure,
  DataTable,
  PeriodForm,
  STATUS_COLOURS,
  money,
  one,
  percent,
  usePeriod,
} from "../charts";

type Analytics = Schemas["HospitalAnalytics"];
type DoctorRatings = Schemas["DoctorRatingsView"];

const STATUSES = ["requested", "awaiting_payment", "confirmed", "in_progress", "completed", "rejected", "cancelled", "no_show"];

export function Dashboard() {
  const s = t();
  const [period, setPeriod] = usePeriod();
  const l = useLoad(
    () =>
      Promise.all([
        unwrap(api.GET("/api/v1/analytics/hospital", { params: { query: period } })),
        unwrap(api.GET("/api/v1/ratings/doctors")),
      ]),
    [period.from, period.to],
  );
  return (
    <Page title={s.dashboard}>
      <PeriodForm period={period} onShow={setPeriod} />
      <Show l={l}>
        {([a, ratings]) => (
          <>
            <Figures a={a} />
            <div class="charts">
              <AppointmentsChart a={a} />
              <RevenueChart a={a} />
              <UtilisationChart a={a} />
              <RatingsChart ratings={ratings} />
              <LatencyChart a={a} />
            </div>
          </>
        )}
      </Show>
    </Page>
  );
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((n, c) => n + c, 0);
}

function Figures(props: { a: Analytics }) {
  const s = t();
  const f = props.a.totals;
  const revenue = f.revenue.map((r) => money(r.amount, r.currency)).join(", ");
  const rows: [string, string][] = [
    [s.totalAppointments, digits(String(total(f.appointments)))],
    [s.noShowRate, percent(f.no_show_rate)],
    [s.revenue, revenue || s.noneYet],
    [s.utilisation, percent(f.utilisation)],
    [s.medianToConfirm, f.median_minutes_to_confirm == null ? s.noneYet : s.minutesShort(one(f.median_minutes_to_confirm))],
    [s.calls, digits(String(f.calls))],
    [s.meanCallLength, f.mean_call_minutes == null ? s.noneYet : s.minutesShort(one(f.mean_call_minutes))],
    [s.meanRating, f.mean_rating == null ? s.noneYet : digits(s.ratingOf(one(f.mean_rating), f.ratings))],
    [s.modelAgreement, percent(f.model_agreement)],
  ];
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{s.inFigures}</h2>
      <dl class="card facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function AppointmentsChart(props: { a: Analytics }) {
  const s = t();
  const { days } = props.a;
  const present = STATUSES.filter((st) => days.some((d) => (d.appointments[st] ?? 0) > 0));
  const labels = days.map((d) => shortDate(d.date));
  const series = present.map((st) => ({
    label: s.status[st] ?? st,
    data: days.map((d) => d.appointments[st] ?? 0),
    colour: STATUS_COLOURS[st],
  }));
  const rows = days
    .filter((d) => total(d.appointments) > 0)
    .map((d) => [shortDate(d.date), ...present.map((st) => digits(String(d.appointments[st] ?? 0)))]);
  return (
    <ChartFigure
      title={s.chartAppointments}
      spec={{ kind: "bar", labels, series, stacked: true }}
      table={rows.length ? <DataTable caption={s.chartAppointments} head={[s.date, ...series.map((x) => x.label)]} rows={rows} /> : <p class="muted">{s.noData}</p>}
    />
  );
}

function RevenueChart(props: { a: Analytics }) {
  const s = t();
  const { days } = props.a;
  const currencies = [...new Set(days.flatMap((d) => d.revenue.map((r) => r.currency)))];
  const amount = (d: Analytics["days"][number], c: string) => d.revenue.find((r) => r.currency === c)?.amount ?? 0;
  const series = currencies.map((c) => ({ label: c, data: days.map((d) => amount(d, c) / 100) }));
  const rows = days
    .filter((d) => d.revenue.some((r) => r.amount !== 0))
    .map((d) => [shortDate(d.date), ...currencies.map((c) => money(amount(d, c), c))]);
  return (
    <ChartFigure
      title={s.chartRevenue}
      spec={{ kind: "bar", labels: days.map((d) => shortDate(d.date)), series }}
      table={rows.length ? <DataTable caption={s.chartRevenue} head={[s.date, ...currencies]} rows={rows} /> : <p class="muted">{s.noData}</p>}
    />
  );
}

function UtilisationChart(props: { a: Analytics }) {
  const s = t();
  const { days } = props.a;
  const data = days.map((d) => (d.utilisation == null ? null : Math.round(d.utilisation * 1000) / 10));
  const rows = days.filter((d) => d.utilisation != null).map((d) => [shortDate(d.date), percent(d.utilisation)]);
  return (
    <ChartFigure
      title={s.chartUtilisation}
      spec={{ kind: "line", labels: days.map((d) => shortDate(d.date)), series: [{ label: `${s.utilisation} (%)`, data }] }}
      table={rows.length ? <DataTable caption={s.chartUtilisation} head={[s.date, s.utilisation]} rows={rows} /> : <p class="muted">{s.noData}</p>}
    />
  );
}

function RatingsChart(props: { ratings: DoctorRatings[] }) {
  const s = t();
  const rated = props.ratings.filter((r) => r.ratings > 0);
  const rows = props.ratings.map((r) => [
    r.doctor_name,
    digits(String(r.ratings)),
    r.mean_stars == null ? s.noneYet : one(r.mean_stars),
    r.recent_comments.map((c) => `${digits(String(c.stars))}★ ${c.comment}`).join(" · "),
  ]);
  return (
    <ChartFigure
      title={s.chartRatings}
      spec={{
        kind: "bar",
        horizontal: true,
        max: 5,
        labels: rated.map((r) => r.doctor_name),
        series: [{ label: s.meanRating, data: rated.map((r) => r.mean_stars) }],
      }}
      table={<DataTable caption={s.chartRatings} head={[s.doctor, s.ratings, s.meanRating, s.recentComments]} rows={rows} />}
    />
  );
}

function LatencyChart(props: { a: Analytics }) {
  const s = t();
  const f = props.a.totals;
  const kind = (k: string) => s.jobKinds[k] ?? k;
  const latency = f.inference_latency;
  const jobs = Object.entries(f.inference_jobs).flatMap(([k, byStatus]) =>
    Object.entries(byStatus).map(([st, n]) => [kind(k), s.jobStatuses[st] ?? st, digits(String(n))]),
  );
  return (
    <ChartFigure
      title={s.chartLatency}
      spec={{
        kind: "bar",
        labels: latency.map((x) => kind(x.kind)),
        series: [
          { label: `${s.p50}, ms`, data: latency.map((x) => Math.round(x.p50_ms)) },
          { label: `${s.p95}, ms`, data: latency.map((x) => Math.round(x.p95_ms)) },
        ],
      }}
      table={
        latency.length || jobs.length ? (
          <>
            <DataTable
              caption={s.chartLatency}
              head={[s.model, s.jobs, `${s.p50}, ms`, `${s.p95}, ms`]}
              rows={latency.map((x) => [kind(x.kind), digits(String(x.jobs)), digits(String(Math.round(x.p50_ms))), digits(String(Math.round(x.p95_ms)))])}
            />
            <DataTable caption={s.inferenceJobs} head={[s.model, s.modelStatus, s.jobs]} rows={jobs} />
          </>
        ) : (
          <p class="muted">{s.noData}</p>
        )
      }
    />
  );
}
