// Specialty suggestions from the words a patient types (the server's small text model): the
// three likeliest specialties with this hospital's doctors of each, a link to book each, always
// labelled "suggested, not a diagnosis". Asked a moment after typing stops; nothing shows while
// the hospital has suggestions switched off (409) or the words are too few (422).
import { unwrap, type Schemas } from "@carebridge/client";
import { useEffect, useState } from "preact/hooks";
import { digits, t } from "../i18n";
import { api } from "../session";

type Answer = Schemas["SpecialtySuggestions"];

/**
 * The words a patient typed, carried to the booking page they go on to. Kept in this page's
 * memory, never in the address: an address ends up in the history and in logs, and these words
 * are about their health.
 */
let carried = "";

/** Keeps `reason` for the booking page that opens next. */
export function carryReason(reason: string) {
  carried = reason.trim();
}

/** The words carried here, once. */
export function takeReason(): string {
  const r = carried;
  carried = "";
  return r;
}

/** The suggestions for `reason`, asked `wait` ms after it last changed; null when there are none. */
function useSuggestions(reason: string, wait = 400): Answer | null {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    const text = reason.trim();
    if (text.length < 3) {
      setAnswer(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      unwrap(api.POST("/api/v1/specialty-suggestions", { body: { reason: text.slice(0, 500) } })).then(
        (a) => live && setAnswer(a.suggestions.length ? a : null),
        () => live && setAnswer(null),
      );
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [reason, wait]);
  return answer;
}

/** The suggestions for `reason`; each doctor links to their booking with the reason kept. */
export function Suggestions(props: { reason: string; exceptDoctor?: string }) {
  const s = t();
  const answer = useSuggestions(props.reason);
  return (
    <div aria-live="polite">
      {answer && (
        <section class="card suggestions" aria-labelledby="suggested-title">
          <h3 id="suggested-title">
            {s.suggestedSpecialties}: <span class="status">{s.notADiagnosis}</span>
          </h3>
          <p class="muted">{s.suggestionIntro}</p>
          <ul>
            {answer.suggestions.map((x) => (
              <li key={x.specialty}>
                <strong>{x.specialty}</strong> <span class="muted">({digits(s.likelihood(x.probability))})</span>
                {x.doctors.length === 0 ? (
                  <span class="muted"> · {s.noDoctorOfSpecialty}</span>
                ) : (
                  <ul>
                    {x.doctors.map((d) => (
                      <li key={d.id}>
                        {d.id === props.exceptDoctor ? (
                          d.name
                        ) : (
                          <a href={`/doctors/${d.id}`} onClick={() => carryReason(props.reason)}>
                            {s.book} {d.name}
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
