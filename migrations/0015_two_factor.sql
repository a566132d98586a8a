-- 0015: two-factor sign-in (TOTP, RFC 6238). A second factor belongs to a membership (a
-- hospital and a user; the platform, auth_epoch_nil(), for a super admin), so each hospital's
-- admin resets only their own members' and a secret is encrypted with that hospital's key.
-- Only the functions below touch these tables (RLS forced, no policies).

create table totp_credential (
  hospital_id uuid not null,
  user_id uuid not null references app_user(id),
  -- The secret, wrapped with the hospital's key at `key_version` (0: the master key).
  secret_wrapped bytea not null,
  key_version integer not null,
  confirmed_at timestamptz,
  -- The newest time step accepted: a code (and any older one) is accepted once.
  last_step bigint not null default 0,
  created_at timestamptz not null default now(),
  primary key (hospital_id, user_id)
);
alter table totp_credential enable row level security;
alter table totp_credential force row level security;

create table totp_recovery_code (
  hospital_id uuid not null,
  user_id uuid not null,
  code_hash bytea not null check (length(code_hash) = 32),
  used_at timestamptz,
  primary key (hospital_id, user_id, code_hash),
  foreign key (hospital_id, user_id) references totp_credential (hospital_id, user_id) on delete cascade
);
alter table totp_recovery_code enable row level security;
alter table totp_recovery_code force row level security;

-- The password step's answer when a second factor is on: single use, five minutes, five tries.
create table login_challenge (
  token_hash bytea primary key check (length(token_hash) = 32),
  user_id uuid not null references app_user(id),
  hospital_id uuid references hospital(id),
  role text not null,
  expires_at timestamptz not null,
  attempts integer not null default 0
);
alter table login_challenge enable row level security;
alter table login_challenge force row level security;

-- The caller's membership key: the context's hospital, or the platform for a super admin.
create function totp_owner() returns uuid
language sql stable as $$
  select coalesce(nullif(pg_catalog.current_setting('app.hospital_id', true), '')::uuid,
                  public.auth_epoch_nil())
$$;

-- Starts (or restarts) the caller's enrolment; 'P0004' when a confirmed one exists.
create function totp_enrol(p_wrapped bytea, p_version integer) returns void
language plpgsql security definer set search_path = pg_catalog, public as $$
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

-- The caller's own credential (pending or confirmed).
create function totp_own() returns table (secret_wrapped bytea, key_version integer,
                                          confirmed boolean, last_step bigint)
language sql stable security definer set search_path = pg_catalog, public as $$
  select c.secret_wrapped, c.key_version, c.confirmed_at is not null, c.last_step
    from totp_credential c
   where c.hospital_id = totp_owner()
     and c.user_id = nullif(current_setting('app.user_id', true), '')::uuid
$$;

-- Confirms the caller's pending enrolment with the step of its first code, and stores the
-- recovery codes' hashes; false when there is nothing pending.
create function totp_confirm(p_step bigint, p_codes bytea[]) returns boolean
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
begin
  update totp_credential set confirmed_at = now(), last_step = p_step
   where hospital_id = totp_owner() and user_id = v_user and confirmed_at is null;
  if not found then
    return false;
  end if;
  delete from totp_recovery_code where hospital_id = totp_owner() and user_id = v_user;
  insert into totp_recovery_code (hospital_id, user_id, code_hash)
  select totp_owner(), v_user, h from unnest(p_codes) as h;
  return true;
end
$$;

-- A hospital admin clears a member's second factor and ends their sessions there; false when
-- the user has no second factor at the admin's hospital (or is no member of it).
create function totp_reset(p_user uuid) returns boolean
language plpgsql security definer set search_path = pg_catalog, public as $$
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

do $$
declare
  f regprocedure;
begin
  for f in select unnest(array['totp_enrol(bytea, integer)', 'totp_own()',
                               'totp_confirm(bigint, bytea[])', 'totp_reset(uuid)']::regprocedure[])
  loop
    execute format('revoke all on function %s from public', f);
    execute format('grant execute on function %s to carebridge_runtime', f);
  end loop;
end
$$;

-- The sign-in steps (before any session: the system role only).

-- A membership's confirmed credential, for the password step and the code step.
create function totp_for_login(p_hospital uuid, p_user uuid)
returns table (secret_wrapped bytea, key_version integer, last_step bigint)
language sql stable security definer set search_path = pg_catalog, public as $$
  select c.secret_wrapped, c.key_version, c.last_step from totp_credential c
   where c.hospital_id = coalesce(p_hospital, auth_epoch_nil()) and c.user_id = p_user
     and c.confirmed_at is not null
$$;

create function login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text,
                                       p_seconds integer) returns void
language sql security definer set search_path = pg_catalog, public as $$
  delete from login_challenge where expires_at < now();
  insert into login_challenge (token_hash, user_id, hospital_id, role, expires_at)
  values (p_hash, p_user, p_hospital, p_role, now() + make_interval(secs => p_seconds));
$$;

-- Counts a try of a challenge and answers whose it is, while unexpired and under five tries.
create function login_challenge_try(p_hash bytea)
returns table (user_id uuid, hospital_id uuid, role text)
language sql security definer set search_path = pg_catalog, public as $$
  update login_challenge set attempts = attempts + 1
   where token_hash = p_hash and expires_at > now() and attempts < 5
  returning user_id, hospital_id, role
$$;

create function login_challenge_done(p_hash bytea) returns void
language sql security definer set search_path = pg_catalog, public as $$
  delete from login_challenge where token_hash = p_hash
$$;

-- Accepts a code's step once: true only when it is newer than every step accepted before.
create function totp_accept_step(p_hospital uuid, p_user uuid, p_step bigint) returns boolean
language sql security definer set search_path = pg_catalog, public as $$
  with done as (
    update totp_credential set last_step = p_step
     where hospital_id = coalesce(p_hospital, auth_epoch_nil()) and user_id = p_user
       and confirmed_at is not null and last_step < p_step
    returning 1)
  select exists (select 1 from done)
$$;

-- Uses a recovery code up: true the first time only.
create function totp_use_recovery(p_hospital uuid, p_user uuid, p_hash bytea) returns boolean
language sql security definer set search_path = pg_catalog, public as $$
  with done as (
    update totp_recovery_code set used_at = now()
     where hospital_id = coalesce(p_hospital, auth_epoch_nil()) and user_id = p_user
       and code_hash = p_hash and used_at is null
    returning 1)
  select exists (select 1 from done)
$$;

do $$
declare
  f regprocedure;
begin
  for f in select unnest(array['totp_for_login(uuid, uuid)',
                               'login_challenge_create(bytea, uuid, uuid, text, integer)',
                               'login_challenge_try(bytea)', 'login_challenge_done(bytea)',
                               'totp_accept_step(uuid, uuid, bigint)',
                               'totp_use_recovery(uuid, uuid, bytea)']::regprocedure[])
  loop
    execute format('revoke all on function %s from public, carebridge_runtime', f);
    execute format('grant execute on function %s to carebridge_system', f);
  end loop;
end
$$;
