//! A set of vital signs as FHIR R4 `Observation`s in the vital signs profile: one panel
//! (LOINC 85353-1, id = the set's id) whose `hasMember` names one Observation per measurement
//! (id `{set}-{member}`), each with its LOINC code and a UCUM quantity. The NEWS2 score, the
//! oxygen the patient breathed and the ACVPU level are the panel's note.

use serde_json::{Value, json};

use crate::{fhir::reference, records::vitals::types::VitalsRow};

/// One measurement of a set, as its own Observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member {
    RespiratoryRate,
    OxygenSaturation,
    SystolicBp,
    HeartRate,
    BodyTemperature,
}

impl Member {
    pub const ALL: [Self; 5] = [
        Self::RespiratoryRate,
        Self::OxygenSaturation,
        Self::SystolicBp,
        Self::HeartRate,
        Self::BodyTemperature,
    ];

    /// The id suffix after the set's id.
    pub fn suffix(self) -> &'static str {
        match self {
            Self::RespiratoryRate => "respiratory-rate",
            Self::OxygenSaturation => "oxygen-saturation",
            Self::SystolicBp => "systolic-bp",
            Self::HeartRate => "heart-rate",
            Self::BodyTemperature => "body-temperature",
        }
    }

    pub fn parse(suffix: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.suffix() == suffix)
    }

    /// LOINC codings (the profile's code first), then the UCUM unit and its display.
    fn code(
        self,
    ) -> (
        &'static [(&'static str, &'static str)],
        &'static str,
        &'static str,
    ) {
        match self {
            Self::RespiratoryRate => (&[("9279-1", "Respiratory rate")], "/min", "breaths/minute"),
            Self::OxygenSaturation => (
                &[
                    ("2708-6", "Oxygen saturation in Arterial blood"),
                    (
                        "59408-5",
                        "Oxygen saturation in Arterial blood by Pulse oximetry",
                    ),
                ],
                "%",
                "%",
            ),
            Self::SystolicBp => (&[("8480-6", "Systolic blood pressure")], "mm[Hg]", "mmHg"),
            Self::HeartRate => (&[("8867-4", "Heart rate")], "/min", "beats/minute"),
            Self::BodyTemperature => (&[("8310-5", "Body temperature")], "Cel", "C"),
        }
    }

    fn value(self, v: &VitalsRow) -> f64 {
        match self {
            Self::RespiratoryRate => v.respiratory_rate.into(),
            Self::OxygenSaturation => v.spo2.into(),
            Self::SystolicBp => v.systolic_bp.into(),
            Self::HeartRate => v.heart_rate.into(),
            Self::BodyTemperature => v.temperature_c,
        }
    }
}

fn loinc(codes: &[(&str, &str)]) -> Value {
    let coding: Vec<Value> = codes
        .iter()
        .map(|(code, display)| json!({ "system": "http://loinc.org", "code": code, "display": display }))
        .collect();
    json!({ "coding": coding, "text": codes[0].1 })
}

/// What every Observation of the set shares.
fn base(v: &VitalsRow, id: String, code: Value) -> Value {
    json!({
        "resourceType": "Observation",
        "id": id,
        "meta": { "profile": ["http://hl7.org/fhir/StructureDefinition/vitalsigns"] },
        "status": "final",
        "category": [{ "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "vital-signs",
            "display": "Vital Signs",
        }] }],
        "code": code,
        "subject": reference("Patient", v.patient_id),
        "effectiveDateTime": super::instant(v.measured_at),
        "issued": super::instant(v.created_at),
    })
}

/// The set's panel: its members by reference, the NEWS2 score in a note.
pub fn panel(v: &VitalsRow) -> Value {
    let mut r = base(
        v,
        v.id.to_string(),
        loinc(&[(
            "85353-1",
            "Vital signs, weight, height, head circumference, oxygen saturation and BMI panel",
        )]),
    );
    let members: Vec<Value> = Member::ALL
        .iter()
        .map(|m| reference("Observation", format!("{}-{}", v.id, m.suffix())))
        .collect();
    r["hasMember"] = json!(members);
    let air = if v.on_oxygen {
        "supplemental oxygen"
    } else {
        "air"
    };
    r["note"] = json!([{ "text": format!(
        "NEWS2 {} ({}); SpO2 scale {}; on {air}; ACVPU {}",
        v.news2_score, v.news2_risk, v.spo2_scale, v.consciousness
    ) }]);
    r
}

/// One measurement of the set.
pub fn member(v: &VitalsRow, m: Member) -> Value {
    let (codes, ucum, unit) = m.code();
    let mut r = base(v, format!("{}-{}", v.id, m.suffix()), loinc(codes));
    r["valueQuantity"] = json!({
        "value": m.value(v),
        "unit": unit,
        "system": "http://unitsofmeasure.org",
        "code": ucum,
    });
    r
}

/// The panel followed by its members.
pub fn observations(v: &VitalsRow) -> Vec<Value> {
    let mut all = vec![panel(v)];
    all.extend(Member::ALL.iter().map(|m| member(v, *m)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> VitalsRow {
        let t = chrono::DateTime::parse_from_rfc3339("2026-12-01T08:30:00Z")
            .unwrap()
            .to_utc();
        VitalsRow {
            id: uuid::Uuid::now_v7(),
            patient_id: uuid::Uuid::now_v7(),
            recorded_by: uuid::Uuid::now_v7(),
            measured_at: t,
            respiratory_rate: 22,
            spo2: 93,
            spo2_scale: 1,
            on_oxygen: true,
            systolic_bp: 105,
            heart_rate: 112,
            consciousness: "A".into(),
            temperature_c: 38.4,
            news2_score: 8,
            news2_risk: "high".into(),
            rising: false,
            created_at: t,
        }
    }

    #[test]
    fn each_member_carries_its_loinc_code_and_ucum_quantity() {
        let v = row();
        let expect = [
            (Member::RespiratoryRate, "9279-1", 22.0, "/min"),
            (Member::OxygenSaturation, "2708-6", 93.0, "%"),
            (Member::SystolicBp, "8480-6", 105.0, "mm[Hg]"),
            (Member::HeartRate, "8867-4", 112.0, "/min"),
            (Member::BodyTemperature, "8310-5", 38.4, "Cel"),
        ];
        for (m, code, value, ucum) in expect {
            let r = member(&v, m);
            assert_eq!(r["id"], format!("{}-{}", v.id, m.suffix()));
            assert_eq!(r["code"]["coding"][0]["code"], code);
            assert_eq!(r["valueQuantity"]["value"], value);
            assert_eq!(r["valueQuantity"]["code"], ucum);
            assert_eq!(r["category"][0]["coding"][0]["code"], "vital-signs");
            assert_eq!(r["effectiveDateTime"], "2026-12-01T08:30:00Z");
            assert_eq!(Member::parse(m.suffix()), Some(m));
        }
        assert_eq!(
            member(&v, Member::OxygenSaturation)["code"]["coding"][1]["code"],
            "59408-5"
        );
        assert_eq!(Member::parse("weight"), None);
    }

    #[test]
    fn the_panel_names_every_member_and_the_score() {
        let v = row();
        let all = observations(&v);
        assert_eq!(all.len(), 6);
        let p = &all[0];
        assert_eq!(p["code"]["coding"][0]["code"], "85353-1");
        assert!(p.get("valueQuantity").is_none());
        let members: Vec<&str> = p["hasMember"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["reference"].as_str().unwrap())
            .collect();
        let ids: Vec<String> = all[1..]
            .iter()
            .map(|r| format!("Observation/{}", r["id"].as_str().unwrap()))
            .collect();
        assert_eq!(members, ids);
        let note = p["note"][0]["text"].as_str().unwrap();
        assert!(note.starts_with("NEWS2 8 (high)"), "{note}");
        assert!(note.contains("supplemental oxygen"), "{note}");
    }
}
