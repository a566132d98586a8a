// Bytes the API hands over (a document, a prescription's PDF), shown to the person: saved under
// their file name, or opened in a new tab. A link cannot carry the session's bearer token, so the
// app fetches the bytes itself and gives the browser a blob URL.
import { digits, t } from "../i18n";

/** Saves `bytes` as a download named `name`. */
export function save(bytes: Uint8Array, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Opens the PDF that `load` fetches in a new tab. The tab is opened at once, within the click, so
 * that no pop-up blocker stops it, and shows the PDF when it has arrived; it closes again when
 * the PDF cannot be had (the error is the caller's to show).
 */
export async function openPdf(load: () => Promise<Uint8Array>, name: string) {
  const tab = window.open("", "_blank");
  if (tab) tab.opener = null;
  try {
    const bytes = await load();
    // Without a tab (pop-ups refused), the PDF is saved instead.
    if (!tab) return save(bytes, "application/pdf", name);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/pdf" }));
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/** A file's size as people read it: 812 bytes, 14.2 KB, 3.1 MB. */
export function size(bytes: number): string {
  const s = t();
  if (bytes < 1024) return digits(`${bytes} ${s.bytes}`);
  if (bytes < 1024 * 1024) return digits(`${(bytes / 1024).toFixed(1)} KB`);
  return digits(`${(bytes / 1024 / 1024).toFixed(1)} MB`);
}
