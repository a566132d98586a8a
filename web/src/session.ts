// The signed-in user: the token (kept in this browser until sign-out or expiry) and who it is.
// A 401 from any call ends the session here and sends the user to sign in, then back.
import { createClient, ProblemError, unwrap, type Schemas } from "@carebridge/client";
import { navigate, query, route } from "./router";
import { signal } from "./state";

export type Me = Schemas["Me"];

const KEY = "carebridge.token";

function storedToken(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export const api = createClient({ baseUrl: location.origin, token: storedToken() });

/** Who is signed in (null: nobody; undefined: not known yet). */
export const me = signal<Me | null | undefined>(storedToken() ? undefined : null);
/** Why the user was sent to sign in, shown there. */
export const notice = signal<string | null>(null);

api.use({
  onResponse({ response, request }) {
    if (response.status === 401 && api.token && !request.url.includes("/api/v1/auth/login")) {
      endSession(true);
    }
    return response;
  },
});

/** Keeps a new session's token and loads who it is. */
export async function startSession(token: string): Promise<Me> {
  api.token = token;
  try {
    localStorage.setItem(KEY, token);
  } catch {
    /* private mode: the session lasts this page */
  }
  return loadMe();
}

export async function loadMe(): Promise<Me> {
  const who = await unwrap(api.GET("/api/v1/auth/me"));
  me.value = who;
  return who;
}

/** Whether the signed-in role may do `permission` (`object:action`, as `/auth/me` names them). */
export function may(permission: string): boolean {
  return me.value?.permissions.includes(permission) ?? false;
}

/** Forgets the session; `expired` sends the user to sign in and back to where they were. */
export function endSession(expired = false) {
  api.token = undefined;
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing kept */
  }
  me.value = null;
  if (expired && !route.value.startsWith("/sign-in")) {
    notice.value = "expired";
    navigate(`/sign-in?next=${encodeURIComponent(route.value)}`, true);
  }
}

export async function signOut() {
  try {
    await api.logout();
  } catch {
    /* the session is gone either way */
  }
  endSession();
  navigate("/sign-in");
}

/** Whether `who` is a custom role that records vitals on the ward (a nurse granted them). */
export function ward(who: Me): boolean {
  const custom = !["patient", "doctor", "hospital_admin", "super_admin"].includes(who.role);
  return custom && who.permissions.includes("vitals:create") && who.permissions.includes("patient:list");
}

/** Where a role starts. */
export function home(who: Me): string {
  if (who.must_enrol_totp) return "/security";
  if (who.role === "patient") return "/doctors";
  if (who.role === "super_admin") return "/hospitals";
  // A pharmacist dispenses; a nurse granted vitals records them; other custom roles have no
  // page of their own yet: their account page.
  if (who.role !== "doctor" && who.role !== "hospital_admin") {
    if (who.permissions.includes("prescription:dispense")) return "/dispense";
    return ward(who) ? "/vitals" : "/security";
  }
  return "/appointments";
}

/** Where a sign-in leads: back to the page that asked for it (`?next=`), else the role's start. */
export function afterSignIn(who: Me): string {
  const next = query("next");
  const back = next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in");
  return back && !who.must_enrol_totp ? next : home(who);
}

/** An error in words for the person at the screen. */
export function words(e: unknown): string {
  if (e instanceof ProblemError) return e.detail || e.title;
  if (e instanceof TypeError) return "The server could not be reached. Check the connection and try again.";
  return e instanceof Error ? e.message : String(e);
}
