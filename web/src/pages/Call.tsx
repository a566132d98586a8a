// The video call of an appointment, as calm as a waiting room: first a device check (camera
// preview, microphone level, speaker test, the server and the relay reachable), then the
// patient waits until the doctor admits them, then both see and hear each other with mute,
// camera off, audio only, the doctor's screen share, chat beside the call and a connection
// quality indicator. The call itself (frames, WebRTC, quality samples) is in ../call.ts.
import { unwrap, type Schemas } from "@carebridge/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { Call, callInfo, relayReachable, type IceServer } from "../call";
import { clock, day, digits, t } from "../i18n";
import { api, me, words } from "../session";
import { useWatch } from "../state";
import { ErrorBox, Page, Show, useAction, useLoad } from "../ui";
import { ChatPanel } from "./Messages";

type Appointment = Schemas["Appointment"];

const RELAY_KEY = "carebridge.relayOnly";

/** A `<video>` showing `stream` (muted for one's own picture: no echo). */
function Video(props: { stream: MediaStream | null; label: string; muted?: boolean; sink?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = ref.current;
    if (v && v.srcObject !== props.stream) v.srcObject = props.stream;
  }, [props.stream]);
  useEffect(() => {
    const v = ref.current as (HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (v?.setSinkId && props.sink) void v.setSinkId(props.sink).catch(() => undefined);
  }, [props.sink]);
  return <video ref={ref} aria-label={props.label} autoPlay playsInline muted={props.muted} />;
}

export function CallPage(props: { id: string }) {
  const s = t();
  const l = useLoad(async () => {
    const path = { params: { path: { id: props.id } } };
    const [appointment, call] = await Promise.all([
      unwrap(api.GET("/api/v1/appointments/{id}", path)),
      callInfo(props.id),
    ]);
    return { appointment, ...call };
  }, [props.id]);
  const [joined, setJoined] = useState<Call | null>(null);
  return (
    <Page title={s.call}>
      <Show l={l}>
        {({ appointment, info, ms }) => {
          const doctor = me.value?.role === "doctor";
          const other = (doctor ? appointment.patient_name : appointment.doctor_name) ?? "";
          if (joined) return <InCall call={joined} other={other} appointment={appointment} />;
          if (info.state === "ended") return <Ended />;
          return (
            <DeviceCheck
              appointment={appointment}
              open={info.state === "open"}
              opensAt={new Date(info.opens_at)}
              servers={info.ice_servers}
              serverMs={ms}
              onJoin={(stream, relayOnly) => {
                const c = new Call(props.id, me.value?.user_id ?? "", doctor, stream, info.ice_servers, relayOnly);
                c.join();
                setJoined(c);
              }}
              onRefresh={l.reload}
            />
          );
        }}
      </Show>
    </Page>
  );
}

function Ended(props: { left?: boolean }) {
  const s = t();
  return (
    <div class="card">
      <p role="status">{props.left ? s.youLeft : s.callEnded}</p>
      <a href="/appointments">{me.value?.role === "patient" ? s.myAppointments : s.appointments}</a>
    </div>
  );
}

/** The camera and microphone, asked for once; audio alone when there is no camera. */
async function devices(camera: string, microphone: string): Promise<MediaStream> {
  const audio = microphone ? { deviceId: { exact: microphone } } : true;
  const video = camera ? { deviceId: { exact: camera } } : { width: { ideal: 640 }, height: { ideal: 480 } };
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video });
  } catch {
    return await navigator.mediaDevices.getUserMedia({ audio, video: false });
  }
}

/** A half-second tone as a WAV file, played on the chosen speaker. */
function tone(): string {
  const rate = 16000;
  const n = rate / 2;
  const data = new DataView(new ArrayBuffer(44 + n * 2));
  const text = (at: number, v: string) => [...v].forEach((c, i) => data.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  data.setUint32(4, 36 + n * 2, true);
  text(8, "WAVEfmt ");
  data.setUint32(16, 16, true);
  data.setUint16(20, 1, true);
  data.setUint16(22, 1, true);
  data.setUint32(24, rate, true);
  data.setUint32(28, rate * 2, true);
  data.setUint16(32, 2, true);
  data.setUint16(34, 16, true);
  text(36, "data");
  data.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) data.setInt16(44 + i * 2, Math.sin((2 * Math.PI * 440 * i) / rate) * 8000, true);
  return URL.createObjectURL(new Blob([data], { type: "audio/wav" }));
}

/** The microphone's level, 0 to 1, as it is now. */
function useLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    ctx.createMediaStreamSource(stream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(buf);
      const rms = Math.sqrt(buf.reduce((a, x) => a + x * x, 0) / buf.length);
      setLevel(Math.min(1, rms * 4));
    }, 200);
    const wake = () => void ctx.resume();
    addEventListener("pointerdown", wake);
    return () => {
      clearInterval(timer);
      removeEventListener("pointerdown", wake);
      void ctx.close();
    };
  }, [stream]);
  return level;
}

function DeviceCheck(props: {
  appointment: Appointment;
  open: boolean;
  opensAt: Date;
  servers: IceServer[];
  serverMs: number;
  onJoin: (stream: MediaStream, relayOnly: boolean) => void;
  onRefresh: () => void;
}) {
  const s = t();
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [list, setList] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState("");
  const [microphone, setMicrophone] = useState("");
  const [speaker, setSpeaker] = useState("");
  const [relayOnly, setRelayOnly] = useState(localStorage.getItem(RELAY_KEY) === "1");
  const [relay, setRelay] = useState<boolean | null>(null);
  const { error, setError } = useAction();
  const level = useLevel(stream);
  const handedOver = useRef(false);

  useEffect(() => {
    let live = true;
    let mine: MediaStream | null = null;
    devices(camera, microphone).then(
      async (st) => {
        if (!live) return st.getTracks().forEach((x) => x.stop());
        mine = st;
        setStream(st);
        setList(await navigator.mediaDevices.enumerateDevices());
      },
      (e: unknown) => live && setError(`${s.noDevices} (${words(e)})`),
    );
    return () => {
      live = false;
      if (!handedOver.current) mine?.getTracks().forEach((x) => x.stop());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, microphone]);

  useEffect(() => {
    let live = true;
    void relayReachable(props.servers).then((ok) => live && setRelay(ok));
    return () => {
      live = false;
    };
  }, [props.servers]);

  // Before the room opens, look again when it does.
  useEffect(() => {
    if (props.open) return;
    const wait = Math.max(1000, props.opensAt.getTime() - Date.now() + 500);
    const timer = setTimeout(props.onRefresh, Math.min(wait, 60_000));
    return () => clearTimeout(timer);
  }, [props.open]);

  const hasTurn = props.servers.some((x) => x.urls.some((u) => u.startsWith("turn")));
  const pick = (kind: MediaDeviceKind) => list.filter((d) => d.kind === kind && d.deviceId);
  const canPickSpeaker = "setSinkId" in HTMLMediaElement.prototype && pick("audiooutput").length > 0;
  const testSound = () => {
    const audio = new Audio(tone()) as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    void (speaker && audio.setSinkId ? audio.setSinkId(speaker) : Promise.resolve()).then(() => audio.play());
  };
  const select = (label: string, kind: MediaDeviceKind, value: string, set: (v: string) => void) => (
    <div class="field">
      <label for={`device-${kind}`}>{label}</label>
      <select id={`device-${kind}`} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        <option value="">{s.defaultDevice}</option>
        {pick(kind).map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${digits(String(i + 1))}`}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div class="call-check">
      <p>{day(new Date(props.appointment.start_at), true)}</p>
      <h2>{s.deviceCheck}</h2>
      <div class="preview">
        <Video stream={stream} label={s.yourVideo} muted />
      </div>
      <ErrorBox error={error} />
      {stream && stream.getVideoTracks().length === 0 && <p class="notice warn">{s.noCamera}</p>}
      <div class="field">
        <label for="mic-level">{s.microphoneLevel}</label>
        <meter id="mic-level" min={0} max={1} value={level} />
      </div>
      {select(s.camera, "videoinput", camera, setCamera)}
      {select(s.microphone, "audioinput", microphone, setMicrophone)}
      {canPickSpeaker && select(s.speaker, "audiooutput", speaker, setSpeaker)}
      <button type="button" class="secondary" onClick={testSound}>
        {s.testSound}
      </button>
      <h2>{s.connection}</h2>
      <ul class="checks">
        <li>{s.serverAnswered(props.serverMs)}</li>
        <li>{!hasTurn ? s.relayNone : relay === null ? s.relayChecking : relay ? s.relayOk : s.relayFailed}</li>
      </ul>
      {hasTurn && (
        <div class="field check">
          <input
            id="relay-only"
            type="checkbox"
            checked={relayOnly}
            aria-describedby="relay-only-hint"
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              localStorage.setItem(RELAY_KEY, on ? "1" : "0");
              setRelayOnly(on);
            }}
          />
          <label for="relay-only">{s.relayOnly}</label>
          <p class="hint" id="relay-only-hint">
            {s.relayOnlyHint}
          </p>
        </div>
      )}
      {props.open ? (
        <button
          type="button"
          disabled={!stream}
          onClick={() => {
            if (!stream) return;
            handedOver.current = true;
            props.onJoin(stream, relayOnly && hasTurn);
          }}
        >
          {s.joinNow}
        </button>
      ) : (
        <p class="notice" role="status">
          {s.opensAt(clock(props.opensAt))}
        </p>
      )}
    </div>
  );
}

function InCall(props: { call: Call; other: string; appointment: Appointment }) {
  const s = t();
  const c = props.call;
  useWatch(
    c.stage,
    c.waiting,
    c.peerPresent,
    c.remote,
    c.connected,
    c.quality,
    c.muted,
    c.cameraOff,
    c.sharing,
    c.remoteSharing,
    c.audioOnly,
    c.audioOnlyAuto,
    c.problem,
  );
  const [chat, setChat] = useState(false);
  const { error, run } = useAction();
  // Leaving the page leaves the call.
  useEffect(() => () => c.leave(), [c]);

  if (c.stage.value === "ended" || c.stage.value === "left") return <Ended left={c.stage.value === "left"} />;
  const doctor = c.doctor;
  if (c.stage.value !== "in_call") {
    return (
      <div class="call-wait">
        <div class="preview">
          <Video stream={c.local} label={s.yourVideo} muted />
        </div>
        <p role="status">{doctor ? s.connecting : s.inWaitingRoom(props.other)}</p>
        <ErrorBox error={c.problem.value} />
        <button type="button" class="secondary" onClick={() => c.leave()}>
          {s.leaveCall}
        </button>
      </div>
    );
  }
  const q = c.quality.value;
  const pressed = (on: boolean) => (on ? "true" : "false");
  return (
    <div class="call">
      <div class="stage">
        <div class="remote">
          <Video stream={c.remote.value} label={s.theirVideo(props.other)} />
          {!c.peerPresent.value && (
            <p class="overlay" role="status">
              {c.waiting.value ? s.patientWaiting(props.other) : doctor ? s.waitingForPatient(props.other) : s.reconnecting}
            </p>
          )}
          {c.remoteSharing.value && <p class="badge">{s.sharingScreen(props.other)}</p>}
        </div>
        <div class="self">
          <Video stream={c.sharing.value ? c.preview() : c.local} label={s.yourVideo} muted />
        </div>
      </div>
      {doctor && c.waiting.value && (
        <div class="card row" role="region" aria-label={s.waitingRoom}>
          <p>{s.patientWaiting(props.other)}</p>
          <button type="button" onClick={() => c.admit(c.waiting.value!)}>
            {s.admit} {props.other}
          </button>
        </div>
      )}
      <p class={`quality ${q?.level ?? "unknown"}`} role="status" aria-label={s.connectionQuality}>
        {q ? s.quality[q.level] : c.connected.value ? s.quality.good : s.connectingMedia}
      </p>
      {q && (
        <p class="muted small">
          {digits(`${q.rtt_ms} ms · ${Math.round(q.packet_loss * 100)}% · ${q.bitrate_kbps} kbit/s`)}
        </p>
      )}
      {c.audioOnlyAuto.value && <p class="notice warn">{s.audioOnlyAuto}</p>}
      <ErrorBox error={error ?? c.problem.value} />
      <div class="controls" role="toolbar" aria-label={s.callControls}>
        <button type="button" class="secondary" aria-pressed={pressed(c.muted.value)} onClick={() => c.setMuted(!c.muted.value)}>
          {s.mute}
        </button>
        <button
          type="button"
          class="secondary"
          aria-pressed={pressed(c.cameraOff.value)}
          onClick={() => c.setCameraOff(!c.cameraOff.value)}
        >
          {s.cameraOff}
        </button>
        <button
          type="button"
          class="secondary"
          aria-pressed={pressed(c.audioOnly.value)}
          onClick={() => c.setAudioOnly(!c.audioOnly.value)}
        >
          {s.audioOnly}
        </button>
        {doctor && (
          <button
            type="button"
            class="secondary"
            aria-pressed={pressed(c.sharing.value)}
            onClick={() => void run(() => c.shareScreen(!c.sharing.value))}
          >
            {s.shareScreen}
          </button>
        )}
        <button type="button" class="secondary" aria-expanded={chat ? "true" : "false"} onClick={() => setChat(!chat)}>
          {s.chat}
        </button>
        <button type="button" class="danger" onClick={() => c.leave(doctor)}>
          {doctor ? s.endCall : s.leaveCall}
        </button>
      </div>
      {chat && <CallChat appointment={props.appointment} />}
    </div>
  );
}

/** The conversation of the call's doctor and patient, beside the call. */
function CallChat(props: { appointment: Appointment }) {
  const a = props.appointment;
  const doctor = me.value?.role === "doctor";
  const l = useLoad(async () => {
    const body = doctor ? { patient_id: a.patient_id } : { doctor_id: a.doctor_id };
    return unwrap(api.POST("/api/v1/conversations", { body }));
  }, [a.id]);
  return <Show l={l}>{(c) => <ChatPanel id={c.id} />}</Show>;
}
