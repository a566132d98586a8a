// The app's shell: a header with the role's links, the language and Sign out; the page of the
// current path. Signed-out visitors see sign-in and registration only.
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { lang, setLang, t, type Lang } from "./i18n";
import { navigate, onLink, path, query, route } from "./router";
import { afterSignIn, endSession, home, loadMe, may, me, signOut, ward } from "./session";
import { useWatch } from "./state";
import { Loading, Page } from "./ui";
import { Appointments } from "./pages/Appointments";
import { Availability } from "./pages/Availability";
import { CallPage } from "./pages/Call";
import { Book } from "./pages/Book";
import { Chart } from "./pages/Chart";
import { Dispense } from "./pages/Dispense";
import { Doctors } from "./pages/Doctors";
import { Hospitals } from "./pages/Hospitals";
import { Conversation, Messages } from "./pages/Messages";
import { Staff } from "./pages/Staff";
import { Records } from "./pages/Records";
import { Register } from "./pages/Register";
import { Security } from "./pages/Security";
import { SignIn } from "./pages/SignIn";
import { Audit } from "./pages/Audit";
import { CareTeams } from "./pages/CareTeams";
import { Models } from "./pages/Models";
import { Password } from "./pages/Password";
import { Settings } from "./pages/Settings";
import { Dashboard } from "./pages/Dashboard";
import { Platform } from "./pages/Platform";
import { Ward } from "./pages/Ward";
// Devanagari for Nepali (OFL, from npm): fetched only when Devanagari text is on the page.
import "@fontsource/noto-sans-devanagari/devanagari-400.css";
import "@fontsource/noto-sans-devanagari/devanagari-700.css";
import "./style.css";

const PUBLIC = ["/sign-in", "/register"];

function Header() {
  const s = t();
  const who = me.value;
  return (
    <header>
      <a class="brand" href={who ? home(who) : "/sign-in"}>
        carebridge
      </a>
      <nav aria-label="Main">
        {who?.role === "patient" && !who.must_enrol_totp && (
          <>
            <a href="/doctors">{s.findADoctor}</a>
            <a href="/appointments">{s.myAppointments}</a>
            <a href="/messages">{s.messages}</a>
            <a href="/records">{s.records}</a>
          </>
        )}
        {who?.role === "super_admin" && (
          <>
            <a href="/hospitals">{s.hospitals}</a>
            <a href="/platform">{s.platform}</a>
          </>
        )}
        {who?.role === "hospital_admin" && !who.must_enrol_totp && <a href="/staff">{s.staff}</a>}
        {who?.role === "hospital_admin" && !who.must_enrol_totp && (
          <>
            <a href="/dashboard">{s.dashboard}</a>
            <a href="/care-teams">{s.careTeams}</a>
            <a href="/settings">{s.settings}</a>
            <a href="/audit">{s.auditTrail}</a>
            <a href="/models">{s.models}</a>
          </>
        )}
        {who && who.role !== "patient" && !who.must_enrol_totp && may("appointment:list") && (
          <a href="/appointments">{s.appointments}</a>
        )}
        {who?.role === "doctor" && !who.must_enrol_totp && (
          <>
            <a href="/availability">{s.availability}</a>
            <a href="/messages">{s.messages}</a>
          </>
        )}
        {who && !who.must_enrol_totp && may("prescription:dispense") && <a href="/dispense">{s.dispense}</a>}
        {who && !who.must_enrol_totp && ward(who) && <a href="/vitals">{s.vitals}</a>}
        {who && <a href="/security">{s.security}</a>}
      </nav>
      <div class="tools">
        <label>
          <span class="visually-hidden">{s.language}</span>
          <select value={lang.value} onChange={(e) => setLang((e.target as HTMLSelectElement).value as Lang)}>
            <option value="en">English</option>
            <option value="ne">नेपाली</option>
          </select>
        </label>
        {who && (
          <button type="button" class="secondary" onClick={signOut}>
            {s.signOut}
          </button>
        )}
      </div>
    </header>
  );
}

/** Moves to `to` once rendered (replacing this entry in the history). */
function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, true), [props.to]);
  return <Loading />;
}

function Current() {
  const p = path();
  const who = me.value;
  if (who === undefined) return <Loading />;
  if (!who) {
    if (p === "/register") return <Register />;
    return <SignIn />;
  }
  // Signed in on a signed-out page (just now, or by a link): on to where they were going.
  if (PUBLIC.includes(p) || p === "/") {
    return <Redirect to={afterSignIn(who)} />;
  }
  if (who.must_change_password && p !== "/password") return <Redirect to="/password" />;
  if (who.must_enrol_totp && p !== "/security") return <Redirect to="/security" />;
  if (p === "/security") return <Security />;
  if (p === "/doctors") return <Doctors />;
  const doctor = p.match(/^\/doctors\/([0-9a-f-]{36})$/);
  if (doctor) return <Book doctorId={doctor[1]!} />;
  if (p === "/appointments") return <Appointments />;
  const call = p.match(/^\/appointments\/([0-9a-f-]{36})\/call$/);
  if (call) return <CallPage id={call[1]!} />;
  if (p === "/hospitals") return <Hospitals />;
  if (p === "/messages") return <Messages />;
  if (p === "/availability") return <Availability />;
  const conversation = p.match(/^\/messages\/([0-9a-f-]{36})$/);
  if (conversation) return <Conversation id={conversation[1]!} />;
  if (p === "/staff") return <Staff />;
  if (p === "/records") return <Records />;
  const patient = p.match(/^\/patients\/([0-9a-f-]{36})$/);
  if (patient) return <Chart id={patient[1]!} appointmentId={query("appointment")} />;
  if (p === "/dispense") return <Dispense />;
  if (p === "/care-teams") return <CareTeams />;
  if (p === "/settings") return <Settings />;
  if (p === "/audit") return <Audit />;
  if (p === "/models") return <Models />;
  if (p === "/dashboard") return <Dashboard />;
  if (p === "/platform") return <Platform />;
  if (p === "/vitals") return <Ward />;
  if (p === "/password") return <Password />;
  return (
    <Page title={t().notFound}>
      <a href={home(who)}>{t().home}</a>
    </Page>
  );
}

function App() {
  useWatch(route, me, lang);
  useEffect(() => {
    document.documentElement.lang = lang.value;
    if (me.value === undefined) {
      loadMe().catch(() => endSession(PUBLIC.every((p) => !path().startsWith(p)) && path() !== "/"));
    }
  }, []);
  // After a move within the app, focus goes to the new page's heading so that screen readers
  // announce it; a fresh load leaves focus at the top (the skip link comes first).
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) document.getElementById("page-title")?.focus({ preventScroll: true });
    moved.current = true;
  }, [route.value]);
  return (
    <div onClick={onLink}>
      <a class="skip" href="#main">
        {t().skip}
      </a>
      <Header />
      <main id="main">
        <Current key={route.value} />
      </main>
    </div>
  );
}

render(<App />, document.getElementById("app")!);
