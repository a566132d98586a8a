-- ML assistance: a model registry, a fair per-hospital inference queue, results and doctors'
-- corrections (kept as training labels).

-- Per-feature switches and the daily quota (hospital admins set them).
alter table hospital
  add column ai_sleep_staging boolean not null default true,
  add column ai_chest_xray boolean not null default true,
  add column inference_daily_quota integer not null default 500 check (inference_daily_quota >= 0),
  add column inference_concurrency integer not null default 2 check (inference_concurrency between 1 and 64);

-- Model versions, platform-wide (not tenant data). Weights are small and live here, so every
-- instance serves the same bytes; `sha256` names them.
create table model_version (
  kind text not null check (kind in ('sleep_staging', 'chest_xray')),
  version text not null check (version ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  sha256 bytea not null,
  weights bytea not null,
  metrics jsonb not null default '{}',
  status text not null default 'shadow' check (status in ('shadow', 'active', 'retired')),
  created_at timestamptz not null default now(),
  activated_at timestamptz,
  primary key (kind, version)
);
create unique index model_version_one_active on model_version (kind) where status = 'active';
alter table model_version enable row level security;
alter table model_version force row level security;
-- Anyone signed in (any context) may see which versions exist; without a context, nothing.
-- Writes go through the registry functions below.
create policy model_version_select on model_version for select using (
  nullif(current_setting('app.role', true), '') is not null);
grant select (kind, version, sha256, metrics, status, created_at, activated_at) on model_version to carebridge_runtime;

create table inference_job (
  hospital_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('sleep_staging', 'chest_xray')),
  document_id uuid not null,
  patient_id uuid not null,
  requested_by uuid not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  attempts integer not null default 0,
  progress real not null default 0 check (progress between 0 and 1),
  model_version text,
  input_sha256 bytea,
  result jsonb,
  error text,
  leased_until timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  primary key (hospital_id, id),
  foreign key (hospital_id, document_id) references document (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id)
);
create index inference_job_queue on inference_job (hospital_id, created_at) where status = 'queued';
create index inference_job_running on inference_job (hospital_id) where status = 'running';
create index inference_job_patient on inference_job (hospital_id, patient_id, created_at);

alter table inference_job enable row level security;
alter table inference_job force row level security;
create policy inference_job_select on inference_job for select using (
  record_access(hospital_id, patient_id));
create policy inference_job_insert on inference_job for insert with check (
  record_access(hospital_id, patient_id)
  and requested_by = nullif(current_setting('app.user_id', true), '')::uuid
  and status = 'queued');
create policy inference_job_cancel on inference_job for update using (
  record_access(hospital_id, patient_id));
grant select, insert on inference_job to carebridge_runtime;
grant update (status, finished_at) on inference_job to carebridge_runtime;

-- Doctors' corrections of staged epochs: the labels a retraining run can use.
create table inference_correction (
  hospital_id uuid not null,
  job_id uuid not null,
  epoch integer not null check (epoch >= 0),
  stage text not null check (stage in ('W', 'N1', 'N2', 'N3', 'REM')),
  corrected_by uuid not null,
  corrected_at timestamptz not null default now(),
  primary key (hospital_id, job_id, epoch),
  foreign key (hospital_id, job_id) references inference_job (hospital_id, id)
);
alter table inference_correction enable row level security;
alter table inference_correction force row level security;
create policy inference_correction_select on inference_correction for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from inference_job j
               where j.hospital_id = inference_correction.hospital_id and j.id = inference_correction.job_id));
create policy inference_correction_write on inference_correction for all using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'doctor'
  and exists (select 1 from inference_job j
               where j.hospital_id = inference_correction.hospital_id and j.id = inference_correction.job_id))
  with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'doctor'
  and corrected_by = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert, update, delete on inference_correction to carebridge_runtime;

-- Round-robin state: when each hospital was last served.
create table inference_turn (
  hospital_id uuid not null references hospital (id),
  last_served_at timestamptz not null,
  primary key (hospital_id)
);
alter table inference_turn enable row level security;
alter table inference_turn force row level security;
create policy inference_turn_select on inference_turn for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);

-- Workers claim through this function (no tenant context): jobs whose lease ran out are
-- queued again (failed after p_max_attempts), then hospitals with queued work are served in
-- turn — the one served longest ago first — each below its concurrency cap. One flooding
-- hospital therefore cannot starve another's single job.
create function inference_claim(p_lease_seconds integer, p_max_attempts integer)
returns table (hospital_id uuid, id uuid, kind text, document_id uuid, attempts integer, patient_id uuid)
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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

-- What a worker needs to read a job's input: the sealed document.
create function inference_input(p_hospital_id uuid, p_id uuid)
returns table (document_id uuid, object_key text, kek_version integer, wrapped_dek bytea, size bigint, doc_kind text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select d.id, d.object_key, d.kek_version, d.wrapped_dek, d.size, d.kind
    from inference_job j join document d on d.hospital_id = j.hospital_id and d.id = j.document_id
   where j.hospital_id = p_hospital_id and j.id = p_id
$$;

-- Progress while running; the lease is renewed with it. False when the job was cancelled.
create function inference_progress(p_hospital_id uuid, p_id uuid, p_progress real, p_lease_seconds integer)
returns boolean
language sql volatile security definer set search_path = pg_catalog, public as $$
  with u as (
    update inference_job set progress = greatest(progress, least(p_progress, 1)),
                             leased_until = now() + make_interval(secs => p_lease_seconds)
     where hospital_id = p_hospital_id and id = p_id and status = 'running'
    returning 1)
  select exists (select 1 from u)
$$;

-- The outcome; ignored when the job was cancelled (or re-queued) meanwhile.
create function inference_finish(p_hospital_id uuid, p_id uuid, p_attempt integer, p_ok boolean,
                                 p_result jsonb, p_error text, p_model_version text, p_input_sha256 bytea)
returns boolean
language sql volatile security definer set search_path = pg_catalog, public as $$
  with u as (
    update inference_job set status = case when p_ok then 'succeeded' else 'failed' end,
                             progress = case when p_ok then 1 else progress end,
                             result = p_result, error = p_error, model_version = p_model_version,
                             input_sha256 = p_input_sha256, finished_at = now(), leased_until = null
     where hospital_id = p_hospital_id and id = p_id and status = 'running' and attempts = p_attempt
    returning 1)
  select exists (select 1 from u)
$$;

-- The registry, for the runtime: the weights of a version (workers load them).
create function model_weights(p_kind text, p_version text)
returns table (weights bytea, sha256 bytea)
language sql stable security definer set search_path = pg_catalog, public as $$
  select m.weights, m.sha256 from model_version m where m.kind = p_kind and m.version = p_version
$$;

-- The active version of a kind (workers run without a tenant context).
create function model_active(p_kind text)
returns text
language sql stable security definer set search_path = pg_catalog, public as $$
  select m.version from model_version m where m.kind = p_kind and m.status = 'active'
$$;

-- Registering and switching versions (super admins, through the API).
create function model_register(p_kind text, p_version text, p_sha256 bytea, p_weights bytea, p_metrics jsonb)
returns boolean
language sql volatile security definer set search_path = pg_catalog, public as $$
  with i as (
    insert into model_version (kind, version, sha256, weights, metrics)
    select p_kind, p_version, p_sha256, p_weights, p_metrics
     where current_setting('app.role', true) in ('super_admin', 'system')
    on conflict do nothing
    returning 1)
  select exists (select 1 from i)
$$;

create function model_set_status(p_kind text, p_version text, p_status text)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
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

revoke all on function inference_claim(integer, integer), inference_input(uuid, uuid),
  inference_progress(uuid, uuid, real, integer),
  inference_finish(uuid, uuid, integer, boolean, jsonb, text, text, bytea),
  model_weights(text, text), model_active(text), model_register(text, text, bytea, bytea, jsonb),
  model_set_status(text, text, text) from public;
grant execute on function inference_claim(integer, integer), inference_input(uuid, uuid),
  inference_progress(uuid, uuid, real, integer),
  inference_finish(uuid, uuid, integer, boolean, jsonb, text, text, bytea),
  model_weights(text, text), model_active(text), model_register(text, text, bytea, bytea, jsonb),
  model_set_status(text, text, text) to carebridge_runtime;

-- Whether the caller's hospital has `p_kind` switched on, its daily quota, and how many jobs
-- it created today (all of them, not only those the caller can see).
create function inference_settings(p_kind text)
returns table (enabled boolean, quota integer, today bigint)
language sql stable security definer set search_path = pg_catalog, public as $$
  select h.ai_assistance and case p_kind when 'sleep_staging' then h.ai_sleep_staging
                                         when 'chest_xray' then h.ai_chest_xray else false end,
         h.inference_daily_quota,
         (select count(*) from inference_job j
           where j.hospital_id = h.id and j.created_at >= date_trunc('day', now()))
    from hospital h
   where h.id = nullif(current_setting('app.hospital_id', true), '')::uuid
$$;
revoke all on function inference_settings(text) from public;
grant execute on function inference_settings(text) to carebridge_runtime;
