-- carebridge foundation: hospitals (tenants), global identities, memberships, sessions,
-- doctor and patient profiles, care teams, the audit trail.
--
-- Conventions (checked by tests/api/catalog.rs):
--  * every tenant table has hospital_id NOT NULL leading its primary, unique and foreign keys;
--  * every table has RLS enabled and forced; policies read the request context with
--    nullif(current_setting('app.hospital_id', true), '')::uuid, so no context means no rows;
--  * the runtime role (carebridge_runtime) owns nothing and gets only the grants listed here.
-- Pre-authentication lookups (login, session resolution, self-registration) go through the
-- SECURITY DEFINER functions at the end: the runtime role cannot read sessions or password
-- hashes any other way.

create extension if not exists btree_gist;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'carebridge_runtime') then
    create role carebridge_runtime nologin nosuperuser nobypassrls nocreatedb nocreaterole;
  end if;
end $$;

revoke create on schema public from public;
grant usage on schema public to carebridge_runtime;

-- Tenants. The hospital row is the tenant root: its id is every other table's hospital_id.
create table hospital (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  timezone text not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  appointment_fee bigint not null check (appointment_fee >= 0),
  payment_provider text not null check (payment_provider in ('khalti', 'stripe', 'none')),
  suspended boolean not null default false,
  approval_required boolean not null default true,
  payment_required boolean not null default true,
  ai_assistance boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table hospital enable row level security;
alter table hospital force row level security;
create policy hospital_select on hospital for select using (
  id = nullif(current_setting('app.hospital_id', true), '')::uuid
  or current_setting('app.role', true) = 'super_admin');
create policy hospital_insert on hospital for insert with check (
  current_setting('app.role', true) = 'super_admin');
create policy hospital_update on hospital for update using (
  current_setting('app.role', true) = 'super_admin'
  or (id = nullif(current_setting('app.hospital_id', true), '')::uuid
      and current_setting('app.role', true) = 'hospital_admin'));
grant select, insert, update on hospital to carebridge_runtime;

-- One global identity per person; what they may do lives in membership.
create table app_user (
  id uuid primary key,
  email text not null unique check (email = lower(email) and position('@' in email) > 1),
  password_hash text not null,
  full_name text not null check (length(full_name) between 1 and 200),
  is_super_admin boolean not null default false,
  must_change_password boolean not null default false,
  language text not null default 'en' check (language in ('en', 'ne')),
  active boolean not null default true,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);

-- Membership of a user in a hospital, with one role there (base or custom).
create table membership (
  hospital_id uuid not null references hospital (id),
  user_id uuid not null references app_user (id),
  role text not null check (role ~ '^[a-z][a-z0-9_]{1,40}$' and role <> 'super_admin'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (hospital_id, user_id)
);
create index membership_user on membership (user_id);

create table doctor (
  hospital_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  specialization text not null,
  license_number text not null,
  languages text[] not null default '{}',
  bio text not null default '',
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  unique (hospital_id, user_id),
  unique (hospital_id, id, user_id),
  unique (hospital_id, license_number),
  foreign key (hospital_id, user_id) references membership (hospital_id, user_id)
);

create table patient (
  hospital_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  date_of_birth date,
  phone text,
  sex text check (sex in ('female', 'male', 'other', 'unknown')),
  blood_type text check (blood_type in ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')),
  allergies text not null default '',
  medical_history text not null default '',
  emergency_contact text not null default '',
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  unique (hospital_id, user_id),
  unique (hospital_id, id, user_id),
  foreign key (hospital_id, user_id) references membership (hospital_id, user_id)
);

-- Doctors responsible for a patient. The user ids are carried (and pinned by the composite
-- foreign keys) so that policies on other tables can test care-team membership without
-- recursing into the patient and doctor policies.
create table care_team (
  hospital_id uuid not null,
  patient_id uuid not null,
  doctor_id uuid not null,
  patient_user_id uuid not null,
  doctor_user_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (hospital_id, patient_id, doctor_id),
  foreign key (hospital_id, patient_id, patient_user_id) references patient (hospital_id, id, user_id),
  foreign key (hospital_id, doctor_id, doctor_user_id) references doctor (hospital_id, id, user_id)
);
create index care_team_doctor on care_team (hospital_id, doctor_user_id);

alter table app_user enable row level security;
alter table app_user force row level security;
create policy app_user_select on app_user for select using (
  id = nullif(current_setting('app.user_id', true), '')::uuid
  or exists (
    select 1 from membership m
     where m.user_id = app_user.id
       and m.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and (current_setting('app.role', true) = 'hospital_admin' or m.role <> 'patient'))
  or exists (
    select 1 from care_team ct
     where ct.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and ct.patient_user_id = app_user.id
       and ct.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy app_user_insert on app_user for insert with check (
  not is_super_admin
  and current_setting('app.role', true) in ('super_admin', 'hospital_admin'));
create policy app_user_update on app_user for update using (
  id = nullif(current_setting('app.user_id', true), '')::uuid);
-- No password hashes for the runtime role: login reads them through auth_login_candidates.
grant select (id, email, full_name, is_super_admin, must_change_password, language, active,
              password_changed_at, created_at) on app_user to carebridge_runtime;
grant insert on app_user to carebridge_runtime;
grant update (full_name, language, password_hash, must_change_password, password_changed_at)
  on app_user to carebridge_runtime;

alter table membership enable row level security;
alter table membership force row level security;
create policy membership_select on membership for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or role <> 'patient'
       or exists (
         select 1 from care_team ct
          where ct.hospital_id = membership.hospital_id
            and ct.patient_user_id = membership.user_id
            and ct.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid)));
create policy membership_insert on membership for insert with check (
  (current_setting('app.role', true) = 'super_admin' and role = 'hospital_admin')
  or (hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
      and current_setting('app.role', true) = 'hospital_admin'));
create policy membership_update on membership for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
grant select, insert, update on membership to carebridge_runtime;

alter table doctor enable row level security;
alter table doctor force row level security;
create policy doctor_select on doctor for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy doctor_write on doctor for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
grant select, insert, update on doctor to carebridge_runtime;

alter table patient enable row level security;
alter table patient force row level security;
create policy patient_select on patient for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or (current_setting('app.role', true) = 'patient'
           and user_id = nullif(current_setting('app.user_id', true), '')::uuid)
       or (current_setting('app.role', true) = 'doctor'
           and exists (
             select 1 from care_team ct
              where ct.hospital_id = patient.hospital_id
                and ct.patient_id = patient.id
                and ct.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid))));
create policy patient_insert on patient for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
create policy patient_update on patient for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
grant select, insert, update on patient to carebridge_runtime;

alter table care_team enable row level security;
alter table care_team force row level security;
create policy care_team_select on care_team for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy care_team_write on care_team for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
grant select, insert, delete on care_team to carebridge_runtime;

-- Sessions: opaque tokens stored as SHA-256. Only the definer functions below touch them.
create table auth_session (
  token_hash bytea primary key check (length(token_hash) = 32),
  user_id uuid not null references app_user (id),
  hospital_id uuid references hospital (id),
  role text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index auth_session_user on auth_session (user_id) where revoked_at is null;
create index auth_session_hospital on auth_session (hospital_id) where revoked_at is null;
alter table auth_session enable row level security;
alter table auth_session force row level security;

-- The audit trail: append-only for the runtime role (INSERT and SELECT only).
-- seq/prev_hash/hash are filled by the chain sealer, never by the runtime role.
create table audit_event (
  hospital_id uuid not null references hospital (id),
  id uuid not null,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_role text not null,
  action text not null,
  resource_type text not null,
  resource_id text,
  patient_id uuid,
  purpose text,
  request_id text,
  ip text,
  outcome text not null default 'success' check (outcome in ('success', 'denied', 'failure')),
  seq bigint,
  prev_hash bytea,
  hash bytea,
  primary key (hospital_id, id),
  unique (hospital_id, seq)
);
create index audit_event_patient on audit_event (hospital_id, patient_id, occurred_at);
create index audit_event_time on audit_event (hospital_id, occurred_at);
alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_insert on audit_event for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  or (current_setting('app.role', true) = 'super_admin' and actor_role = 'super_admin'));
create policy audit_event_select on audit_event for select using (
  (hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
   and (current_setting('app.role', true) = 'hospital_admin'
        or (patient_id is not null and exists (
              select 1 from patient p
               where p.hospital_id = audit_event.hospital_id
                 and p.id = audit_event.patient_id
                 and p.user_id = nullif(current_setting('app.user_id', true), '')::uuid))))
  or (current_setting('app.role', true) = 'super_admin' and actor_role = 'super_admin'));
grant select, insert on audit_event to carebridge_runtime;

------------------------------------------------------------------------------------------
-- Pre-authentication entry points (SECURITY DEFINER, owned by the migrating role, which
-- must be a superuser or have BYPASSRLS). Each does one narrow thing.
------------------------------------------------------------------------------------------

-- Public facts about a hospital, by slug (login, registration).
create function hospital_by_slug(p_slug text)
returns table (id uuid, name text, suspended boolean)
language sql stable security definer set search_path = pg_catalog, public as $$
  select h.id, h.name, h.suspended from hospital h where h.slug = p_slug
$$;

-- Every membership of the account with this email (or one row with null hospital for an
-- account that has none), with the password hash to verify.
create function auth_login_candidates(p_email text)
returns table (user_id uuid, password_hash text, is_super_admin boolean, user_active boolean,
               hospital_id uuid, hospital_slug text, hospital_suspended boolean, role text,
               membership_active boolean)
language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id, u.password_hash, u.is_super_admin, u.active,
         m.hospital_id, h.slug, h.suspended, m.role, m.active
    from app_user u
    left join membership m on m.user_id = u.id
    left join hospital h on h.id = m.hospital_id
   where u.email = p_email
$$;

-- Opens a session after the caller verified the password. Refuses (returns null) unless the
-- membership is active in a live hospital, or the user is a super admin without hospital.
create function auth_create_session(p_token_hash bytea, p_user_id uuid, p_hospital_id uuid,
                                    p_role text, p_absolute_seconds integer)
returns timestamptz
language sql volatile security definer set search_path = pg_catalog, public as $$
  insert into auth_session (token_hash, user_id, hospital_id, role, expires_at)
  select p_token_hash, p_user_id, p_hospital_id, p_role,
         now() + make_interval(secs => p_absolute_seconds)
   where exists (
     select 1 from app_user u
      where u.id = p_user_id and u.active
        and ((p_hospital_id is null and u.is_super_admin and p_role = 'super_admin')
             or exists (select 1 from membership m join hospital h on h.id = m.hospital_id
                         where m.user_id = u.id and m.hospital_id = p_hospital_id
                           and m.role = p_role and m.active and not h.suspended)))
  returning expires_at
$$;

-- Resolves a bearer token at the start of a request's transaction and sets the request
-- context (transaction-local) from the session row itself. No row: not authenticated.
create function auth_begin(p_token_hash bytea, p_idle_seconds integer)
returns table (user_id uuid, hospital_id uuid, role text, email text, full_name text,
               must_change_password boolean, hospital_slug text)
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
#variable_conflict use_column
declare
  v record;
begin
  select s.user_id, s.hospital_id, s.role, s.last_seen_at, u.email, u.full_name,
         u.must_change_password, h.slug
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
  -- Idle expiry has minute resolution, so a read only writes the session once a minute.
  if v.last_seen_at < now() - interval '60 seconds' then
    update auth_session set last_seen_at = now() where token_hash = p_token_hash;
  end if;
  perform set_config('app.hospital_id', coalesce(v.hospital_id::text, ''), true);
  perform set_config('app.user_id', v.user_id::text, true);
  perform set_config('app.role', v.role, true);
  return query select v.user_id, v.hospital_id, v.role, v.email, v.full_name,
                      v.must_change_password, v.slug;
end
$$;

create function auth_revoke_session(p_token_hash bytea)
returns void
language sql volatile security definer set search_path = pg_catalog, public as $$
  update auth_session set revoked_at = now() where token_hash = p_token_hash and revoked_at is null
$$;

-- Ends every session of a hospital (suspension). Only inside a super admin's request.
create function auth_revoke_hospital_sessions(p_hospital_id uuid)
returns integer
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  n integer;
begin
  if current_setting('app.role', true) is distinct from 'super_admin' then
    raise exception 'only a super admin may end a hospital''s sessions' using errcode = '42501';
  end if;
  update auth_session set revoked_at = now()
   where hospital_id = p_hospital_id and revoked_at is null;
  get diagnostics n = row_count;
  return n;
end
$$;

-- Self-registration: only ever creates a patient. With p_new_user = false the caller has
-- verified the password of the existing account with this email, which then joins the hospital.
-- Afterwards the transaction carries the new patient's context, for its audit row.
create function auth_register_patient(p_hospital_id uuid, p_user_id uuid, p_new_user boolean,
                                      p_email text, p_password_hash text, p_full_name text,
                                      p_date_of_birth date, p_phone text, p_patient_id uuid)
returns void
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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

revoke all on function hospital_by_slug(text), auth_login_candidates(text),
  auth_create_session(bytea, uuid, uuid, text, integer), auth_begin(bytea, integer),
  auth_revoke_session(bytea), auth_revoke_hospital_sessions(uuid),
  auth_register_patient(uuid, uuid, boolean, text, text, text, date, text, uuid) from public;
grant execute on function hospital_by_slug(text), auth_login_candidates(text),
  auth_create_session(bytea, uuid, uuid, text, integer), auth_begin(bytea, integer),
  auth_revoke_session(bytea), auth_revoke_hospital_sessions(uuid),
  auth_register_patient(uuid, uuid, boolean, text, text, text, date, text, uuid)
  to carebridge_runtime;
