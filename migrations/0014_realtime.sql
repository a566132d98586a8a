-- 0014: real time. Chat between a doctor and a patient of their care team, the record of an
-- appointment's video call, single-use WebSocket tickets, the check that keeps open sockets tied
-- to live sessions, and in-app notifications claimed once for pushing over the socket.

-- One conversation per (doctor, patient) of a hospital. The users are kept beside the profiles
-- so that the policies below need no join to say who takes part.
create table conversation (
  hospital_id uuid not null references hospital(id),
  id uuid not null,
  doctor_id uuid not null,
  patient_id uuid not null,
  doctor_user_id uuid not null references app_user(id),
  patient_user_id uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  unique (hospital_id, doctor_id, patient_id),
  unique (hospital_id, id, doctor_user_id, patient_user_id),
  foreign key (hospital_id, doctor_id) references doctor (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id)
);
alter table conversation enable row level security;
alter table conversation force row level security;

-- Whether the doctor and patient of a row are (still) on one care team, as the caller sees it.
-- The patient keeps their conversations; a doctor sees them only while on the care team.
create policy conversation_select on conversation for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or (doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
           and exists (select 1 from care_team ct
                        where ct.hospital_id = conversation.hospital_id
                          and ct.doctor_id = conversation.doctor_id
                          and ct.patient_id = conversation.patient_id))));
create policy conversation_insert on conversation for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and nullif(current_setting('app.user_id', true), '')::uuid in (doctor_user_id, patient_user_id)
  and exists (select 1 from care_team ct
               where ct.hospital_id = conversation.hospital_id
                 and ct.doctor_id = conversation.doctor_id
                 and ct.patient_id = conversation.patient_id
                 and ct.doctor_user_id = conversation.doctor_user_id
                 and ct.patient_user_id = conversation.patient_user_id));
grant select, insert on conversation to carebridge_runtime;

create table chat_message (
  hospital_id uuid not null,
  id uuid not null,
  conversation_id uuid not null,
  doctor_user_id uuid not null,
  patient_user_id uuid not null,
  sender_id uuid not null references app_user(id),
  -- The sender's idempotency key: the same key again answers the first message.
  client_id text not null check (length(client_id) between 1 and 100),
  body text not null check (length(body) <= 4000),
  document_id uuid,
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  unique (hospital_id, conversation_id, sender_id, client_id),
  foreign key (hospital_id, conversation_id, doctor_user_id, patient_user_id)
    references conversation (hospital_id, id, doctor_user_id, patient_user_id),
  foreign key (hospital_id, document_id) references document (hospital_id, id),
  check (sender_id in (doctor_user_id, patient_user_id)),
  check (body <> '' or document_id is not null)
);
create index chat_message_history on chat_message (hospital_id, conversation_id, id);
alter table chat_message enable row level security;
alter table chat_message force row level security;
-- Visible with its conversation (whose own policy decides).
create policy chat_message_select on chat_message for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from conversation c
               where c.hospital_id = chat_message.hospital_id and c.id = chat_message.conversation_id));
-- Sent by a party of a conversation they see, while doctor and patient share a care team; an
-- attachment is one of that patient's documents the sender may read.
create policy chat_message_insert on chat_message for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and sender_id = nullif(current_setting('app.user_id', true), '')::uuid
  and exists (select 1 from conversation c
                join care_team ct on ct.hospital_id = c.hospital_id
                                 and ct.doctor_id = c.doctor_id and ct.patient_id = c.patient_id
               where c.hospital_id = chat_message.hospital_id and c.id = chat_message.conversation_id)
  and (document_id is null
       or exists (select 1 from conversation c
                    join document d on d.hospital_id = c.hospital_id and d.patient_id = c.patient_id
                   where c.hospital_id = chat_message.hospital_id
                     and c.id = chat_message.conversation_id and d.id = chat_message.document_id)));
grant select, insert on chat_message to carebridge_runtime;

-- Read receipts: how far each party has read.
create table conversation_read (
  hospital_id uuid not null,
  conversation_id uuid not null,
  user_id uuid not null references app_user(id),
  message_id uuid not null,
  read_at timestamptz not null default now(),
  primary key (hospital_id, conversation_id, user_id),
  foreign key (hospital_id, conversation_id) references conversation (hospital_id, id),
  foreign key (hospital_id, message_id) references chat_message (hospital_id, id)
);
alter table conversation_read enable row level security;
alter table conversation_read force row level security;
create policy conversation_read_select on conversation_read for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from conversation c
               where c.hospital_id = conversation_read.hospital_id
                 and c.id = conversation_read.conversation_id));
create policy conversation_read_own on conversation_read for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and user_id = nullif(current_setting('app.user_id', true), '')::uuid
  and exists (select 1 from conversation c
               where c.hospital_id = conversation_read.hospital_id
                 and c.id = conversation_read.conversation_id));
create policy conversation_read_update on conversation_read for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert, update (message_id, read_at) on conversation_read to carebridge_runtime;

-- The record of an appointment's call: who joined, waited, was admitted, left; when it started
-- (both in) and ended; quality reports. `user_id` is whom the event is about, `actor_id` who
-- recorded it (the doctor admits the patient).
create table call_event (
  hospital_id uuid not null,
  id uuid not null,
  appointment_id uuid not null,
  user_id uuid not null references app_user(id),
  actor_id uuid not null references app_user(id),
  kind text not null check (kind in ('joined', 'waiting', 'admitted', 'left', 'started', 'ended', 'quality')),
  rtt_ms integer check (rtt_ms between 0 and 600000),
  packet_loss double precision check (packet_loss between 0 and 1),
  bitrate_kbps integer check (bitrate_kbps between 0 and 10000000),
  at timestamptz not null default now(),
  primary key (hospital_id, id),
  foreign key (hospital_id, appointment_id) references appointment (hospital_id, id)
);
create index call_event_appointment on call_event (hospital_id, appointment_id, id);
create unique index call_event_once on call_event (hospital_id, appointment_id, kind)
  where kind in ('started', 'ended');
alter table call_event enable row level security;
alter table call_event force row level security;
-- The appointment's doctor and patient only.
create policy call_event_select on call_event for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from appointment a
               where a.hospital_id = call_event.hospital_id and a.id = call_event.appointment_id
                 and nullif(current_setting('app.user_id', true), '')::uuid
                     in (a.doctor_user_id, a.patient_user_id)));
create policy call_event_insert on call_event for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and actor_id = nullif(current_setting('app.user_id', true), '')::uuid
  and exists (select 1 from appointment a
               where a.hospital_id = call_event.hospital_id and a.id = call_event.appointment_id
                 and actor_id in (a.doctor_user_id, a.patient_user_id)
                 and user_id in (a.doctor_user_id, a.patient_user_id)));
grant select, insert on call_event to carebridge_runtime;

-- Single-use tickets for a browser's WebSocket (it cannot send a header): bound to a session,
-- valid for a minute. Only the two functions below touch the table.
create table ws_ticket (
  ticket_hash bytea primary key check (length(ticket_hash) = 32),
  session_hash bytea not null references auth_session (token_hash) on delete cascade,
  expires_at timestamptz not null
);
alter table ws_ticket enable row level security;
alter table ws_ticket force row level security;

-- Issues a ticket for the caller's own session (the request's context names the user).
create function ws_ticket_issue(p_ticket_hash bytea, p_session_hash bytea, p_seconds integer)
returns timestamptz
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  v_expires timestamptz := now() + make_interval(secs => p_seconds);
begin
  delete from ws_ticket where expires_at < now() - interval '1 minute';
  insert into ws_ticket (ticket_hash, session_hash, expires_at)
  select p_ticket_hash, s.token_hash, v_expires
    from auth_session s
   where s.token_hash = p_session_hash and s.revoked_at is null
     and s.user_id = nullif(current_setting('app.user_id', true), '')::uuid;
  if not found then
    raise exception 'no such session' using errcode = 'P0002';
  end if;
  return v_expires;
end
$$;
revoke all on function ws_ticket_issue(bytea, bytea, integer) from public;
grant execute on function ws_ticket_issue(bytea, bytea, integer) to carebridge_runtime;

-- Uses a ticket up: its session's hash while it is unexpired, null otherwise (once only).
create function ws_ticket_take(p_ticket_hash bytea) returns bytea
language sql security definer set search_path = pg_catalog, public as $$
  delete from ws_ticket where ticket_hash = p_ticket_hash
  returning case when expires_at > now() then session_hash end
$$;
revoke all on function ws_ticket_take(bytea) from public, carebridge_runtime;
grant execute on function ws_ticket_take(bytea) to carebridge_system;

-- Of the sessions an instance holds sockets for, those still valid at the epoch each was
-- checked at (auth_resume's test, for many at once). A session missing from the answer ended or
-- changed: the instance checks it in full again, and closes its sockets if that fails.
create function auth_sessions_current(p_hashes bytea[], p_epochs bigint[], p_idle_seconds integer)
returns setof bytea
language sql stable security definer set search_path = pg_catalog, public as $$
  select s.token_hash
    from unnest(p_hashes, p_epochs) as x(h, epoch)
    join auth_session s on s.token_hash = x.h
   where s.revoked_at is null and s.expires_at > now()
     and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
     and (select coalesce(sum(e.n), 0)::bigint
            from auth_epoch e
           where (e.hospital_id = coalesce(s.hospital_id, auth_epoch_nil())
                  and e.user_id in (s.user_id, auth_epoch_nil()))
              or (e.hospital_id = auth_epoch_nil() and e.user_id = s.user_id)) = x.epoch
$$;
revoke all on function auth_sessions_current(bytea[], bigint[], integer) from public, carebridge_runtime;
grant execute on function auth_sessions_current(bytea[], bigint[], integer) to carebridge_system;

-- In-app notifications are pushed over the socket once: the pusher claims unpushed rows.
alter table notification add column pushed_at timestamptz;
update notification set pushed_at = created_at;
create index notification_unpushed on notification (created_at) where pushed_at is null;

create function notification_claim_pushes(p_limit integer)
returns table (hospital_id uuid, id uuid, user_id uuid, kind text, title text, body text,
               appointment_id uuid, read_at timestamptz, created_at timestamptz)
language sql security definer set search_path = pg_catalog, public as $$
  update notification n set pushed_at = now()
    from (select u.hospital_id, u.id from notification u
           where u.pushed_at is null order by u.created_at limit p_limit
           for update skip locked) due
   where n.hospital_id = due.hospital_id and n.id = due.id
  returning n.hospital_id, n.id, n.user_id, n.kind, n.title, n.body, n.appointment_id,
            n.read_at, n.created_at
$$;
revoke all on function notification_claim_pushes(integer) from public, carebridge_runtime;
grant execute on function notification_claim_pushes(integer) to carebridge_system;
