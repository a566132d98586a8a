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
import createFetchClient, {} from "openapi-fetch";
/** An answer that was not a success, raised by {@link unwrap} and by the client's helpers. */
export class ProblemError extends Error {
    /** A URI reference naming the problem type (`about:blank` when the server sent none). */
    type;
    /** Short summary of the problem type, e.g. `Not Found`. */
    title;
    /** The HTTP status code. */
    status;
    /** What went wrong with this request, in words meant for the client. */
    detail;
    /** The raw answer (headers such as `Retry-After` on a 429 are read from it). */
    response;
    constructor(problem, response) {
        super(`${problem.status} ${problem.title}: ${problem.detail}`);
        this.name = "ProblemError";
        this.type = problem.type;
        this.title = problem.title;
        this.status = problem.status;
        this.detail = problem.detail;
        this.response = response;
    }
    /** The error for an answer that failed; its body (parsed JSON or text) when it was not a problem. */
    static from(response, body) {
        if (isProblem(body))
            return new ProblemError(body, response);
        const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
        return new ProblemError({ type: "about:blank", title: response.statusText || "Error", status: response.status, detail: text }, response);
    }
}
function isProblem(body) {
    if (typeof body !== "object" || body === null)
        return false;
    const b = body;
    return typeof b.title === "string" && typeof b.status === "number" && typeof b.type === "string"
        && typeof b.detail === "string";
}
/**
 * Awaits a call and returns its data, or throws a {@link ProblemError} when the server answered an
 * error: `const doctor = await unwrap(api.GET("/api/v1/doctors/{id}", { params: { path: { id } } }))`.
 */
export async function unwrap(call) {
    const { data, error, response } = await call;
    if (error !== undefined || !response.ok)
        throw ProblemError.from(response, error);
    return data;
}
/**
 * A client for the API at `baseUrl`. Its `GET/POST/PUT/PATCH/DELETE(path, init)` are openapi-fetch's,
 * typed by the spec: they resolve to `{ data }` or `{ error }` (wrap them in {@link unwrap} to throw
 * instead). The token (`options.token`, or the one {@link CarebridgeClient.login} keeps) goes with every call.
 */
export function createClient(options) {
    const http = createFetchClient({
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
    const client = {
        ...http,
        get token() {
            return token;
        },
        set token(value) {
            token = value;
        },
        async login(credentials) {
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
            }
            finally {
                token = undefined;
            }
        },
        async uploadDocument(patientId, upload) {
            const type = upload.contentType || (upload.file instanceof Blob ? upload.file.type : "");
            const file = new Blob([upload.file instanceof Blob ? upload.file : new Uint8Array(upload.file)], {
                type: type || "application/octet-stream",
            });
            return unwrap(http.POST("/api/v1/patients/{id}/documents", {
                params: { path: { id: patientId } },
                body: { file, title: upload.title, kind: upload.kind },
                bodySerializer(body) {
                    const form = new FormData();
                    form.append("file", body.file, upload.fileName);
                    form.append("title", body.title);
                    form.append("kind", body.kind);
                    return form;
                },
            }));
        },
        async downloadDocument(documentId) {
            const bytes = await unwrap(http.GET("/api/v1/documents/{id}/content", { params: { path: { id: documentId } }, parseAs: "arrayBuffer" }));
            return new Uint8Array(bytes);
        },
        async downloadPrescriptionPdf(prescriptionId, lang) {
            const bytes = await unwrap(http.GET("/api/v1/prescriptions/{id}/pdf", {
                params: { path: { id: prescriptionId }, query: lang ? { lang } : {} },
                parseAs: "arrayBuffer",
            }));
            return new Uint8Array(bytes);
        },
    };
    return client;
}
