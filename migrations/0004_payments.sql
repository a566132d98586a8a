-- Payments: one row per attempt to pay for an appointment; provider events applied exactly once.

alter table hospital add column payment_window_minutes integer not null default 30
  check (payment_window_minutes between 5 and 1440);
-- Until when an appointment awaiting payment holds its slot.
alter table appointment add column hold_until timestamptz;

create table payment (
  hospital_id uuid not null,
  id uuid not null,
  appointment_id uuid not null,
  provider text not null check (provider in ('khalti', 'stripe')),
  status text not null default 'pending'
    check (status in ('pending', 'succeeded', 'failed', 'expired', 'refunded', 'refund_pending',
                      'pending_manual')),
  amount bigint not null check (amount > 0),
  currency text not null,
  provider_ref text,
  -- What the provider calls the money movement (a Stripe PaymentIntent), for refunds.
  provider_payment_ref text,
  redirect_url text,
  expires_at timestamptz,
  failure_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (hospital_id, id),
  unique (hospital_id, provider, provider_ref),
  foreign key (hospital_id, appointment_id) references appointment (hospital_id, id)
);
-- At most one open payment per appointment.
create unique index payment_one_pending on payment (hospital_id, appointment_id) where status = 'pending';
create index payment_pending on payment (created_at) where status = 'pending';

-- Each provider event (webhook id, or a lookup's pidx and status) changes state at most once.
create table payment_event (
  hospital_id uuid not null,
  provider text not null,
  event_id text not null,
  payment_id uuid not null,
  outcome text not null,
  received_at timestamptz not null default now(),
  primary key (hospital_id, provider, event_id),
  foreign key (hospital_id, payment_id) references payment (hospital_id, id)
);

alter table payment enable row level security;
alter table payment force row level security;
alter table payment_event enable row level security;
alter table payment_event force row level security;

-- A payment is seen by whoever sees its appointment (its patient, its doctor, admins).
create policy payment_select on payment for select using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from appointment a where a.hospital_id = payment.hospital_id and a.id = payment.appointment_id));
create policy payment_insert on payment for insert with check (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from appointment a where a.hospital_id = payment.hospital_id and a.id = payment.appointment_id
                 and a.patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
create policy payment_update on payment for update using (
  hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
  and exists (select 1 from appointment a where a.hospital_id = payment.hospital_id and a.id = payment.appointment_id
                 and a.patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid));
grant select, insert, update on payment to carebridge_runtime;

-- Provider callbacks arrive without a session: find the payment a provider reference names.
create function payment_by_ref(p_provider text, p_ref text)
returns table (hospital_id uuid, id uuid, amount bigint, currency text, status text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select p.hospital_id, p.id, p.amount, p.currency, p.status from payment p
   where p.provider = p_provider and p.provider_ref = p_ref
$$;

-- Applies a verified provider outcome once: 'succeeded' confirms the appointment when the amount
-- matches; 'expired' or 'failed' end the payment and release the slot. Answers what happened:
-- 'duplicate' (event seen before), 'ignored' (payment not pending), or the new payment status.
create function payment_apply(p_hospital_id uuid, p_payment_id uuid, p_provider text, p_event_id text,
                              p_outcome text, p_amount bigint, p_currency text, p_payment_ref text)
returns text
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  pay payment;
  new_status text;
begin
  insert into payment_event (hospital_id, provider, event_id, payment_id, outcome)
  values (p_hospital_id, p_provider, p_event_id, p_payment_id, p_outcome)
  on conflict do nothing;
  if not found then
    return 'duplicate';
  end if;
  select * into pay from payment where hospital_id = p_hospital_id and id = p_payment_id for update;
  if not found or pay.status <> 'pending' then
    return 'ignored';
  end if;
  if p_outcome = 'succeeded' and (p_amount is distinct from pay.amount or p_currency is distinct from pay.currency) then
    update payment set status = 'failed', failure_reason = 'amount or currency did not match', updated_at = now()
     where hospital_id = p_hospital_id and id = p_payment_id;
    return 'failed';
  end if;
  new_status := case p_outcome when 'succeeded' then 'succeeded' when 'expired' then 'expired' else 'failed' end;
  update payment set status = new_status, updated_at = now(),
                     provider_payment_ref = coalesce(p_payment_ref, provider_payment_ref),
                     completed_at = case when new_status = 'succeeded' then now() end
   where hospital_id = p_hospital_id and id = p_payment_id;
  if new_status = 'succeeded' then
    update appointment set status = 'confirmed', hold_until = null, updated_at = now()
     where hospital_id = p_hospital_id and id = pay.appointment_id and status = 'awaiting_payment';
  else
    -- The slot stays held until the hold ends, so the patient can start a new payment;
    -- a hold that has already ended is released now.
    update appointment set status = 'cancelled', status_reason = 'payment ' || new_status,
                           cancelled_by = 'system', updated_at = now()
     where hospital_id = p_hospital_id and id = pay.appointment_id and status = 'awaiting_payment'
       and hold_until < now();
  end if;
  return new_status;
end
$$;

-- Pending payments the reconciler should look up again.
create function payments_to_reconcile(p_older_than_seconds integer, p_limit integer)
returns table (hospital_id uuid, id uuid, provider text, provider_ref text, amount bigint, currency text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select p.hospital_id, p.id, p.provider, p.provider_ref, p.amount, p.currency from payment p
   where p.status = 'pending' and p.provider_ref is not null
     and p.updated_at < now() - make_interval(secs => p_older_than_seconds)
   order by p.updated_at limit p_limit
$$;

-- Appointments whose payment hold ran out without a payment release their slot.
create function appointment_release_expired_holds()
returns integer
language sql volatile security definer set search_path = pg_catalog, public as $$
  with released as (
    update appointment a set status = 'cancelled', status_reason = 'payment window ended',
                             cancelled_by = 'system', updated_at = now()
     where a.status = 'awaiting_payment' and a.hold_until < now()
       and not exists (select 1 from payment p where p.hospital_id = a.hospital_id
                        and p.appointment_id = a.id and p.status in ('pending', 'succeeded')
                        and (p.expires_at is null or p.expires_at > now()))
    returning 1)
  select count(*)::integer from released
$$;

revoke all on function payment_by_ref(text, text),
  payment_apply(uuid, uuid, text, text, text, bigint, text, text), payments_to_reconcile(integer, integer),
  appointment_release_expired_holds() from public;
grant execute on function payment_by_ref(text, text),
  payment_apply(uuid, uuid, text, text, text, bigint, text, text), payments_to_reconcile(integer, integer),
  appointment_release_expired_holds() to carebridge_runtime;

-- For the callback path (system context): a payment's appointment and that appointment's start.
create function payment_by_id(p_hospital_id uuid, p_id uuid)
returns table (appointment_id uuid)
language sql stable security definer set search_path = pg_catalog, public as $$
  select p.appointment_id from payment p where p.hospital_id = p_hospital_id and p.id = p_id
$$;
create function appointment_start(p_hospital_id uuid, p_id uuid)
returns table (start_at timestamptz)
language sql stable security definer set search_path = pg_catalog, public as $$
  select a.start_at from appointment a where a.hospital_id = p_hospital_id and a.id = p_id
$$;
revoke all on function payment_by_id(uuid, uuid), appointment_start(uuid, uuid) from public;
grant execute on function payment_by_id(uuid, uuid), appointment_start(uuid, uuid) to carebridge_runtime;

-- Records the provider's reference and link on a payment that has none yet.
create function payment_set_link(p_hospital_id uuid, p_id uuid, p_ref text, p_url text, p_expires timestamptz)
returns void
language sql volatile security definer set search_path = pg_catalog, public as $$
  update payment set provider_ref = p_ref, redirect_url = p_url, expires_at = p_expires, updated_at = now()
   where hospital_id = p_hospital_id and id = p_id and status = 'pending' and provider_ref is null
$$;
revoke all on function payment_set_link(uuid, uuid, text, text, timestamptz) from public;
grant execute on function payment_set_link(uuid, uuid, text, text, timestamptz) to carebridge_runtime;

-- Refunds. A hospital refunds a patient's cancellation made at least this long before the visit;
-- cancellations by the hospital or doctor are always refunded.
alter table hospital add column refund_window_hours integer not null default 24
  check (refund_window_hours between 0 and 720);

-- Marks the succeeded payment of a cancelled appointment as owed back. Khalti's refund API is
-- not used (its merchant contract could not be confirmed here): an admin refunds by hand and
-- then marks the payment refunded. Only for an appointment the caller may see.
create function payment_refund_due(p_appointment_id uuid)
returns integer
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  n integer;
begin
  -- Stripe refunds go through its refunds API (the refund job); Khalti's are made by hand.
  update payment p set status = case p.provider when 'stripe' then 'refund_pending' else 'pending_manual' end,
                       updated_at = now()
    from appointment a
   where a.hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and a.id = p_appointment_id and a.status = 'cancelled'
     and (current_setting('app.role', true) = 'hospital_admin'
          or a.doctor_user_id = nullif(current_setting('app.user_id', true), '')::uuid
          or a.patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid)
     and p.hospital_id = a.hospital_id and p.appointment_id = a.id and p.status = 'succeeded';
  get diagnostics n = row_count;
  return n;
end
$$;

-- An admin records that an owed refund was paid back.
create function payment_mark_refunded(p_id uuid)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  if current_setting('app.role', true) is distinct from 'hospital_admin' then
    raise exception 'only a hospital admin records refunds' using errcode = '42501';
  end if;
  update payment set status = 'refunded', updated_at = now()
   where hospital_id = nullif(current_setting('app.hospital_id', true), '')::uuid
     and id = p_id and status = 'pending_manual';
  return found;
end
$$;
revoke all on function payment_refund_due(uuid), payment_mark_refunded(uuid) from public;
grant execute on function payment_refund_due(uuid), payment_mark_refunded(uuid) to carebridge_runtime;

-- Stripe payments owed back, for the refund job.
create function payments_to_refund(p_limit integer)
returns table (hospital_id uuid, id uuid, provider_payment_ref text)
language sql stable security definer set search_path = pg_catalog, public as $$
  select p.hospital_id, p.id, p.provider_payment_ref from payment p
   where p.status = 'refund_pending' and p.provider = 'stripe' and p.provider_payment_ref is not null
   order by p.updated_at limit p_limit
$$;
-- The provider confirmed the refund.
create function payment_refund_done(p_hospital_id uuid, p_id uuid)
returns boolean
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
  update payment set status = 'refunded', updated_at = now()
   where hospital_id = p_hospital_id and id = p_id and status = 'refund_pending';
  return found;
end
$$;
revoke all on function payments_to_refund(integer), payment_refund_done(uuid, uuid) from public;
grant execute on function payments_to_refund(integer), payment_refund_done(uuid, uuid) to carebridge_runtime;
