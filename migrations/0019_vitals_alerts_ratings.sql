-- 0019: clinical decision support and analytics. Vital signs scored with NEWS2, the alerts a
-- score that is not low raises for the patient's care team, patients' ratings of completed
-- visits, when an appointment became confirmed (for the time-to-confirm figure), the hospital
-- admin's view of call events (for call counts and minutes) and the super admin's per-hospital
-- figures (counts and sums only, never a patient's row).

-- When an appointment was first confirmed, set in one place whatever confirmed it (approval,
-- payment, an accepted proposal, a booking that needed neither).
alter table appointment add column confirmed_at timestamptz;
create function appointment_confirmed_at() returns trigger
language plpgsql as $$
begin
  if new.status = 'confirmed' and new.confirmed_at is null then
    new.confirmed_at := now();
  end if;
  return new;
end
$$;
create trigger appointment_confirmed_at before insert or update of status on appointment
  for each row execute function appointment_confirmed_at();

-- Who may record (`create`) or read (`list`) a patient's vitals: the patient, a doctor with
-- access to the record (care team or an active grant), a hospital admin reading; a custom role
-- (a nurse) granted `vitals:<action>` by the hospital. Casbin gates the action as well.
create function vitals_access(p_hospital_id uuid, p_patient_id uuid, p_action text)
returns boolean
language sql stable as $$
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

create table vital_signs (
  hospital_id uuid not null references hospital(id),
  id uuid not null,
  patient_id uuid not null,
  recorded_by uuid not null references app_user(id),
  measured_at timestamptz not null,
  respiratory_rate smallint not null check (respiratory_rate between 1 and 80),
  spo2 smallint not null check (spo2 between 50 and 100),
  spo2_scale smallint not null check (spo2_scale in (1, 2)),
  on_oxygen boolean not null,
  systolic_bp smallint not null check (systolic_bp between 40 and 300),
  heart_rate smallint not null check (heart_rate between 20 and 250),
  consciousness text not null check (consciousness in ('A', 'C', 'V', 'P', 'U')),
  temperature_c numeric(3, 1) not null check (temperature_c between 30.0 and 45.0),
  news2_score smallint not null check (news2_score between 0 and 20),
  news2_risk text not null check (news2_risk in ('low', 'low_medium', 'medium', 'high')),
  -- The score rose over this and the patient's two sets before it.
  rising boolean not null,
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id)
);
create index vital_signs_patient on vital_signs (hospital_id, patient_id, measured_at desc, id desc);
alter table vital_signs enable row level security;
alter table vital_signs force row level security;
create policy vital_signs_select on vital_signs for select using (
  vitals_access(hospital_id, patient_id, 'list'));
create policy vital_signs_insert on vital_signs for insert with check (
  vitals_access(hospital_id, patient_id, 'create')
  and recorded_by = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert on vital_signs to carebridge_runtime;

-- One alert per vitals set whose risk is not low. The care team sees it: doctors on the
-- patient's care team, and custom roles the hospital granted `alert:list` (a ward's nurses).
create function alert_visible(p_hospital_id uuid, p_patient_id uuid)
returns boolean
language sql stable as $$
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

create table clinical_alert (
  hospital_id uuid not null references hospital(id),
  id uuid not null,
  patient_id uuid not null,
  vitals_id uuid not null,
  news2_score smallint not null,
  news2_risk text not null check (news2_risk in ('low_medium', 'medium', 'high')),
  rising boolean not null,
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid references app_user(id),
  primary key (hospital_id, id),
  unique (hospital_id, vitals_id),
  foreign key (hospital_id, vitals_id) references vital_signs (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id),
  check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index clinical_alert_open on clinical_alert (hospital_id, created_at)
  where acknowledged_at is null;
alter table clinical_alert enable row level security;
alter table clinical_alert force row level security;
create policy clinical_alert_select on clinical_alert for select using (
  alert_visible(hospital_id, patient_id));
-- Raised in the transaction that records the vitals set, by whoever recorded it.
create policy clinical_alert_insert on clinical_alert for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and acknowledged_at is null
  and exists (select 1 from vital_signs v
               where v.hospital_id = clinical_alert.hospital_id and v.id = clinical_alert.vitals_id
                 and v.patient_id = clinical_alert.patient_id
                 and v.recorded_by = nullif(current_setting('app.user_id', true), '')::uuid));
create policy clinical_alert_acknowledge on clinical_alert for update
  using (alert_visible(hospital_id, patient_id))
  with check (alert_visible(hospital_id, patient_id)
              and acknowledged_by = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert, update (acknowledged_at, acknowledged_by) on clinical_alert to carebridge_runtime;

-- Who hears of an alert: the active doctors on the patient's care team, whoever recorded the
-- set (a doctor or the patient does not see the rest of the team's rows). Answers only to a
-- caller who may record this patient's vitals, in the caller's own hospital.
create function alert_recipients(p_patient_id uuid)
returns table(user_id uuid, email text, language text)
language plpgsql stable security definer set search_path = pg_catalog, public as $$
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
revoke execute on function alert_recipients(uuid) from public;
grant execute on function alert_recipients(uuid) to carebridge_runtime;

-- A patient's rating of a completed appointment: once, 1 to 5 stars and an optional comment.
create table appointment_rating (
  hospital_id uuid not null references hospital(id),
  appointment_id uuid not null,
  doctor_id uuid not null,
  patient_user_id uuid not null references app_user(id),
  doctor_user_id uuid not null references app_user(id),
  stars smallint not null check (stars between 1 and 5),
  comment text not null default '' check (length(comment) <= 1000),
  created_at timestamptz not null default now(),
  primary key (hospital_id, appointment_id),
  foreign key (hospital_id, appointment_id) references appointment (hospital_id, id),
  foreign key (hospital_id, doctor_id) references doctor (hospital_id, id)
);
create index appointment_rating_doctor on appointment_rating (hospital_id, doctor_id);
alter table appointment_rating enable row level security;
alter table appointment_rating force row level security;
create policy appointment_rating_select on appointment_rating for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy appointment_rating_insert on appointment_rating for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'patient'
  and patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid
  and exists (select 1 from appointment a
               where a.hospital_id = appointment_rating.hospital_id
                 and a.id = appointment_rating.appointment_id
                 and a.status = 'completed'
                 and a.patient_user_id = appointment_rating.patient_user_id
                 and a.doctor_user_id = appointment_rating.doctor_user_id
                 and a.doctor_id = appointment_rating.doctor_id));
grant select, insert on appointment_rating to carebridge_runtime;

-- The hospital admin counts calls and their minutes: call events of their own hospital.
create policy call_event_admin_select on call_event for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and current_setting('app.role', true) = 'hospital_admin');

-- Analytics read appointments by their local start date.
create index appointment_start on appointment (hospital_id, start_at);

-- The super admin's figures per hospital over [p_from, p_to] (local dates of each hospital):
-- appointments by status, revenue per currency (succeeded; refunds already subtracted, a
-- refunded payment is no longer 'succeeded') and users active in the period (a session seen in
-- it). Counts and sums only. The context must be a super admin's (set from a session).
create function platform_analytics(p_from date, p_to date)
returns table(hospital_id uuid, slug text, name text, appointments jsonb, revenue jsonb,
              active_users bigint)
language plpgsql stable security definer set search_path = pg_catalog, public as $$
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
revoke execute on function platform_analytics(date, date) from public;
grant execute on function platform_analytics(date, date) to carebridge_runtime;
