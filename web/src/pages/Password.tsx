// Changing one's own password: the current one and a new one. An account whose password the
// hospital reset (a temporary one) is sent here before anything else, as the server requires.
import { unwrap } from "@carebridge/client";
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { navigate } from "../router";
import { api, home, loadMe, me } from "../session";
import { ErrorBox, Field, Page, submitting, useAction } from "../ui";

export function Password() {
  const s = t();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const forced = me.value?.must_change_password === true;

  const submit = submitting(run, async () => {
    await unwrap(api.POST("/api/v1/auth/password", { body: { current_password: current, new_password: next } }));
    setCurrent("");
    setNext("");
    const who = await loadMe();
    if (forced) navigate(home(who), true);
    else setDone(true);
  });

  return (
    <Page title={s.changePassword}>
      {forced && (
        <p class="notice" role="status">
          {s.mustChangePassword}
        </p>
      )}
      <form class="card narrow" onSubmit={submit}>
        <Field
          label={s.currentPassword}
          type="password"
          value={current}
          onInput={setCurrent}
          autocomplete="current-password"
          hint={forced ? s.currentPasswordHint : undefined}
          required
        />
        <Field
          label={s.newPassword}
          type="password"
          value={next}
          onInput={setNext}
          autocomplete="new-password"
          hint={s.passwordHint}
          required
        />
        <ErrorBox error={error} />
        {done && (
          <p class="notice" role="status">
            {s.passwordChanged}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {s.changePassword}
        </button>
      </form>
    </Page>
  );
}
