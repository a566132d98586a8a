//! NEWS2, the National Early Warning Score 2 of the Royal College of Physicians (2017): each
//! parameter's band on the RCP chart, summed, and the clinical risk the total (or a single
//! parameter scoring 3) stands for. Pure; every band edge is tested below on both sides.
//!
//! Temperatures are tenths of a degree (`373` is 37.3 °C), as the chart's bands are drawn to
//! one decimal.

/// The oxygen saturation scale: 1 for most patients; 2 for those with hypercapnic respiratory
/// failure whose prescribed target range is 88–92%.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spo2Scale {
    One,
    Two,
}

/// ACVPU: alert, new confusion, responds to voice, to pain, unresponsive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consciousness {
    Alert,
    Confusion,
    Voice,
    Pain,
    Unresponsive,
}

/// One set of observations, as NEWS2 reads them.
#[derive(Debug, Clone, Copy)]
pub struct Observations {
    pub respiratory_rate: u16,
    pub spo2: u16,
    pub scale: Spo2Scale,
    pub on_oxygen: bool,
    pub systolic_bp: u16,
    pub heart_rate: u16,
    pub consciousness: Consciousness,
    pub temperature_tenths: i16,
}

/// The chart's clinical risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// Aggregate 0–4 with no single parameter scoring 3.
    Low,
    /// Aggregate 0–4 with a single parameter scoring 3 (the chart's "red score").
    LowMedium,
    /// Aggregate 5–6.
    Medium,
    /// Aggregate 7 or more.
    High,
}

impl Risk {
    pub fn name(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::LowMedium => "low_medium",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

/// Each parameter's points and what they add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub respiratory_rate: u8,
    pub spo2: u8,
    pub air_or_oxygen: u8,
    pub systolic_bp: u8,
    pub heart_rate: u8,
    pub consciousness: u8,
    pub temperature: u8,
    pub total: u8,
    pub risk: Risk,
}

pub fn respiratory_rate(per_minute: u16) -> u8 {
    match per_minute {
        0..=8 => 3,
        9..=11 => 1,
        12..=20 => 0,
        21..=24 => 2,
        _ => 3,
    }
}

/// SpO₂ scale 1: ≤91 3, 92–93 2, 94–95 1, ≥96 0 (on air or oxygen alike).
pub fn spo2_scale_1(percent: u16) -> u8 {
    match percent {
        0..=91 => 3,
        92..=93 => 2,
        94..=95 => 1,
        _ => 0,
    }
}

/// SpO₂ scale 2: ≤83 3, 84–85 2, 86–87 1, 88–92 0, and ≥93 0 on air; on oxygen 93–94 1,
/// 95–96 2, ≥97 3 (over-oxygenation of a patient whose target is 88–92%).
pub fn spo2_scale_2(percent: u16, on_oxygen: bool) -> u8 {
    match (percent, on_oxygen) {
        (0..=83, _) => 3,
        (84..=85, _) => 2,
        (86..=87, _) => 1,
        (88..=92, _) => 0,
        (_, false) => 0,
        (93..=94, true) => 1,
        (95..=96, true) => 2,
        (_, true) => 3,
    }
}

/// Air 0, oxygen 2.
pub fn air_or_oxygen(on_oxygen: bool) -> u8 {
    if on_oxygen { 2 } else { 0 }
}

pub fn systolic_bp(mmhg: u16) -> u8 {
    match mmhg {
        0..=90 => 3,
        91..=100 => 2,
        101..=110 => 1,
        111..=219 => 0,
        _ => 3,
    }
}

pub fn heart_rate(per_minute: u16) -> u8 {
    match per_minute {
        0..=40 => 3,
        41..=50 => 1,
        51..=90 => 0,
        91..=110 => 1,
        111..=130 => 2,
        _ => 3,
    }
}

/// Alert 0; new confusion, voice, pain or unresponsive 3.
pub fn consciousness(c: Consciousness) -> u8 {
    if c == Consciousness::Alert { 0 } else { 3 }
}

/// ≤35.0 3, 35.1–36.0 1, 36.1–38.0 0, 38.1–39.0 1, ≥39.1 2 (tenths of a degree).
pub fn temperature(tenths: i16) -> u8 {
    match tenths {
        i16::MIN..=350 => 3,
        351..=360 => 1,
        361..=380 => 0,
        381..=390 => 1,
        _ => 2,
    }
}

/// The risk of an aggregate score, given whether any single parameter scored 3.
pub fn risk(total: u8, any_parameter_3: bool) -> Risk {
    match total {
        7.. => Risk::High,
        5..=6 => Risk::Medium,
        _ if any_parameter_3 => Risk::LowMedium,
        _ => Risk::Low,
    }
}

pub fn score(o: &Observations) -> Score {
    let spo2 = match o.scale {
        Spo2Scale::One => spo2_scale_1(o.spo2),
        Spo2Scale::Two => spo2_scale_2(o.spo2, o.on_oxygen),
    };
    let parts = [
        respiratory_rate(o.respiratory_rate),
        spo2,
        air_or_oxygen(o.on_oxygen),
        systolic_bp(o.systolic_bp),
        heart_rate(o.heart_rate),
        consciousness(o.consciousness),
        temperature(o.temperature_tenths),
    ];
    let total = parts.iter().sum();
    Score {
        respiratory_rate: parts[0],
        spo2: parts[1],
        air_or_oxygen: parts[2],
        systolic_bp: parts[3],
        heart_rate: parts[4],
        consciousness: parts[5],
        temperature: parts[6],
        total,
        risk: risk(total, parts.contains(&3)),
    }
}

/// Whether the scores (oldest first) rose at each of the last three sets.
pub fn rising(scores: &[u8]) -> bool {
    match scores {
        [.., a, b, c] => a < b && b < c,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every band edge of the RCP chart, each value on both sides of it: (value, points).
    #[test]
    fn respiratory_rate_bands() {
        for (v, p) in [
            (1, 3),
            (8, 3),
            (9, 1),
            (11, 1),
            (12, 0),
            (20, 0),
            (21, 2),
            (24, 2),
            (25, 3),
            (80, 3),
        ] {
            assert_eq!(respiratory_rate(v), p, "respiratory rate {v}");
        }
    }

    #[test]
    fn spo2_scale_1_bands() {
        for (v, p) in [
            (50, 3),
            (91, 3),
            (92, 2),
            (93, 2),
            (94, 1),
            (95, 1),
            (96, 0),
            (100, 0),
        ] {
            assert_eq!(spo2_scale_1(v), p, "SpO2 scale 1 {v}");
        }
    }

    #[test]
    fn spo2_scale_2_bands_on_air_and_on_oxygen() {
        // (value, points on air, points on oxygen)
        for (v, air, o2) in [
            (50, 3, 3),
            (83, 3, 3),
            (84, 2, 2),
            (85, 2, 2),
            (86, 1, 1),
            (87, 1, 1),
            (88, 0, 0),
            (92, 0, 0),
            (93, 0, 1),
            (94, 0, 1),
            (95, 0, 2),
            (96, 0, 2),
            (97, 0, 3),
            (100, 0, 3),
        ] {
            assert_eq!(spo2_scale_2(v, false), air, "SpO2 scale 2 {v} on air");
            assert_eq!(spo2_scale_2(v, true), o2, "SpO2 scale 2 {v} on oxygen");
        }
    }

    #[test]
    fn air_or_oxygen_points() {
        assert_eq!(air_or_oxygen(false), 0);
        assert_eq!(air_or_oxygen(true), 2);
    }

    #[test]
    fn systolic_bp_bands() {
        for (v, p) in [
            (40, 3),
            (90, 3),
            (91, 2),
            (100, 2),
            (101, 1),
            (110, 1),
            (111, 0),
            (219, 0),
            (220, 3),
            (300, 3),
        ] {
            assert_eq!(systolic_bp(v), p, "systolic {v}");
        }
    }

    #[test]
    fn heart_rate_bands() {
        for (v, p) in [
            (20, 3),
            (40, 3),
            (41, 1),
            (50, 1),
            (51, 0),
            (90, 0),
            (91, 1),
            (110, 1),
            (111, 2),
            (130, 2),
            (131, 3),
            (250, 3),
        ] {
            assert_eq!(heart_rate(v), p, "pulse {v}");
        }
    }

    #[test]
    fn acvpu_alert_scores_0_and_anything_else_3() {
        use Consciousness::*;
        assert_eq!(consciousness(Alert), 0);
        for c in [Confusion, Voice, Pain, Unresponsive] {
            assert_eq!(consciousness(c), 3, "{c:?}");
        }
    }

    #[test]
    fn temperature_bands() {
        for (v, p) in [
            (300, 3),
            (350, 3),
            (351, 1),
            (360, 1),
            (361, 0),
            (380, 0),
            (381, 1),
            (390, 1),
            (391, 2),
            (450, 2),
        ] {
            assert_eq!(temperature(v), p, "temperature {v}");
        }
    }

    #[test]
    fn risk_bands_and_the_single_parameter_rule() {
        for (total, red, r) in [
            (0, false, Risk::Low),
            (4, false, Risk::Low),
            (3, true, Risk::LowMedium),
            (4, true, Risk::LowMedium),
            (5, false, Risk::Medium),
            (5, true, Risk::Medium),
            (6, true, Risk::Medium),
            (7, false, Risk::High),
            (7, true, Risk::High),
            (20, true, Risk::High),
        ] {
            assert_eq!(
                risk(total, red),
                r,
                "total {total}, a parameter at 3: {red}"
            );
        }
    }

    fn normal() -> Observations {
        Observations {
            respiratory_rate: 16,
            spo2: 97,
            scale: Spo2Scale::One,
            on_oxygen: false,
            systolic_bp: 120,
            heart_rate: 72,
            consciousness: Consciousness::Alert,
            temperature_tenths: 370,
        }
    }

    #[test]
    fn a_whole_set_adds_its_parameters() {
        let s = score(&normal());
        assert_eq!((s.total, s.risk), (0, Risk::Low));

        // New confusion alone: 3 points, a single red parameter.
        let s = score(&Observations {
            consciousness: Consciousness::Confusion,
            ..normal()
        });
        assert_eq!((s.total, s.risk), (3, Risk::LowMedium));

        // Scale 2 at 95% on oxygen: 2 (SpO2) + 2 (oxygen).
        let s = score(&Observations {
            spo2: 95,
            scale: Spo2Scale::Two,
            on_oxygen: true,
            ..normal()
        });
        assert_eq!(
            (s.spo2, s.air_or_oxygen, s.total, s.risk),
            (2, 2, 4, Risk::Low)
        );

        // RR 22 (2) + SpO2 93 on scale 1 (2) + pulse 115 (2) + 38.5 °C (1) = 7.
        let s = score(&Observations {
            respiratory_rate: 22,
            spo2: 93,
            heart_rate: 115,
            temperature_tenths: 385,
            ..normal()
        });
        assert_eq!((s.total, s.risk), (7, Risk::High));

        // SBP 95 (2) + pulse 105 (1) + RR 21 (2) = 5.
        let s = score(&Observations {
            systolic_bp: 95,
            heart_rate: 105,
            respiratory_rate: 21,
            ..normal()
        });
        assert_eq!((s.total, s.risk), (5, Risk::Medium));
    }

    #[test]
    fn a_rise_needs_three_sets_each_higher() {
        assert!(!rising(&[]));
        assert!(!rising(&[1, 2]));
        assert!(rising(&[1, 2, 3]));
        assert!(rising(&[9, 0, 2, 5]));
        assert!(!rising(&[1, 2, 2]));
        assert!(!rising(&[3, 2, 4]));
    }
}
