// One video call of an appointment between its doctor and its patient: the socket frames of the
// contract (call.join, call.admit, call.signal, call.leave, call.end, call.quality), one
// RTCPeerConnection, the local camera and microphone, and what the page shows, as signals.
//
// Who offers: the doctor. Whenever both are in (the server's `call.peer` with `present`), the
// doctor opens a fresh connection and offers; the patient answers. Each connection has a
// `session` id carried by its signals, so a late candidate of an old connection is dropped.
// After a network drop the socket reconnects, `call.join` is sent again and the server lets an
// admitted patient straight back in (no second admission); the doctor offers anew. A connection
// whose ICE fails is restarted by the doctor. ICE servers come only from `GET …/call`.
//
// Audio only is a mode of the whole call: either party switches it (by hand, or automatically
// after two poor quality samples in a row) and both stop sending video, since a poor link is
// usually poor both ways. Screen sharing (the doctor's) replaces the camera's track.
import { unwrap, type Schemas } from "@carebridge/client";
import { send, subscribe, type Frame } from "./realtime";
import { api } from "./session";
import { signal } from "./state";

export type IceServer = Schemas["CallInfo"]["ice_servers"][number];
export type Stage = "joining" | "waiting" | "in_call" | "left" | "ended";
export type Level = "good" | "fair" | "poor";
export type Quality = { level: Level; rtt_ms: number; packet_loss: number; bitrate_kbps: number };

/** How often the connection's statistics are sampled, and every how many samples one is sent. */
const SAMPLE_MS = 5000;
const REPORT_EVERY = 3;

/** A sample's level: poor past 8 % loss or 600 ms round trip, fair past 2 % or 250 ms. */
export function level(rtt_ms: number, packet_loss: number): Level {
  if (packet_loss > 0.08 || rtt_ms > 600) return "poor";
  if (packet_loss > 0.02 || rtt_ms > 250) return "fair";
  return "good";
}

export class Call {
  readonly stage = signal<Stage>("joining");
  /** The doctor's view of the waiting room: the waiting patient's user id. */
  readonly waiting = signal<string | null>(null);
  readonly peerPresent = signal(false);
  readonly remote = signal<MediaStream | null>(null);
  readonly connected = signal(false);
  readonly quality = signal<Quality | null>(null);
  readonly muted = signal(false);
  readonly cameraOff = signal(false);
  readonly sharing = signal(false);
  readonly remoteSharing = signal(false);
  readonly audioOnly = signal(false);
  /** Audio only was switched on because the connection was poor, not by hand. */
  readonly audioOnlyAuto = signal(false);
  /** The last problem the server answered to a frame, in its words. */
  readonly problem = signal<string | null>(null);

  private pc: RTCPeerConnection | null = null;
  private session = "";
  private pending: RTCIceCandidateInit[] = [];
  private videoSender: RTCRtpSender | null = null;
  private screen: MediaStreamTrack | null = null;
  private off: (() => void) | null = null;
  private timer: number | undefined;
  private samples = 0;
  private poorInARow = 0;
  private last: { at: number; bytes: number; lost: number; received: number } | null = null;

  constructor(
    readonly appointmentId: string,
    readonly me: string,
    readonly doctor: boolean,
    readonly local: MediaStream,
    readonly iceServers: IceServer[],
    readonly relayOnly: boolean,
  ) {}

  /** Joins the call (again after every reconnect of the socket) and starts sampling quality. */
  join() {
    if (!this.doctor) this.stage.value = "waiting";
    this.off = subscribe((f) => this.onFrame(f));
    this.timer = window.setInterval(() => void this.sample(), SAMPLE_MS);
  }

  /** The doctor lets the waiting patient in. */
  admit(userId: string) {
    this.frame("call.admit", { user_id: userId });
  }

  /** Leaves (or, the doctor's `end`, ends the call for both); stops the camera and microphone. */
  leave(end = false) {
    if (this.stage.value === "ended" || this.stage.value === "left") return;
    this.frame(end ? "call.end" : "call.leave");
    this.close();
    this.stage.value = end ? "ended" : "left";
  }

  /** Stops everything without a frame (the page is going away, or the call ended). */
  close() {
    this.off?.();
    this.off = null;
    window.clearInterval(this.timer);
    this.dropConnection();
    for (const t of this.local.getTracks()) t.stop();
    this.screen?.stop();
  }

  setMuted(on: boolean) {
    for (const t of this.local.getAudioTracks()) t.enabled = !on;
    this.muted.value = on;
  }

  setCameraOff(on: boolean) {
    for (const t of this.local.getVideoTracks()) t.enabled = !on;
    this.cameraOff.value = on;
  }

  /** Switches audio only on or off for both parties; `auto` when the connection asked for it. */
  setAudioOnly(on: boolean, auto = false) {
    this.applyAudioOnly(on, auto);
    this.signal({ audio_only: on });
  }

  /** The doctor's screen instead of the camera, until they stop or the browser's bar does. */
  async shareScreen(on: boolean) {
    if (on) {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      const track = stream.getVideoTracks()[0];
      if (!track) return;
      this.screen = track;
      track.onended = () => void this.shareScreen(false);
      this.sharing.value = true;
    } else {
      this.screen?.stop();
      this.screen = null;
      this.sharing.value = false;
    }
    await this.sendVideo();
    this.signal({ screen: on });
  }

  /** What the local preview shows: the shared screen while sharing, else the camera. */
  preview(): MediaStream {
    return this.screen ? new MediaStream([this.screen]) : this.local;
  }

  private frame(type: string, more: Record<string, unknown> = {}) {
    send({ type, appointment_id: this.appointmentId, ...more });
  }

  private signal(data: Record<string, unknown>) {
    const other = this.peerPresent.value ? this.otherId : null;
    if (other) this.frame("call.signal", { to: other, data: { session: this.session, ...data } });
  }

  private otherId: string | null = null;

  private onFrame(f: Frame) {
    if (f.type === "socket.open") {
      this.frame("call.join");
      return;
    }
    if (f.type === "error") {
      this.problem.value = String(f.detail ?? f.title ?? "");
      return;
    }
    if (f.appointment_id !== this.appointmentId) return;
    switch (f.type) {
      case "call.admitted":
        this.stage.value = "in_call";
        this.problem.value = null;
        break;
      case "call.waiting":
        if (this.doctor) this.waiting.value = String(f.user_id);
        break;
      case "call.peer":
        this.onPeer(String(f.user_id), f.present === true);
        break;
      case "call.signal":
        void this.onSignal(f.data as Record<string, unknown>);
        break;
      case "call.ended":
        this.close();
        this.stage.value = "ended";
        break;
    }
  }

  private onPeer(userId: string, present: boolean) {
    this.otherId = userId;
    this.peerPresent.value = present;
    if (present) {
      this.waiting.value = null;
      if (this.doctor) void this.offer(true);
    } else {
      this.dropConnection();
    }
  }

  /** A new connection with the local tracks on it (audio first, then video). */
  private open(session: string): RTCPeerConnection {
    this.dropConnection();
    const pc = new RTCPeerConnection({
      iceServers: this.iceServers as RTCIceServer[],
      iceTransportPolicy: this.relayOnly ? "relay" : "all",
    });
    this.pc = pc;
    this.session = session;
    this.pending = [];
    // The doctor offers: without a microphone or camera of their own they still ask to receive.
    const audio = this.local.getAudioTracks()[0];
    if (audio) pc.addTrack(audio, this.local);
    else if (this.doctor) pc.addTransceiver("audio", { direction: "recvonly" });
    const video = this.local.getVideoTracks()[0];
    this.videoSender = video ? pc.addTrack(video, this.local) : null;
    if (!video && this.doctor) pc.addTransceiver("video", { direction: "recvonly" });
    pc.onicecandidate = (e) => {
      if (e.candidate) this.signal({ candidate: e.candidate.toJSON() });
    };
    pc.ontrack = (e) => {
      this.remote.value = e.streams[0] ?? new MediaStream([e.track]);
    };
    pc.onconnectionstatechange = () => {
      this.connected.value = pc.connectionState === "connected";
      if (pc.connectionState === "failed" && this.doctor) void this.offer(false);
    };
    return pc;
  }

  /** The doctor's offer: on a fresh connection, or an ICE restart of the current one. */
  private async offer(fresh: boolean) {
    const pc = fresh || !this.pc ? this.open(crypto.randomUUID()) : this.pc;
    await this.sendVideo();
    const offer = await pc.createOffer({ iceRestart: !fresh });
    await pc.setLocalDescription(offer);
    this.signal({ sdp: pc.localDescription?.toJSON(), audio_only: this.audioOnly.value });
  }

  private async onSignal(data: Record<string, unknown>) {
    const session = String(data.session ?? "");
    if (typeof data.audio_only === "boolean" && data.audio_only !== this.audioOnly.value) {
      this.applyAudioOnly(data.audio_only, false);
    }
    if (typeof data.screen === "boolean") this.remoteSharing.value = data.screen;
    const sdp = data.sdp as RTCSessionDescriptionInit | undefined;
    if (sdp?.type === "offer" && !this.doctor) {
      const pc = session === this.session && this.pc ? this.pc : this.open(session);
      await pc.setRemoteDescription(sdp);
      await this.sendVideo();
      await pc.setLocalDescription(await pc.createAnswer());
      this.signal({ sdp: pc.localDescription?.toJSON() });
      await this.flush();
    } else if (sdp?.type === "answer" && this.doctor && session === this.session && this.pc) {
      await this.pc.setRemoteDescription(sdp);
      await this.flush();
    }
    const candidate = data.candidate as RTCIceCandidateInit | undefined;
    if (candidate && session === this.session && this.pc) {
      if (this.pc.remoteDescription) await this.pc.addIceCandidate(candidate).catch(() => undefined);
      else this.pending.push(candidate);
    }
  }

  /** Candidates that came before the description they belong to. */
  private async flush() {
    const waiting = this.pending;
    this.pending = [];
    for (const c of waiting) await this.pc?.addIceCandidate(c).catch(() => undefined);
  }

  private applyAudioOnly(on: boolean, auto: boolean) {
    this.audioOnly.value = on;
    this.audioOnlyAuto.value = on && auto;
    this.poorInARow = 0;
    void this.sendVideo();
  }

  /** Puts on the video sender what should be sent now: nothing, the screen or the camera. */
  private async sendVideo() {
    const sender = this.videoSender;
    if (!sender) return;
    const track = this.audioOnly.value ? null : (this.screen ?? this.local.getVideoTracks()[0] ?? null);
    if (sender.track !== track) await sender.replaceTrack(track);
  }

  private dropConnection() {
    this.pc?.close();
    this.pc = null;
    this.videoSender = null;
    this.session = "";
    this.remote.value = null;
    this.connected.value = false;
    this.remoteSharing.value = false;
    this.last = null;
  }

  /**
   * Reads the connection's statistics: round trip of the selected candidate pair, packets lost
   * and bytes received since the last sample. Shown as a level, sent as `call.quality` every
   * third sample, and two poor samples in a row switch to audio only.
   */
  private async sample() {
    const pc = this.pc;
    if (!pc || pc.connectionState !== "connected") return;
    const stats = await pc.getStats();
    let pair = "";
    let bytes = 0;
    let lost = 0;
    let received = 0;
    stats.forEach((s) => {
      if (s.type === "transport" && s.selectedCandidatePairId) pair = s.selectedCandidatePairId;
      if (s.type === "inbound-rtp") {
        bytes += s.bytesReceived ?? 0;
        lost += Math.max(0, s.packetsLost ?? 0);
        received += s.packetsReceived ?? 0;
      }
    });
    const now = performance.now();
    const before = this.last;
    this.last = { at: now, bytes, lost, received };
    if (!before) return;
    const lostNow = lost - before.lost;
    const total = lostNow + (received - before.received);
    const packet_loss = total > 0 ? Math.min(1, Math.max(0, lostNow / total)) : 0;
    const seconds = Math.max(0.001, (now - before.at) / 1000);
    const bitrate_kbps = Math.max(0, Math.round(((bytes - before.bytes) * 8) / 1000 / seconds));
    const rtt_ms = Math.round((stats.get(pair)?.currentRoundTripTime ?? 0) * 1000);
    const q = { level: level(rtt_ms, packet_loss), rtt_ms, packet_loss, bitrate_kbps };
    this.quality.value = q;
    if (++this.samples % REPORT_EVERY === 0) this.frame("call.quality", { rtt_ms, packet_loss, bitrate_kbps });
    this.poorInARow = q.level === "poor" ? this.poorInARow + 1 : 0;
    if (this.poorInARow >= 2 && !this.audioOnly.value) this.setAudioOnly(true, true);
  }
}

/** The call's state and ICE servers, and how long the server took to answer (ms). */
export async function callInfo(appointmentId: string) {
  const began = performance.now();
  const info = await unwrap(api.GET("/api/v1/appointments/{id}/call", { params: { path: { id: appointmentId } } }));
  return { info, ms: Math.round(performance.now() - began) };
}

/**
 * Whether a TURN relay of `servers` hands out a relay address within five seconds: a
 * connection check before joining, for networks that block direct media.
 */
export async function relayReachable(servers: IceServer[]): Promise<boolean> {
  if (!servers.some((s) => s.urls.some((u) => u.startsWith("turn")))) return false;
  const pc = new RTCPeerConnection({ iceServers: servers as RTCIceServer[], iceTransportPolicy: "relay" });
  try {
    pc.createDataChannel("check");
    const found = new Promise<boolean>((resolve) => {
      pc.onicecandidate = (e) => {
        if (e.candidate?.type === "relay") resolve(true);
        if (!e.candidate) resolve(false);
      };
      setTimeout(() => resolve(false), 5000);
    });
    await pc.setLocalDescription(await pc.createOffer());
    return await found;
  } finally {
    pc.close();
  }
}
