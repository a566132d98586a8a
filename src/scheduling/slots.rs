//! Free slots from weekly rules in the doctor's time zone. Pure: no I/O, tested below.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// A date off (no hours) or extra hours on a date, in the doctor's zone.
pub type DatedException = (NaiveDate, Option<(NaiveTime, NaiveTime)>);

/// A doctor's availability as stored.
#[derive(Debug, Clone)]
pub struct Availability {
    pub tz: Tz,
    pub slot_minutes: i64,
    pub buffer_minutes: i64,
    /// (ISO weekday 1 = Monday .. 7 = Sunday, start, end), local times.
    pub rules: Vec<(u32, NaiveTime, NaiveTime)>,
    /// A date with None is a day off; with Some, extra hours that day.
    pub exceptions: Vec<DatedException>,
}

pub type Interval = (DateTime<Utc>, DateTime<Utc>);

fn minutes(t: NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight()) / 60
}

/// The instant a local wall-clock time names: the earlier one when the clock falls back,
/// none when it springs forward over it.
fn instant(tz: Tz, date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

impl Availability {
    fn intervals_on(&self, day: NaiveDate) -> Vec<(NaiveTime, NaiveTime)> {
        let off = self
            .exceptions
            .iter()
            .any(|(d, hours)| *d == day && hours.is_none());
        let mut out: Vec<(NaiveTime, NaiveTime)> = if off {
            Vec::new()
        } else {
            let wd = day.weekday().number_from_monday();
            self.rules
                .iter()
                .filter(|(w, _, _)| *w == wd)
                .map(|(_, s, e)| (*s, *e))
                .collect()
        };
        out.extend(
            self.exceptions
                .iter()
                .filter(|(d, _)| *d == day)
                .filter_map(|(_, h)| *h),
        );
        out
    }

    /// Every slot of the grid that starts in [from, to), before removing busy time.
    pub fn grid(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Interval> {
        let slot = Duration::minutes(self.slot_minutes);
        let first = from.with_timezone(&self.tz).date_naive() - Duration::days(1);
        let last = to.with_timezone(&self.tz).date_naive() + Duration::days(1);
        let mut out = Vec::new();
        let mut day = first;
        while day <= last {
            for (s, e) in self.intervals_on(day) {
                // Walk the local grid in minutes since midnight; a slot ends by the interval's end.
                let (start_min, end_min) = (minutes(s), minutes(e));
                let mut m = start_min;
                while m + self.slot_minutes <= end_min {
                    let local = NaiveTime::from_num_seconds_from_midnight_opt((m * 60) as u32, 0)
                        .expect("within a day");
                    if let Some(start) = instant(self.tz, day, local)
                        && start >= from
                        && start < to
                    {
                        out.push((start, start + slot));
                    }
                    m += self.slot_minutes + self.buffer_minutes;
                }
            }
            day += Duration::days(1);
        }
        out.sort();
        out.dedup();
        out
    }

    /// Free slots: the grid minus busy intervals, within [earliest, latest] for the start.
    pub fn free(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        busy: &[Interval],
        earliest: DateTime<Utc>,
        latest: DateTime<Utc>,
    ) -> Vec<Interval> {
        self.grid(from, to)
            .into_iter()
            .filter(|(s, _)| *s >= earliest && *s <= latest)
            .filter(|(s, e)| !busy.iter().any(|(bs, be)| bs < e && be > s))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn kathmandu_slots_sit_at_quarter_to_offsets() {
        let av = Availability {
            tz: "Asia/Kathmandu".parse().unwrap(),
            slot_minutes: 30,
            buffer_minutes: 0,
            rules: vec![(1, t(9, 0), t(11, 0))], // Mondays 09:00-11:00 NPT (UTC+5:45)
            exceptions: vec![],
        };
        // Monday 2026-11-30.
        let slots = av.grid(utc("2026-11-29T00:00:00Z"), utc("2026-12-01T00:00:00Z"));
        let starts: Vec<String> = slots.iter().map(|(s, _)| s.to_rfc3339()).collect();
        assert_eq!(
            starts,
            vec![
                "2026-11-30T03:15:00+00:00",
                "2026-11-30T03:45:00+00:00",
                "2026-11-30T04:15:00+00:00",
                "2026-11-30T04:45:00+00:00"
            ]
        );
    }

    #[test]
    fn new_york_slots_keep_local_time_across_the_dst_change() {
        let av = Availability {
            tz: "America/New_York".parse().unwrap(),
            slot_minutes: 60,
            buffer_minutes: 0,
            rules: vec![(6, t(9, 0), t(10, 0)), (7, t(9, 0), t(10, 0))],
            exceptions: vec![],
        };
        // DST ends at 02:00 on Sunday 2026-11-01: Saturday 9:00 EDT = 13:00Z, Sunday 9:00 EST = 14:00Z.
        let slots = av.grid(utc("2026-10-31T00:00:00Z"), utc("2026-11-02T00:00:00Z"));
        let starts: Vec<String> = slots.iter().map(|(s, _)| s.to_rfc3339()).collect();
        assert_eq!(
            starts,
            vec!["2026-10-31T13:00:00+00:00", "2026-11-01T14:00:00+00:00"]
        );
    }

    #[test]
    fn a_nonexistent_local_time_yields_no_slot_and_a_repeated_one_yields_one() {
        let av = Availability {
            tz: "America/New_York".parse().unwrap(),
            slot_minutes: 30,
            buffer_minutes: 0,
            rules: vec![(7, t(1, 30), t(3, 0))],
            exceptions: vec![],
        };
        // 2026-03-08: 02:00-03:00 does not exist. 01:30 EST = 06:30Z; 02:00 and 02:30 are skipped.
        let spring = av.grid(utc("2026-03-08T00:00:00Z"), utc("2026-03-09T00:00:00Z"));
        assert_eq!(
            spring,
            vec![(utc("2026-03-08T06:30:00Z"), utc("2026-03-08T07:00:00Z"))]
        );
        // 2026-11-01: 01:30 happens twice; the earlier (EDT, 05:30Z) is taken, once.
        let fall = av.grid(utc("2026-11-01T00:00:00Z"), utc("2026-11-02T00:00:00Z"));
        let starts: Vec<DateTime<Utc>> = fall.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            starts,
            vec![
                utc("2026-11-01T05:30:00Z"),
                utc("2026-11-01T07:00:00Z"),
                utc("2026-11-01T07:30:00Z")
            ]
        );
    }

    #[test]
    fn exceptions_buffers_and_busy_time_shape_the_free_slots() {
        let av = Availability {
            tz: chrono_tz::UTC,
            slot_minutes: 30,
            buffer_minutes: 10,
            rules: vec![(1, t(9, 0), t(11, 0))],
            exceptions: vec![
                (NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), None),
                (
                    NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
                    Some((t(14, 0), t(15, 0))),
                ),
            ],
        };
        let from = utc("2026-11-30T00:00:00Z");
        let to = utc("2026-12-09T00:00:00Z");
        let grid: Vec<String> = av
            .grid(from, to)
            .iter()
            .map(|(s, _)| s.format("%d %H:%M").to_string())
            .collect();
        // Monday 30th: 9:00, 9:40, 10:20 (10:20-10:50 fits, 11:00 would not); Monday 7th off;
        // Tuesday 8th extra hours: 14:00 (14:40-15:10 does not fit).
        assert_eq!(grid, vec!["30 09:00", "30 09:40", "30 10:20", "08 14:00"]);
        let busy = [(utc("2026-11-30T09:45:00Z"), utc("2026-11-30T10:15:00Z"))];
        let free = av.free(from, to, &busy, utc("2026-11-30T09:10:00Z"), to);
        let free: Vec<String> = free
            .iter()
            .map(|(s, _)| s.format("%d %H:%M").to_string())
            .collect();
        assert_eq!(free, vec!["30 10:20", "08 14:00"]);
    }
}
