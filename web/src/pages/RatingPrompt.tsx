// After a completed visit, its patient is asked once to rate it: 1 to 5 stars and a comment.
// Once rated (here or before), the visit shows the rating given instead of the question; the
// server refuses a second rating (409).
import { ProblemError, unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { digits, t } from "../i18n";
import { api } from "../session";
import { ErrorBox, Field, submitting, useAction, useLoad } from "../ui";

/** The visit's rating, or null while it has none (404). */
async function rating(id: string) {
  try {
    return await unwrap(api.GET("/api/v1/appointments/{id}/rating", { params: { path: { id } } }));
  } catch (e) {
    if (e instanceof ProblemError && e.status === 404) return null;
    throw e;
  }
}

export function RatingPrompt(props: { appointmentId: string }) {
  const s = t();
  const id = props.appointmentId;
  const l = useLoad(() => rating(id), [id]);
  if (l.loading || l.error) return null;
  if (l.data) {
    return (
      <p class="notice" role="status">
        {digits(s.youRated(l.data.stars))}
      </p>
    );
  }
  return <RateForm appointmentId={id} onDone={l.reload} />;
}

function RateForm(props: { appointmentId: string; onDone: () => void }) {
  const s = t();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState("");
  const { busy, error, run } = useAction();
  const [group] = useState(() => `stars-${props.appointmentId}`);
  const send = submitting(run, async () => {
    if (stars < 1) throw new Error(s.chooseStars);
    const text = comment.trim();
    await unwrap(
      api.POST("/api/v1/appointments/{id}/rating", {
        params: { path: { id: props.appointmentId } },
        body: { stars, comment: text || null },
      }),
    );
    props.onDone();
  });
  return (
    <form class="card inner" onSubmit={send}>
      <fieldset class="stars">
        <legend>{s.rateVisit}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name={group} value={n} checked={stars === n} onChange={() => setStars(n)} />
            <span aria-hidden="true">{"★".repeat(n)}</span>
            <span class="visually-hidden">{s.starsName(n)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={s.comment} value={comment} onInput={setComment} hint={s.commentHint} multiline />
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        {s.sendRating}
      </button>
    </form>
  );
}
