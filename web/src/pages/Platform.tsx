// A super admin's view of the platform over a period (`/analytics/platform`): per hospital its
// appointments by status, net revenue and active users, as charts and as a table. The server
// answers counts only, never a patient's name or record.
import { unwrap, type Schemas } from "@carebridge/client";
import { digits, t } from "../i18n";
import { api } from "../session";
import { Page, Show, useLoad } from "../ui";
import { ChartFigure, DataTable, PeriodForm, STATUS_COLOURS, money, usePeriod } from "../charts";

type Hospital = Schemas["HospitalFigures"];

const STATUSES = ["requested", "awaiting_payment", "confirmed", "in_progress", "completed", "rejected", "cancelled", "no_show"];

function count(h: Hospital): number {
  return Object.values(h.appointments).reduce((n, c) => n + c, 0);
}

export function Platform() {
  const s = t();
  const [period, setPeriod] = usePeriod();
  const l = useLoad(
    () => unwrap(api.GET("/api/v1/analytics/platform", { params: { query: period } })),
    [period.from, period.to],
  );
  return (
    <Page title={s.platform}>
      <PeriodForm period={period} onShow={setPeriod} />
      <Show l={l}>
        {(p) => (
          <>
            <HospitalsTable hospitals={p.hospitals} />
            <div class="charts">
              <AppointmentsChart hospitals={p.hospitals} />
              <UsersChart hospitals={p.hospitals} />
            </div>
          </>
        )}
      </Show>
    </Page>
  );
}

function HospitalsTable(props: { hospitals: Hospital[] }) {
  const s = t();
  const rows = props.hospitals.map((h) => [
    h.name,
    digits(String(count(h))),
    h.revenue.map((r) => money(r.amount, r.currency)).join(", ") || s.noneYet,
    digits(String(h.active_users)),
  ]);
  return (
    <section aria-labelledby="hospitals-title">
      <h2 id="hospitals-title">{s.hospitals}</h2>
      <DataTable caption={s.hospitals} head={[s.name, s.totalAppointments, s.revenue, s.activeUsers]} rows={rows} />
    </section>
  );
}

function AppointmentsChart(props: { hospitals: Hospital[] }) {
  const s = t();
  const hs = props.hospitals;
  const present = STATUSES.filter((st) => hs.some((h) => (h.appointments[st] ?? 0) > 0));
  const rows = hs.map((h) => [h.name, ...present.map((st) => digits(String(h.appointments[st] ?? 0)))]);
  return (
    <ChartFigure
      title={s.chartHospitalAppointments}
      tall={hs.length > 6}
      spec={{
        kind: "bar",
        horizontal: true,
        stacked: true,
        labels: hs.map((h) => h.name),
        series: present.map((st) => ({
          label: s.status[st] ?? st,
          data: hs.map((h) => h.appointments[st] ?? 0),
          colour: STATUS_COLOURS[st],
        })),
      }}
      table={<DataTable caption={s.chartHospitalAppointments} head={[s.name, ...present.map((st) => s.status[st] ?? st)]} rows={rows} />}
    />
  );
}

function UsersChart(props: { hospitals: Hospital[] }) {
  const s = t();
  const hs = props.hospitals;
  return (
    <ChartFigure
      title={s.chartActiveUsers}
      tall={hs.length > 6}
      spec={{
        kind: "bar",
        horizontal: true,
        labels: hs.map((h) => h.name),
        series: [{ label: s.activeUsers, data: hs.map((h) => h.active_users) }],
      }}
      table={<DataTable caption={s.chartActiveUsers} head={[s.name, s.activeUsers]} rows={hs.map((h) => [h.name, digits(String(h.active_users))])} />}
    />
  );
}
