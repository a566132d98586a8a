// Hospital admin: the AI model registry, read only: each kind's versions in registration order
// with their status (new jobs use the active one), evaluation figures and weights' sha256.
// Changing a version's status is the platform's (super admins), so it is not offered here.
import { unwrap, type Schemas } from "@carebridge/client";
import { day, digits, t } from "../i18n";
import { api } from "../session";
import { Page, Show, useLoad } from "../ui";

type Version = Schemas["ModelVersion"];

/** A figure of the evaluation, wherever this kind's metrics keep it. */
function figure(v: Version, name: "accuracy" | "macro_f1" | "kappa"): number | undefined {
  const m = (v.metrics ?? {}) as Record<string, unknown>;
  const overall = ((m.evaluation as Record<string, unknown> | undefined)?.overall ?? {}) as Record<string, unknown>;
  const value = overall[name] ?? m[`eval_${name}`] ?? m[name];
  return typeof value === "number" ? value : undefined;
}

function percent(x: number | undefined): string {
  return x === undefined ? "—" : digits(`${(x * 100).toFixed(1)} %`);
}

function byKind(versions: Version[]): [string, Version[]][] {
  const kinds = new Map<string, Version[]>();
  for (const v of versions) kinds.set(v.kind, [...(kinds.get(v.kind) ?? []), v]);
  return [...kinds.entries()];
}

export function Models() {
  const s = t();
  const l = useLoad(() => unwrap(api.GET("/api/v1/models")), []);
  return (
    <Page title={s.models}>
      <p class="muted">{s.modelsIntro}</p>
      <Show l={l}>
        {(versions) =>
          versions.length === 0 ? (
            <p class="muted">{s.noModels}</p>
          ) : (
            byKind(versions).map(([kind, list]) => (
              <section key={kind} class="card" aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`}>{s.modelKinds[kind] ?? kind}</h2>
                <div class="scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{s.version}</th>
                        <th scope="col">{s.modelStatus}</th>
                        <th scope="col">{s.registered}</th>
                        <th scope="col">{s.accuracy}</th>
                        <th scope="col">{s.macroF1}</th>
                        <th scope="col">sha256</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((v) => (
                        <tr key={v.version}>
                          <th scope="row">{v.version}</th>
                          <td>
                            <span class={`status model-${v.status}`}>{s.modelStatuses[v.status] ?? v.status}</span>
                          </td>
                          <td>{day(new Date(v.created_at))}</td>
                          <td>{percent(figure(v, "accuracy"))}</td>
                          <td>{percent(figure(v, "macro_f1"))}</td>
                          <td>
                            <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {list.map((v) => {
                  const data = (v.metrics as Record<string, unknown> | null)?.data;
                  return typeof data === "string" ? (
                    <p key={v.version} class="hint">
                      {v.version}: {s.trainedOn} {data.replace(/\s*\([^)]*\)/g, "")}
                    </p>
                  ) : null;
                })}
              </section>
            ))
          )
        }
      </Show>
    </Page>
  );
}
