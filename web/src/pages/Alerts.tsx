// Clinical alerts at the top of a doctor's queue: the care team's open alerts (a vitals set whose
// NEWS2 risk is not low), most urgent first, each with its score, risk, whether it is rising, the
// patient's chart and Acknowledge. Read again when the socket brings a notification, which is
// how a new alert arrives.
import { unwrap, type Schemas } from "@carebridge/client";
import { useEffect } from "preact/hooks";
import { day, t } from "../i18n";
import { subscribe } from "../realtime";
import { Risk, news2Line } from "../record/Vitals";
import { api } from "../session";
import { ErrorBox, Show, useAction, useLoad } from "../ui";

type Alert = Schemas["Alert"];

const URGENCY: Record<string, number> = { high: 0, medium: 1, low_medium: 2 };

function urgent(a: Alert, b: Alert): number {
  return (URGENCY[a.news2_risk] ?? 3) - (URGENCY[b.news2_risk] ?? 3) || b.measured_at.localeCompare(a.measured_at);
}

/** `chartOf` is where a patient's name leads (the doctor's chart unless said). */
export function AlertsSection(props: { chartOf?: (patientId: string) => string }) {
  const s = t();
  const l = useLoad(async () => {
    const page = await unwrap(api.GET("/api/v1/alerts", { params: { query: { limit: 200 } } }));
    return page.items.filter((a) => !a.acknowledged_at).sort(urgent);
  }, []);
  useEffect(
    () =>
      subscribe((frame) => {
        if (frame.type === "notification") l.reload();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <section class="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{s.alerts}</h2>
      <Show l={l}>
        {(items) =>
          items.length === 0 ? (
            <p class="muted">{s.noAlerts}</p>
          ) : (
            <ul class="list">
              {items.map((a) => (
                <AlertRow key={a.id} a={a} onDone={l.reload} chart={(props.chartOf ?? ((id) => `/patients/${id}`))(a.patient_id)} />
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

function AlertRow(props: { a: Alert; onDone: () => void; chart: string }) {
  const s = t();
  const { a } = props;
  const { busy, error, run } = useAction();
  const acknowledge = () =>
    run(async () => {
      await unwrap(api.POST("/api/v1/alerts/{id}/acknowledge", { params: { path: { id: a.id } } }));
      props.onDone();
    });
  return (
    <li class="card">
      <p>
        <strong>{a.patient_name}</strong> · <Risk risk={a.news2_risk} />
      </p>
      <p>
        {news2Line(s, a.news2_score, a.news2_risk)}
        {a.rising && <> · {s.rising}</>}
      </p>
      <p class="muted">
        {s.measured}: {day(new Date(a.measured_at), true)}
      </p>
      <div class="actions">
        <a href={props.chart}>
          {s.openChart}
          <span class="visually-hidden"> {a.patient_name}</span>
        </a>
        <button type="button" disabled={busy} onClick={acknowledge}>
          {s.acknowledge}
          <span class="visually-hidden"> {a.patient_name}</span>
        </button>
      </div>
      <ErrorBox error={error} />
    </li>
  );
}
