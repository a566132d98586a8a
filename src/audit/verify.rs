//! `carebridge audit verify`: recomputes every hospital's chain and reports the first break.

use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::stmt;

#[derive(FromQueryResult)]
struct Link {
    seq: i64,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
    canonical: String,
}

#[derive(FromQueryResult)]
struct HospitalRow {
    id: Uuid,
    slug: String,
}

#[derive(Debug)]
pub struct ChainReport {
    pub hospital: String,
    pub events: usize,
    /// The first inconsistency found, if any.
    pub problem: Option<String>,
}

fn link_hash(prev: &[u8], canonical: &str) -> Vec<u8> {
    let content = Sha256::digest(canonical.as_bytes());
    let mut h = Sha256::new();
    h.update(prev);
    h.update(content);
    h.finalize().to_vec()
}

/// Checks one chain: seq runs 1..n without gaps, each event names its predecessor's hash,
/// each hash matches the event's content, and the head matches the last event.
fn check(links: &[Link], head: Option<(i64, Vec<u8>)>) -> Option<String> {
    let mut prev = vec![0u8; 32];
    for (i, l) in links.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        if l.seq != expected_seq {
            return Some(format!(
                "event {expected_seq} is missing (found {} in its place)",
                l.seq
            ));
        }
        if l.prev_hash != prev {
            return Some(format!(
                "event {} does not follow event {} (reordered or replaced)",
                l.seq,
                l.seq - 1
            ));
        }
        if link_hash(&prev, &l.canonical) != l.hash {
            return Some(format!("event {} was altered after it was sealed", l.seq));
        }
        prev = l.hash.clone();
    }
    match head {
        None if links.is_empty() => None,
        None => Some("the chain head is missing".into()),
        Some((seq, hash)) if seq != links.len() as i64 || hash != prev => Some(format!(
            "the chain ends at event {} but its head says {seq} (events were removed)",
            links.len()
        )),
        Some(_) => None,
    }
}

/// Seals what is pending, then verifies each hospital's chain (or the one named by slug).
pub async fn verify(
    admin: &DatabaseConnection,
    slug: Option<&str>,
) -> anyhow::Result<Vec<ChainReport>> {
    admin.execute_unprepared("select audit_seal()").await?;
    let hospitals = HospitalRow::find_by_statement(stmt(
        "select id, slug from hospital where $1::text is null or slug = $1 order by slug",
        [Value::from(slug.map(str::to_owned))],
    ))
    .all(admin)
    .await?;
    if let Some(s) = slug
        && hospitals.is_empty()
    {
        anyhow::bail!("no hospital with slug {s}");
    }
    let mut reports = Vec::new();
    for h in hospitals {
        let links = Link::find_by_statement(stmt(
            "select e.seq, e.prev_hash, e.hash, audit_canonical(e) as canonical
               from audit_event e where e.hospital_id = $1 and e.seq is not null order by e.seq",
            [h.id.into()],
        ))
        .all(admin)
        .await?;
        let head = admin
            .query_one_raw(stmt(
                "select seq, hash from audit_head where hospital_id = $1",
                [h.id.into()],
            ))
            .await?
            .map(|r| {
                anyhow::Ok((
                    r.try_get::<i64>("", "seq")?,
                    r.try_get::<Vec<u8>>("", "hash")?,
                ))
            })
            .transpose()?;
        let unsealed = admin
            .query_one_raw(stmt(
                "select count(*) as n from audit_event where hospital_id = $1 and seq is null",
                [h.id.into()],
            ))
            .await?
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        let mut problem = check(&links, head);
        if problem.is_none() && unsealed > 0 {
            problem = Some(format!("{unsealed} events could not be sealed"));
        }
        reports.push(ChainReport {
            hospital: h.slug,
            events: links.len(),
            problem,
        });
    }
    Ok(reports)
}
