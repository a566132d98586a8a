-- Scheduling: availability, appointments that cannot double-book, the notification outbox.

alter table hospital
  add column booking_horizon_days integer not null default 60 check (booking_horizon_days between 1 and 365),
  add column min_notice_minutes integer not null default 60 check (min_notice_minutes between 0 and 10080),
  add column cancellation_window_hours integer not null default 24 check (cancellation_window_hours between 0 and 720);

alter table app_user add column timezone text;

-- A doctor's weekly availability, in the doctor's own time zone.
create table availability (
  hospital_id uuid not null,
  doctor_id uuid not null,
  timezone text not null,
  slot_minutes integer not null check (slot_minutes between 5 and 240),
  buffer_minutes integer not null default 0 check (buffer_minutes between 0 and 120),
  updated_at timestamptz not null default now(),
  primary key (hospital_id, doctor_id),
  foreign key (hospital_id, doctor_id) references doctor (hospital_id, id)
);

create table availability_rule (
  hospital_id uuid not null,
  doctor_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null check (end_time > start_time),
  primary key (hospital_id, doctor_id, weekday, start_time),
  foreign key (hospital_id, doctor_id) references availability (hospital_id, doctor_id) on delete cascade
);

-- A day off (no times) or extra hours on a date, in the doctor's time zone.
create table availability_exception (
  hospital_id uuid not null,
  doctor_id uuid not null,
  id uuid not null default gen_random_uuid(),
  day date not null,
  start_time time,
  end_time time,
  check ((start_time is null and end_time is null) or (start_time is not null and end_time > start_time)),
  primary key (hospital_id, doctor_id, id),
  unique (hospital_id, doctor_id, day, start_time),
  foreign key (hospital_id, doctor_id) references availability (hospital_id, doctor_id) on delete cascade
);
-- A day off has no start time, which a unique constraint does not compare: one per day.
create unique index availability_day_off on availability_exception (hospital_id, doctor_id, day) where start_time is null;

create table appointment (
  hospital_id uuid not null,
  id uuid not null,
  doctor_id uuid not null,
  patient_id uuid not null,
  doctor_user_id uuid not null,
  patient_user_id uuid not null,
  start_at timestamptz not null,
  end_at timestamptz not null check (end_at > start_at),
  status text not null check (status in ('requested', 'awaiting_payment', 'confirmed', 'in_progress',
                                         'completed', 'rejected', 'cancelled', 'no_show')),
  reason text not null default '',
  fee bigint not null check (fee >= 0),
  currency text not null,
  proposed_start_at timestamptz,
  status_reason text,
  cancelled_by text,
  reminded_24h_at timestamptz,
  reminded_1h_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (hospital_id, id),
  foreign key (hospital_id, doctor_id, doctor_user_id) references doctor (hospital_id, id, user_id),
  foreign key (hospital_id, patient_id, patient_user_id) references patient (hospital_id, id, user_id),
  -- No double booking, ever: neither the doctor nor the patient holds two overlapping
  -- active appointments. The loser of a race gets a 23P01 and answers 409.
  constraint appointment_doctor_no_overlap exclude using gist (
    hospital_id with =, doctor_id with =, tstzrange(start_at, end_at) with &&)
    where (status in ('requested', 'awaiting_payment', 'confirmed', 'in_progress')),
  constraint appointment_patient_no_overlap exclude using gist (
    hospital_id with =, patient_id with =, tstzrange(start_at, end_at) with &&)
    where (status in ('requested', 'awaiting_payment', 'confirmed', 'in_progress'))
);
create index appointment_doctor_time on appointment (hospital_id, doctor_id, start_at);
create index appointment_patient_time on appointment (hospital_id, patient_user_id, start_at);
create index appointment_due on appointment (start_at) where status = 'confirmed';

-- The state change and its notification commit together; a dispatcher sends them.
create table outbox (
  hospital_id uuid not null references hospital (id),
  id uuid not null,
  channel text not null default 'email' check (channel in ('email', 'sms')),
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (hospital_id, id)
);
create index outbox_due on outbox (next_attempt_at) where status = 'pending';

-- In-app notifications.
create table notification (
  hospital_id uuid not null references hospital (id),
  id uuid not null,
  user_id uuid not null references app_user (id),
  kind text not null,
  title text not null,
  body text not null,
  appointment_id uuid,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (hospital_id, id)
);
create index notification_user on notification (hospital_id, user_id, created_at);

alter table availability enable row level security;
alter table availability force row level security;
alter table availability_rule enable row level security;
alter table availability_rule force row level security;
alter table availability_exception enable row level security;
alter table availability_exception force row level security;
alter table appointment enable row level security;
alter table appointment force row level security;
alter table outbox enable row level security;
alter table outbox force row level security;
alter table notification enable row level security;
alter table notification force row level security;

-- Availability is public within the hospital (patients pick slots); the doctor and admins write.
create policy availability_select on availability for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy availability_write on availability for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or exists (select 1 from doctor d where d.hospital_id = availability.hospital_id
                   and d.id = availability.doctor_id
                   and d.user_id = nullif(current_setting('app.user_id', true), '')::uuid)));
create policy availability_rule_select on availability_rule for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy availability_rule_write on availability_rule for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or exists (select 1 from doctor d where d.hospital_id = availability_rule.hospital_id
                   and d.id = availability_rule.doctor_id
                   and d.user_id = nullif(current_setting('app.user_id', true), '')::uuid)));
create policy availability_exception_select on availability_exception for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy availability_exception_write on availability_exception for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or exists (select 1 from doctor d where d.hospital_id = availability_exception.hospital_id
                   and d.id = availability_exception.doctor_id
                   and d.user_id = nullif(current_setting('app.user_id', true), '')::uuid)));
grant select, insert, update, delete on availability, availability_rule, availability_exception
  to carebridge_runtime;

-- An appointment is seen by its patient, its doctor and the hospital's admins.
create policy appointment_select on appointment for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy appointment_insert on appointment for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy appointment_update on appointment for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
grant select, insert, update on appointment to carebridge_runtime;

-- Slots must exclude other patients' bookings without revealing them: busy intervals only.
create function doctor_busy(p_doctor_id uuid, p_from timestamptz, p_to timestamptz)
returns table (start_at timestamptz, end_at timestamptz)
language sql stable security definer set search_path = pg_catalog, public as $$
  select a.start_at, a.end_at from appointment a
   where a.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and a.doctor_id = p_doctor_id
     and a.status in ('requested', 'awaiting_payment', 'confirmed', 'in_progress')
     and a.start_at < p_to and a.end_at > p_from
$$;

create policy outbox_insert on outbox for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy outbox_select on outbox for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
grant select, insert on outbox to carebridge_runtime;

create policy notification_select on notification for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
create policy notification_insert on notification for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy notification_update on notification for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert, update (read_at) on notification to carebridge_runtime;

-- The dispatcher works across hospitals: it claims due messages with a lease (a claimed
-- message whose sender died is claimed again when the lease ends) and reports the outcome.
create function outbox_claim(p_limit integer, p_lease_seconds integer)
returns table (hospital_id uuid, id uuid, channel text, recipient text, subject text,
               text_body text, html_body text, attempts integer)
language sql volatile security definer set search_path = pg_catalog, public as $$
  update outbox o set locked_until = now() + make_interval(secs => p_lease_seconds),
                      attempts = o.attempts + 1
    from (select c.hospital_id, c.id from outbox c
           where c.status = 'pending' and c.next_attempt_at <= now()
             and (c.locked_until is null or c.locked_until < now())
           order by c.next_attempt_at limit p_limit for update skip locked) due
   where o.hospital_id = due.hospital_id and o.id = due.id
  returning o.hospital_id, o.id, o.channel, o.recipient, o.subject, o.text_body, o.html_body, o.attempts
$$;

-- Sent: done. Failed: retry with exponential back-off, parked as failed after p_max_attempts.
create function outbox_report(p_hospital_id uuid, p_id uuid, p_error text, p_max_attempts integer)
returns void
language sql volatile security definer set search_path = pg_catalog, public as $$
  update outbox set
    status = case when p_error is null then 'sent'
                  when attempts >= p_max_attempts then 'failed' else 'pending' end,
    sent_at = case when p_error is null then now() end,
    last_error = p_error,
    locked_until = null,
    next_attempt_at = case when p_error is null then next_attempt_at
                           else now() + make_interval(secs => least(3600, 5 * power(2, attempts)::integer)) end
  where hospital_id = p_hospital_id and id = p_id
$$;

-- Appointments that start within the given window and have not had that reminder yet; marks
-- them so each reminder is enqueued once. Runs across hospitals, for the reminder job.
create function appointment_due_reminders(p_kind text, p_within_minutes integer)
returns table (hospital_id uuid, id uuid, start_at timestamptz)
language sql volatile security definer set search_path = pg_catalog, public as $$
  update appointment a set
    reminded_24h_at = case when p_kind = '24h' then now() else a.reminded_24h_at end,
    reminded_1h_at = case when p_kind = '1h' then now() else a.reminded_1h_at end
   where a.status = 'confirmed' and a.start_at > now()
     and a.start_at <= now() + make_interval(mins => p_within_minutes)
     and ((p_kind = '24h' and a.reminded_24h_at is null) or (p_kind = '1h' and a.reminded_1h_at is null))
  returning a.hospital_id, a.id, a.start_at
$$;

-- Confirmed appointments whose window passed without a start become no-shows.
create function appointment_mark_no_shows(p_grace_minutes integer)
returns integer
language sql volatile security definer set search_path = pg_catalog, public as $$
  with marked as (
    update appointment set status = 'no_show', updated_at = now()
     where status = 'confirmed' and end_at + make_interval(mins => p_grace_minutes) < now()
    returning 1)
  select count(*)::integer from marked
$$;

-- Password reset by email: single-use tokens, stored as SHA-256.
create table password_reset (
  token_hash bytea primary key,
  user_id uuid not null references app_user (id),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
alter table password_reset enable row level security;
alter table password_reset force row level security;

revoke all on function doctor_busy(uuid, timestamptz, timestamptz), outbox_claim(integer, integer),
  outbox_report(uuid, uuid, text, integer), appointment_due_reminders(text, integer),
  appointment_mark_no_shows(integer) from public;
grant execute on function doctor_busy(uuid, timestamptz, timestamptz), outbox_claim(integer, integer),
  outbox_report(uuid, uuid, text, integer), appointment_due_reminders(text, integer),
  appointment_mark_no_shows(integer) to carebridge_runtime;

-- A doctor who takes on an appointment joins the patient's care team; the booking's own
-- transaction (the patient's, the doctor's or an admin's) inserts that row.
create policy care_team_from_appointment on care_team for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (
    select 1 from appointment a
     where a.hospital_id = care_team.hospital_id and a.patient_id = care_team.patient_id
       and a.doctor_id = care_team.doctor_id and a.status in ('awaiting_payment', 'confirmed')));

-- Who to tell about an appointment, for the caller's own appointments (or, with role
-- 'system', for the reminder job): names, addresses, language and time zone.
create function appointment_contacts(p_id uuid)
returns table (patient_user_id uuid, patient_email text, patient_name text, patient_language text,
               patient_timezone text, doctor_user_id uuid, doctor_email text, doctor_name text,
               doctor_language text, doctor_timezone text, hospital_name text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select pu.id, pu.email, pu.full_name, pu.language, coalesce(pu.timezone, h.timezone),
         du.id, du.email, du.full_name, du.language, coalesce(av.timezone, du.timezone, h.timezone),
         h.name
    from appointment a
    join app_user pu on pu.id = a.patient_user_id
    join app_user du on du.id = a.doctor_user_id
    join hospital h on h.id = a.hospital_id
    left join availability av on av.hospital_id = a.hospital_id and av.doctor_id = a.doctor_id
   where a.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and a.id = p_id
     and (current_setting('app.role', true) in ('hospital_admin', 'system')
          or a.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
          or a.patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid)
$$;
revoke all on function appointment_contacts(uuid) from public;
grant execute on function appointment_contacts(uuid) to carebridge_runtime;

grant select (timezone), update (timezone) on app_user to carebridge_runtime;

-- Password reset by email. The request stores a single-use token (as SHA-256) and queues the
-- email in the outbox of a hospital the account belongs to; an unknown email does nothing,
-- and the caller answers the same either way.
create function auth_request_password_reset(p_email text, p_token_hash bytea, p_minutes integer,
                                            p_subject text, p_text text, p_html text)
returns void
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  u record;
begin
  select a.id, m.hospital_id into u
    from app_user a join membership m on m.user_id = a.id and m.active
   where a.email = p_email and a.active
   order by m.created_at limit 1;
  if not found then
    return;
  end if;
  insert into password_reset (token_hash, user_id, expires_at)
  values (p_token_hash, u.id, now() + make_interval(mins => p_minutes));
  insert into outbox (hospital_id, id, recipient, subject, text_body, html_body)
  values (u.hospital_id, gen_random_uuid(), p_email, p_subject, p_text, p_html);
end
$$;

-- The email a valid, unused, unexpired token belongs to (to check the new password against).
create function auth_password_reset_email(p_token_hash bytea)
returns text
language sql stable security definer set search_path = pg_catalog, public as $$
  select a.email from password_reset r join app_user a on a.id = r.user_id
   where r.token_hash = p_token_hash and r.used_at is null and r.expires_at > now() and a.active
$$;

-- Uses the token (once), sets the password and ends every session of the account.
create function auth_complete_password_reset(p_token_hash bytea, p_password_hash text)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  uid uuid;
begin
  update password_reset set used_at = now()
   where token_hash = p_token_hash and used_at is null and expires_at > now()
  returning user_id into uid;
  if uid is null then
    return false;
  end if;
  update app_user set password_hash = p_password_hash, must_change_password = false,
                      password_changed_at = now()
   where id = uid;
  update auth_session set revoked_at = now() where user_id = uid and revoked_at is null;
  return true;
end
$$;

revoke all on function auth_request_password_reset(text, bytea, integer, text, text, text),
  auth_password_reset_email(bytea), auth_complete_password_reset(bytea, text) from public;
grant execute on function auth_request_password_reset(text, bytea, integer, text, text, text),
  auth_password_reset_email(bytea), auth_complete_password_reset(bytea, text) to carebridge_runtime;
