/**
 * Generated from openapi/openapi.json by openapi-typescript (scripts/generate.mjs).
 * Do not edit: run `npm run generate` (or scripts/sdk-typescript.sh generate) instead.
 */

export interface paths {
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The care team's deterioration alerts, newest first.
         * @description Doctors see the alerts of the patients on their care teams; custom roles granted
         *     `alert:list` see the hospital's. Open ones only unless `all=true`; `patient_id` narrows
         *     to one patient. Paged with `limit` and `cursor`; audited.
         */
        get: operations["listAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an alert (someone of the care team is on it).
         * @description An alert of the caller's care teams (404 otherwise, also for another hospital's id);
         *     409 when it was already acknowledged. Audited.
         */
        post: operations["acknowledgeAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/hospital": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hospital's figures per day and in total (hospital admins).
         * @description Over local dates `from`..=`to` in the hospital's time zone (default: the 30 days to
         *     today; at most 366 days; 422 otherwise): appointments by status (by start date), no-show
         *     rate, revenue per currency, utilisation, median minutes to confirm, calls and their mean
         *     minutes, ratings, inference jobs by kind and status with p50/p95 latency, and the
         *     doctors' agreement with the sleep-staging model. Audited.
         */
        get: operations["hospitalAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/platform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every hospital's appointments, revenue and active users (super admins).
         * @description Counts and sums only: never a patient's name, email or record. Over `from`..=`to` (each
         *     hospital's local dates; default the 30 days to today; at most 366 days).
         */
        get: operations["platformAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's appointments: a patient's own, a doctor's own, all of the hospital for admins.
         * @description Patients, doctors and hospital admins (403 for a super admin). In creation order, paged with
         *     `limit` and `cursor`.
         */
        get: operations["listAppointments"];
        put?: never;
        /**
         * Book an appointment (a patient for themselves, an admin for a patient).
         * @description Admins must give `patient_id` (422 otherwise); 404 for an unknown doctor or patient.
         *     `start_at` must be one of the doctor's free slots (422 when it is not, is too soon or too
         *     far ahead, or the doctor has no published availability; 409 when the slot or the patient's
         *     time was taken meanwhile). It starts `requested`, or `awaiting_payment` or `confirmed` where
         *     the hospital needs no approval (then the doctor joins the care team); patient and doctor are
         *     notified by email and in-app, and the booking is audited.
         */
        post: operations["createAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One appointment.
         * @description Its patient, its doctor or a hospital admin; 404 for anyone else's appointment or another
         *     hospital's id. Shows status, times, reason, fee and any pending proposal of another time
         *     (`proposed_start_at`).
         */
        get: operations["getAppointment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/accept-proposal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the proposed time (the patient).
         * @description The appointment's patient only (403 for staff); 409 when there is no pending proposal or the
         *     time was taken meanwhile. The appointment moves to the proposed time, and a `requested` one
         *     counts as approved (`awaiting_payment` or `confirmed`); the patient is notified by email and
         *     in-app, and the change is audited.
         */
        post: operations["acceptAppointmentProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a requested appointment (its doctor or an admin).
         * @description 409 unless the appointment is `requested`. It becomes `awaiting_payment` (when the hospital
         *     takes payment through a provider and the fee is above zero; the slot is held for the payment
         *     window) or `confirmed`; the doctor joins the patient's care team, the patient is notified by
         *     email and in-app, and the change is audited.
         */
        post: operations["approveAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The appointment's call: its state, window and ICE servers.
         * @description Its doctor and patient only (404 for anyone else); 409 while the appointment is not
         *     confirmed (and paid, where the hospital requires payment). The room is open from 10
         *     minutes before the start until the end; TURN credentials expire after `TURN_TTL_SECONDS`.
         */
        get: operations["getCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/call/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The call's record: joins, waiting, admission, leaves, start, end, quality reports, and
         *     its duration.
         * @description Its doctor and patient only (404 otherwise). Reading is audited.
         */
        get: operations["listCallEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel (the patient, until the hospital's cancellation window; the doctor; an admin).
         * @description Possible while `requested`, `awaiting_payment` or `confirmed` (409 otherwise); a patient may
         *     cancel a confirmed appointment only until `cancellation_window_hours` before its start (409
         *     after). The other side is notified by email and in-app (both when an admin cancels);
         *     audited. The payment of a confirmed appointment is owed back when the doctor or hospital
         *     cancels, or the patient does at least `refund_window_hours` ahead: Stripe refunds it
         *     automatically, a Khalti payment becomes `pending_manual`.
         */
        post: operations["cancelAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the consultation (the doctor).
         * @description The appointment's doctor only (403 for admins and patients); 409 unless it is `in_progress`.
         *     It becomes `completed`; audited.
         */
        post: operations["completeAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying for an appointment that awaits payment (its patient).
         * @description 409 unless the appointment is `awaiting_payment` or when the hospital takes no payments; 422
         *     for a Khalti fee under 1000 paisa; 503 when the provider is not configured or does not
         *     answer. Answers 201 with the provider's `redirect_url`, or 200 with the pending payment
         *     while its link is valid; once that link has expired, the call checks it with the provider
         *     and answers 409, and a later call starts a new payment. Audited; only the provider's
         *     verified outcome confirms the appointment.
         */
        post: operations["startPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/propose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Propose another time (`start_at`); the patient accepts or cancels.
         * @description The appointment's doctor or an admin, while it is `requested`, `awaiting_payment` or
         *     `confirmed` (409 otherwise). `start_at` must be one of the doctor's slots within the
         *     hospital's notice and horizon (422) and free (409); status and time stay as they are until
         *     the patient accepts, and the proposal holds no slot. The patient is notified by email and
         *     in-app; audited.
         */
        post: operations["proposeAppointmentTime"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A visit's rating.
         * @description The patient and doctor of the appointment and the hospital's admins; 404 when it has no
         *     rating or is not theirs.
         */
        get: operations["getAppointmentRating"];
        put?: never;
        /**
         * Rate a completed visit (the patient, once).
         * @description The patient of the appointment (404 for anyone else's, or another hospital's); 422 for
         *     a visit not completed, `stars` outside 1–5 or a comment over 1000 characters; 409 when
         *     it was rated already. Audited.
         */
        post: operations["rateAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a requested appointment with a reason (its doctor or an admin).
         * @description 409 unless the appointment is `requested`; 422 without a non-empty `reason` (at most 2000
         *     characters), which is kept as `status_reason`. The patient is notified by email and in-app;
         *     audited.
         */
        post: operations["rejectAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the consultation (the doctor, from 15 minutes before its time).
         * @description The appointment's doctor only (403 for admins and patients); 409 unless it is `confirmed`
         *     and now is between 15 minutes before its start and its end. It becomes `in_progress`;
         *     audited.
         */
        post: operations["startAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first: the hospital's for admins, platform events for super admins.
         * @description Hospital admins see every event of their hospital, reads of patient data included; super
         *     admins see only events whose actor was a super admin (onboarding, settings, suspension),
         *     never patient data; doctors and patients get 403. Filter by `actor`, `patient`, `action`,
         *     `from` (inclusive) and `to` (exclusive); `seq` stays null until the event is sealed into the
         *     hash chain, within about a second.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in.
         * @description Unknown email and wrong password get the same 401. Repeated failures are throttled
         *     per account and per client address (429 with Retry-After).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in, second step: the challenge of the password step and a code from the
         *     authenticator app (or one unused recovery code).
         * @description A code is accepted once; a wrong one counts toward the same throttle as wrong passwords
         *     (429). The challenge is single use, valid five minutes and five tries (401 after).
         */
        post: operations["loginTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: the session is revoked on the server.
         * @description Any signed-in caller. Only this token's session ends (the account's other sessions stay
         *     open), and the token answers 401 from then on; recorded in the audit trail of the caller's
         *     hospital.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I.
         * @description Any signed-in caller, also a super admin and an account that must change its password first.
         *     Answers the user id, email, name, role, hospital id and slug (null for a super admin),
         *     `must_change_password`, `must_enrol_totp` and the role's `permissions`; 401 for a missing,
         *     invalid, expired or revoked token.
         */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update one's own name, language or time zone.
         * @description Any signed-in caller; fields left out stay as they are, and the answer is the updated
         *     profile. 422 when `full_name` is not 1 to 200 printable characters, `language` is not `en`
         *     or `ne`, or `timezone` is not an IANA zone. Language and time zone apply to the caller's
         *     emails and in-app notifications.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password (also the way out of a forced change after a reset).
         * @description Any signed-in caller, also one who must change their password before anything else. 403 when
         *     `current_password` is wrong; 422 when the new password has fewer than 12 or more than 256
         *     characters, is the email address or equals the current one. Every other session of the
         *     account ends (this one stays), the forced change is cleared and the change is audited.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset email (same answer whether the email has an account or not).
         * @description Public, no sign-in. Always 202 after the same work whatever the address; an active account
         *     then gets an email with a single-use link valid for 30 minutes, and its older links stop
         *     working. Limited per client address (`PASSWORD_RESETS_PER_IP_PER_HOUR`, then 429 with
         *     Retry-After).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a password reset with the emailed token (single use, 30 minutes).
         * @description Public, no sign-in. 422 when the token is unknown, used or expired, or the new password
         *     breaks the rules (12 to 256 characters, not the email address). On success (204) the
         *     password is set, a forced change is cleared and every session of the account ends.
         */
        post: operations["completePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register as a patient of a hospital.
         * @description An email that already has an account joins this hospital only with that account's
         *     password; otherwise 409.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on two-factor sign-in: a new TOTP secret, to scan into an authenticator app.
         * @description Any signed-in account. Answers the secret (base32), its `otpauth://` URI and the URI as a
         *     QR code (SVG). Nothing changes at sign-in until `POST /api/v1/auth/totp/confirm` with a
         *     first code; 409 when two-factor sign-in is already on (an admin can reset it).
         */
        post: operations["enrolTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm two-factor sign-in with a first code; answers ten single-use recovery codes.
         * @description The recovery codes are shown this once (only their hashes are kept). 422 for a code that
         *     does not match; 409 when nothing is pending or it is already on.
         */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's conversations, oldest first, with the time of the newest message and how
         *     many from the other party are unread.
         * @description Doctors and patients. A doctor sees a conversation while on the patient's care team; a
         *     patient always sees their own. Paged with `limit` and `cursor`.
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Opens (or returns) the conversation of a doctor and a patient on that doctor's care team.
         * @description A doctor sends `{patient_id}` (one of their care team's patients), a patient
         *     `{doctor_id}` (one of their doctors); 201 when it is new, 200 when it existed; 404 for
         *     anyone else.
         */
        post: operations["openConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A conversation's messages, newest first; `cursor` is the oldest id of the previous page.
         * @description Its doctor and patient only (404 otherwise). Reading is audited.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Posts a message; it is pushed to both parties' sockets (`chat.message`).
         * @description Its doctor and patient, while the doctor is on the patient's care team (409 after).
         *     `client_id` makes retries safe: the same `client_id` again answers the first message
         *     (200) and posts nothing. `document_id` attaches one of the patient's documents that the
         *     sender may read (404 otherwise); the document itself is fetched through
         *     `/documents/{id}`. Audited.
         */
        post: operations["postMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A read receipt: the caller has read up to `message_id` (pushed as `chat.read`).
         * @description Its doctor and patient; 404 for a message not in this conversation. A receipt never moves
         *     back to an older message.
         */
        post: operations["markConversationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doctors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hospital's doctors (any member).
         * @description Hospital admins, doctors and patients of the hospital (403 for a super admin). Profiles in
         *     creation order, paged with `limit` and `cursor`.
         */
        get: operations["listDoctors"];
        put?: never;
        /**
         * Add a doctor to the hospital (hospital admin).
         * @description Hospital admins only. Creates the doctor's account, which signs in with the given password,
         *     and profile. 422 for an invalid email, name or password, or a specialization, licence
         *     number, languages or bio out of bounds; 409 when the email already has an account (in any
         *     hospital) or the licence number is taken here; audited.
         */
        post: operations["createDoctor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doctors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One doctor.
         * @description Hospital admins, doctors and patients of the hospital. 404 for an unknown id or another
         *     hospital's doctor.
         */
        get: operations["getDoctor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doctors/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A doctor's published availability.
         * @description Hospital admins, doctors and patients of the hospital. Answers the weekly rules, slot
         *     length, buffer and exceptions in the doctor's time zone; 404 when the doctor is unknown, of
         *     another hospital, or has published none.
         */
        get: operations["getAvailability"];
        /**
         * Publish a doctor's weekly availability (that doctor or an admin); replaces the previous one.
         * @description Hospital admins for any doctor of the hospital, doctors for themselves only (403 for another
         *     doctor; 404 for an unknown doctor). 422 for an invalid time zone, `slot_minutes` outside 5
         *     to 240, `buffer_minutes` over 120, times not `HH:MM`, an end not after its start,
         *     overlapping rules on one weekday, or an exception with only one of `start` and `end`. Booked
         *     appointments are not changed; audited.
         */
        put: operations["setAvailability"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doctors/{id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free slots of a doctor between `from` and `to` (at most 31 days).
         * @description Hospital admins, doctors and patients of the hospital. Booked and held time is left out
         *     without saying whose, and only slots within the hospital's minimum notice and booking
         *     horizon are listed; a doctor without published availability has none. 422 when `to` is not
         *     after `from` or the range exceeds 31 days, 404 for an unknown doctor.
         */
        get: operations["listSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A document's bytes, decrypted.
         * @description Whoever may see the patient's documents (404 otherwise). The whole object is authenticated
         *     before the first byte is sent, so a damaged or truncated object answers 500 and serves
         *     nothing; after the hospital's key was destroyed, 410. Served as an attachment with its
         *     original content type; the read is audited.
         */
        get: operations["getDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/encounters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's encounters.
         * @description For the patient named by `patient_id`: the patient, hospital admins, and doctors on the care
         *     team or holding an active grant (404 for any other patient). In creation order, paged with
         *     `limit` and `cursor`; the read is audited.
         */
        get: operations["listEncounters"];
        put?: never;
        /**
         * Open an encounter (a visit's clinical record) for a patient on the caller's care team.
         * @description Doctors with a profile in this hospital (403 otherwise), for a patient on their care team or
         *     who gave them an active grant (404 for any other patient); it starts `in_progress`.
         *     `appointment_id`, when given, must be one of this patient's appointments the doctor can see
         *     (422) and may have only one encounter (409); `reason` has at most 500 characters. Audited.
         */
        post: operations["createEncounter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/encounters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One encounter.
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant; 404
         *     otherwise, also for another hospital's id. The read is audited.
         */
        get: operations["getEncounter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hospitals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List hospitals: all for a super admin, one's own for everyone else.
         * @description Super admins, hospital admins, doctors and patients. In creation order, paged with `limit`
         *     (1 to 200, default 50) and `cursor` (the previous page's `next_cursor`).
         */
        get: operations["listHospitals"];
        put?: never;
        /**
         * Onboard a hospital with its first administrator (super admin).
         * @description Super admins only. Creates the hospital and a `hospital_admin` account that signs in with
         *     the given password; `approval_required` defaults to true, `payment_required` to true unless
         *     the provider is `none`, and `ai_assistance` to false. 422 for an invalid name, slug, time
         *     zone, currency, fee or admin field, or Khalti with a currency other than NPR; 409 when the
         *     slug or the admin's email is taken; audited.
         */
        post: operations["createHospital"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hospitals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One hospital (404 for another tenant's id unless super admin).
         * @description Super admins read any hospital; hospital admins, doctors and patients only their own.
         *     Answers its settings: payment, booking rules, AI switches and quota, and whether it is
         *     suspended.
         */
        get: operations["getHospital"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change settings; a super admin may also suspend or reinstate.
         * @description Super admins for any hospital, hospital admins for their own (404 for another's id); fields
         *     left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
         *     422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
         *     Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
         *     reinstated.
         */
        patch: operations["updateHospital"];
        trace?: never;
    };
    "/api/v1/inference/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's jobs (without results).
         * @description Jobs for the patient named by `patient_id`, for doctors and hospital admins who may see that
         *     patient (patients get 403; 404 for any other patient). Oldest first, paged with `limit` and
         *     `cursor`; the read is audited.
         */
        get: operations["listInferenceJobs"];
        put?: never;
        /**
         * Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.
         * @description Doctors and hospital admins who may see the document's patient (404 for any other document).
         *     `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
         *     switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
         *     202 with the job id; audited.
         */
        post: operations["createInferenceJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inference/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One job with its progress, model version and (when done) result.
         * @description Doctors and hospital admins who may see the job's patient (patients get 403; other jobs
         *     404). `result` is set once the job succeeded, `error` when it failed, `corrections` holds
         *     the doctors' stages by epoch (sleep staging); the read is audited.
         */
        get: operations["getInferenceJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inference/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running job; a finished one answers 409.
         * @description Doctors and hospital admins who may see the job's patient (404 otherwise). Answers the job,
         *     now `cancelled`; audited.
         */
        post: operations["cancelInferenceJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inference/jobs/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Correct staged epochs (doctors); corrections are kept as training labels.
         * @description Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
         *     10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
         *     `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
         *     of the job's epochs are corrected in all; audited.
         */
        put: operations["correctInferenceJob"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inference/jobs/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sleep report: a hypnogram (SVG) with the summary, model version and input's sha256.
         * @description Doctors and hospital admins who may see the job's patient; 409 unless it is a succeeded
         *     sleep-staging job. Doctors' corrections are drawn in and the summary counts them; the read
         *     is audited.
         */
        get: operations["getInferenceReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hospital's staff: every member but patients, with role and whether active.
         * @description Hospital admins only. Filter by `role` (`hospital_admin`, `doctor` or a custom role);
         *     ordered by user id, paged with `limit` and `cursor`.
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a member of this hospital: their sessions here end at once.
         * @description Hospital admins only. The member cannot sign in to this hospital until reactivated;
         *     memberships in other hospitals are not affected. 404 when the user is not a member of this
         *     hospital, 422 for oneself; audited.
         */
        post: operations["deactivateMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a member of this hospital.
         * @description Hospital admins only. The member can sign in to this hospital again. 404 when the user is
         *     not a member of this hospital, 422 for oneself; audited.
         */
        post: operations["reactivateMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a member's password to a temporary one, to be changed at the next sign-in.
         * @description Hospital admins only. Answers the temporary password to hand to the person; every session of
         *     the account ends. 404 when the user is not a member of this hospital; 409 when the account
         *     also belongs to another hospital (or is a super admin's), since only its owner may then
         *     reset it; 422 for oneself (`POST /auth/password`); audited.
         */
        post: operations["resetMemberPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}/reset-totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear a member's second factor (a lost phone): they sign in with their password alone
         *     until they enrol again.
         * @description Hospital admins only, for members of their hospital (404 otherwise, also when the member
         *     has no second factor here; 422 for oneself). Every session of the member at this hospital
         *     ends; audited.
         */
        post: operations["resetMemberTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The model registry: every version per kind, its sha256, metrics and status.
         * @description Super admins, hospital admins and doctors (patients get 403). Versions per kind in
         *     registration order, each `active`, `shadow` or `retired`; new jobs use the active one.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{kind}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register new weights (super admins), evaluated first and registered as `shadow`.
         * @description Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
         *     (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` and `specialty` can be
         *     registered; the weights are loaded and run on held-out evaluation data first (synthetic
         *     nights, or the curated held-out phrases), and weights that do not load or run answer 422. 409 when the version exists; the change is logged, not written to an audit
         *     trail.
         */
        post: operations["registerModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{kind}/versions/{version}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate, shadow or retire a version (super admins). Jobs use the active version.
         * @description Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
         *     activating a version retires the kind's previous active one. 404 for an unknown kind or
         *     version; answers every version of the kind. The change is logged, not written to an audit
         *     trail.
         */
        post: operations["setModelStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One note.
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant; 404
         *     otherwise, and for a private note to an admin without the patient's `private_notes` grant.
         *     The read is audited.
         */
        get: operations["getNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's in-app notifications, oldest first; `unread=true` for unread only.
         * @description Patients, doctors and hospital admins, each seeing only their own (appointment and payment
         *     changes, refunds, break-glass alerts for admins). Paged with `limit` and `cursor`.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of the caller's notifications read.
         * @description Patients, doctors and hospital admins, for their own notifications only (404 otherwise).
         *     Marking a notification that is already read changes nothing and answers 204 too.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outgoing messages of the hospital (admins), e.g. `status=failed` for those that gave up.
         * @description Hospital admins only. Each email's subject and delivery state (`pending`, `sent` or
         *     `failed`, attempts, last error, next attempt), never its body; a message is marked `failed`
         *     after 5 failed attempts. Paged with `limit` and `cursor`.
         */
        get: operations["listOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Patients the caller may see: all (admin), the care team's (doctor), oneself (patient).
         * @description Doctors see the patients on their care teams and those who gave them an active consent or
         *     break-glass grant. Paged with `limit` and `cursor`; every patient on the page is recorded in
         *     the audit trail as read.
         */
        get: operations["listPatients"];
        put?: never;
        /**
         * Add a patient (hospital admin).
         * @description Hospital admins only. Creates the patient's account, which signs in with the given password,
         *     and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
         *     or phone; 409 when the email already has an account (in any hospital); audited.
         */
        post: operations["createPatient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One patient's profile (audited read).
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant; 404
         *     for any other patient, including another hospital's. The read is recorded before the answer
         *     is sent and shows in the patient's access log.
         */
        get: operations["getPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a patient's profile (hospital admin; the patient their own contact details).
         * @description Hospital admins change any field. A patient changes their own `phone`,
         *     `notification_channels` and `emergency_contact` (403 for any other field). Fields left out
         *     stay as they are and the answer is the updated profile. 404 for a patient of another
         *     hospital (or, for a patient, anyone else); 422 for an invalid date of birth or phone (E.164),
         *     a `sex` or `blood_type` outside the listed values, allergies, medical history or
         *     emergency contact over their length limits, or channels other than `email` and `sms`; 409
         *     for SMS without a phone number. Audited.
         */
        patch: operations["updatePatient"];
        trace?: never;
    };
    "/api/v1/patients/{id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who read or changed this patient's record, when and why, newest first.
         * @description The patient, hospital admins and doctors on the care team (404 for a patient the caller may
         *     not see); a doctor who sees the patient only through a consent or break-glass gets no
         *     entries. Actors are named where the caller may see their name; reading the log is itself
         *     audited.
         */
        get: operations["patientAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Emergency access (doctors) to a patient outside the care team, for at most 60 minutes.
         * @description Doctors only, for any patient of this hospital (404 for an unknown id). `reason` must have
         *     10 to 500 characters and `minutes` be 1 to 60 (default 60), else 422; until it expires the
         *     doctor has the same access as the care team. Audited as `break_glass.open` (shown in the
         *     patient's access log), and every active admin of the hospital gets an in-app notification
         *     and an email with the patient's id, not their name.
         */
        post: operations["breakGlass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/care-team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The doctors on a patient's care team.
         * @description The patient (their own) and hospital admins; doctors get 403, another patient's or
         *     hospital's id 404. Longest-standing first; audited as a read of the patient's record.
         */
        get: operations["listCareTeam"];
        put?: never;
        /**
         * Put a doctor on a patient's care team (hospital admin).
         * @description Hospital admins only. The doctor can then read the patient's profile and records, write
         *     notes and encounters, and prescribe. 404 when the patient or doctor is not in this hospital,
         *     409 when the doctor is already on the team; audited.
         */
        post: operations["assignCareTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/care-team/{doctor_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a doctor off a patient's care team (hospital admin).
         * @description Hospital admins only. The doctor's access through the care team ends; a consent or
         *     break-glass grant they hold is not affected. 404 when the doctor is not on this patient's
         *     team; audited.
         */
        delete: operations["removeCareTeam"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Grants on a patient's record (consents and break-glass), as the caller may see them.
         * @description The patient and hospital admins see every grant on the record, doctors only grants made to
         *     themselves; 404 for a patient the caller may not see. Up to 200, newest first, each with
         *     `active` (unexpired and not revoked); the read is audited.
         */
        get: operations["listConsents"];
        put?: never;
        /**
         * Grant a doctor (`records`) or an admin (`private_notes`) access to your record (patients).
         * @description The patient only, on their own record (404 for any other patient id). `grantee_user_id` must
         *     be an active doctor of this hospital for `records` or an active hospital admin for
         *     `private_notes` (422 otherwise); `expires_at`, when given, must be in the future, and
         *     without it the grant lasts until revoked. Audited.
         */
        post: operations["grantConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/consents/{grant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a consent (patients); access ends at once.
         * @description The patient only, for a consent on their own record; break-glass grants cannot be revoked
         *     here, and an unknown or another patient's grant answers 404. Revoking an already revoked
         *     consent answers 204 again; audited.
         */
        delete: operations["revokeConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's documents, newest last (descriptions only).
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant (404
         *     for any other patient). Title, kind, file name, content type, size and SHA-256, never the
         *     bytes (see `GET /api/v1/documents/{id}/content`); paged with `limit` and `cursor`, and the
         *     read is audited.
         */
        get: operations["listDocuments"];
        put?: never;
        /**
         * Upload a document for a patient (multipart `file`, `title`, `kind`).
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant (404
         *     for any other patient). The file is encrypted before it leaves the server; `sha256` and
         *     `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
         *     `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
         *     multipart, 410 after the hospital's key was destroyed, 409 for an upload that took longer
         *     than `ORPHAN_GRACE_MINUTES`; nothing is kept when the upload fails, and a success is
         *     audited.
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's notes (private ones only for those allowed to see them).
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant (404
         *     for any other patient). Private notes are left out for hospital admins without the patient's
         *     `private_notes` grant. Oldest first, paged with `limit` and `cursor`; the read is audited.
         */
        get: operations["listNotes"];
        put?: never;
        /**
         * Write a consultation note (doctors on the patient's care team or with granted access).
         * @description Doctors only; 404 for a patient the caller may not see. `body` must have 1 to 20000
         *     characters and `encounter_id`, when given, must be one of this patient's encounters (422). A
         *     `private` note is hidden from hospital admins unless the patient grants them
         *     `private_notes`; audited.
         */
        post: operations["createNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/vitals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's vital signs, newest measurement first.
         * @description The patient, hospital admins, doctors of the care team (or with an active grant), custom
         *     roles granted `vitals:list`; 404 for any other patient. Paged with `limit` and `cursor`;
         *     audited.
         */
        get: operations["listVitals"];
        put?: never;
        /**
         * Record a set of vital signs; it is scored with NEWS2 (RCP 2017).
         * @description The patient, a doctor of the care team (or with an active grant), or a custom role the
         *     hospital granted `vitals:create` (a nurse); 404 for any other patient. Impossible values
         *     answer 422. A risk other than `low` raises an alert for the care team (pushed as a
         *     notification; emailed for `high`). `news2.rising` flags a score that rose at each of the
         *     patient's last three sets. Audited.
         */
        post: operations["recordVitals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/khalti/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Khalti's redirect target.
         * @description Opened by the patient's browser, without a bearer token; 503 when Khalti is not configured.
         *     The query string is not trusted: the server looks `pidx` up with Khalti and applies the
         *     verified outcome once (a completed payment of the amount asked confirms the appointment, an
         *     expired or cancelled one ends the payment), then answers 303 to the web app with the
         *     payment's id and status.
         */
        get: operations["khaltiReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhook.
         * @description Called by Stripe, without a bearer token; 503 when `STRIPE_WEBHOOK_SECRET` is not set.
         *     `Stripe-Signature` is verified on the raw body before anything is parsed (400 when it or the
         *     JSON is invalid); Checkout Session events of sessions this server created confirm or end the
         *     payment, each event id at most once, and a success whose amount or currency differs fails
         *     it. Other verified events and replays answer 200 and change nothing; a confirmation notifies
         *     the patient and every change is audited.
         */
        post: operations["stripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One payment (whoever sees its appointment).
         * @description The appointment's patient, its doctor and hospital admins; 404 for anyone else or another
         *     hospital's id. Shows provider, status, amount and currency, and while pending the
         *     `redirect_url` and its expiry.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that an owed refund (`pending_manual`) was paid back by hand (hospital admin).
         * @description Hospital admins only, for Khalti payments owed back after a cancellation (Stripe refunds are
         *     sent automatically); 404 for another hospital's payment, 409 unless it is `pending_manual`.
         *     It becomes `refunded`, the patient is notified by email and in-app, and the change is
         *     audited.
         */
        post: operations["markPaymentRefunded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prescription-verifications/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a printed prescription's code (public, no sign-in).
         * @description Answers whether the code is genuine: status, issue date, hospital, prescriber and licence
         *     number, and how many items; never any patient data. Case and dashes do not matter; an
         *     unknown or malformed code answers 404. Limited per client address
         *     (`VERIFICATIONS_PER_IP_PER_MINUTE`, then 429 with Retry-After).
         */
        get: operations["verifyPrescription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prescriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prescriptions the caller may see: a patient's, or for pharmacists all of the hospital's.
         * @description Patients see their own, doctors those of patients on their care team or who gave them an
         *     active grant, and custom roles granted `prescription:list` (pharmacists) the whole
         *     hospital's; hospital admins get 403. Filter by `patient_id`, `status` (`active`,
         *     `dispensed` or `cancelled`, else 422) and the printed `code` (a pharmacist's look-up: 422
         *     for one that cannot be a code); oldest first, paged, and every prescription listed is
         *     recorded as read.
         */
        get: operations["listPrescriptions"];
        put?: never;
        /**
         * Issue a prescription (a doctor of the patient's care team).
         * @description Doctors with a profile here, for a patient on their care team or who gave them an active
         *     grant (404 for any other patient). 1 to 30 `items` with medication, dose, route and
         *     frequency, `duration_days` 1 to 365, `quantity` 1 to 10000 and `refills` 0 to 12 (422
         *     otherwise); `appointment_id`, when given, must be one of this patient's appointments (422).
         *     It starts `active` with a verification code for the printed copy; audited.
         */
        post: operations["createPrescription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prescriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One prescription.
         * @description The patient, doctors on the care team or holding an active grant, and custom roles granted
         *     `prescription:read` (pharmacists); hospital admins get 403, any other prescription 404. The
         *     read is audited.
         */
        get: operations["getPrescription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prescriptions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an active prescription (its prescriber only).
         * @description 403 for everyone else, including any other doctor who may read it through the care team or a
         *     consent; 409 unless it is `active`. It becomes `cancelled`, which the public verification
         *     then shows; audited.
         */
        post: operations["cancelPrescription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prescriptions/{id}/dispense": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a prescription dispensed (pharmacists: a custom role granted `prescription:dispense`).
         * @description Any other role gets 403. 409 unless the prescription is `active`; it becomes `dispensed`,
         *     with the time and the dispensing member recorded, and the change is audited.
         */
        post: operations["dispensePrescription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prescriptions/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The prescription as a PDF, labelled in English or Nepali.
         * @description Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
         *     prescriber and licence, the patient's name and date of birth, items, issue date, status and
         *     the verification code with its public check address; audited as a print. `lang` is the
         *     language of the labels, `en` (the default) or `ne` (422 otherwise); names and what the
         *     doctor wrote are printed as written, Devanagari included (the fonts are embedded).
         */
        get: operations["getPrescriptionPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/doctors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each doctor's ratings: count, mean, stars and the newest comments (hospital admins).
         * @description Comments are shown without who wrote them.
         */
        get: operations["listDoctorRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This hospital's custom roles.
         * @description Hospital admins only. Each custom role with its permissions (object and action), by name;
         *     base roles are not listed.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Define (or redefine) a custom role for this hospital (hospital admin).
         * @description Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
         *     hospital admin has or a delegable one (`prescription` list, read, dispense), never on
         *     `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
         *     Audited; every server instance applies the change within a second.
         */
        post: operations["saveRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a custom role no member holds any more.
         * @description Hospital admins only. 409 while any member of the hospital holds the role, deactivated
         *     members included; 404 for an unknown role. Audited; every server instance applies the change
         *     within a second.
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/specialty-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest specialties, and this hospital's doctors who have them, for a reason for a visit.
         * @description Patients and hospital admins (who book for them). Answers the three most probable
         *     specialties, most probable first, each with its probability and this hospital's active
         *     doctors of that specialization; `notice` is "suggested, not a diagnosis", to be shown
         *     with them. 422 for a reason that is empty, over 500 characters or without words; 409
         *     when the hospital has switched AI assistance or specialty suggestions off. The reason is
         *     neither stored nor logged.
         */
        post: operations["suggestSpecialties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a staff member with an admin or custom role (hospital admin).
         * @description Hospital admins only. `role` is `hospital_admin` or one of this hospital's custom roles (422
         *     otherwise: doctors and patients have their own endpoints); the account signs in with the
         *     given password. 422 for an invalid email, name or password, 409 when the email already has
         *     an account (in any hospital); audited.
         */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ws/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use ticket for `GET /api/v1/ws?ticket=…` (a browser cannot send a header).
         * @description Any signed-in user. Valid for 60 seconds and once; bound to the caller's session, so the
         *     socket it opens closes (code 4401) when that session ends. Clients that can send
         *     `Authorization: Bearer` may open the socket with it instead.
         */
        post: operations["createWsTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/Patient/{id}/$everything": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything on one patient's record that the caller may see, as a `searchset` Bundle.
         * @description The patient, hospital admins, and doctors on the care team or holding an active grant (404
         *     otherwise). Holds the Patient and, for each type the caller's role may read, the
         *     Appointments, Encounters, MedicationRequests, DocumentReferences, Consents and vital-sign
         *     Observations, plus the
         *     Practitioners they name; errors are `OperationOutcome`s and the read is audited.
         */
        get: operations["fhirPatientEverything"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.
         * @description For Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and
         *     Observation (422
         *     for Practitioner, 404 for an unknown type), with the role permissions and visibility of the
         *     API; 404 for a patient the caller may not see. At most 500 rows per search; errors are
         *     `OperationOutcome`s and the search is audited.
         */
        get: operations["fhirSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/{kind}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one FHIR resource by type and id.
         * @description Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
         *     `{prescription}-{n}`, one per item), DocumentReference, Consent and Observation (a set of
         *     vital signs: its panel, id `{set}`, and one Observation per measurement, id
         *     `{set}-{member}`, in the vital signs profile with LOINC codes); another type, or an id
         *     the caller may not see, answers 404. Each type needs the role permission of its API
         *     counterpart (e.g. 403 for hospital admins on MedicationRequest); errors are
         *     `OperationOutcome`s and every read is audited.
         */
        get: operations["fhirRead"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AccessLogEntry
         * @description One access to a patient's record.
         */
        AccessLogEntry: {
            action: string;
            /** @description The person's name where the caller may see it (staff names are visible to members). */
            actor_name: string | null;
            actor_role: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurred_at: string;
            outcome: string;
            purpose: string | null;
            resource_type: string;
        };
        /**
         * Alert
         * @description A deterioration alert: a vitals set whose NEWS2 risk is not low, for the care team.
         */
        Alert: {
            /** Format: date-time */
            acknowledged_at: string | null;
            /** Format: uuid */
            acknowledged_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            measured_at: string;
            /** @description `low_medium`, `medium` or `high`. */
            news2_risk: string;
            /** Format: int16 */
            news2_score: number;
            /** Format: uuid */
            patient_id: string;
            patient_name: string;
            /** @description The score rose at each of the patient's last three sets. */
            rising: boolean;
            /** Format: uuid */
            vitals_id: string;
        };
        /**
         * Appointment
         * @description An appointment. `status` is requested, awaiting_payment, confirmed, in_progress, completed,
         *     rejected, cancelled or no_show; a pending proposal of another time shows in `proposed_start_at`.
         */
        Appointment: {
            cancelled_by: string | null;
            /** Format: date-time */
            created_at: string;
            currency: string;
            /** Format: uuid */
            doctor_id: string;
            /** @description The doctor's name (null only where the caller may not see the account). */
            doctor_name: string | null;
            /** Format: date-time */
            end_at: string;
            /**
             * Format: int64
             * @description Minor units.
             */
            fee: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            patient_id: string;
            /** @description The patient's name (null only where the caller may not see the account). */
            patient_name: string | null;
            /** Format: date-time */
            proposed_start_at: string | null;
            /** @description Only the patient, their doctor and admins see it; it never goes into an email. */
            reason: string;
            /** Format: date-time */
            start_at: string;
            status: string;
            status_reason: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        /** AuditEvent */
        AuditEvent: {
            action: string;
            actor_role: string;
            /** Format: uuid */
            actor_user_id: string | null;
            /** Format: uuid */
            hospital_id: string;
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurred_at: string;
            outcome: string;
            /** Format: uuid */
            patient_id: string | null;
            purpose: string | null;
            request_id: string | null;
            resource_id: string | null;
            resource_type: string;
            /**
             * Format: int64
             * @description Position in the hospital's hash chain; null until sealed (within about a second).
             */
            seq: number | null;
        };
        /** AvailabilityBody */
        AvailabilityBody: {
            /**
             * Format: uint32
             * @description Gap left after every visit (default 0, at most 120).
             */
            buffer_minutes?: number | null;
            /** @description At most 400 dated exceptions. */
            exceptions?: components["schemas"]["Exception"][] | null;
            /** @description At most 100 weekly rules. */
            rules: components["schemas"]["Rule"][];
            /**
             * Format: uint32
             * @description Length of one visit, 5 to 240 minutes.
             */
            slot_minutes: number;
            /** @description IANA time zone the rules are written in, e.g. `Asia/Kathmandu`. */
            timezone: string;
        };
        /** AvailabilityView */
        AvailabilityView: {
            /** Format: uint32 */
            buffer_minutes: number;
            /** Format: uuid */
            doctor_id: string;
            exceptions: components["schemas"]["Exception"][];
            rules: components["schemas"]["Rule"][];
            /** Format: uint32 */
            slot_minutes: number;
            timezone: string;
        };
        /** BreakGlass */
        BreakGlass: {
            /**
             * Format: int64
             * @description 1 to 60; default 60.
             */
            minutes?: number | null;
            /** @description Why emergency access is needed (recorded and shown to admins). */
            reason: string;
        };
        /**
         * CallEvent
         * @description One event of a call's record.
         */
        CallEvent: {
            /**
             * Format: uuid
             * @description Who recorded it (the doctor admits the patient).
             */
            actor_id: string;
            /** Format: date-time */
            at: string;
            /** Format: int32 */
            bitrate_kbps: number | null;
            /** Format: uuid */
            id: string;
            /** @description `joined`, `waiting`, `admitted`, `left`, `started`, `ended` or `quality`. */
            kind: string;
            /** Format: double */
            packet_loss: number | null;
            /** Format: int32 */
            rtt_ms: number | null;
            /**
             * Format: uuid
             * @description Whom it is about.
             */
            user_id: string;
        };
        /**
         * CallInfo
         * @description `GET /appointments/{id}/call`.
         */
        CallInfo: {
            /** Format: date-time */
            closes_at: string;
            ice_servers: components["schemas"]["IceServer"][];
            /** Format: date-time */
            opens_at: string;
            /** @description `not_open`, `open` or `ended`. */
            state: string;
        };
        /**
         * CallRecord
         * @description `GET /appointments/{id}/call/events`: the events, oldest first, and the call's span.
         */
        CallRecord: {
            /**
             * Format: int64
             * @description From start to end (or to the last leave, for a call nobody ended).
             */
            duration_seconds: number | null;
            /** Format: date-time */
            ended_at: string | null;
            items: components["schemas"]["CallEvent"][];
            /**
             * Format: date-time
             * @description When doctor and patient were first both in the call.
             */
            started_at: string | null;
        };
        /** CareTeamAssignment */
        CareTeamAssignment: {
            /** Format: uuid */
            doctor_id: string;
        };
        /** CareTeamMember */
        CareTeamMember: {
            /** Format: uuid */
            doctor_id: string;
            /** Format: uuid */
            patient_id: string;
        };
        /**
         * Conversation
         * @description A doctor and a patient of their care team, talking.
         */
        Conversation: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            doctor_id: string;
            /**
             * Format: uuid
             * @description The doctor's user (who sends as the doctor).
             */
            doctor_user_id: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When the newest message was sent; null before the first.
             */
            last_message_at: string | null;
            /** Format: uuid */
            patient_id: string;
            /**
             * Format: uuid
             * @description The patient's user.
             */
            patient_user_id: string;
            /**
             * Format: int64
             * @description Messages from the other party after the caller's read receipt.
             */
            unread: number;
        };
        /** Corrected */
        Corrected: {
            /**
             * Format: int64
             * @description Epochs whose stage a doctor set, in total for this job.
             */
            corrected: number;
        };
        /** Correction */
        Correction: {
            /**
             * Format: int32
             * @description 0-based epoch index.
             */
            epoch: number;
            /** @description W, N1, N2, N3 or REM. */
            stage: string;
        };
        /**
         * CorrectionSet
         * @description A doctor's corrections to a job's stages. Named `CorrectionSet` in the spec: a schema whose
         *     name equals one of its properties trips openapi-python-client (its issue #1117).
         */
        CorrectionSet: {
            corrections: components["schemas"]["Correction"][];
        };
        /** CreatedHospital */
        CreatedHospital: {
            /** Format: uuid */
            admin_user_id: string;
            ai_assistance: boolean;
            ai_chest_xray: boolean;
            ai_sleep_staging: boolean;
            ai_specialty_suggestion: boolean;
            /** Format: int64 */
            appointment_fee: number;
            approval_required: boolean;
            /** Format: int32 */
            booking_horizon_days: number;
            /** Format: int32 */
            cancellation_window_hours: number;
            /** Format: date-time */
            created_at: string;
            currency: string;
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            inference_concurrency: number;
            /** Format: int32 */
            inference_daily_quota: number;
            /** Format: int32 */
            min_notice_minutes: number;
            name: string;
            payment_provider: string;
            payment_required: boolean;
            /**
             * Format: int32
             * @description How long an approved appointment holds its time while it awaits payment.
             */
            payment_window_minutes: number;
            /**
             * Format: int32
             * @description A paid appointment cancelled at least this many hours before it is refunded.
             */
            refund_window_hours: number;
            slug: string;
            suspended: boolean;
            timezone: string;
            totp_required: boolean;
            /** Format: date-time */
            updated_at: string;
        };
        /** CreatedPatient */
        CreatedPatient: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * Day
         * @description One day's figures.
         */
        Day: {
            /** @description Status → count, by the appointment's local start date. */
            appointments: {
                [key: string]: number;
            };
            /** Format: int64 */
            booked_minutes: number;
            /**
             * Format: int64
             * @description Appointments whose video call started.
             */
            calls: number;
            /** Format: date */
            date: string;
            /** @description Kind → status → count, by the job's local creation date. */
            inference_jobs: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            inference_latency: components["schemas"]["Latency"][];
            /**
             * Format: double
             * @description From the call's start to its end, for calls that ended.
             */
            mean_call_minutes: number | null;
            /** Format: double */
            mean_rating: number | null;
            /**
             * Format: double
             * @description From the request to its confirmation, for appointments confirmed.
             */
            median_minutes_to_confirm: number | null;
            /**
             * Format: double
             * @description The share of reviewed sleep-staging epochs whose stage a doctor left as the model gave
             *     it (reviewed: jobs with at least one correction); null when none was reviewed.
             */
            model_agreement: number | null;
            /**
             * Format: double
             * @description No-shows ÷ (completed + no-shows); null when neither happened.
             */
            no_show_rate: number | null;
            /** Format: int64 */
            published_minutes: number;
            /** Format: int64 */
            ratings: number;
            revenue: components["schemas"]["Revenue"][];
            /** Format: int64 */
            reviewed_epochs: number;
            /**
             * Format: double
             * @description Minutes booked (confirmed, in progress, completed or missed) ÷ minutes the doctors
             *     published; null when nothing was published.
             */
            utilisation: number | null;
        };
        /** Doctor */
        Doctor: {
            bio: string;
            /** Format: date-time */
            created_at: string;
            full_name: string;
            /** Format: uuid */
            id: string;
            languages: string[];
            license_number: string;
            specialization: string;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * DoctorRatingsView
         * @description A doctor's ratings, for hospital admins.
         */
        DoctorRatingsView: {
            /** Format: uuid */
            doctor_id: string;
            doctor_name: string;
            /**
             * Format: double
             * @description Null before a first rating.
             */
            mean_stars: number | null;
            /** Format: int64 */
            ratings: number;
            /** @description The five newest comments that say something, newest first. */
            recent_comments: components["schemas"]["RecentComment"][];
            specialization: string;
            /** @description Ratings with 1, 2, 3, 4 and 5 stars, in that order. */
            stars: number[];
        };
        /**
         * Document
         * @description A stored document's description (never its content).
         */
        Document: {
            content_type: string;
            /** Format: date-time */
            created_at: string;
            file_name: string;
            /** Format: uuid */
            id: string;
            /** @description `lab_report`, `imaging`, `eeg` or `other`. */
            kind: string;
            /** Format: uuid */
            patient_id: string;
            /** @description SHA-256 of the plaintext, hex. */
            sha256: string;
            /**
             * Format: int64
             * @description Plaintext size in bytes.
             */
            size: number;
            title: string;
            /** Format: uuid */
            uploaded_by: string;
        };
        /**
         * DocumentReceipt
         * @description The answer to an upload: the plaintext's size and SHA-256.
         */
        DocumentReceipt: {
            /** Format: uuid */
            id: string;
            /** @description SHA-256 of the uploaded bytes, hex. */
            sha256: string;
            /**
             * Format: int64
             * @description Bytes uploaded.
             */
            size: number;
        };
        /** Encounter */
        Encounter: {
            /** Format: uuid */
            appointment_id: string | null;
            /** Format: uuid */
            doctor_id: string;
            /** Format: date-time */
            ended_at: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            patient_id: string;
            reason: string;
            /** Format: date-time */
            started_at: string;
            /** @description `in_progress` or `finished`. */
            status: string;
        };
        /**
         * Exception
         * @description A day off (no times) or extra hours on a date.
         */
        Exception: {
            /** Format: date */
            date: string;
            end?: string | null;
            start?: string | null;
        };
        /**
         * Figures
         * @description The figures of a day, or of the whole period.
         */
        Figures: {
            /** @description Status → count, by the appointment's local start date. */
            appointments: {
                [key: string]: number;
            };
            /** Format: int64 */
            booked_minutes: number;
            /**
             * Format: int64
             * @description Appointments whose video call started.
             */
            calls: number;
            /** @description Kind → status → count, by the job's local creation date. */
            inference_jobs: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            inference_latency: components["schemas"]["Latency"][];
            /**
             * Format: double
             * @description From the call's start to its end, for calls that ended.
             */
            mean_call_minutes: number | null;
            /** Format: double */
            mean_rating: number | null;
            /**
             * Format: double
             * @description From the request to its confirmation, for appointments confirmed.
             */
            median_minutes_to_confirm: number | null;
            /**
             * Format: double
             * @description The share of reviewed sleep-staging epochs whose stage a doctor left as the model gave
             *     it (reviewed: jobs with at least one correction); null when none was reviewed.
             */
            model_agreement: number | null;
            /**
             * Format: double
             * @description No-shows ÷ (completed + no-shows); null when neither happened.
             */
            no_show_rate: number | null;
            /** Format: int64 */
            published_minutes: number;
            /** Format: int64 */
            ratings: number;
            revenue: components["schemas"]["Revenue"][];
            /** Format: int64 */
            reviewed_epochs: number;
            /**
             * Format: double
             * @description Minutes booked (confirmed, in progress, completed or missed) ÷ minutes the doctors
             *     published; null when nothing was published.
             */
            utilisation: number | null;
        };
        /**
         * Grant
         * @description A grant of access to one patient's records.
         */
        Grant: {
            /** @description Unexpired and not revoked. */
            active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: uuid */
            grantee_user_id: string;
            /** Format: uuid */
            id: string;
            /** @description `consent` (from the patient) or `break_glass` (emergency access by a doctor). */
            kind: string;
            /** Format: uuid */
            patient_id: string;
            reason: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description `records` (a doctor outside the care team) or `private_notes` (a hospital admin). */
            scope: string;
        };
        /** Hospital */
        Hospital: {
            ai_assistance: boolean;
            ai_chest_xray: boolean;
            ai_sleep_staging: boolean;
            ai_specialty_suggestion: boolean;
            /** Format: int64 */
            appointment_fee: number;
            approval_required: boolean;
            /** Format: int32 */
            booking_horizon_days: number;
            /** Format: int32 */
            cancellation_window_hours: number;
            /** Format: date-time */
            created_at: string;
            currency: string;
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            inference_concurrency: number;
            /** Format: int32 */
            inference_daily_quota: number;
            /** Format: int32 */
            min_notice_minutes: number;
            name: string;
            payment_provider: string;
            payment_required: boolean;
            /**
             * Format: int32
             * @description How long an approved appointment holds its time while it awaits payment.
             */
            payment_window_minutes: number;
            /**
             * Format: int32
             * @description A paid appointment cancelled at least this many hours before it is refunded.
             */
            refund_window_hours: number;
            slug: string;
            suspended: boolean;
            timezone: string;
            totp_required: boolean;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * HospitalAnalytics
         * @description A hospital's figures over a period, in its time zone.
         */
        HospitalAnalytics: {
            /** @description Every date of the period, oldest first. */
            days: components["schemas"]["Day"][];
            /** Format: date */
            from: string;
            timezone: string;
            /** Format: date */
            to: string;
            totals: components["schemas"]["Figures"];
        };
        /**
         * HospitalFigures
         * @description One hospital's figures on the platform: counts and sums, never a patient's data.
         */
        HospitalFigures: {
            /**
             * Format: int64
             * @description Users with a session seen in the period.
             */
            active_users: number;
            /** @description Status → count. */
            appointments: {
                [key: string]: number;
            };
            /** Format: uuid */
            hospital_id: string;
            name: string;
            revenue: components["schemas"]["PlatformRevenue"][];
            slug: string;
        };
        /**
         * HospitalPatch
         * @description Changes to a hospital; absent fields stay as they are. `suspended` is the super admin's.
         */
        HospitalPatch: {
            ai_assistance?: boolean | null;
            /** @description AI chest X-ray triage (when `ai_assistance` is on). */
            ai_chest_xray?: boolean | null;
            /** @description AI sleep staging (when `ai_assistance` is on). */
            ai_sleep_staging?: boolean | null;
            /**
             * @description AI specialty suggestions from a patient's reason for a visit (when `ai_assistance` is
             *     on).
             */
            ai_specialty_suggestion?: boolean | null;
            /** Format: int64 */
            appointment_fee?: number | null;
            approval_required?: boolean | null;
            /**
             * Format: int32
             * @description How far ahead patients may book (1 to 365 days).
             */
            booking_horizon_days?: number | null;
            /**
             * Format: int32
             * @description Patients may cancel a confirmed appointment until this many hours before it (0 to 720).
             */
            cancellation_window_hours?: number | null;
            currency?: string | null;
            /**
             * Format: int32
             * @description AI jobs of this hospital that may run at once (1 to 64).
             */
            inference_concurrency?: number | null;
            /**
             * Format: int32
             * @description AI jobs the hospital may queue per day (0 to 100000).
             */
            inference_daily_quota?: number | null;
            /**
             * Format: int32
             * @description How soon a slot may be booked (0 to 10080 minutes ahead).
             */
            min_notice_minutes?: number | null;
            name?: string | null;
            payment_provider?: components["schemas"]["PaymentProvider"] | null;
            payment_required?: boolean | null;
            /**
             * Format: int32
             * @description How long an approved appointment holds its time while it awaits payment (5 to 1440
             *     minutes).
             */
            payment_window_minutes?: number | null;
            /**
             * Format: int32
             * @description A paid appointment cancelled at least this many hours before it is refunded (0 to 720).
             */
            refund_window_hours?: number | null;
            /** @description true ends every session of the hospital and blocks its logins; false lifts it. */
            suspended?: boolean | null;
            timezone?: string | null;
            /**
             * @description Two-factor sign-in is mandatory for staff (every member but patients): one without it
             *     is sent to enrolment after the password step, from their next sign-in.
             */
            totp_required?: boolean | null;
        };
        /**
         * IceServer
         * @description An ICE server for `RTCPeerConnection`.
         */
        IceServer: {
            /** @description TURN only: base64(HMAC-SHA1(secret, username)), valid until the username's expiry. */
            credential: string;
            urls: string[];
            /** @description TURN only: `<unix expiry>:<user id>`. */
            username: string;
        };
        /**
         * Item
         * @description One medication line.
         */
        Item: {
            /** @description e.g. `500 mg`. */
            dose: string;
            /** Format: int32 */
            duration_days: number;
            /** @description e.g. `twice daily`. */
            frequency: string;
            /** @default  */
            instructions: string;
            medication: string;
            /** Format: int32 */
            quantity: number;
            /** Format: int32 */
            refills: number;
            /** @description e.g. `oral`. */
            route: string;
        };
        /**
         * Job
         * @description A job and, once it succeeded, its result. A sleep-staging result has `stages` (one of W,
         *     N1, N2, N3, REM per 30-second epoch, in order), `probabilities` per epoch and `summary`.
         */
        Job: {
            /** Format: int32 */
            attempts: number;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            document_id: string;
            error: string | null;
            /** Format: date-time */
            finished_at: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
            model_version: string | null;
            /** Format: uuid */
            patient_id: string;
            /**
             * Format: float
             * @description 0 to 1 while running.
             */
            progress: number;
            result: unknown;
            /** Format: date-time */
            started_at: string | null;
            /** @description `queued`, `running`, `succeeded`, `failed` or `cancelled`. */
            status: string;
        };
        /** JobAccepted */
        JobAccepted: {
            /** Format: uuid */
            id: string;
            /** @description `queued`. */
            status: string;
        };
        /**
         * JobDetail
         * @description `GET /inference/jobs/{id}`: the job, and the doctors' corrections of its result by epoch
         *     (sleep staging; empty otherwise). `result` stays the model's own answer.
         */
        JobDetail: {
            /** Format: int32 */
            attempts: number;
            corrections: components["schemas"]["StageCorrection"][];
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            document_id: string;
            error: string | null;
            /** Format: date-time */
            finished_at: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
            model_version: string | null;
            /** Format: uuid */
            patient_id: string;
            /**
             * Format: float
             * @description 0 to 1 while running.
             */
            progress: number;
            result: unknown;
            /** Format: date-time */
            started_at: string | null;
            /** @description `queued`, `running`, `succeeded`, `failed` or `cancelled`. */
            status: string;
        };
        /**
         * JobRow
         * @description A job's row without its (large) result, for lists.
         */
        JobRow: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            document_id: string;
            /** Format: date-time */
            finished_at: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
            model_version: string | null;
            /** Format: uuid */
            patient_id: string;
            /** Format: float */
            progress: number;
            status: string;
        };
        /**
         * Latency
         * @description One kind of inference job's latency (start to finish of the jobs that succeeded).
         */
        Latency: {
            /** Format: int64 */
            jobs: number;
            kind: string;
            /** Format: double */
            p50_ms: number;
            /** Format: double */
            p95_ms: number;
        };
        /**
         * Listing_AccessLogEntry
         * @description One page of a list.
         */
        Listing_AccessLogEntry: {
            items: components["schemas"]["AccessLogEntry"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Alert
         * @description One page of a list.
         */
        Listing_Alert: {
            items: components["schemas"]["Alert"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Appointment
         * @description One page of a list.
         */
        Listing_Appointment: {
            items: components["schemas"]["Appointment"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_AuditEvent
         * @description One page of a list.
         */
        Listing_AuditEvent: {
            items: components["schemas"]["AuditEvent"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Conversation
         * @description One page of a list.
         */
        Listing_Conversation: {
            items: components["schemas"]["Conversation"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Doctor
         * @description One page of a list.
         */
        Listing_Doctor: {
            items: components["schemas"]["Doctor"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Document
         * @description One page of a list.
         */
        Listing_Document: {
            items: components["schemas"]["Document"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Encounter
         * @description One page of a list.
         */
        Listing_Encounter: {
            items: components["schemas"]["Encounter"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Hospital
         * @description One page of a list.
         */
        Listing_Hospital: {
            items: components["schemas"]["Hospital"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_JobRow
         * @description One page of a list.
         */
        Listing_JobRow: {
            items: components["schemas"]["JobRow"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Member
         * @description One page of a list.
         */
        Listing_Member: {
            items: components["schemas"]["Member"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Note
         * @description One page of a list.
         */
        Listing_Note: {
            items: components["schemas"]["Note"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Notification
         * @description One page of a list.
         */
        Listing_Notification: {
            items: components["schemas"]["Notification"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_OutboxMessage
         * @description One page of a list.
         */
        Listing_OutboxMessage: {
            items: components["schemas"]["OutboxMessage"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Patient
         * @description One page of a list.
         */
        Listing_Patient: {
            items: components["schemas"]["Patient"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Prescription
         * @description One page of a list.
         */
        Listing_Prescription: {
            items: components["schemas"]["Prescription"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * Listing_Vitals
         * @description One page of a list.
         */
        Listing_Vitals: {
            items: components["schemas"]["Vitals"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for the next page; null on the last page.
             */
            next_cursor: string | null;
        };
        /**
         * LoginRequest
         * @description Credentials. `hospital` (a slug) may be left out by super admins and by accounts that
         *     belong to one hospital only.
         */
        LoginRequest: {
            email: string;
            hospital?: string | null;
            password: string;
        };
        /**
         * LoginResponse
         * @description A new session; or, for an account with two-factor sign-in on, no token yet but
         *     `second_factor: "totp"` and a `challenge` for `POST /api/v1/auth/login/totp`.
         */
        LoginResponse: {
            /** @description Single use, valid five minutes (five tries): pass it with the code. */
            challenge: string | null;
            /**
             * Format: date-time
             * @description The session ends at this time at the latest (it also ends after 30 idle minutes).
             */
            expires_at: string | null;
            /**
             * Format: uuid
             * @description Null for a super admin.
             */
            hospital_id: string | null;
            /**
             * @description The hospital requires two-factor sign-in of its staff and this account has none yet: the
             *     session may only enrol (`POST /api/v1/auth/totp`, then `/confirm`) until it is on.
             */
            must_enrol_totp: boolean;
            role: string;
            /** @description `totp` when the code step must follow; null once signed in. */
            second_factor: string | null;
            /**
             * @description Opaque bearer token (256 bits). Send it as `Authorization: Bearer <token>`. Null when a
             *     second factor is still needed.
             */
            token: string | null;
            /** Format: uuid */
            user_id: string;
        };
        /** Me */
        Me: {
            email: string;
            full_name: string;
            /** Format: uuid */
            hospital_id: string | null;
            hospital_slug: string | null;
            /** @description The account must change its password before anything else. */
            must_change_password: boolean;
            /**
             * @description The hospital requires two-factor sign-in of its staff and this account has none yet: it
             *     must enrol (`POST /api/v1/auth/totp`, then `/confirm`) before anything else.
             */
            must_enrol_totp: boolean;
            /**
             * @description What the caller's role may do, as `object:action` (`prescription:dispense`,
             *     `appointment:approve`, …): for a client to show what applies. The server still checks
             *     every call.
             */
            permissions: string[];
            role: string;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * Member
         * @description A member of the hospital's staff as its admin sees them.
         */
        Member: {
            /** @description False while deactivated: they cannot sign in to this hospital. */
            active: boolean;
            email: string;
            full_name: string;
            /** Format: date-time */
            joined_at: string;
            /** @description `hospital_admin`, `doctor` or a custom role such as `pharmacist`. */
            role: string;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * Message
         * @description One chat message.
         */
        Message: {
            body: string;
            /** @description The sender's idempotency key. */
            client_id: string;
            /** Format: uuid */
            conversation_id: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: uuid
             * @description One of the patient's documents, attached (read it through `/documents/{id}`).
             */
            document_id: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sender_id: string;
        };
        /**
         * MessagePage
         * @description A page of history, newest first.
         */
        MessagePage: {
            items: components["schemas"]["Message"][];
            /**
             * Format: uuid
             * @description Pass as `cursor` for older messages; null on the oldest page.
             */
            next_cursor: string | null;
        };
        /** ModelVersion */
        ModelVersion: {
            /** Format: date-time */
            created_at: string;
            kind: string;
            metrics: unknown;
            /** @description Hex. */
            sha256: string;
            status: string;
            version: string;
        };
        /**
         * NewAdmin
         * @description The hospital's first administrator.
         */
        NewAdmin: {
            email: string;
            full_name: string;
            password: string;
        };
        /** NewAppointment */
        NewAppointment: {
            /** Format: uuid */
            doctor_id: string;
            /**
             * Format: uuid
             * @description When an admin books on a patient's behalf.
             */
            patient_id?: string | null;
            /** @description Seen by the patient, the doctor and admins; never sent by email. */
            reason: string;
            /** Format: date-time */
            start_at: string;
        };
        /** NewConsent */
        NewConsent: {
            /**
             * Format: date-time
             * @description Open-ended when absent.
             */
            expires_at?: string | null;
            /**
             * Format: uuid
             * @description A doctor of this hospital (scope `records`) or a hospital admin (scope `private_notes`).
             */
            grantee_user_id: string;
            scope: string;
        };
        /** NewDoctor */
        NewDoctor: {
            bio?: string | null;
            email: string;
            full_name: string;
            languages?: string[] | null;
            license_number: string;
            password: string;
            specialization: string;
        };
        /** NewEncounter */
        NewEncounter: {
            /**
             * Format: uuid
             * @description The appointment this visit belongs to (one encounter per appointment).
             */
            appointment_id?: string | null;
            /** Format: uuid */
            patient_id: string;
            reason?: string | null;
        };
        /** NewHospital */
        NewHospital: {
            admin: components["schemas"]["NewAdmin"];
            /** @description AI assistance for doctors (default false). */
            ai_assistance?: boolean | null;
            /**
             * Format: int64
             * @description In minor units (paisa, cents).
             */
            appointment_fee: number;
            /** @description Appointments wait for a doctor's approval (default true). */
            approval_required?: boolean | null;
            /** @description ISO 4217 code, e.g. `NPR`. */
            currency: string;
            name: string;
            payment_provider: components["schemas"]["PaymentProvider"];
            /** @description Appointments must be paid before they are confirmed (default: provider is not `none`). */
            payment_required?: boolean | null;
            /** @description Lowercase letters, digits and dashes; used at login and registration. */
            slug: string;
            /** @description IANA time zone, e.g. `Asia/Kathmandu`. */
            timezone: string;
        };
        /** NewJob */
        NewJob: {
            /** Format: uuid */
            document_id: string;
            /** @description `sleep_staging` (an EDF/EDF+/BDF recording) or `chest_xray`. */
            kind: string;
        };
        /** NewNote */
        NewNote: {
            body: string;
            /** Format: uuid */
            encounter_id?: string | null;
            /** @default false */
            private: boolean;
        };
        /** NewPatient */
        NewPatient: {
            /** Format: date */
            date_of_birth?: string | null;
            email: string;
            full_name: string;
            password: string;
            phone?: string | null;
        };
        /** NewPrescription */
        NewPrescription: {
            /** Format: uuid */
            appointment_id?: string | null;
            /** @description 1 to 30 medications. */
            items: components["schemas"]["Item"][];
            /** Format: uuid */
            patient_id: string;
        };
        /** NewRating */
        NewRating: {
            /** @description At most 1000 characters. */
            comment?: string | null;
            /**
             * Format: uint32
             * @description 1 to 5.
             */
            stars: number;
        };
        /** NewStaff */
        NewStaff: {
            email: string;
            full_name: string;
            password: string;
            /** @description `hospital_admin` or one of this hospital's custom roles (doctors: POST /doctors). */
            role: string;
        };
        /**
         * NewVitals
         * @description A set of vital signs to score with NEWS2.
         */
        NewVitals: {
            /** @description ACVPU: `A` alert, `C` new confusion, `V` voice, `P` pain, `U` unresponsive. */
            consciousness: string;
            /**
             * Format: uint32
             * @description Pulse, beats per minute (20–250).
             */
            heart_rate: number;
            /**
             * Format: date-time
             * @description When measured (default now); not in the future, at most 30 days back.
             */
            measured_at?: string | null;
            /** @description Breathing supplemental oxygen (otherwise air). */
            on_oxygen: boolean;
            /**
             * Format: uint32
             * @description Breaths per minute (1–80).
             */
            respiratory_rate: number;
            /**
             * Format: uint32
             * @description Oxygen saturation, % (50–100).
             */
            spo2: number;
            /**
             * Format: uint32
             * @description 1, or 2 for a patient with hypercapnic respiratory failure (target 88–92%).
             */
            spo2_scale: number;
            /**
             * Format: uint32
             * @description Systolic blood pressure, mmHg (40–300).
             */
            systolic_bp: number;
            /**
             * Format: double
             * @description °C (30.0–45.0), read to one decimal.
             */
            temperature_c: number;
        };
        /**
         * News2
         * @description A NEWS2 score: the total, its risk band and each parameter's points.
         */
        News2: {
            /** @description The score rose at each of the patient's last three sets (this one included). */
            rising: boolean;
            /** @description `low`, `low_medium` (a single parameter scoring 3), `medium` (5–6) or `high` (7+). */
            risk: string;
            /**
             * Format: uint8
             * @description 0 to 20.
             */
            score: number;
        };
        /** Note */
        Note: {
            /** Format: uuid */
            author_user_id: string;
            body: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            encounter_id: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            patient_id: string;
            /** @description Hidden from hospital admins unless the patient grants them access. */
            private: boolean;
        };
        /** Notification */
        Notification: {
            /** Format: uuid */
            appointment_id: string | null;
            body: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            kind: string;
            /** Format: date-time */
            read_at: string | null;
            title: string;
        };
        /**
         * OpenConversation
         * @description `POST /conversations`: a doctor names the patient, a patient the doctor.
         */
        OpenConversation: {
            /** Format: uuid */
            doctor_id?: string | null;
            /** Format: uuid */
            patient_id?: string | null;
        };
        /**
         * OperationOutcome
         * @description A FHIR R4 `OperationOutcome`.
         */
        OperationOutcome: {
            issue: components["schemas"]["OutcomeIssue"][];
            /** @description Always `OperationOutcome`. */
            resourceType: string;
        };
        /**
         * OutboxMessage
         * @description An outgoing message as admins see it (delivery state, not its text).
         */
        OutboxMessage: {
            /** Format: int32 */
            attempts: number;
            channel: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            last_error: string | null;
            /** Format: date-time */
            next_attempt_at: string;
            /**
             * Format: int32
             * @description What a text costs, in the provider's segments (GSM-7: 160 characters, 153 a part;
             *     UCS-2, e.g. Devanagari: 70, 67 a part); null for an email.
             */
            segments: number | null;
            /** Format: date-time */
            sent_at: string | null;
            status: string;
            subject: string;
        };
        /**
         * OutcomeIssue
         * @description The issues of an `OperationOutcome`.
         */
        OutcomeIssue: {
            /** @description A FHIR issue type such as `not-found`, `forbidden`, `login` or `invalid`. */
            code: string;
            diagnostics: string;
            /** @description `error`, or `fatal` for a server error. */
            severity: string;
        };
        /**
         * PasswordChange
         * @description The new password and the current one that proves it is the owner.
         */
        PasswordChange: {
            current_password: string;
            new_password: string;
        };
        /** Patient */
        Patient: {
            allergies: string;
            blood_type: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date */
            date_of_birth: string | null;
            email: string;
            emergency_contact: string;
            full_name: string;
            /** Format: uuid */
            id: string;
            medical_history: string;
            /**
             * @description How appointment and payment notices reach the patient besides the app: `email`, `sms`
             *     or both.
             */
            notification_channels: string[];
            phone: string | null;
            sex: string | null;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * PatientPatch
         * @description Changes to a patient's profile; absent fields stay as they are.
         */
        PatientPatch: {
            allergies?: string | null;
            /** @description `A+`, `A-`, `B+`, `B-`, `AB+`, `AB-`, `O+` or `O-`. */
            blood_type?: string | null;
            /** Format: date */
            date_of_birth?: string | null;
            emergency_contact?: string | null;
            medical_history?: string | null;
            /**
             * @description `["email"]`, `["sms"]` or both: how appointment and payment notices reach the patient
             *     (in the app always). SMS needs a `phone` (409 without one).
             */
            notification_channels?: string[] | null;
            phone?: string | null;
            /** @description `female`, `male`, `other` or `unknown`. */
            sex?: string | null;
        };
        /**
         * Payment
         * @description A payment as its appointment's patient, doctor and admins see it.
         */
        Payment: {
            /**
             * Format: int64
             * @description Minor units.
             */
            amount: number;
            /** Format: uuid */
            appointment_id: string;
            currency: string;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: uuid */
            payment_id: string;
            /** @description `khalti` or `stripe`. */
            provider: string;
            /** @description Where to send the patient to pay (while pending). */
            redirect_url: string | null;
            /**
             * @description `pending`, `succeeded`, `failed`, `expired`, `refunded`, or, once a refund is due,
             *     `refund_pending` (Stripe: the refund is on its way) or `pending_manual` (Khalti: the
             *     hospital refunds by hand, then marks it refunded).
             */
            status: string;
        };
        /** @enum {string} */
        PaymentProvider: "khalti" | "stripe" | "none";
        /** Permission */
        Permission: {
            /** @description e.g. `read`, `dispense`. */
            action: string;
            /** @description e.g. `patient`, `prescription`. */
            object: string;
        };
        /**
         * PlatformAnalytics
         * @description Every hospital's figures over a period (each in its own time zone).
         */
        PlatformAnalytics: {
            /** Format: date */
            from: string;
            hospitals: components["schemas"]["HospitalFigures"][];
            /** Format: date */
            to: string;
        };
        /**
         * PlatformRevenue
         * @description Net revenue in one currency (minor units).
         */
        PlatformRevenue: {
            /** Format: int64 */
            amount: number;
            currency: string;
        };
        /**
         * PostMessage
         * @description `POST /conversations/{id}/messages`.
         */
        PostMessage: {
            /** @description Up to 4000 characters; may be empty when a document is attached. */
            body: string;
            /**
             * @description The client's key for this message (1-100 characters): sending it again answers the
             *     first message instead of posting twice.
             */
            client_id: string;
            /** Format: uuid */
            document_id?: string | null;
        };
        /**
         * Prescription
         * @description A prescription as its readers see it.
         */
        Prescription: {
            /** Format: uuid */
            appointment_id: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            /** Format: date-time */
            dispensed_at: string | null;
            /** Format: uuid */
            doctor_id: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issued_at: string;
            items: components["schemas"]["Item"][];
            /** Format: uuid */
            patient_id: string;
            /** @description `active`, `dispensed` or `cancelled`. */
            status: string;
            /** @description Printed on the PDF; checked at `GET /api/v1/prescription-verifications/{code}`. */
            verification_code: string;
        };
        /**
         * Problem
         * @description An RFC 9457 problem document.
         */
        Problem: {
            /** @description What went wrong with this request, in words meant for the client. */
            detail: string;
            /**
             * Format: uint16
             * @description The HTTP status code.
             */
            status: number;
            /** @description Short summary of the problem type. */
            title: string;
            /** @description A URI reference naming the problem type. */
            type: string;
        };
        /**
         * ProfilePatch
         * @description Changes to one's own profile.
         */
        ProfilePatch: {
            full_name?: string | null;
            /** @description `en` or `ne`: the language of emails and notifications. */
            language?: string | null;
            /** @description IANA zone in which emails show times (default: the hospital's). */
            timezone?: string | null;
        };
        /**
         * Rating
         * @description A patient's rating of a completed visit.
         */
        Rating: {
            /** Format: uuid */
            appointment_id: string;
            comment: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            doctor_id: string;
            /**
             * Format: int16
             * @description 1 to 5.
             */
            stars: number;
        };
        /**
         * ReadUpTo
         * @description `POST /conversations/{id}/read`.
         */
        ReadUpTo: {
            /**
             * Format: uuid
             * @description The newest message the caller has read.
             */
            message_id: string;
        };
        /**
         * RecentComment
         * @description One of a doctor's recent comments (without who wrote it).
         */
        RecentComment: {
            comment: string;
            /** Format: date-time */
            created_at: string;
            /** Format: int16 */
            stars: number;
        };
        /**
         * RegisterRequest
         * @description Patient self-registration. Only ever creates a patient.
         */
        RegisterRequest: {
            /** Format: date */
            date_of_birth?: string | null;
            email: string;
            full_name: string;
            /** @description The hospital's slug. */
            hospital: string;
            /** @description At least 12 characters. */
            password: string;
            phone?: string | null;
        };
        /** Registered */
        Registered: {
            /** Format: uuid */
            patient_id: string;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * ResetCompletion
         * @description Set a new password with the token from the reset email.
         */
        ResetCompletion: {
            new_password: string;
            token: string;
        };
        /**
         * ResetRequest
         * @description Ask for a password reset link by email.
         */
        ResetRequest: {
            email: string;
        };
        /**
         * Revenue
         * @description Money in one currency, in minor units.
         */
        Revenue: {
            /**
             * Format: int64
             * @description Succeeded payments minus refunded ones (a refund requested counts as refunded).
             */
            amount: number;
            currency: string;
            /**
             * Format: int64
             * @description Every payment that succeeded, refunded later or not.
             */
            gross: number;
            /** Format: int64 */
            refunded: number;
        };
        /** Role */
        Role: {
            name: string;
            permissions: components["schemas"]["Permission"][];
        };
        /** RoleDefinition */
        RoleDefinition: {
            /** @description Lowercase letters, digits and underscores, e.g. `pharmacist`. */
            name: string;
            /** @description Only what a hospital admin may do can be granted. */
            permissions: components["schemas"]["Permission"][];
        };
        /** Rule */
        Rule: {
            /** @description Local time, `HH:MM`. */
            end: string;
            /** @description Local time, `HH:MM`. */
            start: string;
            /**
             * Format: uint8
             * @description 1 = Monday .. 7 = Sunday.
             */
            weekday: number;
        };
        /** Slot */
        Slot: {
            /** Format: date-time */
            end_at: string;
            /** Format: date-time */
            start_at: string;
        };
        /** Slots */
        Slots: {
            items: components["schemas"]["Slot"][];
        };
        /**
         * SpecialtySuggestions
         * @description The three most probable specialties, most probable first.
         */
        SpecialtySuggestions: {
            /** @description The registry's version of the model that answered. */
            model_version: string;
            /** @description Always "suggested, not a diagnosis": shown with the suggestions. */
            notice: string;
            suggestions: components["schemas"]["Suggestion"][];
        };
        /** StaffMember */
        StaffMember: {
            role: string;
            /** Format: uuid */
            user_id: string;
        };
        /**
         * StageCorrection
         * @description A doctor's stage for one epoch of a sleep-staging result.
         */
        StageCorrection: {
            /** Format: int32 */
            epoch: number;
            /** @description `W`, `N1`, `N2`, `N3` or `REM`. */
            stage: string;
        };
        /** StatusChange */
        StatusChange: {
            /** @description `active` (the previous active version is retired), `shadow` or `retired`. */
            status: string;
        };
        /** SuggestedDoctor */
        SuggestedDoctor: {
            /**
             * Format: uuid
             * @description The doctor's id (as in `/doctors/{id}`, for booking).
             */
            id: string;
            name: string;
        };
        /** Suggestion */
        Suggestion: {
            /** @description This hospital's active doctors with that specialization, by name (at most 20). */
            doctors: components["schemas"]["SuggestedDoctor"][];
            /**
             * Format: float
             * @description The model's probability, 0 to 1.
             */
            probability: number;
            /** @description A specialty as doctors' specializations name it, e.g. `Cardiology`. */
            specialty: string;
        };
        /** SuggestionRequest */
        SuggestionRequest: {
            /**
             * @description The reason for the visit in the patient's words, English or Nepali (1 to 500
             *     characters).
             */
            reason: string;
        };
        /**
         * TeamDoctor
         * @description A doctor on a patient's care team, as the patient and the hospital's admin see them.
         */
        TeamDoctor: {
            /** Format: uuid */
            doctor_id: string;
            full_name: string;
            /**
             * Format: date-time
             * @description When they joined the team.
             */
            since: string;
            specialization: string;
        };
        /** TemporaryPassword */
        TemporaryPassword: {
            /** @description Give it to the person; they must change it at their next sign-in. */
            temporary_password: string;
        };
        /**
         * Ticket
         * @description `POST /ws/tickets`.
         */
        Ticket: {
            /** Format: date-time */
            expires_at: string;
            /** @description Pass as `GET /api/v1/ws?ticket=…` within 60 seconds, once. */
            ticket: string;
        };
        /**
         * TotpCode
         * @description A code from the authenticator app.
         */
        TotpCode: {
            code: string;
        };
        /**
         * TotpConfirmation
         * @description Two-factor sign-in is on. The recovery codes are shown this once; each works once instead
         *     of a code.
         */
        TotpConfirmation: {
            recovery_codes: string[];
        };
        /**
         * TotpLogin
         * @description The code step: the password step's `challenge` and either a six-digit `code` or a
         *     `recovery_code`.
         */
        TotpLogin: {
            challenge: string;
            code?: string | null;
            recovery_code?: string | null;
        };
        /**
         * TotpSecret
         * @description A new TOTP secret.
         */
        TotpSecret: {
            otpauth_uri: string;
            /** @description The URI as a QR code. */
            qr_svg: string;
            /** @description Base32, for typing into an authenticator app. */
            secret: string;
        };
        /** TransitionBody */
        TransitionBody: {
            reason?: string | null;
            /**
             * Format: date-time
             * @description For `propose`: the new start.
             */
            start_at?: string | null;
        };
        /**
         * Verification
         * @description What anyone holding the paper can learn: whether it is genuine and still valid. No patient data.
         */
        Verification: {
            hospital_name: string;
            /** Format: date-time */
            issued_at: string;
            /** Format: int32 */
            item_count: number;
            license_number: string;
            prescriber: string;
            /** @description `active`, `dispensed` or `cancelled`. */
            status: string;
        };
        /**
         * Vitals
         * @description A set of vital signs with its NEWS2 score.
         */
        Vitals: {
            /** @description ACVPU: `A`, `C` (new confusion), `V`, `P` or `U`. */
            consciousness: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: uint16
             * @description Beats per minute.
             */
            heart_rate: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            measured_at: string;
            news2: components["schemas"]["News2"];
            on_oxygen: boolean;
            /** Format: uuid */
            patient_id: string;
            /**
             * Format: uuid
             * @description Who recorded it (the patient, or a member of staff).
             */
            recorded_by: string;
            /**
             * Format: uint16
             * @description Breaths per minute.
             */
            respiratory_rate: number;
            /**
             * Format: uint16
             * @description Oxygen saturation, %.
             */
            spo2: number;
            /**
             * Format: uint8
             * @description 1, or 2 for hypercapnic respiratory failure (target 88–92%).
             */
            spo2_scale: number;
            /**
             * Format: uint16
             * @description mmHg.
             */
            systolic_bp: number;
            /**
             * Format: double
             * @description °C, one decimal.
             */
            temperature_c: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAlerts: {
        parameters: {
            query?: {
                all?: boolean;
                patient_id?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Alert"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acknowledgeAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    hospitalAnalytics: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HospitalAnalytics"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    platformAnalytics: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformAnalytics"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAppointments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "doctor_id": "01938a2e-7c30-7f6b-8c3d-4e5f6a7b8c9d",
                 *       "reason": "Trouble sleeping for three weeks",
                 *       "start_at": "2026-12-07T03:15:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["NewAppointment"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cancelled_by": null,
                     *       "created_at": "2026-12-02T06:40:00Z",
                     *       "currency": "NPR",
                     *       "doctor_id": "01938a2e-7c30-7f6b-8c3d-4e5f6a7b8c9d",
                     *       "end_at": "2026-12-07T03:35:00Z",
                     *       "fee": 50000,
                     *       "id": "01938a2e-8d40-7a7c-9d4e-5f6a7b8c9d0e",
                     *       "patient_id": "01938a2e-6b21-7e5a-9b2c-3d4e5f6a7b8c",
                     *       "proposed_start_at": null,
                     *       "reason": "Trouble sleeping for three weeks",
                     *       "start_at": "2026-12-07T03:15:00Z",
                     *       "status": "requested",
                     *       "status_reason": null,
                     *       "updated_at": "2026-12-02T06:40:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptAppointmentProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallInfo"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCallEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallRecord"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment already under way (calling again is safe). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description A new payment; send the patient to `redirect_url`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    proposeAppointmentTime: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppointmentRating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rating"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rateAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewRating"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rating"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                actor?: string;
                patient?: string;
                action?: string;
                from?: string;
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_AuditEvent"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "admin@kathmandu-valley.example",
                 *       "hospital": "kathmandu-valley",
                 *       "password": "a long secret phrase"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "expires_at": "2026-12-02T17:30:00Z",
                     *       "hospital_id": "01938a2e-4f00-7a1b-8c2d-3e4f5a6b7c8d",
                     *       "role": "hospital_admin",
                     *       "token": "9HZ4akQYR-YvWdAPKOkmCCNicZJaITtxI0Wd7-fFYsQ",
                     *       "user_id": "01938a2e-5a10-7c3e-9b0e-2f4d6a8c0e12"
                     *     }
                     */
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    loginTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpLogin"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out; the token answers 401 from now on. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfilePatch"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Changed; every other session of the account has ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description If the email has an account, a link is on its way (the answer is the same either way). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completePasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetCompletion"];
            };
        };
        responses: {
            /** @description The password is set; every session of the account has ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "date_of_birth": "1990-04-01",
                 *       "email": "sita@example.com",
                 *       "full_name": "Sita Sharma",
                 *       "hospital": "kathmandu-valley",
                 *       "password": "a long secret phrase",
                 *       "phone": "+977 1-4412345"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Registered as a patient. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "patient_id": "01938a2e-6b21-7e5a-9b2c-3d4e5f6a7b8c",
                     *       "user_id": "01938a2e-6b20-7d4f-8a1b-2c3d4e5f6a7b"
                     *     }
                     */
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enrolTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpSecret"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpCode"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpConfirmation"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConversations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Conversation"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openConversation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenConversation"];
            };
        };
        responses: {
            /** @description It already existed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostMessage"];
            };
        };
        responses: {
            /** @description The sender posted this `client_id` before: the first message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markConversationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadUpTo"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDoctors: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Doctor"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDoctor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "bio": "Sleep medicine and epilepsy.",
                 *       "email": "dr.thapa@kathmandu-valley.example",
                 *       "full_name": "Dr Anjali Thapa",
                 *       "languages": [
                 *         "en",
                 *         "ne"
                 *       ],
                 *       "license_number": "NMC-12345",
                 *       "password": "a long secret phrase",
                 *       "specialization": "Neurology"
                 *     }
                 */
                "application/json": components["schemas"]["NewDoctor"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDoctor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityView"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "buffer_minutes": 5,
                 *       "exceptions": [
                 *         {
                 *           "date": "2026-12-25"
                 *         }
                 *       ],
                 *       "rules": [
                 *         {
                 *           "end": "12:00",
                 *           "start": "09:00",
                 *           "weekday": 1
                 *         },
                 *         {
                 *           "end": "17:00",
                 *           "start": "14:00",
                 *           "weekday": 3
                 *         }
                 *       ],
                 *       "slot_minutes": 20,
                 *       "timezone": "Asia/Kathmandu"
                 *     }
                 */
                "application/json": components["schemas"]["AvailabilityBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityView"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSlots: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slots"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decrypted bytes, served only after the whole object passed its integrity check. */
            200: {
                headers: {
                    "CONTENT-DISPOSITION": string;
                    "CONTENT-LENGTH": string;
                    "CONTENT-TYPE": string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": Blob;
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEncounters: {
        parameters: {
            query: {
                patient_id: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Encounter"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEncounter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewEncounter"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Encounter"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEncounter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Encounter"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHospitals: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Hospital"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createHospital: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "admin": {
                 *         "email": "admin@kathmandu-valley.example",
                 *         "full_name": "Hospital Admin",
                 *         "password": "a long secret phrase"
                 *       },
                 *       "appointment_fee": 50000,
                 *       "currency": "NPR",
                 *       "name": "Kathmandu Valley Hospital",
                 *       "payment_provider": "khalti",
                 *       "slug": "kathmandu-valley",
                 *       "timezone": "Asia/Kathmandu"
                 *     }
                 */
                "application/json": components["schemas"]["NewHospital"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedHospital"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHospital: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hospital"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateHospital: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HospitalPatch"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hospital"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInferenceJobs: {
        parameters: {
            query: {
                patient_id: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_JobRow"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInferenceJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewJob"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInferenceJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobDetail"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelInferenceJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    correctInferenceJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectionSet"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Corrected"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInferenceReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hypnogram with the night's summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: {
                role?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Member"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reactivateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetMemberPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemporaryPassword"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetMemberTotp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersion"][];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerModel: {
        parameters: {
            query: {
                version: string;
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": Blob;
            };
        };
        responses: {
            /** @description Loaded, evaluated on held-out nights and registered as `shadow`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersion"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setModelStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersion"][];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                unread?: boolean;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Notification"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOutbox: {
        parameters: {
            query?: {
                status?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_OutboxMessage"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatients: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Patient"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPatient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPatient"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPatient"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatientPatch"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patientAccessLog: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_AccessLogEntry"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    breakGlass: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BreakGlass"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCareTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDoctor"][];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignCareTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CareTeamAssignment"];
            };
        };
        responses: {
            /** @description Assigned. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CareTeamMember"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeCareTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                doctor_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"][];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewConsent"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                grant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Document"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The file and its description. */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The document (at most MAX_UPLOAD_BYTES).
                     */
                    file: Blob;
                    /**
                     * @description What the document is.
                     * @enum {string}
                     */
                    kind: "lab_report" | "imaging" | "eeg" | "other";
                    /** @description A short title, 1 to 200 characters. */
                    title: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentReceipt"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotes: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Note"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewNote"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVitals: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Vitals"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordVitals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewVitals"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vitals"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    khaltiReturn: {
        parameters: {
            query: {
                pidx: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the web app's result page. */
            303: {
                headers: {
                    LOCATION: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stripeWebhook: {
        parameters: {
            query?: never;
            header: {
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The raw webhook body: verified byte for byte, so it is taken unparsed. */
        requestBody: {
            content: {
                "application/json": Blob;
            };
        };
        responses: {
            /** @description Received (also for events that change nothing, and for replays). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markPaymentRefunded: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyPrescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPrescriptions: {
        parameters: {
            query?: {
                patient_id?: string;
                status?: string;
                /**
                 * @description The printed verification code (case and dashes do not matter): the one prescription
                 *     of this hospital that carries it, so a pharmacist's look-up reads only that one.
                 */
                code?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Listing_Prescription"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPrescription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "appointment_id": "01938a2e-8d40-7a7c-9d4e-5f6a7b8c9d0e",
                 *       "items": [
                 *         {
                 *           "dose": "3 mg",
                 *           "duration_days": 14,
                 *           "frequency": "nightly",
                 *           "instructions": "Take 30 minutes before bed.",
                 *           "medication": "Melatonin",
                 *           "quantity": 14,
                 *           "refills": 0,
                 *           "route": "oral"
                 *         }
                 *       ],
                 *       "patient_id": "01938a2e-6b21-7e5a-9b2c-3d4e5f6a7b8c"
                 *     }
                 */
                "application/json": components["schemas"]["NewPrescription"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPrescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPrescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dispensePrescription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPrescriptionPdf: {
        parameters: {
            query?: {
                lang?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable prescription. */
            200: {
                headers: {
                    "CONTENT-DISPOSITION": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDoctorRatings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoctorRatingsView"][];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"][];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    saveRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleDefinition"];
            };
        };
        responses: {
            /** @description Created or replaced. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suggestSpecialties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecialtySuggestions"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewStaff"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWsTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Malformed request or unknown fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (a payment provider, Redis) is unavailable or not configured; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fhirPatientEverything: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A FHIR R4 resource or Bundle. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": unknown;
                };
            };
            /** @description Malformed request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description The caller's role may not read this type. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    fhirSearch: {
        parameters: {
            query: {
                patient: string;
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A FHIR R4 resource or Bundle. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": unknown;
                };
            };
            /** @description Malformed request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description The caller's role may not read this type. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    fhirRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A FHIR R4 resource or Bundle. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": unknown;
                };
            };
            /** @description Malformed request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description The caller's role may not read this type. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not the caller's to see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Semantically invalid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Throttled; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
}
