-- 0016: a hospital may make two-factor sign-in mandatory for its staff, and patients may get
-- their notices by SMS (a phone number in E.164 and a choice of channels).

-- Mandatory two-factor sign-in: staff are every member but patients.
alter table hospital add column totp_required boolean not null default false;

-- A session opened for a staff member of such a hospital who has no second factor yet may do
-- nothing but enrol (and read who they are, sign out) until enrolment is confirmed. Decided
-- when the session opens: turning the setting on takes effect at each member's next sign-in.
alter table auth_session add column enrol_totp boolean not null default false;

drop function auth_create_session(bytea, uuid, uuid, text, integer);
create function auth_create_session(p_token_hash bytea, p_user_id uuid, p_hospital_id uuid,
                                    p_role text, p_absolute_seconds integer)
returns table (expires_at timestamptz, enrol_totp boolean)
language sql security definer set search_path = pg_catalog, public as $$
  insert into auth_session (token_hash, user_id, hospital_id, role, expires_at, enrol_totp)
  select p_token_hash, p_user_id, p_hospital_id, p_role,
         now() + make_interval(secs => p_absolute_seconds),
         p_hospital_id is not null and p_role <> 'patient'
           and exists (select 1 from hospital h where h.id = p_hospital_id and h.totp_required)
           and not exists (select 1 from totp_credential c
                            where c.hospital_id = p_hospital_id and c.user_id = p_user_id
                              and c.confirmed_at is not null)
   where exists (
     select 1 from app_user u
      where u.id = p_user_id and u.active
        and ((p_hospital_id is null and u.is_super_admin and p_role = 'super_admin')
             or exists (select 1 from membership m join hospital h on h.id = m.hospital_id
                         where m.user_id = u.id and m.hospital_id = p_hospital_id
                           and m.role = p_role and m.active and not h.suspended)))
  returning expires_at, enrol_totp
$$;
revoke all on function auth_create_session(bytea, uuid, uuid, text, integer) from public;
grant execute on function auth_create_session(bytea, uuid, uuid, text, integer) to carebridge_system;

-- The full session check now also answers whether the session must enrol first.
drop function auth_open(bytea, integer);
create function auth_open(p_token_hash bytea, p_idle_seconds integer)
returns table (user_id uuid, hospital_id uuid, role text, email text, full_name text,
               must_change_password boolean, hospital_slug text, epoch bigint, valid_ms bigint,
               must_enrol_totp boolean)
language plpgsql security definer set search_path = pg_catalog, public as $$
#variable_conflict use_column
declare
  v record;
  v_epoch bigint;
begin
  v_epoch := (select auth_epoch_of(s.hospital_id, s.user_id) from auth_session s
               where s.token_hash = p_token_hash);
  select s.user_id, s.hospital_id, s.role, s.last_seen_at, s.expires_at, s.enrol_totp,
         u.email, u.full_name, u.must_change_password, h.slug
    into v
    from auth_session s
    join app_user u on u.id = s.user_id
    left join hospital h on h.id = s.hospital_id
    left join membership m on m.hospital_id = s.hospital_id and m.user_id = s.user_id
   where s.token_hash = p_token_hash
     and s.revoked_at is null
     and s.expires_at > now()
     and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
     and u.active
     and ((s.hospital_id is null and u.is_super_admin and s.role = 'super_admin')
          or (not h.suspended and m.active and m.role = s.role));
  if not found then
    return;
  end if;
  -- Idle expiry has minute resolution, so a session is written at most once a minute.
  if v.last_seen_at < now() - interval '60 seconds' then
    update auth_session set last_seen_at = now() where token_hash = p_token_hash;
  end if;
  perform set_config('app.hospital_id', coalesce(v.hospital_id::text, ''), true);
  perform set_config('app.user_id', v.user_id::text, true);
  perform set_config('app.role', v.role, true);
  return query select v.user_id, v.hospital_id, v.role, v.email, v.full_name,
                      v.must_change_password, v.slug, coalesce(v_epoch, 0),
                      greatest(0, floor(extract(epoch from
                        least(v.expires_at, v.last_seen_at + make_interval(secs => p_idle_seconds))
                        - now()) * 1000))::bigint,
                      v.enrol_totp;
end
$$;
revoke all on function auth_open(bytea, integer) from public;
grant execute on function auth_open(bytea, integer) to carebridge_runtime;

-- Confirming enrolment also frees the member's sessions that were held to enrolment (the
-- epoch bump makes every instance check them again).
create or replace function totp_confirm(p_step bigint, p_codes bytea[]) returns boolean
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
begin
  update totp_credential set confirmed_at = now(), last_step = p_step
   where hospital_id = totp_owner() and user_id = v_user and confirmed_at is null;
  if not found then
    return false;
  end if;
  delete from totp_recovery_code where hospital_id = totp_owner() and user_id = v_user;
  insert into totp_recovery_code (hospital_id, user_id, code_hash)
  select totp_owner(), v_user, h from unnest(p_codes) as h;
  update auth_session set enrol_totp = false
   where user_id = v_user and hospital_id is not distinct from v_hospital and enrol_totp;
  perform auth_epoch_bump(v_hospital, v_user);
  return true;
end
$$;

-- SMS. A phone number is stored in E.164 (the application checks it); what earlier versions
-- stored with spaces, dashes or brackets is normalised, and a Nepali mobile number written
-- without its country code gets +977. Anything else is left as it was.
update patient set phone = regexp_replace(phone, '[ ()-]', '', 'g')
 where phone is not null and regexp_replace(phone, '[ ()-]', '', 'g') ~ '^\+[1-9][0-9]{6,14}$';
update patient set phone = '+977' || regexp_replace(phone, '[ ()-]', '', 'g')
 where phone is not null and regexp_replace(phone, '[ ()-]', '', 'g') ~ '^9[678][0-9]{8}$';

-- How a patient wants appointment and payment notices: email, SMS or both (in-app always).
alter table patient add column notification_channels text[] not null default '{email}'
  check (cardinality(notification_channels) between 1 and 2
         and notification_channels <@ array['email', 'sms']::text[]
         and array_position(notification_channels, null) is null);
alter table patient add constraint patient_sms_needs_phone
  check (not ('sms' = any (notification_channels)) or phone is not null);

-- How many segments an SMS costs (the provider's count: GSM-7 or UCS-2); null for email.
alter table outbox add column segments integer check (segments > 0);

-- The contacts of an appointment's parties now carry the patient's channels: their email
-- address only when they want email, their phone only when they want SMS.
drop function appointment_contacts(uuid);
create function appointment_contacts(p_id uuid)
returns table (patient_user_id uuid, patient_email text, patient_name text, patient_language text,
               patient_timezone text, doctor_user_id uuid, doctor_email text, doctor_name text,
               doctor_language text, doctor_timezone text, hospital_name text,
               patient_wants_email boolean, patient_sms_phone text)
language plpgsql stable security definer set search_path = pg_catalog, public as $$
begin
  return query
    select pu.id, pu.email, pu.full_name, pu.language, coalesce(pu.timezone, h.timezone),
           du.id, du.email, du.full_name, du.language, coalesce(av.timezone, du.timezone, h.timezone),
           h.name,
           coalesce('email' = any (p.notification_channels), true),
           case when 'sms' = any (p.notification_channels) then p.phone end
      from appointment a
      join app_user pu on pu.id = a.patient_user_id
      join app_user du on du.id = a.doctor_user_id
      join hospital h on h.id = a.hospital_id
      left join patient p on p.hospital_id = a.hospital_id and p.user_id = a.patient_user_id
      left join availability av on av.hospital_id = a.hospital_id and av.doctor_id = a.doctor_id
     where a.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and a.id = p_id
       and (current_setting('app.role', true) in ('hospital_admin', 'system')
            or a.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
            or a.patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid);
end
$$;
revoke all on function appointment_contacts(uuid) from public;
grant execute on function appointment_contacts(uuid) to carebridge_runtime;

-- The dispatcher claims only the channels it can send (an unconfigured one waits, untouched).
drop function outbox_claim(integer, integer);
create function outbox_claim(p_limit integer, p_lease_seconds integer, p_channels text[])
returns table (hospital_id uuid, id uuid, channel text, recipient text, subject text,
               text_body text, html_body text, attempts integer)
language sql security definer set search_path = pg_catalog, public as $$
  update outbox o set locked_until = now() + make_interval(secs => p_lease_seconds),
                      attempts = o.attempts + 1
    from (select c.hospital_id, c.id from outbox c
           where c.status = 'pending' and c.next_attempt_at <= now()
             and (c.locked_until is null or c.locked_until < now())
             and c.channel = any (p_channels)
           order by c.next_attempt_at limit p_limit for update skip locked) due
   where o.hospital_id = due.hospital_id and o.id = due.id
  returning o.hospital_id, o.id, o.channel, o.recipient, o.subject, o.text_body, o.html_body, o.attempts
$$;
revoke all on function outbox_claim(integer, integer, text[]) from public;
grant execute on function outbox_claim(integer, integer, text[]) to carebridge_system;

-- A patient keeps their own contact details (phone, notification channels, emergency contact);
-- everything else of the profile stays the hospital's to change. The API checks which fields a
-- patch touches; this policy and trigger hold the same line in the database.
create policy patient_update_own on patient for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'patient'
  and user_id = nullif(current_setting('app.user_id', true), '')::uuid);

create function patient_own_update_contact_only() returns trigger
language plpgsql set search_path = pg_catalog, public as $$
begin
  if current_setting('app.role', true) = 'patient'
     and (new.hospital_id, new.id, new.user_id, new.date_of_birth, new.sex, new.blood_type,
          new.allergies, new.medical_history, new.created_at)
         is distinct from
         (old.hospital_id, old.id, old.user_id, old.date_of_birth, old.sex, old.blood_type,
          old.allergies, old.medical_history, old.created_at) then
    raise exception 'a patient changes only their contact details' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger patient_own_update_contact_only before update on patient
  for each row execute function patient_own_update_contact_only();
