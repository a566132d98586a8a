// The one WebSocket of a signed-in user: a single-use ticket (a browser cannot send headers on a
// socket), then frames in both directions. It reconnects with a growing pause after a drop; a
// close with 4401 means the session ended.
import { unwrap } from "@carebridge/client";
import { api, endSession } from "./session";

type Frame = { type: string; [key: string]: unknown };
type Listener = (frame: Frame) => void;

const listeners = new Set<Listener>();
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
  void connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      wanted = false;
      socket?.close(1000);
      socket = null;
    }
  };
}
