-- 0022: what a draining instance and /metrics need from the system role.

-- A draining instance hands back the outbox messages it claimed and has not sent: claimable
-- again at once (instead of when the lease runs out), and the attempt it had counted is undone
-- (nothing was tried). Only rows still under a lease, so a message reported meanwhile stays so.
create function outbox_release(p_hospital_id uuid, p_id uuid) returns boolean
language sql security definer set search_path = pg_catalog, public as $$
  with u as (
    update outbox set locked_until = null, attempts = greatest(attempts - 1, 0)
     where hospital_id = p_hospital_id and id = p_id and status = 'pending'
       and locked_until is not null
    returning 1)
  select exists (select 1 from u)
$$;
revoke all on function outbox_release(uuid, uuid) from public, carebridge_runtime;
grant execute on function outbox_release(uuid, uuid) to carebridge_system;

-- A draining instance hands back the inference job it runs: queued again at once, its attempt
-- undone. Only while it is still this claim's (running, same attempt).
create function inference_release(p_hospital_id uuid, p_id uuid, p_attempt integer) returns boolean
language sql security definer set search_path = pg_catalog, public as $$
  with u as (
    update inference_job set status = 'queued', attempts = greatest(attempts - 1, 0),
                             progress = 0, leased_until = null
     where hospital_id = p_hospital_id and id = p_id and status = 'running'
       and attempts = p_attempt
    returning 1)
  select exists (select 1 from u)
$$;
revoke all on function inference_release(uuid, uuid, integer) from public, carebridge_runtime;
grant execute on function inference_release(uuid, uuid, integer) to carebridge_system;

-- For /metrics: inference jobs queued and running per hospital (ids only, no names).
create function ops_inference_depth()
returns table (hospital_id uuid, queued bigint, running bigint)
language sql stable security definer set search_path = pg_catalog, public as $$
  select j.hospital_id, count(*) filter (where j.status = 'queued'),
         count(*) filter (where j.status = 'running')
    from inference_job j where j.status in ('queued', 'running')
   group by j.hospital_id
$$;
revoke all on function ops_inference_depth() from public, carebridge_runtime;
grant execute on function ops_inference_depth() to carebridge_system;

-- For /metrics: pending outbox messages and the age of the oldest one (the outbox's lag).
create function ops_outbox_lag(out pending bigint, out oldest_seconds double precision)
language sql stable security definer set search_path = pg_catalog, public as $$
  select count(*), coalesce(extract(epoch from now() - min(o.created_at))::double precision, 0)
    from outbox o where o.status = 'pending'
$$;
revoke all on function ops_outbox_lag() from public, carebridge_runtime;
grant execute on function ops_outbox_lag() to carebridge_system;
