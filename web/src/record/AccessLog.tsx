// Who read or changed a patient's record, newest first, in words: when, who (name and role) and
// what they did; older entries a page at a time. Reading the log is itself recorded in it.
import { unwrap, type Schemas } from "@carebridge/client";
import { useEffect, useState } from "preact/hooks";
import { day, t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Loading, useAction } from "../ui";

type Entry = Schemas["AccessLogEntry"];

const PAGE = 50;

/** What the entry's actor did, in words: "viewed documents" (or its action as recorded). */
function what(e: Entry): string {
  const s = t();
  const dot = e.action.lastIndexOf(".");
  const verb = s.verbs[e.action.slice(dot + 1)];
  const subject = s.subjects[e.action.slice(0, dot)];
  const words = verb && subject ? s.did(verb, subject) : e.action;
  return e.purpose ? `${words} (${e.purpose})` : words;
}

function who(e: Entry): string {
  const s = t();
  const role = s.roles[e.actor_role] ?? e.actor_role;
  return `${e.actor_name ?? s.someone} (${role})`;
}

export function AccessLog(props: { patientId: string; title: string }) {
  const s = t();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const more = (cursor?: string) =>
    run(async () => {
      const page = await unwrap(
        api.GET("/api/v1/patients/{id}/access-log", {
          params: { path: { id: props.patientId }, query: { limit: PAGE, cursor } },
        }),
      );
      setEntries((old) => [...(cursor ? (old ?? []) : []), ...page.items]);
      setNext(page.next_cursor ?? null);
    });
  useEffect(() => {
    void more();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.patientId]);

  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">{props.title}</h2>
      {entries === null && !error && <Loading />}
      {entries?.length === 0 && <p class="muted">{s.noAccess}</p>}
      {entries && entries.length > 0 && (
        <table class="log">
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{s.when}</th>
              <th scope="col">{s.who}</th>
              <th scope="col">{s.what}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{day(new Date(e.occurred_at), true)}</td>
                <td>{who(e)}</td>
                <td>
                  {what(e)}
                  {e.outcome !== "success" && <> · {s.refused}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorBox error={error} />
      {error && (
        <button type="button" onClick={() => more(entries && next ? next : undefined)}>
          {s.retry}
        </button>
      )}
      {next && !error && (
        <button type="button" class="secondary" disabled={busy} onClick={() => more(next)}>
          {s.showOlder}
        </button>
      )}
    </section>
  );
}
