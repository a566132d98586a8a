-- Least privilege: the role that serves requests acts only inside a checked session's context.
--
-- Before, the runtime role could execute SECURITY DEFINER functions that take a hospital id
-- (payment_apply, inference_input, appointment_start, ...) or set a whole context from arguments
-- (auth_resume took hospital, user and role), so a handler bug that passed a wrong id was not
-- stopped by PostgreSQL. Now:
--   * carebridge_runtime (DATABASE_URL, every authenticated request) executes no SECURITY
--     DEFINER function that takes a hospital id; the ones it keeps read the tenant from the
--     transaction's context, which only auth_open and auth_resume set, from a session token.
--   * carebridge_system (DATABASE_SYSTEM_URL: workers, the reconciler, the outbox, provider
--     webhooks and the pre-session steps: login, registration, password reset) holds the
--     functions that work across hospitals or for a hospital named by their caller. It is a
--     member of carebridge_runtime for the table grants; RLS still applies to it.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'carebridge_system') then
    create role carebridge_system nologin;
  end if;
end
$$;
grant carebridge_runtime to carebridge_system;

-- A remembered session resumes by its token's hash: the context comes from the session row,
-- never from arguments. One primary-key lookup more than before; revocation and every change
-- a session depends on still bump its epoch (0010). Expiry (absolute and idle, as auth_open
-- reads them) is checked here too, so the database, not a server's memory, decides it.
drop function auth_resume(uuid, uuid, text, bigint);
create function auth_resume(p_token_hash bytea, p_epoch bigint, p_idle_seconds integer)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  v record;
begin
  -- One statement: the session's row and its epoch (auth_epoch_of's sum, inlined: a nested
  -- call costs about 5 microseconds, see 0010).
  select s.hospital_id, s.user_id, s.role into v
    from auth_session s
   where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now()
     and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
     and (select coalesce(sum(e.n), 0)::bigint
            from auth_epoch e
           where (e.hospital_id = coalesce(s.hospital_id, auth_epoch_nil())
                  and e.user_id in (s.user_id, auth_epoch_nil()))
              or (e.hospital_id = auth_epoch_nil() and e.user_id = s.user_id)) = p_epoch;
  if not found then
    return false;
  end if;
  perform set_config('app.hospital_id', coalesce(v.hospital_id::text, ''), true);
  perform set_config('app.user_id', v.user_id::text, true);
  perform set_config('app.role', v.role, true);
  return true;
end
$$;
revoke all on function auth_resume(bytea, bigint, integer) from public;
grant execute on function auth_resume(bytea, bigint, integer) to carebridge_runtime;

-- Suspending a hospital ends its sessions in the same statement, by trigger: no function that
-- revokes a named hospital's sessions is left for a request to call.
drop function auth_revoke_hospital_sessions(uuid);
create function hospital_suspension_ends_sessions()
returns trigger
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  update auth_session set revoked_at = now()
   where hospital_id = new.id and revoked_at is null;
  return null;
end
$$;
revoke all on function hospital_suspension_ends_sessions() from public;
create trigger hospital_suspension_ends_sessions
  after update of suspended on hospital
  for each row when (new.suspended and not old.suspended)
  execute function hospital_suspension_ends_sessions();

-- record_access keeps its signature for the policies that call it with a row's hospital, but
-- is now an inlinable SQL function with the caller's own rights: it compares that hospital to
-- the context and asks record_access_here, which reads the hospital from the context alone.
-- (Names are qualified instead of a SET search_path, which would keep it from being inlined.)
create function record_access_here(p_patient_id uuid, p_scope text)
returns boolean
language plpgsql stable security definer set search_path = pg_catalog, public as $$
declare
  v_hospital uuid := nullif(current_setting('app.hospital_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
begin
  if v_hospital is null then
    return false;
  end if;
  case current_setting('app.role', true)
    when 'hospital_admin' then
      return p_scope = 'records'
          or exists (select 1 from access_grant g
                      where g.hospital_id = v_hospital and g.patient_id = p_patient_id
                        and g.grantee_user_id = v_user
                        and g.scope = 'private_notes' and g.revoked_at is null
                        and (g.expires_at is null or g.expires_at > now()));
    when 'patient' then
      return exists (select 1 from patient p
                      where p.hospital_id = v_hospital and p.id = p_patient_id
                        and p.user_id = v_user);
    when 'doctor' then
      return exists (select 1 from care_team ct
                      where ct.hospital_id = v_hospital and ct.patient_id = p_patient_id
                        and ct.doctor_user_id = v_user)
          or exists (select 1 from access_grant g
                      where g.hospital_id = v_hospital and g.patient_id = p_patient_id
                        and g.grantee_user_id = v_user
                        and g.scope = 'records' and g.revoked_at is null
                        and (g.expires_at is null or g.expires_at > now()));
    else
      return false;
  end case;
end
$$;
revoke all on function record_access_here(uuid, text) from public;
grant execute on function record_access_here(uuid, text) to carebridge_runtime;

create or replace function record_access(p_hospital_id uuid, p_patient_id uuid,
                                         p_scope text default 'records')
returns boolean
language sql stable security invoker as $$
  select p_hospital_id = nullif(pg_catalog.current_setting('app.hospital_id', true), '')::uuid
     and public.record_access_here(p_patient_id, p_scope)
$$;

-- What only the system does: work across hospitals (claims, sweeps, reconciliation), act for a
-- hospital its caller names (provider verdicts, job results, outbox reports), or run before
-- there is a session (login, registration, password reset).
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public'
       and p.proname in (
         'appointment_start', 'appointment_due_reminders', 'appointment_mark_no_shows',
         'appointment_release_expired_holds',
         'auth_create_session', 'auth_register_patient', 'auth_login_candidates',
         'auth_request_password_reset', 'auth_complete_password_reset',
         'auth_password_reset_email', 'auth_expand_password_resets', 'hospital_by_slug',
         'inference_claim', 'inference_finish', 'inference_input', 'inference_progress',
         'outbox_claim', 'outbox_report',
         'payment_apply', 'payment_by_id', 'payment_by_ref', 'payment_refund_done',
         'payment_set_link', 'payments_to_reconcile', 'payments_to_refund')
  loop
    execute format('revoke execute on function %s from public, carebridge_runtime', f);
    execute format('grant execute on function %s to carebridge_system', f);
  end loop;
end
$$;
