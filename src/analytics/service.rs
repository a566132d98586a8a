//! The analytics' checks and the assembly of their figures. Each of `store`'s statements gives
//! one kind of figure per day and in total; here they are laid into one [`Figures`] per date of
//! the period and one for the whole of it, and the ratios are taken.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};

use crate::{
    analytics::{
        store,
        types::{
            Day, Figures, HospitalAnalytics, HospitalFigures, Latency, Period, PlatformAnalytics,
            Revenue,
        },
    },
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::ApiResult,
};

/// Every date of the period with its figures, and the period's.
struct Sheet {
    days: BTreeMap<NaiveDate, Figures>,
    totals: Figures,
}

impl Sheet {
    fn new(p: Period) -> Self {
        let days = p
            .from
            .iter_days()
            .take_while(|d| *d <= p.to)
            .map(|d| (d, Figures::default()))
            .collect();
        Self {
            days,
            totals: Figures::default(),
        }
    }

    /// The figures of `day`, or the totals for the grouping sets' total row (no day). A date
    /// outside the period (none is asked for) lands in a scratch value.
    fn at(&mut self, day: Option<NaiveDate>) -> &mut Figures {
        match day {
            None => &mut self.totals,
            Some(d) => self.days.entry(d).or_default(),
        }
    }

    /// The ratios, once the counts are in.
    fn finish(&mut self) {
        for f in self
            .days
            .values_mut()
            .chain(std::iter::once(&mut self.totals))
        {
            let n = |s: &str| f.appointments.get(s).copied().unwrap_or(0);
            let (missed, seen) = (n("no_show"), n("completed"));
            f.no_show_rate = (missed + seen > 0).then(|| missed as f64 / (missed + seen) as f64);
            f.utilisation = (f.published_minutes > 0)
                .then(|| f.booked_minutes as f64 / f.published_minutes as f64);
        }
    }
}

/// The numbers of the period's appointments, money and calls laid into `sheet`.
async fn visit_figures(tx: &TenantTx, p: Period, sheet: &mut Sheet) -> ApiResult<()> {
    for r in store::appointments(tx, p).await? {
        sheet.at(r.day).appointments.insert(r.status, r.n);
    }
    for r in store::visits(tx, p).await? {
        let f = sheet.at(r.day);
        f.booked_minutes = r.booked_minutes;
        f.median_minutes_to_confirm = r.median_minutes_to_confirm;
        f.calls = r.calls;
        f.mean_call_minutes = r.mean_call_minutes;
        f.ratings = r.ratings;
        f.mean_rating = r.mean_rating;
    }
    for r in store::revenue(tx, p).await? {
        sheet.at(r.day).revenue.push(Revenue {
            currency: r.currency,
            amount: r.amount,
            gross: r.gross,
            refunded: r.refunded,
        });
    }
    for r in store::published(tx, p).await? {
        sheet.at(r.day).published_minutes = r.minutes;
    }
    Ok(())
}

/// The period's inference jobs, their latency and the doctors' agreement laid into `sheet`.
async fn model_figures(tx: &TenantTx, p: Period, sheet: &mut Sheet) -> ApiResult<()> {
    for r in store::jobs(tx, p).await? {
        let f = sheet.at(r.day);
        f.inference_jobs
            .entry(r.kind)
            .or_default()
            .insert(r.status, r.n);
    }
    for r in store::latency(tx, p).await? {
        sheet.at(r.day).inference_latency.push(Latency {
            kind: r.kind,
            jobs: r.jobs,
            p50_ms: r.p50_ms,
            p95_ms: r.p95_ms,
        });
    }
    for r in store::agreement(tx, p).await? {
        let f = sheet.at(r.day);
        f.reviewed_epochs = r.epochs;
        f.model_agreement = (r.epochs > 0).then(|| (r.epochs - r.changed) as f64 / r.epochs as f64);
    }
    Ok(())
}

/// The caller's hospital's figures over the period (its own time zone's dates). Audited.
#[tracing::instrument(skip_all)]
pub async fn hospital(
    mut tx: TenantTx,
    _: &Permit<perm::HospitalAnalytics, perm::Read>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<HospitalAnalytics> {
    let hospital = tx.caller().hospital()?;
    let timezone = store::timezone(&tx).await?;
    let today = timezone
        .parse::<chrono_tz::Tz>()
        .map(|tz| Utc::now().with_timezone(&tz).date_naive())
        .unwrap_or_else(|_| Utc::now().date_naive());
    let p = Period::parse(from, to, today)?;
    store::report_settings(&tx).await?;
    let mut sheet = Sheet::new(p);
    visit_figures(&tx, p, &mut sheet).await?;
    model_figures(&tx, p, &mut sheet).await?;
    sheet.finish();
    tx.audit_read(
        hospital,
        AuditEntry::new("analytics.hospital", "hospital", hospital),
    );
    tx.commit().await?;
    Ok(HospitalAnalytics {
        from: p.from,
        to: p.to,
        timezone,
        totals: sheet.totals,
        days: sheet
            .days
            .into_iter()
            .map(|(date, figures)| Day { date, figures })
            .collect(),
    })
}

/// Every hospital's counts, revenue and active users over the period (super admins).
#[tracing::instrument(skip_all)]
pub async fn platform(
    tx: TenantTx,
    _: &Permit<perm::PlatformAnalytics, perm::Read>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> ApiResult<PlatformAnalytics> {
    let p = Period::parse(from, to, Utc::now().date_naive())?;
    let rows = store::platform(&tx, p).await?;
    tx.commit().await?;
    let hospitals = rows
        .into_iter()
        .map(|r| HospitalFigures {
            hospital_id: r.hospital_id,
            slug: r.slug,
            name: r.name,
            appointments: serde_json::from_value(r.appointments).unwrap_or_default(),
            revenue: serde_json::from_value(r.revenue).unwrap_or_default(),
            active_users: r.active_users,
        })
        .collect();
    Ok(PlatformAnalytics {
        from: p.from,
        to: p.to,
        hospitals,
    })
}
