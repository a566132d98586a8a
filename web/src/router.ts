// Pages are paths (`/doctors/42`): the server answers the app for any of them, so links,
// reloads and the back button work. `navigate` moves without reloading.
import { signal } from "./state";

export const route = signal<string>(location.pathname + location.search);

export function navigate(to: string, replace = false) {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  route.value = to;
  window.scrollTo(0, 0);
}

addEventListener("popstate", () => {
  route.value = location.pathname + location.search;
});

/** The path without its query. */
export function path(): string {
  return route.value.split("?")[0] ?? "/";
}

/** A query parameter of the current route. */
export function query(name: string): string | null {
  return new URLSearchParams(route.value.split("?")[1] ?? "").get(name);
}

/** Follows a same-origin link without a reload (left click without modifiers only). */
export function onLink(e: MouseEvent) {
  const a = (e.target as HTMLElement).closest("a");
  if (!a || a.target || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  // A link within this page (the skip link) is the browser's to follow.
  if (url.hash && url.pathname === location.pathname) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
}
