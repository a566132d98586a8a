-- Custom roles (casbin policies per hospital), the audit hash chain, account administration.

-- A hospital's custom roles and what they may do. Base roles live in policies/policy.csv.
create table role_permission (
  hospital_id uuid not null references hospital (id),
  role text not null check (role ~ '^[a-z][a-z0-9_]{1,40}$'
                            and role not in ('super_admin', 'hospital_admin', 'doctor', 'patient')),
  object text not null check (object ~ '^[a-z_]{1,40}$'),
  action text not null check (action ~ '^[a-z_]{1,40}$'),
  created_at timestamptz not null default now(),
  primary key (hospital_id, role, object, action)
);
alter table role_permission enable row level security;
alter table role_permission force row level security;
create policy role_permission_select on role_permission for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy role_permission_write on role_permission for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');
grant select, insert, delete on role_permission to carebridge_runtime;

-- Every instance's enforcer loads all hospitals' custom roles (configuration, not PHI).
create function authz_custom_policies()
returns table (hospital_id uuid, role text, object text, action text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select hospital_id, role, object, action from role_permission order by 1, 2, 3, 4
$$;

-- The audit chain. Each sealed event stores seq (1, 2, ... per hospital), the hash of its
-- predecessor (32 zero bytes for the first) and hash = sha256(prev_hash || sha256(canonical)).
-- audit_head keeps the newest seq and hash, so that deleting the tail is detected too.
create table audit_head (
  hospital_id uuid primary key references hospital (id),
  seq bigint not null,
  hash bytea not null
);
alter table audit_head enable row level security;
alter table audit_head force row level security;

-- The canonical text of an event's content: a JSON array in a fixed order.
create function audit_canonical(e audit_event)
returns text
language sql immutable set search_path = pg_catalog, public as $$
  select jsonb_build_array(
    e.hospital_id, e.id,
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_user_id, e.actor_role, e.action, e.resource_type, e.resource_id, e.patient_id,
    e.purpose, e.request_id, e.ip, e.outcome, e.seq)::text
$$;

-- Links one event into its hospital's chain (the caller holds the head row lock).
create function audit_link(e audit_event, prev_seq bigint, prev_hash bytea)
returns audit_event
language plpgsql immutable set search_path = pg_catalog, public as $$
begin
  e.seq := prev_seq + 1;
  e.prev_hash := prev_hash;
  e.hash := sha256(prev_hash || sha256(convert_to(audit_canonical(e), 'UTF8')));
  return e;
end
$$;

-- Locks and returns a hospital's chain head, creating it at seq 0.
create function audit_lock_head(h uuid, out seq bigint, out hash bytea)
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  insert into audit_head (hospital_id, seq, hash)
  values (h, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
  on conflict (hospital_id) do nothing;
  select a.seq, a.hash into seq, hash from audit_head a where a.hospital_id = h for update;
end
$$;

-- Appends a batch of events (the group-committed read audits of any hospitals) to their
-- hospitals' chains, computing each link as it inserts: no event is ever updated. One
-- statement, so the writer runs it in autocommit: one round trip and one flush per batch.
-- Heads are locked in hospital order, so concurrent batches cannot deadlock.
create function audit_append(p_rows jsonb)
returns integer
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  h uuid;
  head record;
  e audit_event;
  linked audit_event[] := '{}';
begin
  for h in select distinct r.hospital_id from jsonb_populate_recordset(null::audit_event, p_rows) r
            order by 1 loop
    select * into head from audit_lock_head(h);
    for e in select * from jsonb_populate_recordset(null::audit_event, p_rows) r
              where r.hospital_id = h loop
      -- The same link as audit_link, inlined: this runs for every audited read.
      e.seq := head.seq + 1;
      e.prev_hash := head.hash;
      e.hash := sha256(head.hash || sha256(convert_to(audit_canonical(e), 'UTF8')));
      head.seq := e.seq;
      head.hash := e.hash;
      linked := linked || e;
    end loop;
    update audit_head set seq = head.seq, hash = head.hash where hospital_id = h;
  end loop;
  insert into audit_event select * from unnest(linked);
  return cardinality(linked);
end
$$;

-- Seals events that were inserted unsealed (audits written in the transaction of a change),
-- hospital by hospital, in (occurred_at, id) order.
create function audit_seal()
returns integer
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  h uuid;
  head record;
  e audit_event;
  sealed integer := 0;
begin
  for h in select distinct a.hospital_id from audit_event a where a.seq is null loop
    select * into head from audit_lock_head(h);
    for e in select * from audit_event a where a.hospital_id = h and a.seq is null
              order by a.occurred_at, a.id for update loop
      e := audit_link(e, head.seq, head.hash);
      update audit_event set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash
       where hospital_id = h and id = e.id;
      head.seq := e.seq;
      head.hash := e.hash;
      sealed := sealed + 1;
    end loop;
    update audit_head set seq = head.seq, hash = head.hash where hospital_id = h;
  end loop;
  return sealed;
end
$$;

-- Listing is by id; the time index only slowed every insert.
drop index audit_event_time;

-- Admin-initiated password reset: only for accounts that belong to the caller's hospital
-- alone (a shared identity's password is not one hospital's to reset). Ends the sessions.
create function admin_reset_password(p_user_id uuid, p_password_hash text)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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

-- Deactivating or reactivating a member of the caller's hospital; deactivation ends the
-- member's sessions in that hospital.
create function admin_set_member_active(p_user_id uuid, p_active boolean)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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

-- A user changes their own password (after verifying the current one): every session ends
-- except, optionally, the one making the change.
create function auth_change_password(p_password_hash text, p_keep_session bytea)
returns void
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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

-- The caller's own password hash, to verify the current password before a change.
create function auth_own_password_hash()
returns text
language sql stable security definer set search_path = pg_catalog, public as $$
  select password_hash from app_user where id = nullif(current_setting('app.user_id', true), '')::uuid
$$;

revoke all on function authz_custom_policies(), audit_seal(), audit_append(jsonb),
  audit_lock_head(uuid), admin_reset_password(uuid, text),
  admin_set_member_active(uuid, boolean), auth_change_password(text, bytea),
  auth_own_password_hash() from public;
grant execute on function authz_custom_policies(), audit_seal(), audit_append(jsonb), admin_reset_password(uuid, text),
  admin_set_member_active(uuid, boolean), auth_change_password(text, bytea),
  auth_own_password_hash() to carebridge_runtime;
grant execute on function audit_canonical(audit_event) to carebridge_runtime;

-- The access log: care-team doctors may also read who accessed their patient's record.
drop policy audit_event_select on audit_event;
create policy audit_event_select on audit_event for select using (
  (hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
   and (current_setting('app.role', true) = 'hospital_admin'
        or (patient_id is not null and exists (
              select 1 from patient p
               where p.hospital_id = audit_event.hospital_id
                 and p.id = audit_event.patient_id
                 and p.user_id = nullif(current_setting('app.user_id', true), '')::uuid))
        or (patient_id is not null and current_setting('app.role', true) = 'doctor' and exists (
              select 1 from care_team ct
               where ct.hospital_id = audit_event.hospital_id
                 and ct.patient_id = audit_event.patient_id
                 and ct.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid))))
  or (current_setting('app.role', true) = 'super_admin' and actor_role = 'super_admin'));
