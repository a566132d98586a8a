-- Records: hospital keys, encrypted documents, encounters, clinical notes, e-prescriptions,
-- consent and break-glass grants.
--
-- Who sees a patient's clinical rows is decided in one place, record_access(), which every
-- policy below calls: the patient themself, the hospital's admins, the doctors on the care
-- team, and doctors holding an unexpired, unrevoked grant (consent or break-glass).

-- A hospital's key-encryption keys, one row per version, each wrapped by the master key.
-- Rotation and destruction run as the owner (`carebridge keys ...`); the runtime role may only
-- read them and create the first version.
create table hospital_key (
  hospital_id uuid not null references hospital (id),
  version integer not null check (version > 0),
  wrapped_key bytea,
  state text not null default 'active' check (state in ('active', 'retired', 'destroyed')),
  created_at timestamptz not null default now(),
  primary key (hospital_id, version),
  -- Only the active version must hold material; rotation drops retired versions' material.
  check (state <> 'active' or wrapped_key is not null)
);
create unique index hospital_key_one_active on hospital_key (hospital_id) where state = 'active';

alter table hospital_key enable row level security;
alter table hospital_key force row level security;
create policy hospital_key_select on hospital_key for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
create policy hospital_key_insert on hospital_key for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and version = 1 and state = 'active');
grant select, insert on hospital_key to carebridge_runtime;

-- Consent (granted by the patient) and break-glass (opened by a doctor, at most 60 minutes).
create table access_grant (
  hospital_id uuid not null,
  id uuid not null,
  patient_id uuid not null,
  patient_user_id uuid not null,
  grantee_user_id uuid not null,
  kind text not null check (kind in ('consent', 'break_glass')),
  scope text not null check (scope in ('records', 'private_notes')),
  reason text,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  primary key (hospital_id, id),
  foreign key (hospital_id, patient_id, patient_user_id) references patient (hospital_id, id, user_id),
  foreign key (hospital_id, grantee_user_id) references membership (hospital_id, user_id),
  check (kind = 'consent' or (reason is not null and expires_at is not null
                               and expires_at <= created_at + interval '60 minutes'))
);
create index access_grant_grantee on access_grant (hospital_id, grantee_user_id, patient_id);

-- Whether the caller may see this patient's clinical records. SECURITY DEFINER so that the
-- checks do not recurse through the patient, care_team and access_grant policies; it only
-- ever answers for the caller's own hospital.
create function record_access(p_hospital_id uuid, p_patient_id uuid, p_scope text default 'records')
returns boolean
language sql stable security definer set search_path = pg_catalog, public as $$
  select p_hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and case current_setting('app.role', true)
       when 'hospital_admin' then
         p_scope = 'records'
         or exists (select 1 from access_grant g
                     where g.hospital_id = p_hospital_id and g.patient_id = p_patient_id
                       and g.grantee_user_id = nullif(current_setting('app.user_id', true), '')::uuid
                       and g.scope = 'private_notes' and g.revoked_at is null
                       and (g.expires_at is null or g.expires_at > now()))
       when 'patient' then exists (
         select 1 from patient p
          where p.hospital_id = p_hospital_id and p.id = p_patient_id
            and p.user_id = nullif(current_setting('app.user_id', true), '')::uuid)
       when 'doctor' then exists (
         select 1 from care_team ct
          where ct.hospital_id = p_hospital_id and ct.patient_id = p_patient_id
            and ct.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid)
         or exists (
         select 1 from access_grant g
          where g.hospital_id = p_hospital_id and g.patient_id = p_patient_id
            and g.grantee_user_id = nullif(current_setting('app.user_id', true), '')::uuid
            and g.scope = 'records' and g.revoked_at is null
            and (g.expires_at is null or g.expires_at > now()))
       else false
     end
$$;

alter table access_grant enable row level security;
alter table access_grant force row level security;
create policy access_grant_select on access_grant for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) = 'hospital_admin'
       or patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       or grantee_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy access_grant_insert on access_grant for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and created_by = nullif(current_setting('app.user_id', true), '')::uuid
  and ((kind = 'consent' and current_setting('app.role', true) = 'patient'
        and patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid)
       or (kind = 'break_glass' and current_setting('app.role', true) = 'doctor'
           and scope = 'records'
           and created_at <= now() and expires_at <= now() + interval '60 minutes'
           and grantee_user_id = nullif(current_setting('app.user_id', true), '')::uuid)));
create policy access_grant_revoke on access_grant for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and kind = 'consent'
  and patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert on access_grant to carebridge_runtime;
grant update (revoked_at) on access_grant to carebridge_runtime;

-- Encrypted documents. The object holds only ciphertext; the data key is stored here wrapped
-- by the hospital's key at `kek_version`. sha256 and size describe the plaintext.
create table document (
  hospital_id uuid not null,
  id uuid not null,
  patient_id uuid not null,
  uploaded_by uuid not null,
  title text not null,
  kind text not null check (kind in ('lab_report', 'imaging', 'eeg', 'other')),
  file_name text not null,
  content_type text not null,
  size bigint not null check (size >= 0),
  sha256 bytea not null,
  object_key text not null,
  kek_version integer not null,
  wrapped_dek bytea not null,
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id),
  foreign key (hospital_id, kek_version) references hospital_key (hospital_id, version)
);
create index document_patient on document (hospital_id, patient_id, created_at);

alter table document enable row level security;
alter table document force row level security;
create policy document_select on document for select using (
  record_access(hospital_id, patient_id));
create policy document_insert on document for insert with check (
  record_access(hospital_id, patient_id)
  and uploaded_by = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert on document to carebridge_runtime;

-- A visit's clinical record, usually tied to an appointment.
create table encounter (
  hospital_id uuid not null,
  id uuid not null,
  patient_id uuid not null,
  doctor_id uuid not null,
  appointment_id uuid,
  status text not null default 'in_progress' check (status in ('in_progress', 'finished')),
  reason text not null default '',
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id),
  foreign key (hospital_id, doctor_id) references doctor (hospital_id, id),
  foreign key (hospital_id, appointment_id) references appointment (hospital_id, id)
);
create unique index encounter_appointment on encounter (hospital_id, appointment_id);
create index encounter_patient on encounter (hospital_id, patient_id, started_at);

alter table encounter enable row level security;
alter table encounter force row level security;
create policy encounter_select on encounter for select using (
  record_access(hospital_id, patient_id));
create policy encounter_write on encounter for all using (
  record_access(hospital_id, patient_id) and current_setting('app.role', true) = 'doctor')
  with check (record_access(hospital_id, patient_id) and current_setting('app.role', true) = 'doctor');
grant select, insert on encounter to carebridge_runtime;
grant update (status, ended_at, reason) on encounter to carebridge_runtime;

-- Consultation notes, written by doctors. Private notes are hidden from admins unless the
-- patient grants an admin access to them.
create table clinical_note (
  hospital_id uuid not null,
  id uuid not null,
  patient_id uuid not null,
  encounter_id uuid,
  author_user_id uuid not null,
  private boolean not null default false,
  body text not null,
  created_at timestamptz not null default now(),
  primary key (hospital_id, id),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id),
  foreign key (hospital_id, encounter_id) references encounter (hospital_id, id),
  foreign key (hospital_id, author_user_id) references membership (hospital_id, user_id)
);
create index clinical_note_patient on clinical_note (hospital_id, patient_id, created_at);

alter table clinical_note enable row level security;
alter table clinical_note force row level security;
create policy clinical_note_select on clinical_note for select using (
  record_access(hospital_id, patient_id, case when private then 'private_notes' else 'records' end));
create policy clinical_note_insert on clinical_note for insert with check (
  record_access(hospital_id, patient_id)
  and current_setting('app.role', true) = 'doctor'
  and author_user_id = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert on clinical_note to carebridge_runtime;

-- E-prescriptions. Pharmacists (any staff role other than the base ones, gated by casbin's
-- prescription permissions) see the hospital's prescriptions to dispense them.
create table prescription (
  hospital_id uuid not null,
  id uuid not null,
  patient_id uuid not null,
  doctor_id uuid not null,
  appointment_id uuid,
  items jsonb not null check (jsonb_typeof(items) = 'array' and jsonb_array_length(items) between 1 and 30),
  status text not null default 'active' check (status in ('active', 'dispensed', 'cancelled')),
  verification_code text not null,
  issued_at timestamptz not null default now(),
  dispensed_at timestamptz,
  dispensed_by uuid,
  cancelled_at timestamptz,
  primary key (hospital_id, id),
  unique (hospital_id, verification_code),
  foreign key (hospital_id, patient_id) references patient (hospital_id, id),
  foreign key (hospital_id, doctor_id) references doctor (hospital_id, id),
  foreign key (hospital_id, appointment_id) references appointment (hospital_id, id),
  foreign key (hospital_id, dispensed_by) references membership (hospital_id, user_id)
);
create index prescription_patient on prescription (hospital_id, patient_id, issued_at);
-- The public check looks a code up without knowing the hospital.
create index prescription_code on prescription (verification_code);

alter table prescription enable row level security;
alter table prescription force row level security;
create policy prescription_select on prescription for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) not in ('hospital_admin', 'patient', 'doctor')
       or (current_setting('app.role', true) <> 'hospital_admin'
           and record_access(hospital_id, patient_id))));
create policy prescription_insert on prescription for insert with check (
  current_setting('app.role', true) = 'doctor' and record_access(hospital_id, patient_id));
create policy prescription_update on prescription for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and (current_setting('app.role', true) not in ('hospital_admin', 'patient', 'doctor')
       or (current_setting('app.role', true) = 'doctor' and record_access(hospital_id, patient_id))));
grant select, insert on prescription to carebridge_runtime;
grant update (status, dispensed_at, dispensed_by, cancelled_at) on prescription to carebridge_runtime;

-- The public verification of a printed prescription: validity facts, no patient data.
create function prescription_verify(p_code text)
returns table (status text, issued_at timestamptz, hospital_name text, prescriber text,
               license_number text, item_count integer)
language sql stable security definer set search_path = pg_catalog, public as $$
  select p.status, p.issued_at, h.name, u.full_name, d.license_number, jsonb_array_length(p.items)
    from prescription p
    join hospital h on h.id = p.hospital_id
    join doctor d on d.hospital_id = p.hospital_id and d.id = p.doctor_id
    join app_user u on u.id = d.user_id
   where p.verification_code = p_code
   limit 1
$$;

-- Whether a patient id exists in the caller's hospital (break-glass names a patient outside
-- the caller's care team, whose row the caller cannot otherwise see).
create function patient_in_hospital(p_patient_id uuid)
returns table (patient_user_id uuid)
language sql stable security definer set search_path = pg_catalog, public as $$
  select p.user_id from patient p
   where p.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and p.id = p_patient_id
$$;

-- The hospital's active admins, to alert them (break-glass).
create function hospital_admin_contacts()
returns table (user_id uuid, email text, full_name text, language text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select u.id, u.email, u.full_name, u.language
    from membership m join app_user u on u.id = m.user_id
   where m.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and m.role = 'hospital_admin' and m.active and u.active
$$;

revoke all on function record_access(uuid, uuid, text), prescription_verify(text),
  patient_in_hospital(uuid), hospital_admin_contacts() from public;
grant execute on function record_access(uuid, uuid, text), prescription_verify(text),
  patient_in_hospital(uuid), hospital_admin_contacts() to carebridge_runtime;

-- Doctors holding an active grant (consent or break-glass) see the patient's profile too.
create policy patient_select_granted on patient for select using (
  current_setting('app.role', true) = 'doctor'
  and record_access(hospital_id, id));

-- What a printed prescription shows. Called only after the caller's own (RLS'd) read of the
-- prescription succeeded: pharmacists need the patient's name without seeing the profile.
create function prescription_print(p_id uuid)
returns table (hospital_name text, doctor_name text, license_number text, specialization text,
               patient_name text, patient_date_of_birth date)
language sql stable security definer set search_path = pg_catalog, public as $$
  select h.name, du.full_name, d.license_number, d.specialization, pu.full_name, pt.date_of_birth
    from prescription p
    join hospital h on h.id = p.hospital_id
    join doctor d on d.hospital_id = p.hospital_id and d.id = p.doctor_id
    join app_user du on du.id = d.user_id
    join patient pt on pt.hospital_id = p.hospital_id and pt.id = p.patient_id
    join app_user pu on pu.id = pt.user_id
   where p.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and p.id = p_id
     -- The same rows prescription_select shows the caller.
     and (current_setting('app.role', true) not in ('hospital_admin', 'patient', 'doctor')
          or (current_setting('app.role', true) <> 'hospital_admin'
              and record_access(p.hospital_id, p.patient_id)))
$$;
revoke all on function prescription_print(uuid) from public;
grant execute on function prescription_print(uuid) to carebridge_runtime;

-- Verification codes are checked without a hospital, so a new code must be unused everywhere.
create function prescription_code_taken(p_code text)
returns boolean
language sql stable security definer set search_path = pg_catalog, public as $$
  select exists (select 1 from prescription where verification_code = p_code)
$$;
revoke all on function prescription_code_taken(text) from public;
grant execute on function prescription_code_taken(text) to carebridge_runtime;

-- ... and the patient's name (their app_user row).
create policy app_user_select_granted on app_user for select using (
  current_setting('app.role', true) = 'doctor'
  and exists (
    select 1 from access_grant g
     where g.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and g.patient_user_id = app_user.id
       and g.grantee_user_id = nullif(current_setting('app.user_id', true), '')::uuid
       and g.scope = 'records' and g.revoked_at is null
       and (g.expires_at is null or g.expires_at > now())));
