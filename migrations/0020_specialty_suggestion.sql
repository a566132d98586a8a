-- Specialty suggestion (issue 20): a third model kind in the registry, `specialty`, run in
-- process for a patient's reason for a visit (no queued job), and its per-hospital switch,
-- under `ai_assistance` like the others.

alter table hospital
  add column ai_specialty_suggestion boolean not null default true;

alter table model_version drop constraint model_version_kind_check;
alter table model_version add constraint model_version_kind_check
  check (kind in ('sleep_staging', 'chest_xray', 'specialty'));

-- The switch is read through the same function as the queued kinds' (its quota and today's
-- count apply to queued jobs only; suggestions ignore them).
create or replace function inference_settings(p_kind text)
returns table (enabled boolean, quota integer, today bigint)
language sql stable security definer set search_path = pg_catalog, public as $$
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
