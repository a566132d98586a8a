// Messages between a patient and the doctors of their care team: the conversations, opening one,
// and a conversation whose new messages arrive over the socket as they are sent.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { day, t } from "../i18n";
import { navigate } from "../router";
import { subscribe } from "../realtime";
import { api, me } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";

type Message = Schemas["Message"];

/** Names of the other side: the hospital's doctors for a patient, their patients for a doctor. */
async function counterparts(role: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (role === "patient") {
    const page = await unwrap(api.GET("/api/v1/doctors", { params: { query: { limit: 200 } } }));
    for (const d of page.items) names.set(d.id, d.full_name);
  } else {
    const page = await unwrap(api.GET("/api/v1/patients", { params: { query: { limit: 200 } } }));
    for (const p of page.items) names.set(p.id, p.full_name);
  }
  return names;
}

export function Messages() {
  const s = t();
  const role = me.value?.role ?? "patient";
  const l = useLoad(async () => {
    const [list, names] = await Promise.all([
      unwrap(api.GET("/api/v1/conversations", { params: { query: { limit: 200 } } })),
      counterparts(role),
    ]);
    return { items: list.items, names };
  }, [role]);
  const [other, setOther] = useState("");
  const { busy, error, setError, run } = useAction();

  const open = submitting(run, async () => {
    try {
      const body = role === "patient" ? { doctor_id: other } : { patient_id: other };
      const c = await unwrap(api.POST("/api/v1/conversations", { body }));
      navigate(`/messages/${c.id}`);
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404) setError(s.notOnCareTeam);
      else throw e;
    }
  });

  return (
    <Page title={s.messages}>
      <Show l={l}>
        {({ items, names }) => (
          <>
            {items.length === 0 && <p class="muted">{s.noConversations}</p>}
            <ul class="list">
              {items.map((c) => {
                const name = names.get(role === "patient" ? c.doctor_id : c.patient_id) ?? "";
                return (
                  <li key={c.id} class="card row">
                    <a href={`/messages/${c.id}`}>{name}</a>
                    {c.unread > 0 && <span class="status">{s.unread(c.unread)}</span>}
                  </li>
                );
              })}
            </ul>
            <form class="card narrow" onSubmit={open}>
              <div class="field">
                <label for="other">{role === "patient" ? s.doctor : s.patient}</label>
                <select id="other" value={other} onChange={(e) => setOther((e.target as HTMLSelectElement).value)} required>
                  <option value="" />
                  {[...names].map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <ErrorBox error={error} />
              <button type="submit" disabled={busy || !other}>
                {s.openConversation}
              </button>
            </form>
          </>
        )}
      </Show>
    </Page>
  );
}

export function Conversation(props: { id: string }) {
  const s = t();
  return (
    <Page title={s.messages}>
      <p>
        <a href="/messages">{s.allConversations}</a>
      </p>
      <ChatPanel id={props.id} />
    </Page>
  );
}

/** A conversation's messages, new ones as they arrive, and a box to write one (also in a call). */
export function ChatPanel(props: { id: string }) {
  const s = t();
  const mine = me.value?.user_id;
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [text, setText] = useState("");
  const { busy, error, run } = useAction();
  const end = useRef<HTMLLIElement>(null);

  const add = (m: Message) =>
    setMessages((old) => (old === null || old.some((x) => x.id === m.id) ? old : [...old, m]));

  useEffect(() => {
    const off = subscribe((f) => {
      const m = f.message as Message | undefined;
      if (f.type === "chat.message" && f.conversation_id === props.id && m) add(m);
    });
    void run(async () => {
      const page = await unwrap(
        api.GET("/api/v1/conversations/{id}/messages", { params: { path: { id: props.id }, query: { limit: 100 } } }),
      );
      setMessages([...page.items].reverse());
    });
    return off;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.id]);

  // The newest message is read once it is on screen.
  const last = messages?.[messages.length - 1];
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
    if (last && last.sender_id !== mine) {
      void api.POST("/api/v1/conversations/{id}/read", {
        params: { path: { id: props.id } },
        body: { message_id: last.id },
      });
    }
  }, [last?.id]);

  const send = submitting(run, async () => {
    const body = text.trim();
    if (!body) return;
    const m = await unwrap(
      api.POST("/api/v1/conversations/{id}/messages", {
        params: { path: { id: props.id } },
        body: { body, client_id: crypto.randomUUID() },
      }),
    );
    add(m);
    setText("");
  });

  return (
    <div class="chat-panel">
      {messages === null && !error && <p class="muted">{s.loading}</p>}
      <ul class="chat" aria-live="polite" aria-label={s.messages}>
        {(messages ?? []).map((m) => (
          <li key={m.id} ref={m === last ? end : undefined} class={m.sender_id === mine ? "mine" : "theirs"}>
            <p>{m.body}</p>
            <p class="muted">{day(new Date(m.created_at), true)}</p>
          </li>
        ))}
      </ul>
      <form class="card" onSubmit={send}>
        <Field label={s.message} value={text} onInput={setText} multiline required />
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {s.send}
        </button>
      </form>
    </div>
  );
}
