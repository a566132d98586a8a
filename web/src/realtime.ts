// The one WebSocket of a signed-in user: a single-use ticket (a browser cannot send headers on a
// socket), then frames in both directions. It reconnects with a growing pause after a drop; a
// close with 4401 means the session ended. Each time the socket opens, listeners get a frame of
// this app's own, `{type: "socket.open"}` (the server never sends it), so that a call can join
// again after a drop.
import { unwrap } from "@carebridge/client";
import { api, endSession } from "./session";

export type Frame = { type: string; [key: string]: unknown };
type Listener = (frame: Frame) => void;

const listeners = new Set<Listener>();
const OPEN: Frame = { type: "socket.open" };
let socket: WebSocket | null = null;
let pause = 1000;
let wanted = false;

async function connect() {
  if (!wanted || socket) return;
  try {
    const { ticket } = await unwrap(api.POST("/api/v1/ws/tickets"));
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      pause = 1000;
      for (const l of [...listeners]) l(OPEN);
    };
    ws.onmessage = (e) => {
      const frame = JSON.parse(String(e.data)) as Frame;
      for (const l of [...listeners]) l(frame);
    };
    ws.onclose = (e) => {
      socket = null;
      if (e.code === 4401) endSession(true);
      else retry();
    };
  } catch {
    retry();
  }
}

function retry() {
  if (!wanted) return;
  setTimeout(() => void connect(), pause);
  pause = Math.min(pause * 2, 30_000);
}

/** Receives every frame while subscribed; opens the socket when the first listener comes. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  wanted = true;
  if (socket?.readyState === WebSocket.OPEN) listener(OPEN);
  else void connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      wanted = false;
      socket?.close(1000);
      socket = null;
    }
  };
}

/** Sends a frame if the socket is open; answers whether it did (a closed socket drops it). */
export function send(frame: Frame): boolean {
  if (socket?.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(frame));
  return true;
}
