// A patient's documents: each one's title, kind, file name, date and size with a download, newest
// first, and a form to upload another (`onUploaded` tells the page, whose AI assistance offers
// it). The patient's own records and their doctor's chart show it.
import { unwrap, type DocumentKind, type Schemas } from "@carebridge/client";
import { useRef, useState } from "preact/hooks";
import { day, t } from "../i18n";
import { everything } from "../paging";
import { api } from "../session";
import { ErrorBox, Field, Show, submitting, useAction, useLoad } from "../ui";
import { save, size } from "./files";

type Document = Schemas["Document"];

const KINDS: DocumentKind[] = ["lab_report", "imaging", "eeg", "other"];

export function Documents(props: { patientId: string; onUploaded?: () => void }) {
  const s = t();
  const id = props.patientId;
  const l = useLoad(async () => {
    const all = await everything((cursor) =>
      unwrap(api.GET("/api/v1/patients/{id}/documents", { params: { path: { id }, query: { limit: 200, cursor } } })),
    );
    return all.reverse();
  }, [id]);
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{s.documents}</h2>
      <Show l={l}>
        {(docs) =>
          docs.length === 0 ? (
            <p class="muted">{s.noDocuments}</p>
          ) : (
            <ul class="list">
              {docs.map((d) => (
                <Row key={d.id} d={d} />
              ))}
            </ul>
          )
        }
      </Show>
      <Upload
        patientId={id}
        onDone={() => {
          l.reload();
          props.onUploaded?.();
        }}
      />
    </section>
  );
}

function Row(props: { d: Document }) {
  const s = t();
  const { d } = props;
  const { busy, error, run } = useAction();
  const download = () =>
    run(async () => save(await api.downloadDocument(d.id), d.content_type || "application/octet-stream", d.file_name));
  return (
    <li class="card">
      <h3 class="name">{d.title}</h3>
      <p class="muted">
        {s.kinds[d.kind] ?? d.kind} · {d.file_name} · {day(new Date(d.created_at))} · {size(d.size)}
      </p>
      <button type="button" class="secondary" disabled={busy} onClick={download}>
        {s.download} {d.title}
      </button>
      <ErrorBox error={error} />
    </li>
  );
}

function Upload(props: { patientId: string; onDone: () => void }) {
  const s = t();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("lab_report");
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useAction();

  const upload = submitting(run, async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    setDone(null);
    await api.uploadDocument(props.patientId, { file, fileName: file.name, title: title.trim(), kind });
    setDone(s.uploaded(title.trim()));
    setTitle("");
    if (input.current) input.current.value = "";
    props.onDone();
  });

  return (
    <form class="card narrow" onSubmit={upload}>
      <h3>{s.uploadDocument}</h3>
      <Field label={s.docTitle} value={title} onInput={setTitle} required />
      <div class="field">
        <label for="upload-kind">{s.kind}</label>
        <select id="upload-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as DocumentKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="upload-file">{s.file}</label>
        <input id="upload-file" type="file" ref={input} required aria-describedby="upload-file-hint" />
        <p class="hint" id="upload-file-hint">
          {s.fileHint}
        </p>
      </div>
      <ErrorBox error={error} />
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {s.upload}
      </button>
    </form>
  );
}
