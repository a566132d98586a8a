//! The ratings domain's values: a rating as read, what rating a visit asks for (checked here),
//! and a doctor's figures.

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// A patient's rating of a completed visit.
#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Rating {
    pub appointment_id: Uuid,
    pub doctor_id: Uuid,
    /// 1 to 5.
    pub stars: i16,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}

/// A rating to give.
#[derive(Debug, Clone)]
pub struct RatingRequest {
    pub stars: u32,
    pub comment: Option<String>,
}

impl RatingRequest {
    /// The stars (1 to 5) and the comment, trimmed, at most 1000 characters (422 otherwise).
    pub fn checked(&self) -> ApiResult<(i16, String)> {
        if !(1..=5).contains(&self.stars) {
            return Err(ApiError::unprocessable("stars must be between 1 and 5"));
        }
        let comment = self.comment.as_deref().unwrap_or("").trim().to_string();
        if comment.chars().count() > 1000 {
            return Err(ApiError::unprocessable(
                "comment must have at most 1000 characters",
            ));
        }
        Ok((self.stars as i16, comment))
    }
}

/// One of a doctor's recent comments (without who wrote it).
#[derive(Object, Debug, Clone, serde::Deserialize)]
pub struct RecentComment {
    pub stars: i16,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}

/// A doctor's ratings as the statement reads them (counts and comments as JSON).
#[derive(FromQueryResult, Debug, Clone)]
pub struct DoctorRatings {
    pub doctor_id: Uuid,
    pub doctor_name: String,
    pub specialization: String,
    pub ratings: i64,
    pub mean_stars: Option<f64>,
    /// How many ratings gave 1, 2, 3, 4 and 5 stars.
    pub distribution: serde_json::Value,
    pub recent: serde_json::Value,
}

/// A doctor's ratings, for hospital admins.
#[derive(Object, Debug, Clone)]
pub struct DoctorRatingsView {
    pub doctor_id: Uuid,
    pub doctor_name: String,
    pub specialization: String,
    pub ratings: i64,
    /// Null before a first rating.
    #[oai(nullable)]
    pub mean_stars: Option<f64>,
    /// Ratings with 1, 2, 3, 4 and 5 stars, in that order.
    pub stars: Vec<i64>,
    /// The five newest comments that say something, newest first.
    pub recent_comments: Vec<RecentComment>,
}

impl From<DoctorRatings> for DoctorRatingsView {
    fn from(d: DoctorRatings) -> Self {
        Self {
            doctor_id: d.doctor_id,
            doctor_name: d.doctor_name,
            specialization: d.specialization,
            ratings: d.ratings,
            mean_stars: d.mean_stars,
            stars: serde_json::from_value(d.distribution).unwrap_or_default(),
            recent_comments: serde_json::from_value(d.recent).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_are_1_to_5_and_a_comment_at_most_1000_characters() {
        let r = |stars, comment: Option<&str>| RatingRequest {
            stars,
            comment: comment.map(String::from),
        };
        assert_eq!(r(5, None).checked().unwrap(), (5, String::new()));
        assert_eq!(
            r(1, Some("  kind  ")).checked().unwrap(),
            (1, "kind".into())
        );
        assert!(r(0, None).checked().is_err());
        assert!(r(6, None).checked().is_err());
        assert!(r(3, Some(&"न".repeat(1000))).checked().is_ok());
        assert!(r(3, Some(&"x".repeat(1001))).checked().is_err());
    }
}
