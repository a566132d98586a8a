-- Session epochs: what lets the server keep a checked session in memory and still never act on
-- one that has since been revoked or changed.
--
-- auth_begin joins the session, the user, the hospital and the membership on every request:
-- about a quarter of PostgreSQL's time on an authenticated read. A server now remembers what a
-- full check (auth_open) answered, with the session's epoch at that moment, and later requests
-- set their context with auth_resume, which only looks that epoch up again. Every change that
-- could end or alter a session bumps a counter the epoch is made of, in the same transaction, so
-- the next auth_resume of any remembered session it touches fails and the server checks it in
-- full again. auth_resume runs in the transaction of the request's own work, before it, so no
-- request runs in a context that a committed change has ended.
--
-- A session's epoch is the sum of three counters, each bumped by the changes at its level:
--   (hospital, user)  the membership: its sessions revoked or expired, the membership changed;
--   (hospital, nil)   the hospital: suspended, renamed (slug), deleted;
--   (nil, user)       the user: deactivated, renamed, must change their password, super admin or not.
-- Sessions of no hospital (super admins) use nil for the hospital. Counters only grow, so any bump
-- changes the sum. A hospital- or user-wide change is one bump, whatever memberships exist or are
-- being created meanwhile, and one user's logout sends no one else's sessions to a full check.

create table auth_epoch (
  hospital_id uuid not null,
  user_id uuid not null,
  n bigint not null,
  primary key (hospital_id, user_id)
);
-- Read and written only through the functions below (security definer).
alter table auth_epoch enable row level security;
alter table auth_epoch force row level security;

create function auth_epoch_nil()
returns uuid
language sql immutable as $$
  select '00000000-0000-0000-0000-000000000000'::uuid
$$;

-- The epoch of a session of user p_user in hospital p_hospital (null: none). PL/pgSQL keeps
-- the query's plan for the session; a SQL function would be planned on every call.
create function auth_epoch_of(p_hospital uuid, p_user uuid)
returns bigint
language plpgsql stable security definer set search_path = pg_catalog, public as $$
begin
  return (select coalesce(sum(e.n), 0)::bigint
            from auth_epoch e
           where (e.hospital_id = coalesce(p_hospital, auth_epoch_nil())
                  and e.user_id in (p_user, auth_epoch_nil()))
              or (e.hospital_id = auth_epoch_nil() and e.user_id = p_user));
end
$$;
revoke all on function auth_epoch_of(uuid, uuid) from public;

create function auth_epoch_bump(p_hospital uuid, p_user uuid)
returns void
language sql volatile security definer set search_path = pg_catalog, public as $$
  insert into auth_epoch (hospital_id, user_id, n)
  values (coalesce(p_hospital, auth_epoch_nil()), coalesce(p_user, auth_epoch_nil()), 1)
  on conflict (hospital_id, user_id) do update set n = auth_epoch.n + 1
$$;
revoke all on function auth_epoch_bump(uuid, uuid) from public;

-- The full check: auth_begin's answer, plus the session's epoch and how long (ms) the session
-- stays valid without another full check (idle and absolute expiry). The epoch is read before the
-- session, in an earlier snapshot: a change that commits between the two is seen by the session
-- lookup or, if not, has bumped the epoch past the one returned. How long it stays valid counts
-- from the session's last use as committed before this check, never from the refresh this check
-- makes, which the request's transaction may still roll back.
create function auth_open(p_token_hash bytea, p_idle_seconds integer)
returns table (user_id uuid, hospital_id uuid, role text, email text, full_name text,
               must_change_password boolean, hospital_slug text, epoch bigint,
               valid_ms bigint)
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
#variable_conflict use_column
declare
  v record;
  v_epoch bigint;
begin
  v_epoch := (select auth_epoch_of(s.hospital_id, s.user_id) from auth_session s
               where s.token_hash = p_token_hash);
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
                        - now()) * 1000))::bigint;
end
$$;

-- A remembered session: sets the context and answers true only while the session's epoch is
-- still the one its full check saw; otherwise sets nothing (no context, no rows) and answers
-- false.
create function auth_resume(p_hospital uuid, p_user uuid, p_role text, p_epoch bigint)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  -- auth_epoch_of's sum, inlined: this runs on every request, and a nested call cost about
  -- 5 microseconds more (pgbench).
  if (select coalesce(sum(e.n), 0)::bigint
        from auth_epoch e
       where (e.hospital_id = coalesce(p_hospital, auth_epoch_nil())
              and e.user_id in (p_user, auth_epoch_nil()))
          or (e.hospital_id = auth_epoch_nil() and e.user_id = p_user)) <> p_epoch then
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

-- What bumps the counters: one trigger function, told by its argument which counter a table's
-- rows stand for. Row triggers with column lists and WHEN clauses, so that the writes that change
-- nothing a session depends on (a session's last use, a profile's language) cost nothing.
create function auth_epoch_changed()
returns trigger
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  case tg_argv[0]
    when 'membership' then perform auth_epoch_bump(old.hospital_id, old.user_id);
    when 'hospital' then perform auth_epoch_bump(old.id, null);
    when 'user' then perform auth_epoch_bump(null, old.id);
  end case;
  return null;
end
$$;

-- A session revoked, expired or altered, and a membership changed or gone: that membership.
create trigger auth_session_epoch after update of revoked_at, expires_at, role, hospital_id, user_id
  on auth_session for each row
  when (old.revoked_at is distinct from new.revoked_at
        or old.expires_at is distinct from new.expires_at
        or old.role is distinct from new.role
        or old.hospital_id is distinct from new.hospital_id
        or old.user_id is distinct from new.user_id)
  execute function auth_epoch_changed('membership');
create trigger auth_session_epoch_delete after delete on auth_session
  for each row execute function auth_epoch_changed('membership');
create trigger membership_epoch after update on membership for each row
  when (old is distinct from new)
  execute function auth_epoch_changed('membership');
create trigger membership_epoch_delete after delete on membership
  for each row execute function auth_epoch_changed('membership');

-- A user deactivated, renamed, told to change their password, made or unmade super admin.
create trigger app_user_epoch after update of active, is_super_admin, must_change_password, email,
  full_name on app_user for each row
  when (old.active is distinct from new.active
        or old.is_super_admin is distinct from new.is_super_admin
        or old.must_change_password is distinct from new.must_change_password
        or old.email is distinct from new.email
        or old.full_name is distinct from new.full_name)
  execute function auth_epoch_changed('user');
create trigger app_user_epoch_delete after delete on app_user
  for each row execute function auth_epoch_changed('user');

-- A hospital suspended, renamed or gone.
create trigger hospital_epoch after update of suspended, slug on hospital for each row
  when (old.suspended is distinct from new.suspended or old.slug is distinct from new.slug)
  execute function auth_epoch_changed('hospital');
create trigger hospital_epoch_delete after delete on hospital
  for each row execute function auth_epoch_changed('hospital');

-- auth_begin (still used at login, to enter the new session's context) is now auth_open without
-- the epoch: the rules of a valid session live in one place.
create or replace function auth_begin(p_token_hash bytea, p_idle_seconds integer)
returns table (user_id uuid, hospital_id uuid, role text, email text, full_name text,
               must_change_password boolean, hospital_slug text)
language sql volatile security definer set search_path = pg_catalog, public as $$
  select o.user_id, o.hospital_id, o.role, o.email, o.full_name, o.must_change_password,
         o.hospital_slug
    from auth_open(p_token_hash, p_idle_seconds) o
$$;

-- TRUNCATE of these tables (an operator ending every session at once) bumps nothing row by row:
-- it is refused for the tables sessions depend on, so that sessions end through updates the
-- triggers see (auth_revoke_session, auth_revoke_hospital_sessions, deactivation).
create function auth_epoch_refuse_truncate()
returns trigger
language plpgsql as $$
begin
  raise exception 'end sessions by revoking them (update revoked_at), not by TRUNCATE: servers remember checked sessions'
    using errcode = '0A000';
end
$$;
create trigger auth_session_no_truncate before truncate on auth_session
  for each statement execute function auth_epoch_refuse_truncate();
create trigger membership_no_truncate before truncate on membership
  for each statement execute function auth_epoch_refuse_truncate();
