-- What migrations/ adds up to, written by `carebridge schema` (see src/db/schema.rs).
-- Generated: never edit it; a test fails when it differs from the migrations.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

CREATE FUNCTION public.admin_reset_password(p_user_id uuid, p_password_hash text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  h uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
begin
  if current_setting('app.role', true) is distinct from 'hospital_admin' or h is null then
    raise exception 'only a hospital admin may reset passwords' using errcode = '42501';
  end if;
  if not exists (select 1 from membership m where m.user_id = p_user_id and m.hospital_id = h) then
    return false;
  end if;
  if exists (select 1 from membership m where m.user_id = p_user_id and m.hospital_id <> h)
     or exists (select 1 from app_user u where u.id = p_user_id and u.is_super_admin) then
    raise exception 'account belongs to other hospitals' using errcode = 'P0003';
  end if;
  update app_user set password_hash = p_password_hash, must_change_password = true,
                      password_changed_at = now()
   where id = p_user_id;
  update auth_session set revoked_at = now() where user_id = p_user_id and revoked_at is null;
  return true;
end
$$;

ALTER FUNCTION public.admin_reset_password(p_user_id uuid, p_password_hash text) OWNER TO postgres;

CREATE FUNCTION public.admin_set_member_active(p_user_id uuid, p_active boolean) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  h uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
begin
  if current_setting('app.role', true) is distinct from 'hospital_admin' or h is null then
    raise exception 'only a hospital admin may change members' using errcode = '42501';
  end if;
  update membership set active = p_active where hospital_id = h and user_id = p_user_id;
  if not found then
    return false;
  end if;
  if not p_active then
    update auth_session set revoked_at = now()
     where user_id = p_user_id and hospital_id = h and revoked_at is null;
  end if;
  return true;
end
$$;

ALTER FUNCTION public.admin_set_member_active(p_user_id uuid, p_active boolean) OWNER TO postgres;

CREATE FUNCTION public.alert_recipients(p_patient_id uuid) RETURNS TABLE(user_id uuid, email text, language text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
begin
  if v_hospital is null or not vitals_access(v_hospital, p_patient_id, 'create') then
    return;
  end if;
  return query
    select u.id, u.email, u.language
      from care_team ct
      join app_user u on u.id = ct.doctor_user_id and u.active
      join membership m on m.hospital_id = ct.hospital_id and m.user_id = ct.doctor_user_id
                       and m.active
     where ct.hospital_id = v_hospital and ct.patient_id = p_patient_id
     order by u.id;
end
$$;

ALTER FUNCTION public.alert_recipients(p_patient_id uuid) OWNER TO postgres;

CREATE FUNCTION public.alert_visible(p_hospital_id uuid, p_patient_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select p_hospital_id = nullif(pg_catalog.current_setting('app.hospital_id', true), '')::uuid
     and case pg_catalog.current_setting('app.role', true)
           when 'doctor' then exists (
             select 1 from public.care_team ct
              where ct.hospital_id = p_hospital_id and ct.patient_id = p_patient_id
                and ct.doctor_user_id = nullif(pg_catalog.current_setting('app.user_id', true), '')::uuid)
           when 'patient' then false
           when 'hospital_admin' then false
           when 'super_admin' then false
           else public.role_granted('alert', 'list')
         end
$$;

ALTER FUNCTION public.alert_visible(p_hospital_id uuid, p_patient_id uuid) OWNER TO postgres;

CREATE FUNCTION public.appointment_confirmed_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  if new.status = 'confirmed' and new.confirmed_at is null then
    new.confirmed_at := now();
  end if;
  return new;
end
$$;

ALTER FUNCTION public.appointment_confirmed_at() OWNER TO postgres;

CREATE FUNCTION public.appointment_contacts(p_id uuid) RETURNS TABLE(patient_user_id uuid, patient_email text, patient_name text, patient_language text, patient_timezone text, doctor_user_id uuid, doctor_email text, doctor_name text, doctor_language text, doctor_timezone text, hospital_name text, patient_wants_email boolean, patient_sms_phone text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.appointment_contacts(p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.appointment_due_reminders(p_kind text, p_within_minutes integer) RETURNS TABLE(hospital_id uuid, id uuid, start_at timestamp with time zone)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  update appointment a set
    reminded_24h_at = case when p_kind = '24h' then now() else a.reminded_24h_at end,
    reminded_1h_at = case when p_kind = '1h' then now() else a.reminded_1h_at end
   where a.status = 'confirmed' and a.start_at > now()
     and a.start_at <= now() + make_interval(mins => p_within_minutes)
     and ((p_kind = '24h' and a.reminded_24h_at is null) or (p_kind = '1h' and a.reminded_1h_at is null))
  returning a.hospital_id, a.id, a.start_at
$$;

ALTER FUNCTION public.appointment_due_reminders(p_kind text, p_within_minutes integer) OWNER TO postgres;

CREATE FUNCTION public.appointment_mark_no_shows(p_grace_minutes integer) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with marked as (
    update appointment set status = 'no_show', updated_at = now()
     where status = 'confirmed' and end_at + make_interval(mins => p_grace_minutes) < now()
    returning 1)
  select count(*)::integer from marked
$$;

ALTER FUNCTION public.appointment_mark_no_shows(p_grace_minutes integer) OWNER TO postgres;

CREATE FUNCTION public.appointment_release_expired_holds() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with released as (
    update appointment a set status = 'cancelled', status_reason = 'payment window ended',
                             cancelled_by = 'system', updated_at = now()
     where a.status = 'awaiting_payment' and a.hold_until < now()
       and not exists (select 1 from payment p where p.hospital_id = a.hospital_id
                        and p.appointment_id = a.id and p.status in ('pending', 'succeeded')
                        and (p.expires_at is null or p.expires_at > now()))
    returning 1)
  select count(*)::integer from released
$$;

ALTER FUNCTION public.appointment_release_expired_holds() OWNER TO postgres;

CREATE FUNCTION public.appointment_start(p_hospital_id uuid, p_id uuid) RETURNS TABLE(start_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select a.start_at from appointment a where a.hospital_id = p_hospital_id and a.id = p_id
$$;

ALTER FUNCTION public.appointment_start(p_hospital_id uuid, p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.audit_append(p_rows jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  batch audit_event[];
  h uuid;
  head record;
  e audit_event;
  i integer;
begin
  select coalesce(array_agg(jsonb_populate_record(null::audit_event, a.j) order by a.o), '{}')
    into batch
    from jsonb_array_elements(p_rows) with ordinality as a(j, o);
  for h in select distinct b.hospital_id from unnest(batch) b order by 1 loop
    select * into head from audit_lock_head(h);
    for i in 1 .. cardinality(batch) loop
      e := batch[i];
      continue when e.hospital_id is distinct from h;
      e.seq := head.seq + 1;
      e.prev_hash := head.hash;
      e.hash := sha256(head.hash || sha256(convert_to(audit_canonical(e), 'UTF8')));
      head.seq := e.seq;
      head.hash := e.hash;
      batch[i] := e;
    end loop;
    update audit_head set seq = head.seq, hash = head.hash where hospital_id = h;
  end loop;
  insert into audit_event select * from unnest(batch);
  return cardinality(batch);
end
$$;

ALTER FUNCTION public.audit_append(p_rows jsonb) OWNER TO postgres;

CREATE TABLE public.audit_event (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    actor_user_id uuid,
    actor_role text NOT NULL,
    action text NOT NULL,
    resource_type text NOT NULL,
    resource_id text,
    patient_id uuid,
    purpose text,
    request_id text,
    ip text,
    outcome text DEFAULT 'success'::text NOT NULL,
    seq bigint,
    prev_hash bytea,
    hash bytea,
    CONSTRAINT audit_event_outcome_check CHECK ((outcome = ANY (ARRAY['success'::text, 'denied'::text, 'failure'::text])))
);

ALTER TABLE ONLY public.audit_event FORCE ROW LEVEL SECURITY;

ALTER TABLE public.audit_event OWNER TO postgres;

CREATE FUNCTION public.audit_canonical(e public.audit_event) RETURNS text
    LANGUAGE sql STABLE
    AS $$
  select jsonb_build_array(
    e.hospital_id, e.id,
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_user_id, e.actor_role, e.action, e.resource_type, e.resource_id, e.patient_id,
    e.purpose, e.request_id, e.ip, e.outcome, e.seq)::text
$$;

ALTER FUNCTION public.audit_canonical(e public.audit_event) OWNER TO postgres;

CREATE FUNCTION public.audit_link(e public.audit_event, prev_seq bigint, prev_hash bytea) RETURNS public.audit_event
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  e.seq := prev_seq + 1;
  e.prev_hash := prev_hash;
  e.hash := sha256(prev_hash || sha256(convert_to(audit_canonical(e), 'UTF8')));
  return e;
end
$$;

ALTER FUNCTION public.audit_link(e public.audit_event, prev_seq bigint, prev_hash bytea) OWNER TO postgres;

CREATE FUNCTION public.audit_lock_head(h uuid, OUT seq bigint, OUT hash bytea) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  insert into audit_head (hospital_id, seq, hash)
  values (h, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
  on conflict (hospital_id) do nothing;
  select a.seq, a.hash into seq, hash from audit_head a where a.hospital_id = h for update;
end
$$;

ALTER FUNCTION public.audit_lock_head(h uuid, OUT seq bigint, OUT hash bytea) OWNER TO postgres;

CREATE FUNCTION public.audit_seal() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  h uuid;
  head record;
  e audit_event;
  ids uuid[];
  seqs bigint[];
  prevs bytea[];
  hashes bytea[];
  sealed integer := 0;
begin
  for h in select distinct a.hospital_id from audit_event a where a.seq is null order by 1 loop
    select * into head from audit_lock_head(h);
    ids := '{}';
    seqs := '{}';
    prevs := '{}';
    hashes := '{}';
    for e in select * from audit_event a where a.hospital_id = h and a.seq is null
              order by a.occurred_at, a.id for update loop
      e.seq := head.seq + 1;
      e.prev_hash := head.hash;
      e.hash := sha256(head.hash || sha256(convert_to(audit_canonical(e), 'UTF8')));
      ids := ids || e.id;
      seqs := seqs || e.seq;
      prevs := prevs || e.prev_hash;
      hashes := hashes || e.hash;
      head.seq := e.seq;
      head.hash := e.hash;
    end loop;
    update audit_event a set seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
      from unnest(ids, seqs, prevs, hashes) as u(id, seq, prev_hash, hash)
     where a.hospital_id = h and a.id = u.id;
    update audit_head set seq = head.seq, hash = head.hash where hospital_id = h;
    sealed := sealed + cardinality(ids);
  end loop;
  return sealed;
end
$$;

ALTER FUNCTION public.audit_seal() OWNER TO postgres;

CREATE FUNCTION public.auth_begin(p_token_hash bytea, p_idle_seconds integer) RETURNS TABLE(user_id uuid, hospital_id uuid, role text, email text, full_name text, must_change_password boolean, hospital_slug text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select o.user_id, o.hospital_id, o.role, o.email, o.full_name, o.must_change_password,
         o.hospital_slug
    from auth_open(p_token_hash, p_idle_seconds) o
$$;

ALTER FUNCTION public.auth_begin(p_token_hash bytea, p_idle_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.auth_change_password(p_password_hash text, p_keep_session bytea) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  u uuid := nullif(current_setting('app.user_id', true), '')::uuid;
begin
  if u is null then
    raise exception 'no user in context' using errcode = '42501';
  end if;
  update app_user set password_hash = p_password_hash, must_change_password = false,
                      password_changed_at = now()
   where id = u;
  update auth_session set revoked_at = now()
   where user_id = u and revoked_at is null and token_hash is distinct from p_keep_session;
end
$$;

ALTER FUNCTION public.auth_change_password(p_password_hash text, p_keep_session bytea) OWNER TO postgres;

CREATE FUNCTION public.auth_complete_password_reset(p_token_hash bytea, p_password_hash text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.auth_complete_password_reset(p_token_hash bytea, p_password_hash text) OWNER TO postgres;

CREATE FUNCTION public.auth_create_session(p_token_hash bytea, p_user_id uuid, p_hospital_id uuid, p_role text, p_absolute_seconds integer) RETURNS TABLE(expires_at timestamp with time zone, enrol_totp boolean)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.auth_create_session(p_token_hash bytea, p_user_id uuid, p_hospital_id uuid, p_role text, p_absolute_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.auth_epoch_bump(p_hospital uuid, p_user uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  insert into auth_epoch (hospital_id, user_id, n)
  values (coalesce(p_hospital, auth_epoch_nil()), coalesce(p_user, auth_epoch_nil()), 1)
  on conflict (hospital_id, user_id) do update set n = auth_epoch.n + 1
$$;

ALTER FUNCTION public.auth_epoch_bump(p_hospital uuid, p_user uuid) OWNER TO postgres;

CREATE FUNCTION public.auth_epoch_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  case tg_argv[0]
    when 'membership' then perform auth_epoch_bump(old.hospital_id, old.user_id);
    when 'hospital' then perform auth_epoch_bump(old.id, null);
    when 'user' then perform auth_epoch_bump(null, old.id);
  end case;
  return null;
end
$$;

ALTER FUNCTION public.auth_epoch_changed() OWNER TO postgres;

CREATE FUNCTION public.auth_epoch_nil() RETURNS uuid
    LANGUAGE sql IMMUTABLE
    AS $$
  select '00000000-0000-0000-0000-000000000000'::uuid
$$;

ALTER FUNCTION public.auth_epoch_nil() OWNER TO postgres;

CREATE FUNCTION public.auth_epoch_of(p_hospital uuid, p_user uuid) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  return (select coalesce(sum(e.n), 0)::bigint
            from auth_epoch e
           where (e.hospital_id = coalesce(p_hospital, auth_epoch_nil())
                  and e.user_id in (p_user, auth_epoch_nil()))
              or (e.hospital_id = auth_epoch_nil() and e.user_id = p_user));
end
$$;

ALTER FUNCTION public.auth_epoch_of(p_hospital uuid, p_user uuid) OWNER TO postgres;

CREATE FUNCTION public.auth_epoch_refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  raise exception 'end sessions by revoking them (update revoked_at), not by TRUNCATE: servers remember checked sessions'
    using errcode = '0A000';
end
$$;

ALTER FUNCTION public.auth_epoch_refuse_truncate() OWNER TO postgres;

CREATE FUNCTION public.auth_expand_password_resets(p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  r record;
  u record;
  n integer := 0;
begin
  for r in
    delete from password_reset_request
     where id in (select id from password_reset_request order by id limit p_limit
                  for update skip locked)
    returning *
  loop
    n := n + 1;
    select a.id, m.hospital_id into u
      from app_user a join membership m on m.user_id = a.id and m.active
     where a.email = r.email and a.active
     order by m.created_at limit 1;
    continue when not found;
    update password_reset set used_at = now()
     where user_id = u.id and used_at is null and created_at <= r.requested_at;
    insert into password_reset (token_hash, user_id, expires_at, created_at)
    values (r.token_hash, u.id, r.requested_at + make_interval(mins => r.minutes), r.requested_at);
    insert into outbox (hospital_id, id, recipient, subject, text_body, html_body)
    values (u.hospital_id, gen_random_uuid(), r.email, r.subject, r.text_body, r.html_body);
  end loop;
  return n;
end
$$;

ALTER FUNCTION public.auth_expand_password_resets(p_limit integer) OWNER TO postgres;

CREATE FUNCTION public.auth_login_candidates(p_email text) RETURNS TABLE(user_id uuid, password_hash text, is_super_admin boolean, user_active boolean, hospital_id uuid, hospital_slug text, hospital_suspended boolean, role text, membership_active boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select u.id, u.password_hash, u.is_super_admin, u.active,
         m.hospital_id, h.slug, h.suspended, m.role, m.active
    from app_user u
    left join membership m on m.user_id = u.id
    left join hospital h on h.id = m.hospital_id
   where u.email = p_email
$$;

ALTER FUNCTION public.auth_login_candidates(p_email text) OWNER TO postgres;

CREATE FUNCTION public.auth_open(p_token_hash bytea, p_idle_seconds integer) RETURNS TABLE(user_id uuid, hospital_id uuid, role text, email text, full_name text, must_change_password boolean, hospital_slug text, epoch bigint, valid_ms bigint, must_enrol_totp boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.auth_open(p_token_hash bytea, p_idle_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.auth_own_password_hash() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select password_hash from app_user where id = nullif(current_setting('app.user_id', true), '')::uuid
$$;

ALTER FUNCTION public.auth_own_password_hash() OWNER TO postgres;

CREATE FUNCTION public.auth_password_reset_email(p_token_hash bytea) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select a.email from password_reset r join app_user a on a.id = r.user_id
   where r.token_hash = p_token_hash and r.used_at is null and r.expires_at > now() and a.active
$$;

ALTER FUNCTION public.auth_password_reset_email(p_token_hash bytea) OWNER TO postgres;

CREATE FUNCTION public.auth_register_patient(p_hospital_id uuid, p_user_id uuid, p_new_user boolean, p_email text, p_password_hash text, p_full_name text, p_date_of_birth date, p_phone text, p_patient_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  if not exists (select 1 from hospital h where h.id = p_hospital_id and not h.suspended) then
    raise exception 'no such hospital' using errcode = 'P0002';
  end if;
  if p_new_user then
    insert into app_user (id, email, password_hash, full_name)
    values (p_user_id, p_email, p_password_hash, p_full_name);
  elsif not exists (select 1 from app_user u where u.id = p_user_id and u.email = p_email and u.active) then
    raise exception 'no such user' using errcode = 'P0002';
  end if;
  insert into membership (hospital_id, user_id, role) values (p_hospital_id, p_user_id, 'patient');
  insert into patient (hospital_id, id, user_id, date_of_birth, phone)
  values (p_hospital_id, p_patient_id, p_user_id, p_date_of_birth, p_phone);
  perform set_config('app.hospital_id', p_hospital_id::text, true);
  perform set_config('app.user_id', p_user_id::text, true);
  perform set_config('app.role', 'patient', true);
end
$$;

ALTER FUNCTION public.auth_register_patient(p_hospital_id uuid, p_user_id uuid, p_new_user boolean, p_email text, p_password_hash text, p_full_name text, p_date_of_birth date, p_phone text, p_patient_id uuid) OWNER TO postgres;

CREATE FUNCTION public.auth_request_password_reset(p_email text, p_token_hash bytea, p_minutes integer, p_subject text, p_text text, p_html text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  insert into password_reset_request (email, token_hash, minutes, subject, text_body, html_body)
  values (p_email, p_token_hash, p_minutes, p_subject, p_text, p_html);
$$;

ALTER FUNCTION public.auth_request_password_reset(p_email text, p_token_hash bytea, p_minutes integer, p_subject text, p_text text, p_html text) OWNER TO postgres;

CREATE FUNCTION public.auth_resume(p_token_hash bytea, p_epoch bigint, p_idle_seconds integer) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  v record;
begin
  -- One statement: the session's row and its epoch (auth_epoch_of's sum, inlined: a nested
  -- call costs about 5 microseconds, see 0010).
  select s.hospital_id, s.user_id, s.role into v
    from auth_session s
   where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now()
     and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
     and (select coalesce(sum(e.n), 0)::bigint
            from auth_epoch e
           where (e.hospital_id = coalesce(s.hospital_id, auth_epoch_nil())
                  and e.user_id in (s.user_id, auth_epoch_nil()))
              or (e.hospital_id = auth_epoch_nil() and e.user_id = s.user_id)) = p_epoch;
  if not found then
    return false;
  end if;
  perform set_config('app.hospital_id', coalesce(v.hospital_id::text, ''), true);
  perform set_config('app.user_id', v.user_id::text, true);
  perform set_config('app.role', v.role, true);
  return true;
end
$$;

ALTER FUNCTION public.auth_resume(p_token_hash bytea, p_epoch bigint, p_idle_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.auth_revoke_session(p_token_hash bytea) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  update auth_session set revoked_at = now() where token_hash = p_token_hash and revoked_at is null
$$;

ALTER FUNCTION public.auth_revoke_session(p_token_hash bytea) OWNER TO postgres;

CREATE FUNCTION public.auth_sessions_current(p_hashes bytea[], p_epochs bigint[], p_idle_seconds integer) RETURNS SETOF bytea
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.auth_sessions_current(p_hashes bytea[], p_epochs bigint[], p_idle_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.authz_custom_policies() RETURNS TABLE(hospital_id uuid, role text, object text, action text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select hospital_id, role, object, action from role_permission order by 1, 2, 3, 4
$$;

ALTER FUNCTION public.authz_custom_policies() OWNER TO postgres;

CREATE FUNCTION public.doctor_busy(p_doctor_id uuid, p_from timestamp with time zone, p_to timestamp with time zone) RETURNS TABLE(start_at timestamp with time zone, end_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  return query
    select a.start_at, a.end_at from appointment a
     where a.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and a.doctor_id = p_doctor_id
       and a.status in ('requested', 'awaiting_payment', 'confirmed', 'in_progress')
       and a.start_at < p_to and a.end_at > p_from;
end
$$;

ALTER FUNCTION public.doctor_busy(p_doctor_id uuid, p_from timestamp with time zone, p_to timestamp with time zone) OWNER TO postgres;

CREATE FUNCTION public.hospital_admin_contacts() RETURNS TABLE(user_id uuid, email text, full_name text, language text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select u.id, u.email, u.full_name, u.language
    from membership m join app_user u on u.id = m.user_id
   where m.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and m.role = 'hospital_admin' and m.active and u.active
$$;

ALTER FUNCTION public.hospital_admin_contacts() OWNER TO postgres;

CREATE FUNCTION public.hospital_by_slug(p_slug text) RETURNS TABLE(id uuid, name text, suspended boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select h.id, h.name, h.suspended from hospital h where h.slug = p_slug
$$;

ALTER FUNCTION public.hospital_by_slug(p_slug text) OWNER TO postgres;

CREATE FUNCTION public.hospital_suspension_ends_sessions() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  update auth_session set revoked_at = now()
   where hospital_id = new.id and revoked_at is null;
  return null;
end
$$;

ALTER FUNCTION public.hospital_suspension_ends_sessions() OWNER TO postgres;

CREATE FUNCTION public.inference_claim(p_lease_seconds integer, p_max_attempts integer) RETURNS TABLE(hospital_id uuid, id uuid, kind text, document_id uuid, attempts integer, patient_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  h record;
  j record;
begin
  update inference_job r set status = case when r.attempts >= p_max_attempts then 'failed' else 'queued' end,
                             error = case when r.attempts >= p_max_attempts then 'the worker stopped responding' end,
                             finished_at = case when r.attempts >= p_max_attempts then now() end,
                             leased_until = null
   where r.status = 'running' and r.leased_until < now();
  for h in
    select q.hospital_id, hp.inference_concurrency as cap
      from (select distinct q0.hospital_id from inference_job q0 where q0.status = 'queued') q
      join hospital hp on hp.id = q.hospital_id
      left join inference_turn t on t.hospital_id = q.hospital_id
     order by t.last_served_at nulls first, q.hospital_id
  loop
    -- Serialize claims per hospital so the cap holds under concurrent workers.
    perform pg_advisory_xact_lock(hashtextextended('carebridge.inference.' || h.hospital_id::text, 0));
    if (select count(*) from inference_job r where r.hospital_id = h.hospital_id and r.status = 'running') >= h.cap then
      continue;
    end if;
    select q.hospital_id, q.id into j from inference_job q
     where q.hospital_id = h.hospital_id and q.status = 'queued'
     order by q.created_at, q.id
     limit 1 for update skip locked;
    if not found then
      continue;
    end if;
    update inference_job q set status = 'running', attempts = q.attempts + 1, progress = 0,
                               leased_until = now() + make_interval(secs => p_lease_seconds),
                               started_at = coalesce(q.started_at, now())
     where q.hospital_id = j.hospital_id and q.id = j.id;
    insert into inference_turn (hospital_id, last_served_at) values (j.hospital_id, clock_timestamp())
      on conflict on constraint inference_turn_pkey do update set last_served_at = excluded.last_served_at;
    return query select q.hospital_id, q.id, q.kind, q.document_id, q.attempts, q.patient_id
                   from inference_job q where q.hospital_id = j.hospital_id and q.id = j.id;
    return;
  end loop;
end
$$;

ALTER FUNCTION public.inference_claim(p_lease_seconds integer, p_max_attempts integer) OWNER TO postgres;

CREATE FUNCTION public.inference_finish(p_hospital_id uuid, p_id uuid, p_attempt integer, p_ok boolean, p_result jsonb, p_error text, p_model_version text, p_input_sha256 bytea) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with u as (
    update inference_job set status = case when p_ok then 'succeeded' else 'failed' end,
                             progress = case when p_ok then 1 else progress end,
                             result = p_result, error = p_error, model_version = p_model_version,
                             input_sha256 = p_input_sha256, finished_at = now(), leased_until = null
     where hospital_id = p_hospital_id and id = p_id and status = 'running' and attempts = p_attempt
    returning 1)
  select exists (select 1 from u)
$$;

ALTER FUNCTION public.inference_finish(p_hospital_id uuid, p_id uuid, p_attempt integer, p_ok boolean, p_result jsonb, p_error text, p_model_version text, p_input_sha256 bytea) OWNER TO postgres;

CREATE FUNCTION public.inference_input(p_hospital_id uuid, p_id uuid) RETURNS TABLE(document_id uuid, object_key text, kek_version integer, wrapped_dek bytea, size bigint, doc_kind text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select d.id, d.object_key, d.kek_version, d.wrapped_dek, d.size, d.kind
    from inference_job j join document d on d.hospital_id = j.hospital_id and d.id = j.document_id
   where j.hospital_id = p_hospital_id and j.id = p_id
$$;

ALTER FUNCTION public.inference_input(p_hospital_id uuid, p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.inference_progress(p_hospital_id uuid, p_id uuid, p_progress real, p_lease_seconds integer) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with u as (
    update inference_job set progress = greatest(progress, least(p_progress, 1)),
                             leased_until = now() + make_interval(secs => p_lease_seconds)
     where hospital_id = p_hospital_id and id = p_id and status = 'running'
    returning 1)
  select exists (select 1 from u)
$$;

ALTER FUNCTION public.inference_progress(p_hospital_id uuid, p_id uuid, p_progress real, p_lease_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.inference_release(p_hospital_id uuid, p_id uuid, p_attempt integer) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with u as (
    update inference_job set status = 'queued', attempts = greatest(attempts - 1, 0),
                             progress = 0, leased_until = null
     where hospital_id = p_hospital_id and id = p_id and status = 'running'
       and attempts = p_attempt
    returning 1)
  select exists (select 1 from u)
$$;

ALTER FUNCTION public.inference_release(p_hospital_id uuid, p_id uuid, p_attempt integer) OWNER TO postgres;

CREATE FUNCTION public.inference_settings(p_kind text) RETURNS TABLE(enabled boolean, quota integer, today bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select h.ai_assistance and case p_kind when 'sleep_staging' then h.ai_sleep_staging
                                         when 'chest_xray' then h.ai_chest_xray
                                         when 'specialty' then h.ai_specialty_suggestion
                                         else false end,
         h.inference_daily_quota,
         (select count(*) from inference_job j
           where j.hospital_id = h.id and j.created_at >= date_trunc('day', now()))
    from hospital h
   where h.id = nullif(current_setting('app.hospital_id', true), '')::uuid
$$;

ALTER FUNCTION public.inference_settings(p_kind text) OWNER TO postgres;

CREATE FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_seconds integer) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  delete from login_challenge where expires_at < now();
  insert into login_challenge (token_hash, user_id, hospital_id, role, expires_at)
  values (p_hash, p_user, p_hospital, p_role, now() + make_interval(secs => p_seconds));
$$;

ALTER FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_now timestamp with time zone, p_seconds integer) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  delete from login_challenge where expires_at < p_now;
  insert into login_challenge (token_hash, user_id, hospital_id, role, expires_at)
  values (p_hash, p_user, p_hospital, p_role, p_now + make_interval(secs => p_seconds));
$$;

ALTER FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_now timestamp with time zone, p_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.login_challenge_done(p_hash bytea) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  delete from login_challenge where token_hash = p_hash
$$;

ALTER FUNCTION public.login_challenge_done(p_hash bytea) OWNER TO postgres;

CREATE FUNCTION public.login_challenge_try(p_hash bytea) RETURNS TABLE(user_id uuid, hospital_id uuid, role text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  update login_challenge set attempts = attempts + 1
   where token_hash = p_hash and expires_at > now() and attempts < 5
  returning user_id, hospital_id, role
$$;

ALTER FUNCTION public.login_challenge_try(p_hash bytea) OWNER TO postgres;

CREATE FUNCTION public.login_challenge_try(p_hash bytea, p_now timestamp with time zone) RETURNS TABLE(user_id uuid, hospital_id uuid, role text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  update login_challenge set attempts = attempts + 1
   where token_hash = p_hash and expires_at > p_now and attempts < 5
  returning user_id, hospital_id, role
$$;

ALTER FUNCTION public.login_challenge_try(p_hash bytea, p_now timestamp with time zone) OWNER TO postgres;

CREATE FUNCTION public.model_active(p_kind text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select m.version from model_version m where m.kind = p_kind and m.status = 'active'
$$;

ALTER FUNCTION public.model_active(p_kind text) OWNER TO postgres;

CREATE FUNCTION public.model_register(p_kind text, p_version text, p_sha256 bytea, p_weights bytea, p_metrics jsonb) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with i as (
    insert into model_version (kind, version, sha256, weights, metrics)
    select p_kind, p_version, p_sha256, p_weights, p_metrics
     where current_setting('app.role', true) in ('super_admin', 'system')
    on conflict do nothing
    returning 1)
  select exists (select 1 from i)
$$;

ALTER FUNCTION public.model_register(p_kind text, p_version text, p_sha256 bytea, p_weights bytea, p_metrics jsonb) OWNER TO postgres;

CREATE FUNCTION public.model_set_status(p_kind text, p_version text, p_status text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  if current_setting('app.role', true) not in ('super_admin', 'system') then
    return false;
  end if;
  if p_status = 'active' then
    update model_version set status = 'retired' where kind = p_kind and status = 'active' and version <> p_version;
  end if;
  update model_version set status = p_status,
                           activated_at = case when p_status = 'active' then now() else activated_at end
   where kind = p_kind and version = p_version;
  return found;
end
$$;

ALTER FUNCTION public.model_set_status(p_kind text, p_version text, p_status text) OWNER TO postgres;

CREATE FUNCTION public.model_weights(p_kind text, p_version text) RETURNS TABLE(weights bytea, sha256 bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select m.weights, m.sha256 from model_version m where m.kind = p_kind and m.version = p_version
$$;

ALTER FUNCTION public.model_weights(p_kind text, p_version text) OWNER TO postgres;

CREATE FUNCTION public.notification_claim_pushes(p_limit integer) RETURNS TABLE(hospital_id uuid, id uuid, user_id uuid, kind text, title text, body text, appointment_id uuid, read_at timestamp with time zone, created_at timestamp with time zone)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  update notification n set pushed_at = now()
    from (select u.hospital_id, u.id from notification u
           where u.pushed_at is null order by u.created_at limit p_limit
           for update skip locked) due
   where n.hospital_id = due.hospital_id and n.id = due.id
  returning n.hospital_id, n.id, n.user_id, n.kind, n.title, n.body, n.appointment_id,
            n.read_at, n.created_at
$$;

ALTER FUNCTION public.notification_claim_pushes(p_limit integer) OWNER TO postgres;

CREATE FUNCTION public.ops_inference_depth() RETURNS TABLE(hospital_id uuid, queued bigint, running bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select j.hospital_id, count(*) filter (where j.status = 'queued'),
         count(*) filter (where j.status = 'running')
    from inference_job j where j.status in ('queued', 'running')
   group by j.hospital_id
$$;

ALTER FUNCTION public.ops_inference_depth() OWNER TO postgres;

CREATE FUNCTION public.ops_outbox_lag(OUT pending bigint, OUT oldest_seconds double precision) RETURNS record
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select count(*), coalesce(extract(epoch from now() - min(o.created_at))::double precision, 0)
    from outbox o where o.status = 'pending'
$$;

ALTER FUNCTION public.ops_outbox_lag(OUT pending bigint, OUT oldest_seconds double precision) OWNER TO postgres;

CREATE FUNCTION public.outbox_claim(p_limit integer, p_lease_seconds integer, p_channels text[]) RETURNS TABLE(hospital_id uuid, id uuid, channel text, recipient text, subject text, text_body text, html_body text, attempts integer)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.outbox_claim(p_limit integer, p_lease_seconds integer, p_channels text[]) OWNER TO postgres;

CREATE FUNCTION public.outbox_release(p_hospital_id uuid, p_id uuid) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with u as (
    update outbox set locked_until = null, attempts = greatest(attempts - 1, 0)
     where hospital_id = p_hospital_id and id = p_id and status = 'pending'
       and locked_until is not null
    returning 1)
  select exists (select 1 from u)
$$;

ALTER FUNCTION public.outbox_release(p_hospital_id uuid, p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.outbox_report(p_hospital_id uuid, p_id uuid, p_error text, p_max_attempts integer) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.outbox_report(p_hospital_id uuid, p_id uuid, p_error text, p_max_attempts integer) OWNER TO postgres;

CREATE FUNCTION public.patient_in_hospital(p_patient_id uuid) RETURNS TABLE(patient_user_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  return query
    select p.user_id from patient p
     where p.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and p.id = p_patient_id;
end
$$;

ALTER FUNCTION public.patient_in_hospital(p_patient_id uuid) OWNER TO postgres;

CREATE FUNCTION public.patient_own_update_contact_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.patient_own_update_contact_only() OWNER TO postgres;

CREATE FUNCTION public.payment_apply(p_hospital_id uuid, p_payment_id uuid, p_provider text, p_event_id text, p_outcome text, p_amount bigint, p_currency text, p_payment_ref text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  pay payment;
  new_status text;
begin
  insert into payment_event (hospital_id, provider, event_id, payment_id, outcome)
  values (p_hospital_id, p_provider, p_event_id, p_payment_id, p_outcome)
  on conflict do nothing;
  if not found then
    return 'duplicate';
  end if;
  select * into pay from payment where hospital_id = p_hospital_id and id = p_payment_id for update;
  if not found or pay.status <> 'pending' then
    return 'ignored';
  end if;
  if p_outcome = 'succeeded' and (p_amount is distinct from pay.amount or p_currency is distinct from pay.currency) then
    update payment set status = 'failed', failure_reason = 'amount or currency did not match', updated_at = now()
     where hospital_id = p_hospital_id and id = p_payment_id;
    return 'failed';
  end if;
  new_status := case p_outcome when 'succeeded' then 'succeeded' when 'expired' then 'expired' else 'failed' end;
  update payment set status = new_status, updated_at = now(),
                     provider_payment_ref = coalesce(p_payment_ref, provider_payment_ref),
                     completed_at = case when new_status = 'succeeded' then now() end
   where hospital_id = p_hospital_id and id = p_payment_id;
  if new_status = 'succeeded' then
    update appointment set status = 'confirmed', hold_until = null, updated_at = now()
     where hospital_id = p_hospital_id and id = pay.appointment_id and status = 'awaiting_payment';
  else
    -- The slot stays held until the hold ends, so the patient can start a new payment;
    -- a hold that has already ended is released now.
    update appointment set status = 'cancelled', status_reason = 'payment ' || new_status,
                           cancelled_by = 'system', updated_at = now()
     where hospital_id = p_hospital_id and id = pay.appointment_id and status = 'awaiting_payment'
       and hold_until < now();
  end if;
  return new_status;
end
$$;

ALTER FUNCTION public.payment_apply(p_hospital_id uuid, p_payment_id uuid, p_provider text, p_event_id text, p_outcome text, p_amount bigint, p_currency text, p_payment_ref text) OWNER TO postgres;

CREATE FUNCTION public.payment_by_id(p_hospital_id uuid, p_id uuid) RETURNS TABLE(appointment_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select p.appointment_id from payment p where p.hospital_id = p_hospital_id and p.id = p_id
$$;

ALTER FUNCTION public.payment_by_id(p_hospital_id uuid, p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.payment_by_ref(p_provider text, p_ref text) RETURNS TABLE(hospital_id uuid, id uuid, amount bigint, currency text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select p.hospital_id, p.id, p.amount, p.currency, p.status from payment p
   where p.provider = p_provider and p.provider_ref = p_ref
$$;

ALTER FUNCTION public.payment_by_ref(p_provider text, p_ref text) OWNER TO postgres;

CREATE FUNCTION public.payment_mark_refunded(p_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  if current_setting('app.role', true) is distinct from 'hospital_admin' then
    raise exception 'only a hospital admin records refunds' using errcode = '42501';
  end if;
  update payment set status = 'refunded', updated_at = now()
   where hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and id = p_id and status = 'pending_manual';
  return found;
end
$$;

ALTER FUNCTION public.payment_mark_refunded(p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.payment_refund_done(p_hospital_id uuid, p_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  update payment set status = 'refunded', updated_at = now()
   where hospital_id = p_hospital_id and id = p_id and status = 'refund_pending';
  return found;
end
$$;

ALTER FUNCTION public.payment_refund_done(p_hospital_id uuid, p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.payment_refund_due(p_appointment_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  n integer;
begin
  -- Stripe refunds go through its refunds API (the refund job); Khalti's are made by hand.
  update payment p set status = case p.provider when 'stripe' then 'refund_pending' else 'pending_manual' end,
                       updated_at = now()
    from appointment a
   where a.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and a.id = p_appointment_id and a.status = 'cancelled'
     and (current_setting('app.role', true) = 'hospital_admin'
          or a.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
          or a.patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid)
     and p.hospital_id = a.hospital_id and p.appointment_id = a.id and p.status = 'succeeded';
  get diagnostics n = row_count;
  return n;
end
$$;

ALTER FUNCTION public.payment_refund_due(p_appointment_id uuid) OWNER TO postgres;

CREATE FUNCTION public.payment_set_link(p_hospital_id uuid, p_id uuid, p_ref text, p_url text, p_expires timestamp with time zone) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  update payment set provider_ref = p_ref, redirect_url = p_url, expires_at = p_expires, updated_at = now()
   where hospital_id = p_hospital_id and id = p_id and status = 'pending' and provider_ref is null
$$;

ALTER FUNCTION public.payment_set_link(p_hospital_id uuid, p_id uuid, p_ref text, p_url text, p_expires timestamp with time zone) OWNER TO postgres;

CREATE FUNCTION public.payments_to_reconcile(p_older_than_seconds integer, p_limit integer) RETURNS TABLE(hospital_id uuid, id uuid, provider text, provider_ref text, amount bigint, currency text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select p.hospital_id, p.id, p.provider, p.provider_ref, p.amount, p.currency from payment p
   where p.status = 'pending' and p.provider_ref is not null
     and p.updated_at < now() - make_interval(secs => p_older_than_seconds)
   order by p.updated_at limit p_limit
$$;

ALTER FUNCTION public.payments_to_reconcile(p_older_than_seconds integer, p_limit integer) OWNER TO postgres;

CREATE FUNCTION public.payments_to_refund(p_limit integer) RETURNS TABLE(hospital_id uuid, id uuid, provider_payment_ref text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select p.hospital_id, p.id, p.provider_payment_ref from payment p
   where p.status = 'refund_pending' and p.provider = 'stripe' and p.provider_payment_ref is not null
   order by p.updated_at limit p_limit
$$;

ALTER FUNCTION public.payments_to_refund(p_limit integer) OWNER TO postgres;

CREATE FUNCTION public.platform_analytics(p_from date, p_to date) RETURNS TABLE(hospital_id uuid, slug text, name text, appointments jsonb, revenue jsonb, active_users bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  if current_setting('app.role', true) is distinct from 'super_admin' then
    return;
  end if;
  return query
  with window_ as (
    select h.id, h.slug, h.name,
           (p_from::timestamp at time zone h.timezone) as t0,
           ((p_to + 1)::timestamp at time zone h.timezone) as t1
      from hospital h)
  select w.id, w.slug, w.name,
         coalesce((select jsonb_object_agg(s.status, s.n)
                     from (select a.status, count(*) as n from appointment a
                            where a.hospital_id = w.id and a.start_at >= w.t0 and a.start_at < w.t1
                            group by a.status) s), '{}'::jsonb),
         coalesce((select jsonb_agg(jsonb_build_object('currency', r.currency, 'amount', r.amount)
                                    order by r.currency)
                     from (select p.currency, sum(p.amount)::bigint as amount
                             from payment p
                             join appointment a on a.hospital_id = p.hospital_id and a.id = p.appointment_id
                            where p.hospital_id = w.id and p.status = 'succeeded'
                              and a.start_at >= w.t0 and a.start_at < w.t1
                            group by p.currency) r), '[]'::jsonb),
         (select count(distinct s.user_id) from auth_session s
           where s.hospital_id = w.id and s.created_at < w.t1 and s.last_seen_at >= w.t0)
    from window_ w
   order by w.slug;
end
$$;

ALTER FUNCTION public.platform_analytics(p_from date, p_to date) OWNER TO postgres;

CREATE FUNCTION public.prescription_code_taken(p_code text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select exists (select 1 from prescription where verification_code = p_code)
$$;

ALTER FUNCTION public.prescription_code_taken(p_code text) OWNER TO postgres;

CREATE FUNCTION public.prescription_print(p_id uuid) RETURNS TABLE(hospital_name text, doctor_name text, license_number text, specialization text, patient_name text, patient_date_of_birth date)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select h.name, du.full_name, d.license_number, d.specialization, pu.full_name, pt.date_of_birth
    from prescription p
    join hospital h on h.id = p.hospital_id
    join doctor d on d.hospital_id = p.hospital_id and d.id = p.doctor_id
    join app_user du on du.id = d.user_id
    join patient pt on pt.hospital_id = p.hospital_id and pt.id = p.patient_id
    join app_user pu on pu.id = pt.user_id
   where p.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and p.id = p_id
     -- The same rows prescription_select shows the caller.
     and case current_setting('app.role', true)
           when 'hospital_admin' then false
           when 'patient' then record_access(p.hospital_id, p.patient_id)
           when 'doctor' then record_access(p.hospital_id, p.patient_id)
           else role_granted('prescription', 'read')
         end
$$;

ALTER FUNCTION public.prescription_print(p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.prescription_verify(p_code text) RETURNS TABLE(status text, issued_at timestamp with time zone, hospital_name text, prescriber text, license_number text, item_count integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select p.status, p.issued_at, h.name, u.full_name, d.license_number, jsonb_array_length(p.items)
    from prescription p
    join hospital h on h.id = p.hospital_id
    join doctor d on d.hospital_id = p.hospital_id and d.id = p.doctor_id
    join app_user u on u.id = d.user_id
   where p.verification_code = p_code
   limit 1
$$;

ALTER FUNCTION public.prescription_verify(p_code text) OWNER TO postgres;

CREATE FUNCTION public.record_access(p_hospital_id uuid, p_patient_id uuid, p_scope text DEFAULT 'records'::text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select p_hospital_id = nullif(pg_catalog.current_setting('app.hospital_id', true), '')::uuid
     and public.record_access_here(p_patient_id, p_scope)
$$;

ALTER FUNCTION public.record_access(p_hospital_id uuid, p_patient_id uuid, p_scope text) OWNER TO postgres;

CREATE FUNCTION public.record_access_here(p_patient_id uuid, p_scope text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
begin
  if v_hospital is null then
    return false;
  end if;
  case current_setting('app.role', true)
    when 'hospital_admin' then
      return p_scope = 'records'
          or exists (select 1 from access_grant g
                      where g.hospital_id = v_hospital and g.patient_id = p_patient_id
                        and g.grantee_user_id = v_user
                        and g.scope = 'private_notes' and g.revoked_at is null
                        and (g.expires_at is null or g.expires_at > now()));
    when 'patient' then
      return exists (select 1 from patient p
                      where p.hospital_id = v_hospital and p.id = p_patient_id
                        and p.user_id = v_user);
    when 'doctor' then
      return exists (select 1 from care_team ct
                      where ct.hospital_id = v_hospital and ct.patient_id = p_patient_id
                        and ct.doctor_user_id = v_user)
          or exists (select 1 from access_grant g
                      where g.hospital_id = v_hospital and g.patient_id = p_patient_id
                        and g.grantee_user_id = v_user
                        and g.scope = 'records' and g.revoked_at is null
                        and (g.expires_at is null or g.expires_at > now()));
    else
      return false;
  end case;
end
$$;

ALTER FUNCTION public.record_access_here(p_patient_id uuid, p_scope text) OWNER TO postgres;

CREATE FUNCTION public.role_granted(p_object text, p_action text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  return exists (
    select 1 from role_permission rp
     where rp.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and rp.role = current_setting('app.role', true)
       and rp.object = p_object and rp.action = p_action);
end
$$;

ALTER FUNCTION public.role_granted(p_object text, p_action text) OWNER TO postgres;

CREATE FUNCTION public.totp_accept_step(p_hospital uuid, p_user uuid, p_step bigint) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with done as (
    update totp_credential set last_step = p_step
     where hospital_id = coalesce(p_hospital, auth_epoch_nil()) and user_id = p_user
       and confirmed_at is not null and last_step < p_step
    returning 1)
  select exists (select 1 from done)
$$;

ALTER FUNCTION public.totp_accept_step(p_hospital uuid, p_user uuid, p_step bigint) OWNER TO postgres;

CREATE FUNCTION public.totp_confirm(p_step bigint, p_codes bytea[]) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.totp_confirm(p_step bigint, p_codes bytea[]) OWNER TO postgres;

CREATE FUNCTION public.totp_enrol(p_wrapped bytea, p_version integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
begin
  if v_user is null then
    raise exception 'no session' using errcode = 'P0002';
  end if;
  if exists (select 1 from totp_credential c where c.hospital_id = totp_owner()
               and c.user_id = v_user and c.confirmed_at is not null) then
    raise exception 'two-factor sign-in is already on' using errcode = 'P0004';
  end if;
  insert into totp_credential (hospital_id, user_id, secret_wrapped, key_version)
  values (totp_owner(), v_user, p_wrapped, p_version)
  on conflict (hospital_id, user_id) do update
    set secret_wrapped = excluded.secret_wrapped, key_version = excluded.key_version,
        created_at = now(), last_step = 0;
end
$$;

ALTER FUNCTION public.totp_enrol(p_wrapped bytea, p_version integer) OWNER TO postgres;

CREATE FUNCTION public.totp_for_login(p_hospital uuid, p_user uuid) RETURNS TABLE(secret_wrapped bytea, key_version integer, last_step bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select c.secret_wrapped, c.key_version, c.last_step from totp_credential c
   where c.hospital_id = coalesce(p_hospital, auth_epoch_nil()) and c.user_id = p_user
     and c.confirmed_at is not null
$$;

ALTER FUNCTION public.totp_for_login(p_hospital uuid, p_user uuid) OWNER TO postgres;

CREATE FUNCTION public.totp_own() RETURNS TABLE(secret_wrapped bytea, key_version integer, confirmed boolean, last_step bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select c.secret_wrapped, c.key_version, c.confirmed_at is not null, c.last_step
    from totp_credential c
   where c.hospital_id = totp_owner()
     and c.user_id = nullif(current_setting('app.user_id', true), '')::uuid
$$;

ALTER FUNCTION public.totp_own() OWNER TO postgres;

CREATE FUNCTION public.totp_owner() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
  select coalesce(nullif(pg_catalog.current_setting('app.hospital_id', true), '')::uuid,
                  public.auth_epoch_nil())
$$;

ALTER FUNCTION public.totp_owner() OWNER TO postgres;

CREATE FUNCTION public.totp_reset(p_user uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
begin
  if v_hospital is null or current_setting('app.role', true) <> 'hospital_admin' then
    raise exception 'not an admin of a hospital' using errcode = '42501';
  end if;
  delete from totp_credential where hospital_id = v_hospital and user_id = p_user;
  if not found then
    return false;
  end if;
  update auth_session set revoked_at = now()
   where hospital_id = v_hospital and user_id = p_user and revoked_at is null;
  return true;
end
$$;

ALTER FUNCTION public.totp_reset(p_user uuid) OWNER TO postgres;

CREATE FUNCTION public.totp_use_recovery(p_hospital uuid, p_user uuid, p_hash bytea) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with done as (
    update totp_recovery_code set used_at = now()
     where hospital_id = coalesce(p_hospital, auth_epoch_nil()) and user_id = p_user
       and code_hash = p_hash and used_at is null
    returning 1)
  select exists (select 1 from done)
$$;

ALTER FUNCTION public.totp_use_recovery(p_hospital uuid, p_user uuid, p_hash bytea) OWNER TO postgres;

CREATE FUNCTION public.upload_intent_forget(p_hospital_id uuid, p_document_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  delete from upload_intent where hospital_id = p_hospital_id and document_id = p_document_id;
$$;

ALTER FUNCTION public.upload_intent_forget(p_hospital_id uuid, p_document_id uuid) OWNER TO postgres;

CREATE FUNCTION public.upload_orphans_claim(p_grace_seconds integer, p_limit integer) RETURNS TABLE(hospital_id uuid, document_id uuid, object_key text, committed boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  if not pg_try_advisory_xact_lock(hashtextextended('carebridge.upload_sweep', 0)) then
    return;
  end if;
  return query
    select i.hospital_id, i.document_id, i.object_key,
           exists (select 1 from document d
                    where d.hospital_id = i.hospital_id and d.id = i.document_id)
      from upload_intent i
     where i.created_at < now() - make_interval(secs => p_grace_seconds)
     order by i.created_at
     limit p_limit
       for update of i skip locked;
end
$$;

ALTER FUNCTION public.upload_orphans_claim(p_grace_seconds integer, p_limit integer) OWNER TO postgres;

CREATE FUNCTION public.user_visible(p_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_role text := current_setting('app.role', true);
  v_all boolean;
begin
  if p_id = v_user then
    return true;
  end if;
  if v_hospital is null then
    return false;
  end if;
  v_all := v_role = 'hospital_admin'
        or (v_role not in ('patient', 'doctor') and role_granted('patient', 'read'));
  if exists (select 1 from membership m
              where m.hospital_id = v_hospital and m.user_id = p_id
                and (v_all or m.role <> 'patient')) then
    return true;
  end if;
  if exists (select 1 from care_team ct
              where ct.hospital_id = v_hospital and ct.patient_user_id = p_id
                and ct.doctor_user_id = v_user) then
    return true;
  end if;
  if v_role = 'doctor'
     and exists (select 1 from appointment a
                  where a.hospital_id = v_hospital and a.patient_user_id = p_id
                    and a.doctor_user_id = v_user) then
    return true;
  end if;
  return v_role = 'doctor'
     and exists (select 1 from access_grant g
                  where g.hospital_id = v_hospital and g.patient_user_id = p_id
                    and g.grantee_user_id = v_user
                    and g.scope = 'records' and g.revoked_at is null
                    and (g.expires_at is null or g.expires_at > now()));
end
$$;

ALTER FUNCTION public.user_visible(p_id uuid) OWNER TO postgres;

CREATE FUNCTION public.vitals_access(p_hospital_id uuid, p_patient_id uuid, p_action text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select case pg_catalog.current_setting('app.role', true)
           when 'patient' then public.record_access(p_hospital_id, p_patient_id)
           when 'doctor' then public.record_access(p_hospital_id, p_patient_id)
           when 'hospital_admin' then p_action = 'list'
                                      and public.record_access(p_hospital_id, p_patient_id)
           when 'super_admin' then false
           else p_hospital_id = nullif(pg_catalog.current_setting('app.hospital_id', true), '')::uuid
                and public.role_granted('vitals', p_action)
         end
$$;

ALTER FUNCTION public.vitals_access(p_hospital_id uuid, p_patient_id uuid, p_action text) OWNER TO postgres;

CREATE FUNCTION public.ws_ticket_issue(p_ticket_hash bytea, p_session_hash bytea, p_seconds integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
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

ALTER FUNCTION public.ws_ticket_issue(p_ticket_hash bytea, p_session_hash bytea, p_seconds integer) OWNER TO postgres;

CREATE FUNCTION public.ws_ticket_take(p_ticket_hash bytea) RETURNS bytea
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  delete from ws_ticket where ticket_hash = p_ticket_hash
  returning case when expires_at > now() then session_hash end
$$;

ALTER FUNCTION public.ws_ticket_take(p_ticket_hash bytea) OWNER TO postgres;

CREATE TABLE public.access_grant (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    patient_user_id uuid NOT NULL,
    grantee_user_id uuid NOT NULL,
    kind text NOT NULL,
    scope text NOT NULL,
    reason text,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT access_grant_check CHECK (((kind = 'consent'::text) OR ((reason IS NOT NULL) AND (expires_at IS NOT NULL) AND (expires_at <= (created_at + '01:00:00'::interval))))),
    CONSTRAINT access_grant_kind_check CHECK ((kind = ANY (ARRAY['consent'::text, 'break_glass'::text]))),
    CONSTRAINT access_grant_scope_check CHECK ((scope = ANY (ARRAY['records'::text, 'private_notes'::text])))
);

ALTER TABLE ONLY public.access_grant FORCE ROW LEVEL SECURITY;

ALTER TABLE public.access_grant OWNER TO postgres;

CREATE TABLE public.app_user (
    id uuid NOT NULL,
    email text NOT NULL,
    password_hash text NOT NULL,
    full_name text NOT NULL,
    is_super_admin boolean DEFAULT false NOT NULL,
    must_change_password boolean DEFAULT false NOT NULL,
    language text DEFAULT 'en'::text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    password_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    timezone text,
    CONSTRAINT app_user_email_check CHECK (((email = lower(email)) AND (POSITION(('@'::text) IN (email)) > 1))),
    CONSTRAINT app_user_full_name_check CHECK (((length(full_name) >= 1) AND (length(full_name) <= 200))),
    CONSTRAINT app_user_language_check CHECK ((language = ANY (ARRAY['en'::text, 'ne'::text])))
);

ALTER TABLE ONLY public.app_user FORCE ROW LEVEL SECURITY;

ALTER TABLE public.app_user OWNER TO postgres;

CREATE TABLE public.appointment (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    doctor_user_id uuid NOT NULL,
    patient_user_id uuid NOT NULL,
    start_at timestamp with time zone NOT NULL,
    end_at timestamp with time zone NOT NULL,
    status text NOT NULL,
    reason text DEFAULT ''::text NOT NULL,
    fee bigint NOT NULL,
    currency text NOT NULL,
    proposed_start_at timestamp with time zone,
    status_reason text,
    cancelled_by text,
    reminded_24h_at timestamp with time zone,
    reminded_1h_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    hold_until timestamp with time zone,
    confirmed_at timestamp with time zone,
    CONSTRAINT appointment_check CHECK ((end_at > start_at)),
    CONSTRAINT appointment_fee_check CHECK ((fee >= 0)),
    CONSTRAINT appointment_status_check CHECK ((status = ANY (ARRAY['requested'::text, 'awaiting_payment'::text, 'confirmed'::text, 'in_progress'::text, 'completed'::text, 'rejected'::text, 'cancelled'::text, 'no_show'::text])))
);

ALTER TABLE ONLY public.appointment FORCE ROW LEVEL SECURITY;

ALTER TABLE public.appointment OWNER TO postgres;

CREATE TABLE public.appointment_rating (
    hospital_id uuid NOT NULL,
    appointment_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    patient_user_id uuid NOT NULL,
    doctor_user_id uuid NOT NULL,
    stars smallint NOT NULL,
    comment text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT appointment_rating_comment_check CHECK ((length(comment) <= 1000)),
    CONSTRAINT appointment_rating_stars_check CHECK (((stars >= 1) AND (stars <= 5)))
);

ALTER TABLE ONLY public.appointment_rating FORCE ROW LEVEL SECURITY;

ALTER TABLE public.appointment_rating OWNER TO postgres;

CREATE TABLE public.audit_head (
    hospital_id uuid NOT NULL,
    seq bigint NOT NULL,
    hash bytea NOT NULL
);

ALTER TABLE ONLY public.audit_head FORCE ROW LEVEL SECURITY;

ALTER TABLE public.audit_head OWNER TO postgres;

CREATE TABLE public.auth_epoch (
    hospital_id uuid NOT NULL,
    user_id uuid NOT NULL,
    n bigint NOT NULL
);

ALTER TABLE ONLY public.auth_epoch FORCE ROW LEVEL SECURITY;

ALTER TABLE public.auth_epoch OWNER TO postgres;

CREATE TABLE public.auth_session (
    token_hash bytea NOT NULL,
    user_id uuid NOT NULL,
    hospital_id uuid,
    role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    enrol_totp boolean DEFAULT false NOT NULL,
    CONSTRAINT auth_session_token_hash_check CHECK ((length(token_hash) = 32))
);

ALTER TABLE ONLY public.auth_session FORCE ROW LEVEL SECURITY;

ALTER TABLE public.auth_session OWNER TO postgres;

CREATE TABLE public.availability (
    hospital_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    timezone text NOT NULL,
    slot_minutes integer NOT NULL,
    buffer_minutes integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT availability_buffer_minutes_check CHECK (((buffer_minutes >= 0) AND (buffer_minutes <= 120))),
    CONSTRAINT availability_slot_minutes_check CHECK (((slot_minutes >= 5) AND (slot_minutes <= 240)))
);

ALTER TABLE ONLY public.availability FORCE ROW LEVEL SECURITY;

ALTER TABLE public.availability OWNER TO postgres;

CREATE TABLE public.availability_exception (
    hospital_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    day date NOT NULL,
    start_time time without time zone,
    end_time time without time zone,
    CONSTRAINT availability_exception_check CHECK ((((start_time IS NULL) AND (end_time IS NULL)) OR ((start_time IS NOT NULL) AND (end_time > start_time))))
);

ALTER TABLE ONLY public.availability_exception FORCE ROW LEVEL SECURITY;

ALTER TABLE public.availability_exception OWNER TO postgres;

CREATE TABLE public.availability_rule (
    hospital_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    weekday smallint NOT NULL,
    start_time time without time zone NOT NULL,
    end_time time without time zone NOT NULL,
    CONSTRAINT availability_rule_check CHECK ((end_time > start_time)),
    CONSTRAINT availability_rule_weekday_check CHECK (((weekday >= 1) AND (weekday <= 7)))
);

ALTER TABLE ONLY public.availability_rule FORCE ROW LEVEL SECURITY;

ALTER TABLE public.availability_rule OWNER TO postgres;

CREATE TABLE public.call_event (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    appointment_id uuid NOT NULL,
    user_id uuid NOT NULL,
    actor_id uuid NOT NULL,
    kind text NOT NULL,
    rtt_ms integer,
    packet_loss double precision,
    bitrate_kbps integer,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT call_event_bitrate_kbps_check CHECK (((bitrate_kbps >= 0) AND (bitrate_kbps <= 10000000))),
    CONSTRAINT call_event_kind_check CHECK ((kind = ANY (ARRAY['joined'::text, 'waiting'::text, 'admitted'::text, 'left'::text, 'started'::text, 'ended'::text, 'quality'::text]))),
    CONSTRAINT call_event_packet_loss_check CHECK (((packet_loss >= (0)::double precision) AND (packet_loss <= (1)::double precision))),
    CONSTRAINT call_event_rtt_ms_check CHECK (((rtt_ms >= 0) AND (rtt_ms <= 600000)))
);

ALTER TABLE ONLY public.call_event FORCE ROW LEVEL SECURITY;

ALTER TABLE public.call_event OWNER TO postgres;

CREATE TABLE public.care_team (
    hospital_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    patient_user_id uuid NOT NULL,
    doctor_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.care_team FORCE ROW LEVEL SECURITY;

ALTER TABLE public.care_team OWNER TO postgres;

CREATE TABLE public.chat_message (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    doctor_user_id uuid NOT NULL,
    patient_user_id uuid NOT NULL,
    sender_id uuid NOT NULL,
    client_id text NOT NULL,
    body text NOT NULL,
    document_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT chat_message_body_check CHECK ((length(body) <= 4000)),
    CONSTRAINT chat_message_check CHECK (((sender_id = doctor_user_id) OR (sender_id = patient_user_id))),
    CONSTRAINT chat_message_check1 CHECK (((body <> ''::text) OR (document_id IS NOT NULL))),
    CONSTRAINT chat_message_client_id_check CHECK (((length(client_id) >= 1) AND (length(client_id) <= 100)))
);

ALTER TABLE ONLY public.chat_message FORCE ROW LEVEL SECURITY;

ALTER TABLE public.chat_message OWNER TO postgres;

CREATE TABLE public.clinical_alert (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    vitals_id uuid NOT NULL,
    news2_score smallint NOT NULL,
    news2_risk text NOT NULL,
    rising boolean NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    acknowledged_at timestamp with time zone,
    acknowledged_by uuid,
    CONSTRAINT clinical_alert_check CHECK (((acknowledged_at IS NULL) = (acknowledged_by IS NULL))),
    CONSTRAINT clinical_alert_news2_risk_check CHECK ((news2_risk = ANY (ARRAY['low_medium'::text, 'medium'::text, 'high'::text])))
);

ALTER TABLE ONLY public.clinical_alert FORCE ROW LEVEL SECURITY;

ALTER TABLE public.clinical_alert OWNER TO postgres;

CREATE TABLE public.clinical_note (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    encounter_id uuid,
    author_user_id uuid NOT NULL,
    private boolean DEFAULT false NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.clinical_note FORCE ROW LEVEL SECURITY;

ALTER TABLE public.clinical_note OWNER TO postgres;

CREATE TABLE public.conversation (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    doctor_user_id uuid NOT NULL,
    patient_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.conversation FORCE ROW LEVEL SECURITY;

ALTER TABLE public.conversation OWNER TO postgres;

CREATE TABLE public.conversation_read (
    hospital_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    message_id uuid NOT NULL,
    read_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.conversation_read FORCE ROW LEVEL SECURITY;

ALTER TABLE public.conversation_read OWNER TO postgres;

CREATE TABLE public.doctor (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    specialization text NOT NULL,
    license_number text NOT NULL,
    languages text[] DEFAULT '{}'::text[] NOT NULL,
    bio text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.doctor FORCE ROW LEVEL SECURITY;

ALTER TABLE public.doctor OWNER TO postgres;

CREATE TABLE public.document (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    uploaded_by uuid NOT NULL,
    title text NOT NULL,
    kind text NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size bigint NOT NULL,
    sha256 bytea NOT NULL,
    object_key text NOT NULL,
    kek_version integer NOT NULL,
    wrapped_dek bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT document_kind_check CHECK ((kind = ANY (ARRAY['lab_report'::text, 'imaging'::text, 'eeg'::text, 'other'::text]))),
    CONSTRAINT document_size_check CHECK ((size >= 0))
);

ALTER TABLE ONLY public.document FORCE ROW LEVEL SECURITY;

ALTER TABLE public.document OWNER TO postgres;

CREATE TABLE public.encounter (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    appointment_id uuid,
    status text DEFAULT 'in_progress'::text NOT NULL,
    reason text DEFAULT ''::text NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    ended_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT encounter_status_check CHECK ((status = ANY (ARRAY['in_progress'::text, 'finished'::text])))
);

ALTER TABLE ONLY public.encounter FORCE ROW LEVEL SECURITY;

ALTER TABLE public.encounter OWNER TO postgres;

CREATE TABLE public.hospital (
    id uuid NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    timezone text NOT NULL,
    currency text NOT NULL,
    appointment_fee bigint NOT NULL,
    payment_provider text NOT NULL,
    suspended boolean DEFAULT false NOT NULL,
    approval_required boolean DEFAULT true NOT NULL,
    payment_required boolean DEFAULT true NOT NULL,
    ai_assistance boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    booking_horizon_days integer DEFAULT 60 NOT NULL,
    min_notice_minutes integer DEFAULT 60 NOT NULL,
    cancellation_window_hours integer DEFAULT 24 NOT NULL,
    payment_window_minutes integer DEFAULT 30 NOT NULL,
    refund_window_hours integer DEFAULT 24 NOT NULL,
    ai_sleep_staging boolean DEFAULT true NOT NULL,
    ai_chest_xray boolean DEFAULT true NOT NULL,
    inference_daily_quota integer DEFAULT 500 NOT NULL,
    inference_concurrency integer DEFAULT 2 NOT NULL,
    totp_required boolean DEFAULT false NOT NULL,
    ai_specialty_suggestion boolean DEFAULT true NOT NULL,
    CONSTRAINT hospital_appointment_fee_check CHECK ((appointment_fee >= 0)),
    CONSTRAINT hospital_booking_horizon_days_check CHECK (((booking_horizon_days >= 1) AND (booking_horizon_days <= 365))),
    CONSTRAINT hospital_cancellation_window_hours_check CHECK (((cancellation_window_hours >= 0) AND (cancellation_window_hours <= 720))),
    CONSTRAINT hospital_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT hospital_inference_concurrency_check CHECK (((inference_concurrency >= 1) AND (inference_concurrency <= 64))),
    CONSTRAINT hospital_inference_daily_quota_check CHECK ((inference_daily_quota >= 0)),
    CONSTRAINT hospital_min_notice_minutes_check CHECK (((min_notice_minutes >= 0) AND (min_notice_minutes <= 10080))),
    CONSTRAINT hospital_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT hospital_payment_provider_check CHECK ((payment_provider = ANY (ARRAY['khalti'::text, 'stripe'::text, 'none'::text]))),
    CONSTRAINT hospital_payment_window_minutes_check CHECK (((payment_window_minutes >= 5) AND (payment_window_minutes <= 1440))),
    CONSTRAINT hospital_refund_window_hours_check CHECK (((refund_window_hours >= 0) AND (refund_window_hours <= 720))),
    CONSTRAINT hospital_slug_check CHECK ((slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'::text))
);

ALTER TABLE ONLY public.hospital FORCE ROW LEVEL SECURITY;

ALTER TABLE public.hospital OWNER TO postgres;

CREATE TABLE public.hospital_key (
    hospital_id uuid NOT NULL,
    version integer NOT NULL,
    wrapped_key bytea,
    state text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT hospital_key_check CHECK (((state <> 'active'::text) OR (wrapped_key IS NOT NULL))),
    CONSTRAINT hospital_key_state_check CHECK ((state = ANY (ARRAY['active'::text, 'retired'::text, 'destroyed'::text]))),
    CONSTRAINT hospital_key_version_check CHECK ((version > 0))
);

ALTER TABLE ONLY public.hospital_key FORCE ROW LEVEL SECURITY;

ALTER TABLE public.hospital_key OWNER TO postgres;

CREATE TABLE public.inference_correction (
    hospital_id uuid NOT NULL,
    job_id uuid NOT NULL,
    epoch integer NOT NULL,
    stage text NOT NULL,
    corrected_by uuid NOT NULL,
    corrected_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT inference_correction_epoch_check CHECK ((epoch >= 0)),
    CONSTRAINT inference_correction_stage_check CHECK ((stage = ANY (ARRAY['W'::text, 'N1'::text, 'N2'::text, 'N3'::text, 'REM'::text])))
);

ALTER TABLE ONLY public.inference_correction FORCE ROW LEVEL SECURITY;

ALTER TABLE public.inference_correction OWNER TO postgres;

CREATE TABLE public.inference_job (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    kind text NOT NULL,
    document_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    requested_by uuid NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    progress real DEFAULT 0 NOT NULL,
    model_version text,
    input_sha256 bytea,
    result jsonb,
    error text,
    leased_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    CONSTRAINT inference_job_kind_check CHECK ((kind = ANY (ARRAY['sleep_staging'::text, 'chest_xray'::text]))),
    CONSTRAINT inference_job_progress_check CHECK (((progress >= (0)::double precision) AND (progress <= (1)::double precision))),
    CONSTRAINT inference_job_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY public.inference_job FORCE ROW LEVEL SECURITY;

ALTER TABLE public.inference_job OWNER TO postgres;

CREATE TABLE public.inference_turn (
    hospital_id uuid NOT NULL,
    last_served_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.inference_turn FORCE ROW LEVEL SECURITY;

ALTER TABLE public.inference_turn OWNER TO postgres;

CREATE TABLE public.login_challenge (
    token_hash bytea NOT NULL,
    user_id uuid NOT NULL,
    hospital_id uuid,
    role text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    CONSTRAINT login_challenge_token_hash_check CHECK ((length(token_hash) = 32))
);

ALTER TABLE ONLY public.login_challenge FORCE ROW LEVEL SECURITY;

ALTER TABLE public.login_challenge OWNER TO postgres;

CREATE TABLE public.membership (
    hospital_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT membership_role_check CHECK (((role ~ '^[a-z][a-z0-9_]{1,40}$'::text) AND (role <> 'super_admin'::text)))
);

ALTER TABLE ONLY public.membership FORCE ROW LEVEL SECURITY;

ALTER TABLE public.membership OWNER TO postgres;

CREATE TABLE public.model_version (
    kind text NOT NULL,
    version text NOT NULL,
    sha256 bytea NOT NULL,
    weights bytea NOT NULL,
    metrics jsonb DEFAULT '{}'::jsonb NOT NULL,
    status text DEFAULT 'shadow'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    activated_at timestamp with time zone,
    CONSTRAINT model_version_kind_check CHECK ((kind = ANY (ARRAY['sleep_staging'::text, 'chest_xray'::text, 'specialty'::text]))),
    CONSTRAINT model_version_status_check CHECK ((status = ANY (ARRAY['shadow'::text, 'active'::text, 'retired'::text]))),
    CONSTRAINT model_version_version_check CHECK ((version ~ '^[a-z0-9][a-z0-9._-]{0,63}$'::text))
);

ALTER TABLE ONLY public.model_version FORCE ROW LEVEL SECURITY;

ALTER TABLE public.model_version OWNER TO postgres;

CREATE TABLE public.notification (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    appointment_id uuid,
    read_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    pushed_at timestamp with time zone
);

ALTER TABLE ONLY public.notification FORCE ROW LEVEL SECURITY;

ALTER TABLE public.notification OWNER TO postgres;

CREATE TABLE public.outbox (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    channel text DEFAULT 'email'::text NOT NULL,
    recipient text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    locked_until timestamp with time zone,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    segments integer,
    CONSTRAINT outbox_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'sms'::text]))),
    CONSTRAINT outbox_segments_check CHECK ((segments > 0)),
    CONSTRAINT outbox_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text])))
);

ALTER TABLE ONLY public.outbox FORCE ROW LEVEL SECURITY;

ALTER TABLE public.outbox OWNER TO postgres;

CREATE TABLE public.password_reset (
    token_hash bytea NOT NULL,
    user_id uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.password_reset FORCE ROW LEVEL SECURITY;

ALTER TABLE public.password_reset OWNER TO postgres;

CREATE TABLE public.password_reset_request (
    id bigint NOT NULL,
    email text NOT NULL,
    token_hash bytea NOT NULL,
    minutes integer NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.password_reset_request FORCE ROW LEVEL SECURITY;

ALTER TABLE public.password_reset_request OWNER TO postgres;

ALTER TABLE public.password_reset_request ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.password_reset_request_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.patient (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    date_of_birth date,
    phone text,
    sex text,
    blood_type text,
    allergies text DEFAULT ''::text NOT NULL,
    medical_history text DEFAULT ''::text NOT NULL,
    emergency_contact text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    notification_channels text[] DEFAULT '{email}'::text[] NOT NULL,
    CONSTRAINT patient_blood_type_check CHECK ((blood_type = ANY (ARRAY['A+'::text, 'A-'::text, 'B+'::text, 'B-'::text, 'AB+'::text, 'AB-'::text, 'O+'::text, 'O-'::text]))),
    CONSTRAINT patient_notification_channels_check CHECK ((((cardinality(notification_channels) >= 1) AND (cardinality(notification_channels) <= 2)) AND (notification_channels <@ ARRAY['email'::text, 'sms'::text]) AND (array_position(notification_channels, NULL::text) IS NULL))),
    CONSTRAINT patient_sex_check CHECK ((sex = ANY (ARRAY['female'::text, 'male'::text, 'other'::text, 'unknown'::text]))),
    CONSTRAINT patient_sms_needs_phone CHECK (((NOT ('sms'::text = ANY (notification_channels))) OR (phone IS NOT NULL)))
);

ALTER TABLE ONLY public.patient FORCE ROW LEVEL SECURITY;

ALTER TABLE public.patient OWNER TO postgres;

CREATE TABLE public.payment (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    appointment_id uuid NOT NULL,
    provider text NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    amount bigint NOT NULL,
    currency text NOT NULL,
    provider_ref text,
    provider_payment_ref text,
    redirect_url text,
    expires_at timestamp with time zone,
    failure_reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT payment_amount_check CHECK ((amount > 0)),
    CONSTRAINT payment_provider_check CHECK ((provider = ANY (ARRAY['khalti'::text, 'stripe'::text]))),
    CONSTRAINT payment_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'succeeded'::text, 'failed'::text, 'expired'::text, 'refunded'::text, 'refund_pending'::text, 'pending_manual'::text])))
);

ALTER TABLE ONLY public.payment FORCE ROW LEVEL SECURITY;

ALTER TABLE public.payment OWNER TO postgres;

CREATE TABLE public.payment_event (
    hospital_id uuid NOT NULL,
    provider text NOT NULL,
    event_id text NOT NULL,
    payment_id uuid NOT NULL,
    outcome text NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.payment_event FORCE ROW LEVEL SECURITY;

ALTER TABLE public.payment_event OWNER TO postgres;

CREATE TABLE public.prescription (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    doctor_id uuid NOT NULL,
    appointment_id uuid,
    items jsonb NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    verification_code text NOT NULL,
    issued_at timestamp with time zone DEFAULT now() NOT NULL,
    dispensed_at timestamp with time zone,
    dispensed_by uuid,
    cancelled_at timestamp with time zone,
    CONSTRAINT prescription_items_check CHECK (((jsonb_typeof(items) = 'array'::text) AND ((jsonb_array_length(items) >= 1) AND (jsonb_array_length(items) <= 30)))),
    CONSTRAINT prescription_status_check CHECK ((status = ANY (ARRAY['active'::text, 'dispensed'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY public.prescription FORCE ROW LEVEL SECURITY;

ALTER TABLE public.prescription OWNER TO postgres;

CREATE TABLE public.role_permission (
    hospital_id uuid NOT NULL,
    role text NOT NULL,
    object text NOT NULL,
    action text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT role_permission_action_check CHECK ((action ~ '^[a-z_]{1,40}$'::text)),
    CONSTRAINT role_permission_object_check CHECK ((object ~ '^[a-z_]{1,40}$'::text)),
    CONSTRAINT role_permission_role_check CHECK (((role ~ '^[a-z][a-z0-9_]{1,40}$'::text) AND (role <> ALL (ARRAY['super_admin'::text, 'hospital_admin'::text, 'doctor'::text, 'patient'::text]))))
);

ALTER TABLE ONLY public.role_permission FORCE ROW LEVEL SECURITY;

ALTER TABLE public.role_permission OWNER TO postgres;

CREATE TABLE public.schema_migration (
    version integer NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.schema_migration FORCE ROW LEVEL SECURITY;

ALTER TABLE public.schema_migration OWNER TO postgres;

CREATE TABLE public.totp_credential (
    hospital_id uuid NOT NULL,
    user_id uuid NOT NULL,
    secret_wrapped bytea NOT NULL,
    key_version integer NOT NULL,
    confirmed_at timestamp with time zone,
    last_step bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.totp_credential FORCE ROW LEVEL SECURITY;

ALTER TABLE public.totp_credential OWNER TO postgres;

CREATE TABLE public.totp_recovery_code (
    hospital_id uuid NOT NULL,
    user_id uuid NOT NULL,
    code_hash bytea NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT totp_recovery_code_code_hash_check CHECK ((length(code_hash) = 32))
);

ALTER TABLE ONLY public.totp_recovery_code FORCE ROW LEVEL SECURITY;

ALTER TABLE public.totp_recovery_code OWNER TO postgres;

CREATE TABLE public.upload_intent (
    hospital_id uuid NOT NULL,
    document_id uuid NOT NULL,
    object_key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT upload_intent_check CHECK ((object_key = (((hospital_id)::text || '/'::text) || (document_id)::text)))
);

ALTER TABLE ONLY public.upload_intent FORCE ROW LEVEL SECURITY;

ALTER TABLE public.upload_intent OWNER TO postgres;

CREATE TABLE public.vital_signs (
    hospital_id uuid NOT NULL,
    id uuid NOT NULL,
    patient_id uuid NOT NULL,
    recorded_by uuid NOT NULL,
    measured_at timestamp with time zone NOT NULL,
    respiratory_rate smallint NOT NULL,
    spo2 smallint NOT NULL,
    spo2_scale smallint NOT NULL,
    on_oxygen boolean NOT NULL,
    systolic_bp smallint NOT NULL,
    heart_rate smallint NOT NULL,
    consciousness text NOT NULL,
    temperature_c numeric(3,1) NOT NULL,
    news2_score smallint NOT NULL,
    news2_risk text NOT NULL,
    rising boolean NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT vital_signs_consciousness_check CHECK ((consciousness = ANY (ARRAY['A'::text, 'C'::text, 'V'::text, 'P'::text, 'U'::text]))),
    CONSTRAINT vital_signs_heart_rate_check CHECK (((heart_rate >= 20) AND (heart_rate <= 250))),
    CONSTRAINT vital_signs_news2_risk_check CHECK ((news2_risk = ANY (ARRAY['low'::text, 'low_medium'::text, 'medium'::text, 'high'::text]))),
    CONSTRAINT vital_signs_news2_score_check CHECK (((news2_score >= 0) AND (news2_score <= 20))),
    CONSTRAINT vital_signs_respiratory_rate_check CHECK (((respiratory_rate >= 1) AND (respiratory_rate <= 80))),
    CONSTRAINT vital_signs_spo2_check CHECK (((spo2 >= 50) AND (spo2 <= 100))),
    CONSTRAINT vital_signs_spo2_scale_check CHECK ((spo2_scale = ANY (ARRAY[1, 2]))),
    CONSTRAINT vital_signs_systolic_bp_check CHECK (((systolic_bp >= 40) AND (systolic_bp <= 300))),
    CONSTRAINT vital_signs_temperature_c_check CHECK (((temperature_c >= 30.0) AND (temperature_c <= 45.0)))
);

ALTER TABLE ONLY public.vital_signs FORCE ROW LEVEL SECURITY;

ALTER TABLE public.vital_signs OWNER TO postgres;

CREATE TABLE public.ws_ticket (
    ticket_hash bytea NOT NULL,
    session_hash bytea NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT ws_ticket_ticket_hash_check CHECK ((length(ticket_hash) = 32))
);

ALTER TABLE ONLY public.ws_ticket FORCE ROW LEVEL SECURITY;

ALTER TABLE public.ws_ticket OWNER TO postgres;

ALTER TABLE ONLY public.access_grant
    ADD CONSTRAINT access_grant_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_email_key UNIQUE (email);

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_doctor_no_overlap EXCLUDE USING gist (hospital_id WITH =, doctor_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE ((status = ANY (ARRAY['requested'::text, 'awaiting_payment'::text, 'confirmed'::text, 'in_progress'::text])));

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_patient_no_overlap EXCLUDE USING gist (hospital_id WITH =, patient_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE ((status = ANY (ARRAY['requested'::text, 'awaiting_payment'::text, 'confirmed'::text, 'in_progress'::text])));

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.appointment_rating
    ADD CONSTRAINT appointment_rating_pkey PRIMARY KEY (hospital_id, appointment_id);

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_hospital_id_seq_key UNIQUE (hospital_id, seq);

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (hospital_id);

ALTER TABLE ONLY public.auth_epoch
    ADD CONSTRAINT auth_epoch_pkey PRIMARY KEY (hospital_id, user_id);

ALTER TABLE ONLY public.auth_session
    ADD CONSTRAINT auth_session_pkey PRIMARY KEY (token_hash);

ALTER TABLE ONLY public.availability_exception
    ADD CONSTRAINT availability_exception_hospital_id_doctor_id_day_start_time_key UNIQUE (hospital_id, doctor_id, day, start_time);

ALTER TABLE ONLY public.availability_exception
    ADD CONSTRAINT availability_exception_pkey PRIMARY KEY (hospital_id, doctor_id, id);

ALTER TABLE ONLY public.availability
    ADD CONSTRAINT availability_pkey PRIMARY KEY (hospital_id, doctor_id);

ALTER TABLE ONLY public.availability_rule
    ADD CONSTRAINT availability_rule_pkey PRIMARY KEY (hospital_id, doctor_id, weekday, start_time);

ALTER TABLE ONLY public.call_event
    ADD CONSTRAINT call_event_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.care_team
    ADD CONSTRAINT care_team_pkey PRIMARY KEY (hospital_id, patient_id, doctor_id);

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_hospital_id_conversation_id_sender_id_client_i_key UNIQUE (hospital_id, conversation_id, sender_id, client_id);

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.clinical_alert
    ADD CONSTRAINT clinical_alert_hospital_id_vitals_id_key UNIQUE (hospital_id, vitals_id);

ALTER TABLE ONLY public.clinical_alert
    ADD CONSTRAINT clinical_alert_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.clinical_note
    ADD CONSTRAINT clinical_note_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_hospital_id_doctor_id_patient_id_key UNIQUE (hospital_id, doctor_id, patient_id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_hospital_id_id_doctor_user_id_patient_user_id_key UNIQUE (hospital_id, id, doctor_user_id, patient_user_id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.conversation_read
    ADD CONSTRAINT conversation_read_pkey PRIMARY KEY (hospital_id, conversation_id, user_id);

ALTER TABLE ONLY public.doctor
    ADD CONSTRAINT doctor_hospital_id_id_user_id_key UNIQUE (hospital_id, id, user_id);

ALTER TABLE ONLY public.doctor
    ADD CONSTRAINT doctor_hospital_id_license_number_key UNIQUE (hospital_id, license_number);

ALTER TABLE ONLY public.doctor
    ADD CONSTRAINT doctor_hospital_id_user_id_key UNIQUE (hospital_id, user_id);

ALTER TABLE ONLY public.doctor
    ADD CONSTRAINT doctor_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.document
    ADD CONSTRAINT document_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.encounter
    ADD CONSTRAINT encounter_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.hospital_key
    ADD CONSTRAINT hospital_key_pkey PRIMARY KEY (hospital_id, version);

ALTER TABLE ONLY public.hospital
    ADD CONSTRAINT hospital_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.hospital
    ADD CONSTRAINT hospital_slug_key UNIQUE (slug);

ALTER TABLE ONLY public.inference_correction
    ADD CONSTRAINT inference_correction_pkey PRIMARY KEY (hospital_id, job_id, epoch);

ALTER TABLE ONLY public.inference_job
    ADD CONSTRAINT inference_job_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.inference_turn
    ADD CONSTRAINT inference_turn_pkey PRIMARY KEY (hospital_id);

ALTER TABLE ONLY public.login_challenge
    ADD CONSTRAINT login_challenge_pkey PRIMARY KEY (token_hash);

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_pkey PRIMARY KEY (hospital_id, user_id);

ALTER TABLE ONLY public.model_version
    ADD CONSTRAINT model_version_pkey PRIMARY KEY (kind, version);

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.password_reset
    ADD CONSTRAINT password_reset_pkey PRIMARY KEY (token_hash);

ALTER TABLE ONLY public.password_reset_request
    ADD CONSTRAINT password_reset_request_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.patient
    ADD CONSTRAINT patient_hospital_id_id_user_id_key UNIQUE (hospital_id, id, user_id);

ALTER TABLE ONLY public.patient
    ADD CONSTRAINT patient_hospital_id_user_id_key UNIQUE (hospital_id, user_id);

ALTER TABLE ONLY public.patient
    ADD CONSTRAINT patient_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.payment_event
    ADD CONSTRAINT payment_event_pkey PRIMARY KEY (hospital_id, provider, event_id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_hospital_id_provider_provider_ref_key UNIQUE (hospital_id, provider, provider_ref);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.prescription
    ADD CONSTRAINT prescription_hospital_id_verification_code_key UNIQUE (hospital_id, verification_code);

ALTER TABLE ONLY public.prescription
    ADD CONSTRAINT prescription_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_pkey PRIMARY KEY (hospital_id, role, object, action);

ALTER TABLE ONLY public.schema_migration
    ADD CONSTRAINT schema_migration_pkey PRIMARY KEY (version);

ALTER TABLE ONLY public.totp_credential
    ADD CONSTRAINT totp_credential_pkey PRIMARY KEY (hospital_id, user_id);

ALTER TABLE ONLY public.totp_recovery_code
    ADD CONSTRAINT totp_recovery_code_pkey PRIMARY KEY (hospital_id, user_id, code_hash);

ALTER TABLE ONLY public.upload_intent
    ADD CONSTRAINT upload_intent_pkey PRIMARY KEY (hospital_id, document_id);

ALTER TABLE ONLY public.vital_signs
    ADD CONSTRAINT vital_signs_pkey PRIMARY KEY (hospital_id, id);

ALTER TABLE ONLY public.ws_ticket
    ADD CONSTRAINT ws_ticket_pkey PRIMARY KEY (ticket_hash);

CREATE INDEX access_grant_grantee ON public.access_grant USING btree (hospital_id, grantee_user_id, patient_id);

CREATE INDEX appointment_doctor_time ON public.appointment USING btree (hospital_id, doctor_id, start_at);

CREATE INDEX appointment_due ON public.appointment USING btree (start_at) WHERE (status = 'confirmed'::text);

CREATE INDEX appointment_patient_time ON public.appointment USING btree (hospital_id, patient_user_id, start_at);

CREATE INDEX appointment_rating_doctor ON public.appointment_rating USING btree (hospital_id, doctor_id);

CREATE INDEX appointment_start ON public.appointment USING btree (hospital_id, start_at);

CREATE INDEX audit_event_patient ON public.audit_event USING btree (hospital_id, patient_id, occurred_at);

CREATE INDEX audit_event_unsealed ON public.audit_event USING btree (hospital_id, occurred_at, id) WHERE (seq IS NULL);

CREATE INDEX auth_session_hospital ON public.auth_session USING btree (hospital_id) WHERE (revoked_at IS NULL);

CREATE INDEX auth_session_user ON public.auth_session USING btree (user_id) WHERE (revoked_at IS NULL);

CREATE UNIQUE INDEX availability_day_off ON public.availability_exception USING btree (hospital_id, doctor_id, day) WHERE (start_time IS NULL);

CREATE INDEX call_event_appointment ON public.call_event USING btree (hospital_id, appointment_id, id);

CREATE UNIQUE INDEX call_event_once ON public.call_event USING btree (hospital_id, appointment_id, kind) WHERE (kind = ANY (ARRAY['started'::text, 'ended'::text]));

CREATE INDEX care_team_doctor ON public.care_team USING btree (hospital_id, doctor_user_id);

CREATE INDEX chat_message_history ON public.chat_message USING btree (hospital_id, conversation_id, id);

CREATE INDEX clinical_alert_open ON public.clinical_alert USING btree (hospital_id, created_at) WHERE (acknowledged_at IS NULL);

CREATE INDEX clinical_note_patient ON public.clinical_note USING btree (hospital_id, patient_id, created_at);

CREATE INDEX document_patient ON public.document USING btree (hospital_id, patient_id, created_at);

CREATE UNIQUE INDEX encounter_appointment ON public.encounter USING btree (hospital_id, appointment_id);

CREATE INDEX encounter_patient ON public.encounter USING btree (hospital_id, patient_id, started_at);

CREATE UNIQUE INDEX hospital_key_one_active ON public.hospital_key USING btree (hospital_id) WHERE (state = 'active'::text);

CREATE INDEX inference_job_patient ON public.inference_job USING btree (hospital_id, patient_id, created_at);

CREATE INDEX inference_job_queue ON public.inference_job USING btree (hospital_id, created_at) WHERE (status = 'queued'::text);

CREATE INDEX inference_job_running ON public.inference_job USING btree (hospital_id) WHERE (status = 'running'::text);

CREATE INDEX membership_user ON public.membership USING btree (user_id);

CREATE UNIQUE INDEX model_version_one_active ON public.model_version USING btree (kind) WHERE (status = 'active'::text);

CREATE INDEX notification_unpushed ON public.notification USING btree (created_at) WHERE (pushed_at IS NULL);

CREATE INDEX notification_user ON public.notification USING btree (hospital_id, user_id, created_at);

CREATE INDEX outbox_due ON public.outbox USING btree (next_attempt_at) WHERE (status = 'pending'::text);

CREATE UNIQUE INDEX payment_one_pending ON public.payment USING btree (hospital_id, appointment_id) WHERE (status = 'pending'::text);

CREATE INDEX payment_pending ON public.payment USING btree (created_at) WHERE (status = 'pending'::text);

CREATE INDEX prescription_code ON public.prescription USING btree (verification_code);

CREATE INDEX prescription_patient ON public.prescription USING btree (hospital_id, patient_id, issued_at);

CREATE INDEX upload_intent_age ON public.upload_intent USING btree (created_at);

CREATE INDEX vital_signs_patient ON public.vital_signs USING btree (hospital_id, patient_id, measured_at DESC, id DESC);

CREATE TRIGGER app_user_epoch AFTER UPDATE OF active, is_super_admin, must_change_password, email, full_name ON public.app_user FOR EACH ROW WHEN (((old.active IS DISTINCT FROM new.active) OR (old.is_super_admin IS DISTINCT FROM new.is_super_admin) OR (old.must_change_password IS DISTINCT FROM new.must_change_password) OR (old.email IS DISTINCT FROM new.email) OR (old.full_name IS DISTINCT FROM new.full_name))) EXECUTE FUNCTION public.auth_epoch_changed('user');

CREATE TRIGGER app_user_epoch_delete AFTER DELETE ON public.app_user FOR EACH ROW EXECUTE FUNCTION public.auth_epoch_changed('user');

CREATE TRIGGER appointment_confirmed_at BEFORE INSERT OR UPDATE OF status ON public.appointment FOR EACH ROW EXECUTE FUNCTION public.appointment_confirmed_at();

CREATE TRIGGER auth_session_epoch AFTER UPDATE OF revoked_at, expires_at, role, hospital_id, user_id ON public.auth_session FOR EACH ROW WHEN (((old.revoked_at IS DISTINCT FROM new.revoked_at) OR (old.expires_at IS DISTINCT FROM new.expires_at) OR (old.role IS DISTINCT FROM new.role) OR (old.hospital_id IS DISTINCT FROM new.hospital_id) OR (old.user_id IS DISTINCT FROM new.user_id))) EXECUTE FUNCTION public.auth_epoch_changed('membership');

CREATE TRIGGER auth_session_epoch_delete AFTER DELETE ON public.auth_session FOR EACH ROW EXECUTE FUNCTION public.auth_epoch_changed('membership');

CREATE TRIGGER auth_session_no_truncate BEFORE TRUNCATE ON public.auth_session FOR EACH STATEMENT EXECUTE FUNCTION public.auth_epoch_refuse_truncate();

CREATE TRIGGER hospital_epoch AFTER UPDATE OF suspended, slug ON public.hospital FOR EACH ROW WHEN (((old.suspended IS DISTINCT FROM new.suspended) OR (old.slug IS DISTINCT FROM new.slug))) EXECUTE FUNCTION public.auth_epoch_changed('hospital');

CREATE TRIGGER hospital_epoch_delete AFTER DELETE ON public.hospital FOR EACH ROW EXECUTE FUNCTION public.auth_epoch_changed('hospital');

CREATE TRIGGER hospital_suspension_ends_sessions AFTER UPDATE OF suspended ON public.hospital FOR EACH ROW WHEN ((new.suspended AND (NOT old.suspended))) EXECUTE FUNCTION public.hospital_suspension_ends_sessions();

CREATE TRIGGER membership_epoch AFTER UPDATE ON public.membership FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.auth_epoch_changed('membership');

CREATE TRIGGER membership_epoch_delete AFTER DELETE ON public.membership FOR EACH ROW EXECUTE FUNCTION public.auth_epoch_changed('membership');

CREATE TRIGGER membership_no_truncate BEFORE TRUNCATE ON public.membership FOR EACH STATEMENT EXECUTE FUNCTION public.auth_epoch_refuse_truncate();

CREATE TRIGGER patient_own_update_contact_only BEFORE UPDATE ON public.patient FOR EACH ROW EXECUTE FUNCTION public.patient_own_update_contact_only();

ALTER TABLE ONLY public.access_grant
    ADD CONSTRAINT access_grant_hospital_id_grantee_user_id_fkey FOREIGN KEY (hospital_id, grantee_user_id) REFERENCES public.membership(hospital_id, user_id);

ALTER TABLE ONLY public.access_grant
    ADD CONSTRAINT access_grant_hospital_id_patient_id_patient_user_id_fkey FOREIGN KEY (hospital_id, patient_id, patient_user_id) REFERENCES public.patient(hospital_id, id, user_id);

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_hospital_id_doctor_id_doctor_user_id_fkey FOREIGN KEY (hospital_id, doctor_id, doctor_user_id) REFERENCES public.doctor(hospital_id, id, user_id);

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_hospital_id_patient_id_patient_user_id_fkey FOREIGN KEY (hospital_id, patient_id, patient_user_id) REFERENCES public.patient(hospital_id, id, user_id);

ALTER TABLE ONLY public.appointment_rating
    ADD CONSTRAINT appointment_rating_doctor_user_id_fkey FOREIGN KEY (doctor_user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.appointment_rating
    ADD CONSTRAINT appointment_rating_hospital_id_appointment_id_fkey FOREIGN KEY (hospital_id, appointment_id) REFERENCES public.appointment(hospital_id, id);

ALTER TABLE ONLY public.appointment_rating
    ADD CONSTRAINT appointment_rating_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.doctor(hospital_id, id);

ALTER TABLE ONLY public.appointment_rating
    ADD CONSTRAINT appointment_rating_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.appointment_rating
    ADD CONSTRAINT appointment_rating_patient_user_id_fkey FOREIGN KEY (patient_user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.audit_head
    ADD CONSTRAINT audit_head_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.auth_session
    ADD CONSTRAINT auth_session_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.auth_session
    ADD CONSTRAINT auth_session_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.availability_exception
    ADD CONSTRAINT availability_exception_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.availability(hospital_id, doctor_id) ON DELETE CASCADE;

ALTER TABLE ONLY public.availability
    ADD CONSTRAINT availability_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.doctor(hospital_id, id);

ALTER TABLE ONLY public.availability_rule
    ADD CONSTRAINT availability_rule_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.availability(hospital_id, doctor_id) ON DELETE CASCADE;

ALTER TABLE ONLY public.call_event
    ADD CONSTRAINT call_event_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.call_event
    ADD CONSTRAINT call_event_hospital_id_appointment_id_fkey FOREIGN KEY (hospital_id, appointment_id) REFERENCES public.appointment(hospital_id, id);

ALTER TABLE ONLY public.call_event
    ADD CONSTRAINT call_event_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.care_team
    ADD CONSTRAINT care_team_hospital_id_doctor_id_doctor_user_id_fkey FOREIGN KEY (hospital_id, doctor_id, doctor_user_id) REFERENCES public.doctor(hospital_id, id, user_id);

ALTER TABLE ONLY public.care_team
    ADD CONSTRAINT care_team_hospital_id_patient_id_patient_user_id_fkey FOREIGN KEY (hospital_id, patient_id, patient_user_id) REFERENCES public.patient(hospital_id, id, user_id);

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_hospital_id_conversation_id_doctor_user_id_pa_fkey FOREIGN KEY (hospital_id, conversation_id, doctor_user_id, patient_user_id) REFERENCES public.conversation(hospital_id, id, doctor_user_id, patient_user_id);

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_hospital_id_document_id_fkey FOREIGN KEY (hospital_id, document_id) REFERENCES public.document(hospital_id, id);

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.clinical_alert
    ADD CONSTRAINT clinical_alert_acknowledged_by_fkey FOREIGN KEY (acknowledged_by) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.clinical_alert
    ADD CONSTRAINT clinical_alert_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.clinical_alert
    ADD CONSTRAINT clinical_alert_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.clinical_alert
    ADD CONSTRAINT clinical_alert_hospital_id_vitals_id_fkey FOREIGN KEY (hospital_id, vitals_id) REFERENCES public.vital_signs(hospital_id, id);

ALTER TABLE ONLY public.clinical_note
    ADD CONSTRAINT clinical_note_hospital_id_author_user_id_fkey FOREIGN KEY (hospital_id, author_user_id) REFERENCES public.membership(hospital_id, user_id);

ALTER TABLE ONLY public.clinical_note
    ADD CONSTRAINT clinical_note_hospital_id_encounter_id_fkey FOREIGN KEY (hospital_id, encounter_id) REFERENCES public.encounter(hospital_id, id);

ALTER TABLE ONLY public.clinical_note
    ADD CONSTRAINT clinical_note_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_doctor_user_id_fkey FOREIGN KEY (doctor_user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.doctor(hospital_id, id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_patient_user_id_fkey FOREIGN KEY (patient_user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.conversation_read
    ADD CONSTRAINT conversation_read_hospital_id_conversation_id_fkey FOREIGN KEY (hospital_id, conversation_id) REFERENCES public.conversation(hospital_id, id);

ALTER TABLE ONLY public.conversation_read
    ADD CONSTRAINT conversation_read_hospital_id_message_id_fkey FOREIGN KEY (hospital_id, message_id) REFERENCES public.chat_message(hospital_id, id);

ALTER TABLE ONLY public.conversation_read
    ADD CONSTRAINT conversation_read_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.doctor
    ADD CONSTRAINT doctor_hospital_id_user_id_fkey FOREIGN KEY (hospital_id, user_id) REFERENCES public.membership(hospital_id, user_id);

ALTER TABLE ONLY public.document
    ADD CONSTRAINT document_hospital_id_kek_version_fkey FOREIGN KEY (hospital_id, kek_version) REFERENCES public.hospital_key(hospital_id, version);

ALTER TABLE ONLY public.document
    ADD CONSTRAINT document_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.encounter
    ADD CONSTRAINT encounter_hospital_id_appointment_id_fkey FOREIGN KEY (hospital_id, appointment_id) REFERENCES public.appointment(hospital_id, id);

ALTER TABLE ONLY public.encounter
    ADD CONSTRAINT encounter_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.doctor(hospital_id, id);

ALTER TABLE ONLY public.encounter
    ADD CONSTRAINT encounter_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.hospital_key
    ADD CONSTRAINT hospital_key_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.inference_correction
    ADD CONSTRAINT inference_correction_hospital_id_job_id_fkey FOREIGN KEY (hospital_id, job_id) REFERENCES public.inference_job(hospital_id, id);

ALTER TABLE ONLY public.inference_job
    ADD CONSTRAINT inference_job_hospital_id_document_id_fkey FOREIGN KEY (hospital_id, document_id) REFERENCES public.document(hospital_id, id);

ALTER TABLE ONLY public.inference_job
    ADD CONSTRAINT inference_job_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.inference_turn
    ADD CONSTRAINT inference_turn_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.login_challenge
    ADD CONSTRAINT login_challenge_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.login_challenge
    ADD CONSTRAINT login_challenge_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.password_reset
    ADD CONSTRAINT password_reset_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.patient
    ADD CONSTRAINT patient_hospital_id_user_id_fkey FOREIGN KEY (hospital_id, user_id) REFERENCES public.membership(hospital_id, user_id);

ALTER TABLE ONLY public.payment_event
    ADD CONSTRAINT payment_event_hospital_id_payment_id_fkey FOREIGN KEY (hospital_id, payment_id) REFERENCES public.payment(hospital_id, id);

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_hospital_id_appointment_id_fkey FOREIGN KEY (hospital_id, appointment_id) REFERENCES public.appointment(hospital_id, id);

ALTER TABLE ONLY public.prescription
    ADD CONSTRAINT prescription_hospital_id_appointment_id_fkey FOREIGN KEY (hospital_id, appointment_id) REFERENCES public.appointment(hospital_id, id);

ALTER TABLE ONLY public.prescription
    ADD CONSTRAINT prescription_hospital_id_dispensed_by_fkey FOREIGN KEY (hospital_id, dispensed_by) REFERENCES public.membership(hospital_id, user_id);

ALTER TABLE ONLY public.prescription
    ADD CONSTRAINT prescription_hospital_id_doctor_id_fkey FOREIGN KEY (hospital_id, doctor_id) REFERENCES public.doctor(hospital_id, id);

ALTER TABLE ONLY public.prescription
    ADD CONSTRAINT prescription_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.totp_credential
    ADD CONSTRAINT totp_credential_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.totp_recovery_code
    ADD CONSTRAINT totp_recovery_code_hospital_id_user_id_fkey FOREIGN KEY (hospital_id, user_id) REFERENCES public.totp_credential(hospital_id, user_id) ON DELETE CASCADE;

ALTER TABLE ONLY public.upload_intent
    ADD CONSTRAINT upload_intent_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.vital_signs
    ADD CONSTRAINT vital_signs_hospital_id_fkey FOREIGN KEY (hospital_id) REFERENCES public.hospital(id);

ALTER TABLE ONLY public.vital_signs
    ADD CONSTRAINT vital_signs_hospital_id_patient_id_fkey FOREIGN KEY (hospital_id, patient_id) REFERENCES public.patient(hospital_id, id);

ALTER TABLE ONLY public.vital_signs
    ADD CONSTRAINT vital_signs_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.app_user(id);

ALTER TABLE ONLY public.ws_ticket
    ADD CONSTRAINT ws_ticket_session_hash_fkey FOREIGN KEY (session_hash) REFERENCES public.auth_session(token_hash) ON DELETE CASCADE;

ALTER TABLE public.access_grant ENABLE ROW LEVEL SECURITY;

CREATE POLICY access_grant_insert ON public.access_grant FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (created_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (((kind = 'consent'::text) AND (current_setting('app.role'::text, true) = 'patient'::text) AND (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)) OR ((kind = 'break_glass'::text) AND (current_setting('app.role'::text, true) = 'doctor'::text) AND (scope = 'records'::text) AND (created_at <= now()) AND (expires_at <= (now() + '01:00:00'::interval)) AND (grantee_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)))));

CREATE POLICY access_grant_revoke ON public.access_grant FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (kind = 'consent'::text) AND (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY access_grant_select ON public.access_grant FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR (grantee_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))));

ALTER TABLE public.app_user ENABLE ROW LEVEL SECURITY;

CREATE POLICY app_user_insert ON public.app_user FOR INSERT WITH CHECK (((NOT is_super_admin) AND (current_setting('app.role'::text, true) = ANY (ARRAY['super_admin'::text, 'hospital_admin'::text]))));

CREATE POLICY app_user_select ON public.app_user FOR SELECT USING (public.user_visible(id));

CREATE POLICY app_user_update ON public.app_user FOR UPDATE USING ((id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid));

ALTER TABLE public.appointment ENABLE ROW LEVEL SECURITY;

CREATE POLICY appointment_insert ON public.appointment FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))));

ALTER TABLE public.appointment_rating ENABLE ROW LEVEL SECURITY;

CREATE POLICY appointment_rating_insert ON public.appointment_rating FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'patient'::text) AND (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = appointment_rating.hospital_id) AND (a.id = appointment_rating.appointment_id) AND (a.status = 'completed'::text) AND (a.patient_user_id = appointment_rating.patient_user_id) AND (a.doctor_user_id = appointment_rating.doctor_user_id) AND (a.doctor_id = appointment_rating.doctor_id))))));

CREATE POLICY appointment_rating_select ON public.appointment_rating FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR (doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))));

CREATE POLICY appointment_select ON public.appointment FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))));

CREATE POLICY appointment_update ON public.appointment FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))));

ALTER TABLE public.audit_event ENABLE ROW LEVEL SECURITY;

CREATE POLICY audit_event_insert ON public.audit_event FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) OR ((current_setting('app.role'::text, true) = 'super_admin'::text) AND (actor_role = 'super_admin'::text))));

CREATE POLICY audit_event_select ON public.audit_event FOR SELECT USING ((((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR ((patient_id IS NOT NULL) AND (EXISTS ( SELECT 1
   FROM public.patient p
  WHERE ((p.hospital_id = audit_event.hospital_id) AND (p.id = audit_event.patient_id) AND (p.user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))))) OR ((patient_id IS NOT NULL) AND (current_setting('app.role'::text, true) = 'doctor'::text) AND (EXISTS ( SELECT 1
   FROM public.care_team ct
  WHERE ((ct.hospital_id = audit_event.hospital_id) AND (ct.patient_id = audit_event.patient_id) AND (ct.doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))))))) OR ((current_setting('app.role'::text, true) = 'super_admin'::text) AND (actor_role = 'super_admin'::text))));

ALTER TABLE public.audit_head ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.auth_epoch ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.auth_session ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.availability ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.availability_exception ENABLE ROW LEVEL SECURITY;

CREATE POLICY availability_exception_select ON public.availability_exception FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY availability_exception_write ON public.availability_exception USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (EXISTS ( SELECT 1
   FROM public.doctor d
  WHERE ((d.hospital_id = availability_exception.hospital_id) AND (d.id = availability_exception.doctor_id) AND (d.user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)))))));

ALTER TABLE public.availability_rule ENABLE ROW LEVEL SECURITY;

CREATE POLICY availability_rule_select ON public.availability_rule FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY availability_rule_write ON public.availability_rule USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (EXISTS ( SELECT 1
   FROM public.doctor d
  WHERE ((d.hospital_id = availability_rule.hospital_id) AND (d.id = availability_rule.doctor_id) AND (d.user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)))))));

CREATE POLICY availability_select ON public.availability FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY availability_write ON public.availability USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (EXISTS ( SELECT 1
   FROM public.doctor d
  WHERE ((d.hospital_id = availability.hospital_id) AND (d.id = availability.doctor_id) AND (d.user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)))))));

ALTER TABLE public.call_event ENABLE ROW LEVEL SECURITY;

CREATE POLICY call_event_insert ON public.call_event FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (actor_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = call_event.hospital_id) AND (a.id = call_event.appointment_id) AND ((call_event.actor_id = a.doctor_user_id) OR (call_event.actor_id = a.patient_user_id)) AND ((call_event.user_id = a.doctor_user_id) OR (call_event.user_id = a.patient_user_id)))))));

CREATE POLICY call_event_select ON public.call_event FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = call_event.hospital_id) AND (a.id = call_event.appointment_id) AND (((NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid = a.doctor_user_id) OR ((NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid = a.patient_user_id))))))));

ALTER TABLE public.care_team ENABLE ROW LEVEL SECURITY;

CREATE POLICY care_team_from_appointment ON public.care_team FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = care_team.hospital_id) AND (a.patient_id = care_team.patient_id) AND (a.doctor_id = care_team.doctor_id) AND (a.status = ANY (ARRAY['awaiting_payment'::text, 'confirmed'::text])))))));

CREATE POLICY care_team_select ON public.care_team FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR (patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))));

CREATE POLICY care_team_write ON public.care_team USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

ALTER TABLE public.chat_message ENABLE ROW LEVEL SECURITY;

CREATE POLICY chat_message_insert ON public.chat_message FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (sender_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM (public.conversation c
     JOIN public.care_team ct ON (((ct.hospital_id = c.hospital_id) AND (ct.doctor_id = c.doctor_id) AND (ct.patient_id = c.patient_id))))
  WHERE ((c.hospital_id = chat_message.hospital_id) AND (c.id = chat_message.conversation_id)))) AND ((document_id IS NULL) OR (EXISTS ( SELECT 1
   FROM (public.conversation c
     JOIN public.document d ON (((d.hospital_id = c.hospital_id) AND (d.patient_id = c.patient_id))))
  WHERE ((c.hospital_id = chat_message.hospital_id) AND (c.id = chat_message.conversation_id) AND (d.id = chat_message.document_id)))))));

CREATE POLICY chat_message_select ON public.chat_message FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.conversation c
  WHERE ((c.hospital_id = chat_message.hospital_id) AND (c.id = chat_message.conversation_id))))));

ALTER TABLE public.clinical_alert ENABLE ROW LEVEL SECURITY;

CREATE POLICY clinical_alert_acknowledge ON public.clinical_alert FOR UPDATE USING (public.alert_visible(hospital_id, patient_id)) WITH CHECK ((public.alert_visible(hospital_id, patient_id) AND (acknowledged_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY clinical_alert_insert ON public.clinical_alert FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (acknowledged_at IS NULL) AND (EXISTS ( SELECT 1
   FROM public.vital_signs v
  WHERE ((v.hospital_id = clinical_alert.hospital_id) AND (v.id = clinical_alert.vitals_id) AND (v.patient_id = clinical_alert.patient_id) AND (v.recorded_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))))));

CREATE POLICY clinical_alert_select ON public.clinical_alert FOR SELECT USING (public.alert_visible(hospital_id, patient_id));

ALTER TABLE public.clinical_note ENABLE ROW LEVEL SECURITY;

CREATE POLICY clinical_note_insert ON public.clinical_note FOR INSERT WITH CHECK ((public.record_access(hospital_id, patient_id) AND (current_setting('app.role'::text, true) = 'doctor'::text) AND (author_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY clinical_note_select ON public.clinical_note FOR SELECT USING (public.record_access(hospital_id, patient_id,
CASE
    WHEN private THEN 'private_notes'::text
    ELSE 'records'::text
END));

ALTER TABLE public.conversation ENABLE ROW LEVEL SECURITY;

CREATE POLICY conversation_insert ON public.conversation FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (((NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid = doctor_user_id) OR ((NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid = patient_user_id)) AND (EXISTS ( SELECT 1
   FROM public.care_team ct
  WHERE ((ct.hospital_id = conversation.hospital_id) AND (ct.doctor_id = conversation.doctor_id) AND (ct.patient_id = conversation.patient_id) AND (ct.doctor_user_id = conversation.doctor_user_id) AND (ct.patient_user_id = conversation.patient_user_id))))));

ALTER TABLE public.conversation_read ENABLE ROW LEVEL SECURITY;

CREATE POLICY conversation_read_own ON public.conversation_read FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.conversation c
  WHERE ((c.hospital_id = conversation_read.hospital_id) AND (c.id = conversation_read.conversation_id))))));

CREATE POLICY conversation_read_select ON public.conversation_read FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.conversation c
  WHERE ((c.hospital_id = conversation_read.hospital_id) AND (c.id = conversation_read.conversation_id))))));

CREATE POLICY conversation_read_update ON public.conversation_read FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY conversation_select ON public.conversation FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR ((doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.care_team ct
  WHERE ((ct.hospital_id = conversation.hospital_id) AND (ct.doctor_id = conversation.doctor_id) AND (ct.patient_id = conversation.patient_id))))))));

ALTER TABLE public.doctor ENABLE ROW LEVEL SECURITY;

CREATE POLICY doctor_select ON public.doctor FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY doctor_write ON public.doctor USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

ALTER TABLE public.document ENABLE ROW LEVEL SECURITY;

CREATE POLICY document_insert ON public.document FOR INSERT WITH CHECK ((public.record_access(hospital_id, patient_id) AND (uploaded_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY document_select ON public.document FOR SELECT USING (public.record_access(hospital_id, patient_id));

ALTER TABLE public.encounter ENABLE ROW LEVEL SECURITY;

CREATE POLICY encounter_select ON public.encounter FOR SELECT USING (public.record_access(hospital_id, patient_id));

CREATE POLICY encounter_write ON public.encounter USING ((public.record_access(hospital_id, patient_id) AND (current_setting('app.role'::text, true) = 'doctor'::text))) WITH CHECK ((public.record_access(hospital_id, patient_id) AND (current_setting('app.role'::text, true) = 'doctor'::text)));

ALTER TABLE public.hospital ENABLE ROW LEVEL SECURITY;

CREATE POLICY hospital_insert ON public.hospital FOR INSERT WITH CHECK ((current_setting('app.role'::text, true) = 'super_admin'::text));

ALTER TABLE public.hospital_key ENABLE ROW LEVEL SECURITY;

CREATE POLICY hospital_key_insert ON public.hospital_key FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (version = 1) AND (state = 'active'::text)));

CREATE POLICY hospital_key_select ON public.hospital_key FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY hospital_select ON public.hospital FOR SELECT USING (((id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) OR (current_setting('app.role'::text, true) = 'super_admin'::text)));

CREATE POLICY hospital_update ON public.hospital FOR UPDATE USING (((current_setting('app.role'::text, true) = 'super_admin'::text) OR ((id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text))));

ALTER TABLE public.inference_correction ENABLE ROW LEVEL SECURITY;

CREATE POLICY inference_correction_select ON public.inference_correction FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.inference_job j
  WHERE ((j.hospital_id = inference_correction.hospital_id) AND (j.id = inference_correction.job_id))))));

CREATE POLICY inference_correction_write ON public.inference_correction USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'doctor'::text) AND (EXISTS ( SELECT 1
   FROM public.inference_job j
  WHERE ((j.hospital_id = inference_correction.hospital_id) AND (j.id = inference_correction.job_id)))))) WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'doctor'::text) AND (corrected_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

ALTER TABLE public.inference_job ENABLE ROW LEVEL SECURITY;

CREATE POLICY inference_job_cancel ON public.inference_job FOR UPDATE USING (public.record_access(hospital_id, patient_id));

CREATE POLICY inference_job_insert ON public.inference_job FOR INSERT WITH CHECK ((public.record_access(hospital_id, patient_id) AND (requested_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) AND (status = 'queued'::text)));

CREATE POLICY inference_job_select ON public.inference_job FOR SELECT USING (public.record_access(hospital_id, patient_id));

ALTER TABLE public.inference_turn ENABLE ROW LEVEL SECURITY;

CREATE POLICY inference_turn_select ON public.inference_turn FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

ALTER TABLE public.login_challenge ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.membership ENABLE ROW LEVEL SECURITY;

CREATE POLICY membership_insert ON public.membership FOR INSERT WITH CHECK ((((current_setting('app.role'::text, true) = 'super_admin'::text) AND (role = 'hospital_admin'::text)) OR ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text))));

CREATE POLICY membership_select ON public.membership FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid) OR (role <> 'patient'::text) OR (EXISTS ( SELECT 1
   FROM public.care_team ct
  WHERE ((ct.hospital_id = membership.hospital_id) AND (ct.patient_user_id = membership.user_id) AND (ct.doctor_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)))))));

CREATE POLICY membership_update ON public.membership FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

ALTER TABLE public.model_version ENABLE ROW LEVEL SECURITY;

CREATE POLICY model_version_select ON public.model_version FOR SELECT USING ((NULLIF(current_setting('app.role'::text, true), ''::text) IS NOT NULL));

ALTER TABLE public.notification ENABLE ROW LEVEL SECURITY;

CREATE POLICY notification_insert ON public.notification FOR INSERT WITH CHECK ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY notification_select ON public.notification FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY notification_update ON public.notification FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

ALTER TABLE public.outbox ENABLE ROW LEVEL SECURITY;

CREATE POLICY outbox_insert ON public.outbox FOR INSERT WITH CHECK ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY outbox_select ON public.outbox FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

ALTER TABLE public.password_reset ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.password_reset_request ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.patient ENABLE ROW LEVEL SECURITY;

CREATE POLICY patient_insert ON public.patient FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

CREATE POLICY patient_select ON public.patient FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND
CASE current_setting('app.role'::text, true)
    WHEN 'hospital_admin'::text THEN true
    WHEN 'patient'::text THEN (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)
    WHEN 'doctor'::text THEN public.record_access(hospital_id, id)
    ELSE public.role_granted('patient'::text, 'read'::text)
END));

CREATE POLICY patient_update ON public.patient FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

CREATE POLICY patient_update_own ON public.patient FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'patient'::text) AND (user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

ALTER TABLE public.payment ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.payment_event ENABLE ROW LEVEL SECURITY;

CREATE POLICY payment_insert ON public.payment FOR INSERT WITH CHECK (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = payment.hospital_id) AND (a.id = payment.appointment_id) AND (a.patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))))));

CREATE POLICY payment_select ON public.payment FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND ((current_setting('app.role'::text, true) = 'hospital_admin'::text) OR (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = payment.hospital_id) AND (a.id = payment.appointment_id)))))));

CREATE POLICY payment_update ON public.payment FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM public.appointment a
  WHERE ((a.hospital_id = payment.hospital_id) AND (a.id = payment.appointment_id) AND (a.patient_user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid))))));

ALTER TABLE public.prescription ENABLE ROW LEVEL SECURITY;

CREATE POLICY prescription_insert ON public.prescription FOR INSERT WITH CHECK (((current_setting('app.role'::text, true) = 'doctor'::text) AND public.record_access(hospital_id, patient_id)));

CREATE POLICY prescription_select ON public.prescription FOR SELECT USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND
CASE current_setting('app.role'::text, true)
    WHEN 'hospital_admin'::text THEN false
    WHEN 'patient'::text THEN public.record_access(hospital_id, patient_id)
    WHEN 'doctor'::text THEN public.record_access(hospital_id, patient_id)
    ELSE public.role_granted('prescription'::text, 'read'::text)
END));

CREATE POLICY prescription_update ON public.prescription FOR UPDATE USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND
CASE current_setting('app.role'::text, true)
    WHEN 'hospital_admin'::text THEN false
    WHEN 'patient'::text THEN false
    WHEN 'doctor'::text THEN public.record_access(hospital_id, patient_id)
    ELSE public.role_granted('prescription'::text, 'dispense'::text)
END));

ALTER TABLE public.role_permission ENABLE ROW LEVEL SECURITY;

CREATE POLICY role_permission_select ON public.role_permission FOR SELECT USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

CREATE POLICY role_permission_write ON public.role_permission USING (((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid) AND (current_setting('app.role'::text, true) = 'hospital_admin'::text)));

ALTER TABLE public.schema_migration ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.totp_credential ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.totp_recovery_code ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.upload_intent ENABLE ROW LEVEL SECURITY;

CREATE POLICY upload_intent_own ON public.upload_intent USING ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid)) WITH CHECK ((hospital_id = (NULLIF(current_setting('app.hospital_id'::text, true), ''::text))::uuid));

ALTER TABLE public.vital_signs ENABLE ROW LEVEL SECURITY;

CREATE POLICY vital_signs_insert ON public.vital_signs FOR INSERT WITH CHECK ((public.vitals_access(hospital_id, patient_id, 'create'::text) AND (recorded_by = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)));

CREATE POLICY vital_signs_select ON public.vital_signs FOR SELECT USING (public.vitals_access(hospital_id, patient_id, 'list'::text));

ALTER TABLE public.ws_ticket ENABLE ROW LEVEL SECURITY;

GRANT USAGE ON SCHEMA public TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.admin_reset_password(p_user_id uuid, p_password_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.admin_reset_password(p_user_id uuid, p_password_hash text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.admin_set_member_active(p_user_id uuid, p_active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.admin_set_member_active(p_user_id uuid, p_active boolean) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.alert_recipients(p_patient_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.alert_recipients(p_patient_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.appointment_contacts(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.appointment_contacts(p_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.appointment_due_reminders(p_kind text, p_within_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.appointment_due_reminders(p_kind text, p_within_minutes integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.appointment_mark_no_shows(p_grace_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.appointment_mark_no_shows(p_grace_minutes integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.appointment_release_expired_holds() FROM PUBLIC;
GRANT ALL ON FUNCTION public.appointment_release_expired_holds() TO carebridge_system;

REVOKE ALL ON FUNCTION public.appointment_start(p_hospital_id uuid, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.appointment_start(p_hospital_id uuid, p_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.audit_append(p_rows jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_append(p_rows jsonb) TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.audit_event TO carebridge_runtime;

GRANT ALL ON FUNCTION public.audit_canonical(e public.audit_event) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.audit_lock_head(h uuid, OUT seq bigint, OUT hash bytea) FROM PUBLIC;

REVOKE ALL ON FUNCTION public.audit_seal() FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_seal() TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_begin(p_token_hash bytea, p_idle_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_begin(p_token_hash bytea, p_idle_seconds integer) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_change_password(p_password_hash text, p_keep_session bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_change_password(p_password_hash text, p_keep_session bytea) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_complete_password_reset(p_token_hash bytea, p_password_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_complete_password_reset(p_token_hash bytea, p_password_hash text) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_create_session(p_token_hash bytea, p_user_id uuid, p_hospital_id uuid, p_role text, p_absolute_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_create_session(p_token_hash bytea, p_user_id uuid, p_hospital_id uuid, p_role text, p_absolute_seconds integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_epoch_bump(p_hospital uuid, p_user uuid) FROM PUBLIC;

REVOKE ALL ON FUNCTION public.auth_epoch_of(p_hospital uuid, p_user uuid) FROM PUBLIC;

REVOKE ALL ON FUNCTION public.auth_expand_password_resets(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_expand_password_resets(p_limit integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_login_candidates(p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_login_candidates(p_email text) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_open(p_token_hash bytea, p_idle_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_open(p_token_hash bytea, p_idle_seconds integer) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_own_password_hash() FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_own_password_hash() TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_password_reset_email(p_token_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_password_reset_email(p_token_hash bytea) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_register_patient(p_hospital_id uuid, p_user_id uuid, p_new_user boolean, p_email text, p_password_hash text, p_full_name text, p_date_of_birth date, p_phone text, p_patient_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_register_patient(p_hospital_id uuid, p_user_id uuid, p_new_user boolean, p_email text, p_password_hash text, p_full_name text, p_date_of_birth date, p_phone text, p_patient_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_request_password_reset(p_email text, p_token_hash bytea, p_minutes integer, p_subject text, p_text text, p_html text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_request_password_reset(p_email text, p_token_hash bytea, p_minutes integer, p_subject text, p_text text, p_html text) TO carebridge_system;

REVOKE ALL ON FUNCTION public.auth_resume(p_token_hash bytea, p_epoch bigint, p_idle_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_resume(p_token_hash bytea, p_epoch bigint, p_idle_seconds integer) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_revoke_session(p_token_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_revoke_session(p_token_hash bytea) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.auth_sessions_current(p_hashes bytea[], p_epochs bigint[], p_idle_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_sessions_current(p_hashes bytea[], p_epochs bigint[], p_idle_seconds integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.authz_custom_policies() FROM PUBLIC;
GRANT ALL ON FUNCTION public.authz_custom_policies() TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.doctor_busy(p_doctor_id uuid, p_from timestamp with time zone, p_to timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.doctor_busy(p_doctor_id uuid, p_from timestamp with time zone, p_to timestamp with time zone) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.hospital_admin_contacts() FROM PUBLIC;
GRANT ALL ON FUNCTION public.hospital_admin_contacts() TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.hospital_by_slug(p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.hospital_by_slug(p_slug text) TO carebridge_system;

REVOKE ALL ON FUNCTION public.hospital_suspension_ends_sessions() FROM PUBLIC;

REVOKE ALL ON FUNCTION public.inference_claim(p_lease_seconds integer, p_max_attempts integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.inference_claim(p_lease_seconds integer, p_max_attempts integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.inference_finish(p_hospital_id uuid, p_id uuid, p_attempt integer, p_ok boolean, p_result jsonb, p_error text, p_model_version text, p_input_sha256 bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.inference_finish(p_hospital_id uuid, p_id uuid, p_attempt integer, p_ok boolean, p_result jsonb, p_error text, p_model_version text, p_input_sha256 bytea) TO carebridge_system;

REVOKE ALL ON FUNCTION public.inference_input(p_hospital_id uuid, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.inference_input(p_hospital_id uuid, p_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.inference_progress(p_hospital_id uuid, p_id uuid, p_progress real, p_lease_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.inference_progress(p_hospital_id uuid, p_id uuid, p_progress real, p_lease_seconds integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.inference_release(p_hospital_id uuid, p_id uuid, p_attempt integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.inference_release(p_hospital_id uuid, p_id uuid, p_attempt integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.inference_settings(p_kind text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.inference_settings(p_kind text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_seconds integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_now timestamp with time zone, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text, p_now timestamp with time zone, p_seconds integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.login_challenge_done(p_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.login_challenge_done(p_hash bytea) TO carebridge_system;

REVOKE ALL ON FUNCTION public.login_challenge_try(p_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.login_challenge_try(p_hash bytea) TO carebridge_system;

REVOKE ALL ON FUNCTION public.login_challenge_try(p_hash bytea, p_now timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.login_challenge_try(p_hash bytea, p_now timestamp with time zone) TO carebridge_system;

REVOKE ALL ON FUNCTION public.model_active(p_kind text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.model_active(p_kind text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.model_register(p_kind text, p_version text, p_sha256 bytea, p_weights bytea, p_metrics jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.model_register(p_kind text, p_version text, p_sha256 bytea, p_weights bytea, p_metrics jsonb) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.model_set_status(p_kind text, p_version text, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.model_set_status(p_kind text, p_version text, p_status text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.model_weights(p_kind text, p_version text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.model_weights(p_kind text, p_version text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.notification_claim_pushes(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.notification_claim_pushes(p_limit integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.ops_inference_depth() FROM PUBLIC;
GRANT ALL ON FUNCTION public.ops_inference_depth() TO carebridge_system;

REVOKE ALL ON FUNCTION public.ops_outbox_lag(OUT pending bigint, OUT oldest_seconds double precision) FROM PUBLIC;
GRANT ALL ON FUNCTION public.ops_outbox_lag(OUT pending bigint, OUT oldest_seconds double precision) TO carebridge_system;

REVOKE ALL ON FUNCTION public.outbox_claim(p_limit integer, p_lease_seconds integer, p_channels text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.outbox_claim(p_limit integer, p_lease_seconds integer, p_channels text[]) TO carebridge_system;

REVOKE ALL ON FUNCTION public.outbox_release(p_hospital_id uuid, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.outbox_release(p_hospital_id uuid, p_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.outbox_report(p_hospital_id uuid, p_id uuid, p_error text, p_max_attempts integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.outbox_report(p_hospital_id uuid, p_id uuid, p_error text, p_max_attempts integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.patient_in_hospital(p_patient_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.patient_in_hospital(p_patient_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.payment_apply(p_hospital_id uuid, p_payment_id uuid, p_provider text, p_event_id text, p_outcome text, p_amount bigint, p_currency text, p_payment_ref text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_apply(p_hospital_id uuid, p_payment_id uuid, p_provider text, p_event_id text, p_outcome text, p_amount bigint, p_currency text, p_payment_ref text) TO carebridge_system;

REVOKE ALL ON FUNCTION public.payment_by_id(p_hospital_id uuid, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_by_id(p_hospital_id uuid, p_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.payment_by_ref(p_provider text, p_ref text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_by_ref(p_provider text, p_ref text) TO carebridge_system;

REVOKE ALL ON FUNCTION public.payment_mark_refunded(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_mark_refunded(p_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.payment_refund_done(p_hospital_id uuid, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_refund_done(p_hospital_id uuid, p_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.payment_refund_due(p_appointment_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_refund_due(p_appointment_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.payment_set_link(p_hospital_id uuid, p_id uuid, p_ref text, p_url text, p_expires timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payment_set_link(p_hospital_id uuid, p_id uuid, p_ref text, p_url text, p_expires timestamp with time zone) TO carebridge_system;

REVOKE ALL ON FUNCTION public.payments_to_reconcile(p_older_than_seconds integer, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payments_to_reconcile(p_older_than_seconds integer, p_limit integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.payments_to_refund(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.payments_to_refund(p_limit integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.platform_analytics(p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION public.platform_analytics(p_from date, p_to date) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.prescription_code_taken(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.prescription_code_taken(p_code text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.prescription_print(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.prescription_print(p_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.prescription_verify(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.prescription_verify(p_code text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.record_access(p_hospital_id uuid, p_patient_id uuid, p_scope text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.record_access(p_hospital_id uuid, p_patient_id uuid, p_scope text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.record_access_here(p_patient_id uuid, p_scope text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.record_access_here(p_patient_id uuid, p_scope text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.role_granted(p_object text, p_action text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.role_granted(p_object text, p_action text) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.totp_accept_step(p_hospital uuid, p_user uuid, p_step bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_accept_step(p_hospital uuid, p_user uuid, p_step bigint) TO carebridge_system;

REVOKE ALL ON FUNCTION public.totp_confirm(p_step bigint, p_codes bytea[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_confirm(p_step bigint, p_codes bytea[]) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.totp_enrol(p_wrapped bytea, p_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_enrol(p_wrapped bytea, p_version integer) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.totp_for_login(p_hospital uuid, p_user uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_for_login(p_hospital uuid, p_user uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.totp_own() FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_own() TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.totp_reset(p_user uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_reset(p_user uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.totp_use_recovery(p_hospital uuid, p_user uuid, p_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.totp_use_recovery(p_hospital uuid, p_user uuid, p_hash bytea) TO carebridge_system;

REVOKE ALL ON FUNCTION public.upload_intent_forget(p_hospital_id uuid, p_document_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.upload_intent_forget(p_hospital_id uuid, p_document_id uuid) TO carebridge_system;

REVOKE ALL ON FUNCTION public.upload_orphans_claim(p_grace_seconds integer, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.upload_orphans_claim(p_grace_seconds integer, p_limit integer) TO carebridge_system;

REVOKE ALL ON FUNCTION public.user_visible(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.user_visible(p_id uuid) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.ws_ticket_issue(p_ticket_hash bytea, p_session_hash bytea, p_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.ws_ticket_issue(p_ticket_hash bytea, p_session_hash bytea, p_seconds integer) TO carebridge_runtime;

REVOKE ALL ON FUNCTION public.ws_ticket_take(p_ticket_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.ws_ticket_take(p_ticket_hash bytea) TO carebridge_system;

GRANT SELECT,INSERT ON TABLE public.access_grant TO carebridge_runtime;

GRANT UPDATE(revoked_at) ON TABLE public.access_grant TO carebridge_runtime;

GRANT INSERT ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(id) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(email) ON TABLE public.app_user TO carebridge_runtime;

GRANT UPDATE(password_hash) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(full_name),UPDATE(full_name) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(is_super_admin) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(must_change_password),UPDATE(must_change_password) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(language),UPDATE(language) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(active) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(password_changed_at),UPDATE(password_changed_at) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(created_at) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT(timezone),UPDATE(timezone) ON TABLE public.app_user TO carebridge_runtime;

GRANT SELECT,INSERT,UPDATE ON TABLE public.appointment TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.appointment_rating TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.availability TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.availability_exception TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.availability_rule TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.call_event TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE ON TABLE public.care_team TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.chat_message TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.clinical_alert TO carebridge_runtime;

GRANT UPDATE(acknowledged_at) ON TABLE public.clinical_alert TO carebridge_runtime;

GRANT UPDATE(acknowledged_by) ON TABLE public.clinical_alert TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.clinical_note TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.conversation TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.conversation_read TO carebridge_runtime;

GRANT UPDATE(message_id) ON TABLE public.conversation_read TO carebridge_runtime;

GRANT UPDATE(read_at) ON TABLE public.conversation_read TO carebridge_runtime;

GRANT SELECT,INSERT,UPDATE ON TABLE public.doctor TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.document TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.encounter TO carebridge_runtime;

GRANT UPDATE(status) ON TABLE public.encounter TO carebridge_runtime;

GRANT UPDATE(reason) ON TABLE public.encounter TO carebridge_runtime;

GRANT UPDATE(ended_at) ON TABLE public.encounter TO carebridge_runtime;

GRANT SELECT,INSERT,UPDATE ON TABLE public.hospital TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.hospital_key TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.inference_correction TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.inference_job TO carebridge_runtime;

GRANT UPDATE(status) ON TABLE public.inference_job TO carebridge_runtime;

GRANT UPDATE(finished_at) ON TABLE public.inference_job TO carebridge_runtime;

GRANT SELECT,INSERT,UPDATE ON TABLE public.membership TO carebridge_runtime;

GRANT SELECT(kind) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT(version) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT(sha256) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT(metrics) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT(status) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT(created_at) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT(activated_at) ON TABLE public.model_version TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.notification TO carebridge_runtime;

GRANT UPDATE(read_at) ON TABLE public.notification TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.outbox TO carebridge_runtime;

GRANT SELECT,INSERT,UPDATE ON TABLE public.patient TO carebridge_runtime;

GRANT SELECT,INSERT,UPDATE ON TABLE public.payment TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.prescription TO carebridge_runtime;

GRANT UPDATE(status) ON TABLE public.prescription TO carebridge_runtime;

GRANT UPDATE(dispensed_at) ON TABLE public.prescription TO carebridge_runtime;

GRANT UPDATE(dispensed_by) ON TABLE public.prescription TO carebridge_runtime;

GRANT UPDATE(cancelled_at) ON TABLE public.prescription TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE ON TABLE public.role_permission TO carebridge_runtime;

GRANT SELECT,INSERT,DELETE ON TABLE public.upload_intent TO carebridge_runtime;

GRANT SELECT,INSERT ON TABLE public.vital_signs TO carebridge_runtime;
