-- Custom roles get from row-level security exactly what casbin grants them, no more, no less.
-- A custom role's grants live in role_permission (the same rows casbin loads for the hospital's
-- domain); role_granted() reads them for the transaction's own hospital and role, so it takes no
-- hospital id. Before: a nurse granted patient:read saw no patient (the policies admitted base
-- roles only), and any custom role saw every prescription of its hospital, whatever it was granted.

create function role_granted(p_object text, p_action text)
returns boolean
language plpgsql stable security definer set search_path = pg_catalog, public as $$
begin
  return exists (
    select 1 from role_permission rp
     where rp.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
       and rp.role = current_setting('app.role', true)
       and rp.object = p_object and rp.action = p_action);
end
$$;
revoke all on function role_granted(text, text) from public;
grant execute on function role_granted(text, text) to carebridge_runtime;

drop policy patient_select on patient;
create policy patient_select on patient for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and case current_setting('app.role', true)
        when 'hospital_admin' then true
        when 'patient' then user_id = nullif(current_setting('app.user_id', true), '')::uuid
        when 'doctor' then record_access(hospital_id, id)
        else role_granted('patient', 'read')
      end);

drop policy prescription_select on prescription;
create policy prescription_select on prescription for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and case current_setting('app.role', true)
        when 'hospital_admin' then false
        when 'patient' then record_access(hospital_id, patient_id)
        when 'doctor' then record_access(hospital_id, patient_id)
        else role_granted('prescription', 'read')
      end);

drop policy prescription_update on prescription;
create policy prescription_update on prescription for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and case current_setting('app.role', true)
        when 'hospital_admin' then false
        when 'patient' then false
        when 'doctor' then record_access(hospital_id, patient_id)
        else role_granted('prescription', 'dispense')
      end);

create or replace function prescription_print(p_id uuid)
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
     and case current_setting('app.role', true)
           when 'hospital_admin' then false
           when 'patient' then record_access(p.hospital_id, p.patient_id)
           when 'doctor' then record_access(p.hospital_id, p.patient_id)
           else role_granted('prescription', 'read')
         end
$$;

-- app_user: as in 0008, and a custom role granted patient:read also sees the hospital's
-- patients' accounts (their names), as it sees their profiles.
create or replace function user_visible(p_id uuid)
returns boolean
language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_role text := current_setting('app.role', true);
  v_all boolean;
begin
  if p_id = v_user then
    return true;
  end if;
  if v_hospital is null then
    return false;
  end if;
  v_all := v_role = 'hospital_admin'
        or (v_role not in ('patient', 'doctor') and role_granted('patient', 'read'));
  if exists (select 1 from membership m
              where m.hospital_id = v_hospital and m.user_id = p_id
                and (v_all or m.role <> 'patient')) then
    return true;
  end if;
  if exists (select 1 from care_team ct
              where ct.hospital_id = v_hospital and ct.patient_user_id = p_id
                and ct.doctor_user_id = v_user) then
    return true;
  end if;
  return v_role = 'doctor'
     and exists (select 1 from access_grant g
                  where g.hospital_id = v_hospital and g.patient_user_id = p_id
                    and g.grantee_user_id = v_user
                    and g.scope = 'records' and g.revoked_at is null
                    and (g.expires_at is null or g.expires_at > now()));
end
$$;
