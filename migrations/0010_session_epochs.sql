-- Session epochs: what lets the server keep a checked session in memory and still never act on
-- one that has since been revoked or changed.
--
-- auth_begin joins the session, the user, the hospital and the membership on every request:
-- about a quarter of PostgreSQL's time on an authenticated read. A server now remembers what a
-- full check (auth_open) answered, with the epoch of the caller's membership (hospital, user) at
-- that moment, and later requests set their context with auth_resume, which only looks up that
-- epoch. Every change that could end or alter a session (revocation, logout, a user deactivated
-- or renamed, a membership changed, a hospital suspended) bumps the epochs of the memberships it
-- touches, in the same transaction, so the next auth_resume of any remembered session there fails
-- and the server checks it in full again. auth_resume reads the epoch in the transaction of the
-- request's own work, before it, so no request runs in a context that a committed change has
-- ended. Epochs are per membership so that one user's logout sends only that user's remembered
-- sessions back to a full check, not everyone's in the hospital.

-- One counter per membership; the nil uuid stands for the hospital of sessions that have none
-- (super admins). A membership without a row is at epoch 0.
create table auth_epoch (
  hospital_id uuid not null,
  user_id uuid not null,
  n bigint not null,
  primary key (hospital_id, user_id)
);
-- Read and written only through the functions below (security definer).
alter table auth_epoch enable row level security;
alter table auth_epoch force row level security;

create function auth_epoch_key(p_hospital uuid)
returns uuid
language sql immutable as $$
  select coalesce(p_hospital, '00000000-0000-0000-0000-000000000000'::uuid)
$$;

-- Bumps the epochs of the memberships (p_hospitals[i], p_users[i]); rows are locked in key order,
-- so concurrent bumps cannot deadlock.
create function auth_epoch_bump(p_hospitals uuid[], p_users uuid[])
returns void
language sql volatile security definer set search_path = pg_catalog, public as $$
  insert into auth_epoch (hospital_id, user_id, n)
  select distinct auth_epoch_key(h), u, 1 from unnest(p_hospitals, p_users) as k(h, u)
   order by 1, 2
  on conflict (hospital_id, user_id) do update set n = auth_epoch.n + 1
$$;
revoke all on function auth_epoch_bump(uuid[], uuid[]) from public;

-- The full check: auth_begin's answer, plus the epoch of the caller's membership it was made at
-- and how long (ms) the session stays valid without another full check (idle and absolute
-- expiry). The epoch is read before the session, in an earlier snapshot: a change that commits
-- between the two is seen by the session lookup or, if not, has bumped the epoch past the one
-- returned.
create function auth_open(p_token_hash bytea, p_idle_seconds integer)
returns table (user_id uuid, hospital_id uuid, role text, email text, full_name text,
               must_change_password boolean, hospital_slug text, epoch bigint,
               valid_ms bigint)
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
#variable_conflict use_column
declare
  v record;
  v_epoch bigint;
  v_seen timestamptz;
begin
  v_epoch := coalesce((select e.n from auth_session s
                          join auth_epoch e on e.hospital_id = auth_epoch_key(s.hospital_id)
                                           and e.user_id = s.user_id
                        where s.token_hash = p_token_hash), 0);
  select s.user_id, s.hospital_id, s.role, s.last_seen_at, s.expires_at, u.email, u.full_name,
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
  v_seen := v.last_seen_at;
  -- Idle expiry has minute resolution, so a session is written at most once a minute.
  if v.last_seen_at < now() - interval '60 seconds' then
    update auth_session set last_seen_at = now() where token_hash = p_token_hash;
    v_seen := now();
  end if;
  perform set_config('app.hospital_id', coalesce(v.hospital_id::text, ''), true);
  perform set_config('app.user_id', v.user_id::text, true);
  perform set_config('app.role', v.role, true);
  return query select v.user_id, v.hospital_id, v.role, v.email, v.full_name,
                      v.must_change_password, v.slug,
                      v_epoch,
                      greatest(0, floor(extract(epoch from
                        least(v.expires_at, v_seen + make_interval(secs => p_idle_seconds))
                        - now()) * 1000))::bigint;
end
$$;

-- A remembered session: sets the context and answers true only while the epoch of the caller's
-- membership is still the one its full check saw; otherwise sets nothing (no context, no rows)
-- and answers false.
create function auth_resume(p_hospital uuid, p_user uuid, p_role text, p_epoch bigint)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  if coalesce((select e.n from auth_epoch e
                 where e.hospital_id = auth_epoch_key(p_hospital) and e.user_id = p_user), 0)
     <> p_epoch then
    return false;
  end if;
  perform set_config('app.hospital_id', coalesce(p_hospital::text, ''), true);
  perform set_config('app.user_id', p_user::text, true);
  perform set_config('app.role', p_role, true);
  return true;
end
$$;

revoke all on function auth_open(bytea, integer), auth_resume(uuid, uuid, text, bigint)
  from public;
grant execute on function auth_open(bytea, integer), auth_resume(uuid, uuid, text, bigint)
  to carebridge_runtime;

-- What bumps the epochs. Row triggers with column lists and WHEN clauses, so that the writes that
-- change nothing a session depends on (a session's last use, a profile's language) cost nothing.
create function auth_epoch_session_changed()
returns trigger
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  perform auth_epoch_bump(array[old.hospital_id], array[old.user_id]);
  return null;
end
$$;
create trigger auth_session_epoch after update of revoked_at, expires_at, role, hospital_id, user_id
  on auth_session for each row
  when (old.revoked_at is distinct from new.revoked_at
        or old.expires_at is distinct from new.expires_at
        or old.role is distinct from new.role
        or old.hospital_id is distinct from new.hospital_id
        or old.user_id is distinct from new.user_id)
  execute function auth_epoch_session_changed();
create trigger auth_session_epoch_delete after delete on auth_session
  for each row execute function auth_epoch_session_changed();

-- A user's change reaches their membership of every hospital, and sessions of no hospital.
create function auth_epoch_user_changed()
returns trigger
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_hospitals uuid[] := array(select m.hospital_id from membership m where m.user_id = old.id)
                        || null::uuid;
begin
  perform auth_epoch_bump(v_hospitals, array_fill(old.id, array[cardinality(v_hospitals)]));
  return null;
end
$$;
create trigger app_user_epoch after update of active, is_super_admin, must_change_password, email,
  full_name on app_user for each row
  when (old.active is distinct from new.active
        or old.is_super_admin is distinct from new.is_super_admin
        or old.must_change_password is distinct from new.must_change_password
        or old.email is distinct from new.email
        or old.full_name is distinct from new.full_name)
  execute function auth_epoch_user_changed();
create trigger app_user_epoch_delete after delete on app_user
  for each row execute function auth_epoch_user_changed();

create function auth_epoch_hospital_changed()
returns trigger
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v_users uuid[] := array(select m.user_id from membership m where m.hospital_id = old.id);
begin
  perform auth_epoch_bump(array_fill(old.id, array[cardinality(v_users)]), v_users);
  return null;
end
$$;
create trigger hospital_epoch after update of suspended, slug on hospital for each row
  when (old.suspended is distinct from new.suspended or old.slug is distinct from new.slug)
  execute function auth_epoch_hospital_changed();
create trigger hospital_epoch_delete after delete on hospital
  for each row execute function auth_epoch_hospital_changed();

create function auth_epoch_membership_changed()
returns trigger
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  perform auth_epoch_bump(array[old.hospital_id], array[old.user_id]);
  return null;
end
$$;
create trigger membership_epoch after update on membership for each row
  when (old is distinct from new)
  execute function auth_epoch_membership_changed();
create trigger membership_epoch_delete after delete on membership
  for each row execute function auth_epoch_membership_changed();
