//! The ratings domain's SQL. Every statement runs in the caller's transaction under RLS.

use sea_orm::{FromQueryResult, Value};

use crate::{
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{AppointmentId, HospitalId, UserId},
    scheduling::ratings::types::{DoctorRatings, Rating},
};

/// The visit as its patient sees it: its status and doctor; None when it is not theirs.
#[derive(FromQueryResult)]
pub struct Visit {
    pub status: String,
    pub doctor_id: uuid::Uuid,
    pub doctor_user_id: uuid::Uuid,
    pub patient_id: uuid::Uuid,
}

pub async fn own_visit(
    tx: &TenantTx,
    id: AppointmentId,
    patient_user: UserId,
) -> ApiResult<Option<Visit>> {
    Ok(Visit::find_by_statement(stmt(
        "select status, doctor_id, doctor_user_id, patient_id from appointment \
         where id = $1 and patient_user_id = $2",
        [id.into(), patient_user.into()],
    ))
    .one(tx.conn())
    .await?)
}

/// Inserts the rating; false when the visit was rated already.
pub async fn insert(
    tx: &TenantTx,
    hospital: HospitalId,
    id: AppointmentId,
    visit: &Visit,
    patient_user: UserId,
    stars: i16,
    comment: String,
) -> ApiResult<bool> {
    let n = tx
        .conn_execute(
            "insert into appointment_rating (hospital_id, appointment_id, doctor_id, \
               patient_user_id, doctor_user_id, stars, comment) \
             values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
            vec![
                Value::from(hospital),
                id.into(),
                visit.doctor_id.into(),
                patient_user.into(),
                visit.doctor_user_id.into(),
                stars.into(),
                comment.into(),
            ],
        )
        .await?;
    Ok(n == 1)
}

pub async fn rating(tx: &TenantTx, id: AppointmentId) -> ApiResult<Rating> {
    Rating::find_by_statement(stmt(
        "select appointment_id, doctor_id, stars, comment, created_at \
         from appointment_rating where appointment_id = $1",
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// Every doctor of the hospital with their ratings' count, mean, distribution and newest
/// comments, by name.
pub async fn by_doctor(tx: &TenantTx) -> ApiResult<Vec<DoctorRatings>> {
    Ok(DoctorRatings::find_by_statement(stmt(
        "select d.id as doctor_id, u.full_name as doctor_name, d.specialization,
                count(r.stars) as ratings, avg(r.stars)::float8 as mean_stars,
                jsonb_build_array(count(*) filter (where r.stars = 1),
                                  count(*) filter (where r.stars = 2),
                                  count(*) filter (where r.stars = 3),
                                  count(*) filter (where r.stars = 4),
                                  count(*) filter (where r.stars = 5)) as distribution,
                coalesce((select jsonb_agg(c order by c.created_at desc)
                            from (select rr.stars, rr.comment, rr.created_at
                                    from appointment_rating rr
                                   where rr.hospital_id = d.hospital_id and rr.doctor_id = d.id
                                     and rr.comment <> ''
                                   order by rr.created_at desc limit 5) c), '[]'::jsonb) as recent
           from doctor d
           join app_user u on u.id = d.user_id
           left join appointment_rating r on r.hospital_id = d.hospital_id and r.doctor_id = d.id
          group by d.hospital_id, d.id, u.full_name, d.specialization
          order by u.full_name, d.id",
        [],
    ))
    .all(tx.conn())
    .await?)
}
