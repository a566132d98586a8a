// A button that opens a prescription's PDF in a new tab, fetched with the session's token (a
// link could not carry it), its labels in the language the app is in; a failure is said in words
// beside it.
import type { Schemas } from "@carebridge/client";
import { lang } from "../i18n";
import { api } from "../session";
import { ErrorBox, useAction } from "../ui";
import { openPdf } from "./files";

/** Opens the prescription's PDF in a new tab (fetched with the session's token). */
export function PdfButton(props: { p: Schemas["Prescription"]; label: string }) {
  const { busy, error, run } = useAction();
  const { p } = props;
  const open = () =>
    run(() => openPdf(() => api.downloadPrescriptionPdf(p.id, lang.value), `prescription-${p.verification_code}.pdf`));
  return (
    <>
      <button type="button" class="secondary" disabled={busy} onClick={open}>
        {props.label}
      </button>
      <ErrorBox error={error} />
    </>
  );
}
