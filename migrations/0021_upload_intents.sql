-- 0021: no orphaned objects. An upload's bytes travel with no transaction open: its object is
-- written first and its document row commits after, so a process that dies in between (a kill,
-- a crash, a lost node) would leave an encrypted object that no row names, forever.
--
-- Each upload therefore commits an intent (hospital, document, object key, time) in the
-- transaction that checks access, before the first byte is written; the transaction that
-- commits the document row deletes the intent, and must find it. A periodic sweep
-- (upload_orphans_claim, then upload_intent_forget, in one transaction of the system role)
-- takes the intents older than a grace period with a row lock (SKIP LOCKED), deletes their
-- objects and then the intents. The lock decides every race:
--   * an upload still in flight is younger than the grace (ORPHAN_GRACE_MINUTES, well above the
--     longest upload), so it is not taken;
--   * an upload whose row is committing holds its intent's lock (it deleted it), so the sweep
--     skips it; once committed, the intent is gone;
--   * an upload that outlived the grace finds its intent gone (the sweep took it and deleted
--     the object) and fails rather than commit a row without an object.
-- The sweep never lists the bucket: the intents name exactly the objects at risk, however many
-- objects the bucket holds, and one sweeper runs at a time (a transaction-scoped advisory lock),
-- whichever instance gets there first.
create table upload_intent (
  hospital_id uuid not null references hospital(id),
  document_id uuid not null,
  object_key text not null check (object_key = hospital_id::text || '/' || document_id::text),
  created_at timestamptz not null default now(),
  primary key (hospital_id, document_id)
);
create index upload_intent_age on upload_intent (created_at);
alter table upload_intent enable row level security;
alter table upload_intent force row level security;
-- The uploader writes and removes intents of its own hospital; nothing else reads them.
create policy upload_intent_own on upload_intent for all
  using (hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid)
  with check (hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid);
grant select, insert, delete on upload_intent to carebridge_runtime;

-- Up to p_limit intents older than the grace, locked until the caller's transaction ends, with
-- whether their document row exists after all (then only the intent goes, never the object).
-- Empty when another instance is sweeping.
create function upload_orphans_claim(p_grace_seconds integer, p_limit integer)
returns table(hospital_id uuid, document_id uuid, object_key text, committed boolean)
language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if not pg_try_advisory_xact_lock(hashtextextended('carebridge.upload_sweep', 0)) then
    return;
  end if;
  return query
    select i.hospital_id, i.document_id, i.object_key,
           exists (select 1 from document d
                    where d.hospital_id = i.hospital_id and d.id = i.document_id)
      from upload_intent i
     where i.created_at < now() - make_interval(secs => p_grace_seconds)
     order by i.created_at
     limit p_limit
       for update of i skip locked;
end
$$;
revoke all on function upload_orphans_claim(integer, integer) from public;
grant execute on function upload_orphans_claim(integer, integer) to carebridge_system;

-- Removes an intent the sweep has dealt with.
create function upload_intent_forget(p_hospital_id uuid, p_document_id uuid)
returns void
language sql security definer set search_path = pg_catalog, public as $$
  delete from upload_intent where hospital_id = p_hospital_id and document_id = p_document_id;
$$;
revoke all on function upload_intent_forget(uuid, uuid) from public;
grant execute on function upload_intent_forget(uuid, uuid) to carebridge_system;
