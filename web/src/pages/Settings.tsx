// Hospital admin: the hospital's settings as the server holds them (booking rules, payment, AI,
// two-factor for staff), changed and saved in one go; the server's 422 is told in the field's
// own words. Suspension is the super admin's and is not offered here.
import { ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { useState } from "preact/hooks";
import { day, t, type Strings } from "../i18n";
import { api, me, words } from "../session";
import { ErrorBox, Field, Page, Show, submitting, useAction, useLoad } from "../ui";
import { Check } from "../widgets";

type Hospital = Schemas["Hospital"];
type Patch = Schemas["HospitalPatch"];
type Provider = Schemas["NewHospital"]["payment_provider"];

/** The form's values: numbers as typed, the fee in the currency's main unit. */
type Form = {
  name: string;
  timezone: string;
  currency: string;
  fee: string;
  provider: Provider;
  approval: boolean;
  payment: boolean;
  notice: string;
  horizon: string;
  cancellation: string;
  refund: string;
  hold: string;
  ai: boolean;
  sleep: boolean;
  xray: boolean;
  specialty: boolean;
  quota: string;
  concurrency: string;
  totp: boolean;
};

function formOf(h: Hospital): Form {
  return {
    name: h.name,
    timezone: h.timezone,
    currency: h.currency,
    fee: String(h.appointment_fee / 100),
    provider: h.payment_provider as Provider,
    approval: h.approval_required,
    payment: h.payment_required,
    notice: String(h.min_notice_minutes),
    horizon: String(h.booking_horizon_days),
    cancellation: String(h.cancellation_window_hours),
    refund: String(h.refund_window_hours),
    hold: String(h.payment_window_minutes),
    ai: h.ai_assistance,
    sleep: h.ai_sleep_staging,
    xray: h.ai_chest_xray,
    specialty: h.ai_specialty_suggestion,
    quota: String(h.inference_daily_quota),
    concurrency: String(h.inference_concurrency),
    totp: h.totp_required,
  };
}

/** The label of each field the server may name in a 422. */
function labels(s: Strings): Record<string, string> {
  return {
    name: s.name,
    timezone: s.timeZone,
    currency: s.currency,
    appointment_fee: s.appointmentFee,
    min_notice_minutes: s.minNotice,
    booking_horizon_days: s.bookingHorizon,
    cancellation_window_hours: s.cancellationWindow,
    refund_window_hours: s.refundWindow,
    payment_window_minutes: s.paymentWindow,
    inference_daily_quota: s.aiQuota,
    inference_concurrency: s.aiConcurrency,
  };
}

/** A whole number typed in a field, or an error naming the field. */
function whole(s: Strings, label: string, v: string): number {
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isInteger(n)) throw new Error(s.mustBeWhole(label));
  return n;
}

function patchOf(s: Strings, f: Form): Patch {
  const fee = Number(f.fee.trim());
  if (f.fee.trim() === "" || !Number.isFinite(fee)) throw new Error(s.mustBeAmount(s.appointmentFee));
  return {
    name: f.name.trim(),
    timezone: f.timezone.trim(),
    currency: f.currency.trim().toUpperCase(),
    appointment_fee: Math.round(fee * 100),
    payment_provider: f.provider,
    approval_required: f.approval,
    payment_required: f.payment,
    min_notice_minutes: whole(s, s.minNotice, f.notice),
    booking_horizon_days: whole(s, s.bookingHorizon, f.horizon),
    cancellation_window_hours: whole(s, s.cancellationWindow, f.cancellation),
    refund_window_hours: whole(s, s.refundWindow, f.refund),
    payment_window_minutes: whole(s, s.paymentWindow, f.hold),
    ai_assistance: f.ai,
    ai_sleep_staging: f.sleep,
    ai_chest_xray: f.xray,
    ai_specialty_suggestion: f.specialty,
    inference_daily_quota: whole(s, s.aiQuota, f.quota),
    inference_concurrency: whole(s, s.aiConcurrency, f.concurrency),
    totp_required: f.totp,
  };
}

/** The server's 422 in the words of the form: its field names become their labels. */
function explain(s: Strings, e: unknown): string {
  if (!(e instanceof ProblemError) || e.status !== 422) return words(e);
  const detail = e.detail ?? "";
  const range = detail.match(/^([a-z_]+) must be between (-?\d+) and (-?\d+)$/);
  const known = labels(s);
  if (range && known[range[1]!]) return s.mustBeBetween(known[range[1]!]!, Number(range[2]), Number(range[3]));
  if (/Khalti takes payments in NPR only/.test(detail)) return s.khaltiNpr;
  return Object.entries(known).reduce((text, [key, label]) => text.replaceAll(key, `“${label}”`), detail);
}

export function Settings() {
  const s = t();
  const id = me.value?.hospital_id ?? "";
  const l = useLoad(() => unwrap(api.GET("/api/v1/hospitals/{id}", { params: { path: { id } } })), [id]);
  return (
    <Page title={s.settings}>
      <Show l={l}>{(h) => <SettingsForm key={h.id} h={h} />}</Show>
    </Page>
  );
}

function SettingsForm(props: { h: Hospital }) {
  const s = t();
  const [h, setH] = useState(props.h);
  const [f, setF] = useState<Form>(() => formOf(props.h));
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();
  const set = <K extends keyof Form>(k: K) => (v: Form[K]) => {
    setSaved(false);
    setF({ ...f, [k]: v });
  };

  const submit = submitting(run, async () => {
    let now: Hospital;
    try {
      now = await unwrap(api.PATCH("/api/v1/hospitals/{id}", { params: { path: { id: h.id } }, body: patchOf(s, f) }));
    } catch (e) {
      // useAction would say it as the server did; this names the field as the form does.
      setError(explain(s, e));
      return;
    }
    // What the server kept (it trims and normalises), read back into the form.
    setH(now);
    setF(formOf(now));
    setSaved(true);
  });

  return (
    <form class="card settings" onSubmit={submit} noValidate>
      <p class="muted">
        {h.slug} · {h.currency}
      </p>
      <fieldset>
        <legend>{s.settingsHospital}</legend>
        <Field label={s.name} value={f.name} onInput={set("name")} required />
        <Field label={s.timeZone} value={f.timezone} onInput={set("timezone")} hint={s.timeZoneHint} required />
      </fieldset>
      <fieldset>
        <legend>{s.settingsBooking}</legend>
        <Check label={s.approvalRequired} checked={f.approval} onChange={set("approval")} hint={s.approvalHint} />
        <Field label={s.minNotice} value={f.notice} onInput={set("notice")} inputMode="numeric" hint={s.minNoticeHint} />
        <Field label={s.bookingHorizon} value={f.horizon} onInput={set("horizon")} inputMode="numeric" hint={s.bookingHorizonHint} />
        <Field
          label={s.cancellationWindow}
          value={f.cancellation}
          onInput={set("cancellation")}
          inputMode="numeric"
          hint={s.cancellationWindowHint}
        />
      </fieldset>
      <fieldset>
        <legend>{s.settingsPayment}</legend>
        <Check label={s.paymentRequired} checked={f.payment} onChange={set("payment")} hint={s.paymentRequiredHint} />
        <div class="field">
          <label for="provider">{s.paymentProvider}</label>
          <select id="provider" value={f.provider} onChange={(e) => set("provider")((e.target as HTMLSelectElement).value as Provider)}>
            <option value="khalti">Khalti</option>
            <option value="stripe">Stripe</option>
            <option value="none">{s.noPayment}</option>
          </select>
        </div>
        <Field label={s.currency} value={f.currency} onInput={set("currency")} hint={s.currencyHint} required />
        <Field label={s.appointmentFee} value={f.fee} onInput={set("fee")} inputMode="numeric" hint={s.feeHint} required />
        <Field label={s.refundWindow} value={f.refund} onInput={set("refund")} inputMode="numeric" hint={s.refundWindowHint} />
        <Field label={s.paymentWindow} value={f.hold} onInput={set("hold")} inputMode="numeric" hint={s.paymentWindowHint} />
      </fieldset>
      <fieldset>
        <legend>{s.settingsAi}</legend>
        <Check label={s.aiAssistance} checked={f.ai} onChange={set("ai")} hint={s.aiAssistanceHint} />
        <Check label={s.aiSleep} checked={f.sleep} onChange={set("sleep")} />
        <Check label={s.aiXray} checked={f.xray} onChange={set("xray")} />
        <Check label={s.aiSpecialty} checked={f.specialty} onChange={set("specialty")} hint={s.aiSpecialtyHint} />
        <Field label={s.aiQuota} value={f.quota} onInput={set("quota")} inputMode="numeric" hint={s.aiQuotaHint} />
        <Field label={s.aiConcurrency} value={f.concurrency} onInput={set("concurrency")} inputMode="numeric" hint={s.aiConcurrencyHint} />
      </fieldset>
      <fieldset>
        <legend>{s.settingsSecurity}</legend>
        <Check label={s.totpRequired} checked={f.totp} onChange={set("totp")} hint={s.totpRequiredHint} />
      </fieldset>
      <ErrorBox error={error} />
      {saved && (
        <p class="notice" role="status">
          {s.settingsSaved}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {s.saveSettings}
      </button>
      <p class="hint">{s.lastChanged(day(new Date(h.updated_at), true))}</p>
    </form>
  );
}
