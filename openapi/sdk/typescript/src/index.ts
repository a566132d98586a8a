/**
 * `@carebridge/client`: a typed client for the carebridge API.
 *
 * Every operation of the spec is callable through `GET`/`POST`/`PUT`/`PATCH`/`DELETE` (openapi-fetch),
 * with paths, parameters, bodies and answers typed from `openapi/openapi.json`. The helpers cover
 * what the spec alone cannot: keeping the session token, turning problem+json answers into
 * {@link ProblemError}, multipart uploads and binary downloads.
 *
 * @example
 * ```ts
 * import { createClient, unwrap } from "@carebridge/client";
 * const api = createClient({ baseUrl: "http://127.0.0.1:8080" });
 * await api.login({ email: "patient@example.org", password: "…", hospital: "city-hospital" });
 * const doctors = await unwrap(api.GET("/api/v1/doctors"));
 * ```
 */
import createFetchClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** The spec's named schemas: `Schemas["Appointment"]`, `Schemas["NewHospital"]`, … */
export type Schemas = components["schemas"];

/** An RFC 9457 problem document, as every error of the API is answered. */
export type Problem = Schemas["Problem"];

/** The kinds of document {@link CarebridgeClient.uploadDocument} accepts. */
export type DocumentKind = paths["/api/v1/patients/{id}/documents"]["post"]["requestBody"]["content"]["multipart/form-data"]["kind"];

/** An answer that was not a success, raised by {@link unwrap} and by the client's helpers. */
export class ProblemError extends Error {
  /** A URI reference naming the problem type (`about:blank` when the server sent none). */
  readonly type: string;
  /** Short summary of the problem type, e.g. `Not Found`. */
  readonly title: string;
  /** The HTTP status code. */
  readonly status: number;
  /** What went wrong with this request, in words meant for the client. */
  readonly detail: string;
  /** The raw answer (headers such as `Retry-After` on a 429 are read from it). */
  readonly response: Response | undefined;

  constructor(problem: Problem, response?: Response) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
    this.name = "ProblemError";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.response = response;
  }

  /** The error for an answer that failed; its body (parsed JSON or text) when it was not a problem. */
  static from(response: Response, body: unknown): ProblemError {
    if (isProblem(body)) return new ProblemError(body, response);
    const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
    return new ProblemError(
      { type: "about:blank", title: response.statusText || "Error", status: response.status, detail: text },
      response,
    );
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.title === "string" && typeof b.status === "number" && typeof b.type === "string"
    && typeof b.detail === "string";
}

/** What openapi-fetch's calls resolve to: `data` on success, `error` otherwise, and the answer. */
type FetchResult = { data?: unknown; error?: unknown; response: Response };

/** The success branch's `data` of a call's result. */
type Data<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * Awaits a call and returns its data, or throws a {@link ProblemError} when the server answered an
 * error: `const doctor = await unwrap(api.GET("/api/v1/doctors/{id}", { params: { path: { id } } }))`.
 */
export async function unwrap<R extends FetchResult>(call: Promise<R> | R): Promise<Data<R>> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw ProblemError.from(response, error);
  return data as Data<R>;
}

/** How to reach the API. */
export interface ClientOptions {
  /** The server's address, e.g. `https://carebridge.example.org` (no `/api/v1`: paths carry it). */
  baseUrl: string;
  /** A session token from an earlier login; sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** A `fetch` to use instead of the global one (tests, proxies). */
  fetch?: (input: Request) => Promise<Response>;
}

/** A file to upload with {@link CarebridgeClient.uploadDocument}. */
export interface DocumentUpload {
  /** The bytes. */
  file: Blob | Uint8Array;
  /** The name the file is stored and later downloaded under. */
  fileName: string;
  /** Its media type, e.g. `application/pdf` (default: the Blob's own type, else `application/octet-stream`). */
  contentType?: string;
  /** A short title, 1 to 200 characters. */
  title: string;
  /** What the document is. */
  kind: DocumentKind;
}

/** The spec-typed client plus helpers; create one per signed-in user with {@link createClient}. */
export interface CarebridgeClient extends Client<paths> {
  /** The session token sent with every call, if any; `login` sets it and `logout` clears it. */
  token: string | undefined;
  /**
   * Signs in and keeps the token for later calls. `hospital` is the hospital's slug; super admins
   * and users of one hospital may leave it out. Throws {@link ProblemError} (401 for wrong
   * credentials, 429 when throttled).
   */
  login(credentials: Schemas["LoginRequest"]): Promise<Schemas["LoginResponse"]>;
  /** Ends the session on the server and forgets the token (also when the server refused it). */
  logout(): Promise<void>;
  /** Uploads a document for a patient (multipart `file`, `title`, `kind`); its receipt holds the id, size and SHA-256. */
  uploadDocument(patientId: string, upload: DocumentUpload): Promise<Schemas["DocumentReceipt"]>;
  /** A document's decrypted bytes. */
  downloadDocument(documentId: string): Promise<Uint8Array>;
  /** A prescription's printable PDF, its labels in English (the default) or Nepali (`"ne"`). */
  downloadPrescriptionPdf(prescriptionId: string, lang?: "en" | "ne"): Promise<Uint8Array>;
}

/**
 * A client for the API at `baseUrl`. Its `GET/POST/PUT/PATCH/DELETE(path, init)` are openapi-fetch's,
 * typed by the spec: they resolve to `{ data }` or `{ error }` (wrap them in {@link unwrap} to throw
 * instead). The token (`options.token`, or the one {@link CarebridgeClient.login} keeps) goes with every call.
 */
export function createClient(options: ClientOptions): CarebridgeClient {
  const http = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let token = options.token;
  http.use({
    onRequest({ request }) {
      if (token !== undefined && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  });

  const client: CarebridgeClient = {
    ...http,

    get token() {
      return token;
    },
    set token(value: string | undefined) {
      token = value;
    },

    async login(credentials: Schemas["LoginRequest"]) {
      const session = await unwrap(http.POST("/api/v1/auth/login", { body: credentials }));
      if (typeof session.token !== "string") {
        throw new Error("this account signs in with a second factor, which this client does not support yet");
      }
      token = session.token;
      return session;
    },

    async logout() {
      try {
        await unwrap(http.POST("/api/v1/auth/logout"));
      } finally {
        token = undefined;
      }
    },

    async uploadDocument(patientId: string, upload: DocumentUpload) {
      const type = upload.contentType || (upload.file instanceof Blob ? upload.file.type : "");
      const file = new Blob([upload.file instanceof Blob ? upload.file : new Uint8Array(upload.file)], {
        type: type || "application/octet-stream",
      });
      return unwrap(
        http.POST("/api/v1/patients/{id}/documents", {
          params: { path: { id: patientId } },
          body: { file, title: upload.title, kind: upload.kind },
          bodySerializer(body) {
            const form = new FormData();
            form.append("file", body.file, upload.fileName);
            form.append("title", body.title);
            form.append("kind", body.kind);
            return form;
          },
        }),
      );
    },

    async downloadDocument(documentId: string) {
      const bytes = await unwrap(
        http.GET("/api/v1/documents/{id}/content", { params: { path: { id: documentId } }, parseAs: "arrayBuffer" }),
      );
      return new Uint8Array(bytes);
    },

    async downloadPrescriptionPdf(prescriptionId: string, lang?: "en" | "ne") {
      const bytes = await unwrap(
        http.GET("/api/v1/prescriptions/{id}/pdf", {
          params: { path: { id: prescriptionId }, query: lang ? { lang } : {} },
          parseAs: "arrayBuffer",
        }),
      );
      return new Uint8Array(bytes);
    },
  };
  return client;
}
