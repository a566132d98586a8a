// A ward's page for a custom role the hospital granted vitals (a nurse): the open clinical alerts
// (when granted `alert:list`), a patient found by name, and that patient's vitals with the form
// to record a set. The patient chosen is in the address (`?patient=`), so a reload keeps it.
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { everything } from "../paging";
import { VitalsSection } from "../record/Vitals";
import { navigate, query } from "../router";
import { api, may } from "../session";
import { Field, Page, Show, useLoad } from "../ui";
import { AlertsSection } from "./Alerts";

export function Ward() {
  const s = t();
  const chosen = query("patient");
  const [q, setQ] = useState("");
  const patients = useLoad(
    () => everything((cursor) => unwrap(api.GET("/api/v1/patients", { params: { query: { limit: 200, cursor } } }))),
    [],
  );
  const name = patients.data?.find((p) => p.id === chosen)?.full_name;
  return (
    <Page title={s.vitals}>
      {may("alert:list") && <AlertsSection chartOf={(id) => `/vitals?patient=${id}`} />}
      <Field label={s.findAPatient} value={q} onInput={setQ} />
      <Show l={patients}>
        {(all) => {
          const needle = q.trim().toLowerCase();
          const found = needle ? all.filter((p) => p.full_name.toLowerCase().includes(needle)).slice(0, 20) : [];
          return (
            <ul class="list">
              {found.map((p) => (
                <li key={p.id}>
                  <button type="button" class="link" onClick={() => navigate(`/vitals?patient=${p.id}`)}>
                    {s.vitalsOf(p.full_name)}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </Show>
      {chosen && (
        <div class="card">
          {name && <p class="when">{name}</p>}
          <VitalsSection key={chosen} patientId={chosen} />
        </div>
      )}
    </Page>
  );
}
