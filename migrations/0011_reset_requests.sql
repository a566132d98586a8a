-- Password-reset requests are queued, whatever the email: the request itself is one INSERT
-- that takes as long for an unknown address as for a known one, so its timing says nothing
-- about which emails have accounts. The outbox dispatcher expands the queue before it sends:
-- a known, active account gets its token and email, and every older token of that account is
-- voided; an unknown address is dropped.
create table password_reset_request (
  id bigint generated always as identity primary key,
  email text not null,
  token_hash bytea not null,
  minutes integer not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  requested_at timestamptz not null default now()
);
alter table password_reset_request enable row level security;
alter table password_reset_request force row level security;

create or replace function auth_request_password_reset(p_email text, p_token_hash bytea, p_minutes integer,
                                                       p_subject text, p_text text, p_html text)
returns void
language sql volatile security definer set search_path = pg_catalog, public as $$
  insert into password_reset_request (email, token_hash, minutes, subject, text_body, html_body)
  values (p_email, p_token_hash, p_minutes, p_subject, p_text, p_html);
$$;

-- Turns queued requests into tokens and emails (oldest first, so the newest token of an
-- account is the one left valid). Returns how many requests it took off the queue.
create function auth_expand_password_resets(p_limit integer)
returns integer
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
  r record;
  u record;
  n integer := 0;
begin
  for r in
    delete from password_reset_request
     where id in (select id from password_reset_request order by id limit p_limit
                  for update skip locked)
    returning *
  loop
    n := n + 1;
    select a.id, m.hospital_id into u
      from app_user a join membership m on m.user_id = a.id and m.active
     where a.email = r.email and a.active
     order by m.created_at limit 1;
    continue when not found;
    update password_reset set used_at = now()
     where user_id = u.id and used_at is null and created_at <= r.requested_at;
    insert into password_reset (token_hash, user_id, expires_at, created_at)
    values (r.token_hash, u.id, r.requested_at + make_interval(mins => r.minutes), r.requested_at);
    insert into outbox (hospital_id, id, recipient, subject, text_body, html_body)
    values (u.hospital_id, gen_random_uuid(), r.email, r.subject, r.text_body, r.html_body);
  end loop;
  return n;
end
$$;

revoke all on function auth_expand_password_resets(integer) from public;
grant execute on function auth_expand_password_resets(integer) to carebridge_runtime;
