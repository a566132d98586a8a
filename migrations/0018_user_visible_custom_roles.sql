-- 0018: 0017 re-created user_visible from its 0008 text and so dropped what 0012 had added: a
-- custom role granted `patient:read` (a nurse) sees the hospital's patients' accounts, as a
-- hospital admin does. This restores that clause and keeps 0017's (a doctor sees the account of
-- a patient who booked with them).
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
  if v_role = 'doctor'
     and exists (select 1 from appointment a
                  where a.hospital_id = v_hospital and a.patient_user_id = p_id
                    and a.doctor_user_id = v_user) then
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
