// Find a doctor: the hospital's doctors, filtered by name or specialty, each with a Book button.
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { navigate } from "../router";
import { api } from "../session";
import { Field, Page, Show, useLoad } from "../ui";
import { Suggestions, carryReason } from "./Suggestions";

export function Doctors() {
  const s = t();
  const [q, setQ] = useState("");
  const [symptoms, setSymptoms] = useState("");
  const doctors = useLoad(() => unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } })), []);
  return (
    <Page title={s.findADoctor}>
      <Field label={s.symptoms} value={symptoms} onInput={setSymptoms} hint={s.symptomsHint} multiline />
      <Suggestions reason={symptoms} />
      <Field label={s.search} value={q} onInput={setQ} />
      <Show l={doctors}>
        {(page) => {
          const needle = q.trim().toLowerCase();
          const found = page.items.filter(
            (d) => !needle || `${d.full_name} ${d.specialization}`.toLowerCase().includes(needle),
          );
          if (found.length === 0) return <p class="muted">{s.noDoctors}</p>;
          return (
            <ul class="list">
              {found.map((d) => (
                <li key={d.id} class="card row">
                  <div>
                    <h2 class="name">{d.full_name}</h2>
                    <p class="muted">{d.specialization}</p>
                    {d.bio && <p>{d.bio}</p>}
                  </div>
                  <button
                    type="button"
                    onClick={() => {
                      carryReason(symptoms);
                      navigate(`/doctors/${d.id}`);
                    }}
                  >
                    {s.book} {d.full_name}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </Show>
    </Page>
  );
}
