-- 0024: a sign-in challenge's lifetime is measured on the server's clock (`p_now`), the one the
-- codes are checked against, not the database's `now()`; so tests hold one clock for both.

-- The previous signatures stay for now: during a rolling deploy the instances not yet restarted
-- still call them. A later migration drops them once no build calls them.

create function login_challenge_create(p_hash bytea, p_user uuid, p_hospital uuid, p_role text,
                                       p_now timestamptz, p_seconds integer) returns void
language sql security definer set search_path = pg_catalog, public as $$
  delete from login_challenge where expires_at < p_now;
  insert into login_challenge (token_hash, user_id, hospital_id, role, expires_at)
  values (p_hash, p_user, p_hospital, p_role, p_now + make_interval(secs => p_seconds));
$$;

-- Counts a try of a challenge and answers whose it is, while unexpired at `p_now` and under
-- five tries.
create function login_challenge_try(p_hash bytea, p_now timestamptz)
returns table (user_id uuid, hospital_id uuid, role text)
language sql security definer set search_path = pg_catalog, public as $$
  update login_challenge set attempts = attempts + 1
   where token_hash = p_hash and expires_at > p_now and attempts < 5
  returning user_id, hospital_id, role
$$;

do $$
declare
  f regprocedure;
begin
  for f in select unnest(array['login_challenge_create(bytea, uuid, uuid, text, timestamptz, integer)',
                               'login_challenge_try(bytea, timestamptz)']::regprocedure[])
  loop
    execute format('revoke all on function %s from public, carebridge_runtime', f);
    execute format('grant execute on function %s to carebridge_system', f);
  end loop;
end
$$;
