// A patient's clinical notes, newest first, each with its date, author and whether it is private;
// the doctor writes another below them.
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t } from "../i18n";
import { everything } from "../paging";
import { api, me } from "../session";
import { ErrorBox, Field, Show, submitting, useAction, useLoad } from "../ui";

/** The hospital's doctors by their user id: a note's author. */
async function authors(): Promise<Map<string, string>> {
  const page = await unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } }));
  return new Map(page.items.map((d) => [d.user_id, d.full_name]));
}

export function Notes(props: { patientId: string }) {
  const s = t();
  const id = props.patientId;
  const l = useLoad(async () => {
    const [all, names] = await Promise.all([
      everything((cursor) =>
        unwrap(api.GET("/api/v1/patients/{id}/notes", { params: { path: { id }, query: { limit: 200, cursor } } })),
      ),
      authors(),
    ]);
    return { items: all.reverse(), names };
  }, [id]);
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{s.notes}</h2>
      <Show l={l}>
        {({ items, names }) =>
          items.length === 0 ? (
            <p class="muted">{s.noNotes}</p>
          ) : (
            <ul class="list">
              {items.map((n) => (
                <li key={n.id} class="card">
                  <p class="muted">
                    {day(new Date(n.created_at), true)} ·{" "}
                    {n.author_user_id === me.value?.user_id ? s.you : (names.get(n.author_user_id) ?? "")}
                    {n.private && (
                      <>
                        {" "}
                        <span class="status">{s.private}</span>
                      </>
                    )}
                  </p>
                  <p class="body">{n.body}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <NewNote patientId={id} onDone={l.reload} />
    </section>
  );
}

function NewNote(props: { patientId: string; onDone: () => void }) {
  const s = t();
  const [body, setBody] = useState("");
  const [secret, setSecret] = useState(false);
  const { busy, error, run } = useAction();
  const write = submitting(run, async () => {
    await unwrap(
      api.POST("/api/v1/patients/{id}/notes", {
        params: { path: { id: props.patientId } },
        body: { body: body.trim(), private: secret },
      }),
    );
    setBody("");
    setSecret(false);
    props.onDone();
  });
  return (
    <form class="card" onSubmit={write}>
      <Field label={s.note} value={body} onInput={setBody} multiline required />
      <div class="field check">
        <input
          id="note-private"
          type="checkbox"
          checked={secret}
          aria-describedby="note-private-hint"
          onChange={(e) => setSecret((e.target as HTMLInputElement).checked)}
        />
        <label for="note-private">{s.privateNote}</label>
        <p class="hint" id="note-private-hint">
          {s.privateHint}
        </p>
      </div>
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        {s.saveNote}
      </button>
    </form>
  );
}
