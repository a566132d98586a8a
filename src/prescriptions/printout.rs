//! What the printed prescription shows, with its labels in English or Nepali.
//!
//! Only the labels are translated. What was written for the prescription (names, medications,
//! doses, instructions) is printed as written, in whichever script it was written; numbers,
//! dates and the verification code keep Western digits, as the pharmacist and the public
//! verification page read them.

use crate::prescriptions::{
    pdf::{self, Line},
    store::Print,
    types::{Item, Lang, Prescription},
};

/// The words of one language.
struct Labels {
    /// The document's title before its code, as a viewer's window shows it.
    title: &'static str,
    heading: &'static str,
    prescriber: &'static str,
    licence: &'static str,
    patient: &'static str,
    date_of_birth: &'static str,
    not_recorded: &'static str,
    issued: &'static str,
    status: &'static str,
    medications: &'static str,
    quantity: &'static str,
    refills: &'static str,
    verification: &'static str,
    verification_code: &'static str,
    check_at: &'static str,
    status_name: fn(&str) -> &str,
    for_days: fn(i32) -> String,
    page: fn(usize, usize) -> String,
}

const ENGLISH: Labels = Labels {
    title: "Prescription",
    heading: "Electronic prescription",
    prescriber: "Prescriber",
    licence: "Licence",
    patient: "Patient",
    date_of_birth: "Date of birth",
    not_recorded: "not recorded",
    issued: "Issued",
    status: "Status",
    medications: "Medications",
    quantity: "Quantity",
    refills: "refills",
    verification: "Verification",
    verification_code: "Verification code",
    check_at: "Check at",
    status_name: |s| s,
    for_days: |n| format!("for {n} days"),
    page: |n, m| format!("Page {n} of {m}"),
};

const NEPALI: Labels = Labels {
    title: "औषधि पुर्जा",
    heading: "विद्युतीय औषधि पुर्जा",
    prescriber: "चिकित्सक",
    licence: "इजाजतपत्र",
    patient: "बिरामी",
    date_of_birth: "जन्म मिति",
    not_recorded: "उल्लेख छैन",
    issued: "जारी मिति",
    status: "स्थिति",
    medications: "औषधिहरू",
    quantity: "परिमाण",
    refills: "रिफिल",
    verification: "प्रमाणीकरण",
    verification_code: "प्रमाणीकरण कोड",
    check_at: "यहाँ जाँच गर्नुहोस्:",
    status_name: |s| match s {
        "active" => "सक्रिय",
        "dispensed" => "वितरित",
        "cancelled" => "रद्द",
        other => other,
    },
    for_days: |n| format!("{n} दिनसम्म"),
    page: |n, m| format!("पृष्ठ {n} / {m}"),
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Ne => &NEPALI,
    }
}

fn line(text: String, size: f32, bold: bool) -> Line {
    Line { text, size, bold }
}

/// The prescription as a PDF, labelled in `lang`; `verify_url` is its public check address.
pub fn printed(
    p: &Prescription,
    f: &Print,
    verify_url: &str,
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let l = labels(lang);
    let mut lines = people(p, f, l);
    lines.push(line(format!("## {}", l.medications), 12.0, true));
    for (i, item) in p.items.iter().enumerate() {
        lines.extend(medication(i + 1, item, l));
    }
    lines.push(line(format!("## {}", l.verification), 12.0, true));
    lines.push(line(
        format!("{}: {}", l.verification_code, p.verification_code),
        12.0,
        true,
    ));
    lines.push(line(format!("{} {verify_url}", l.check_at), 9.0, false));
    let title = format!("{} {}", l.title, p.verification_code);
    pdf::render(&title, &lines, l.page)
}

/// The hospital, the prescriber and the patient, the issue date and the status.
fn people(p: &Prescription, f: &Print, l: &Labels) -> Vec<Line> {
    let born = f
        .patient_date_of_birth
        .map_or_else(|| l.not_recorded.to_string(), |d| d.to_string());
    vec![
        line(f.hospital_name.clone(), 18.0, true),
        line(l.heading.into(), 11.0, false),
        line(String::new(), 8.0, false),
        line(format!("## {}", l.prescriber), 12.0, true),
        line(
            format!("{} ({})", f.doctor_name, f.specialization),
            11.0,
            false,
        ),
        line(format!("{}: {}", l.licence, f.license_number), 11.0, false),
        line(format!("## {}", l.patient), 12.0, true),
        line(f.patient_name.clone(), 11.0, false),
        line(format!("{}: {born}", l.date_of_birth), 11.0, false),
        line(
            format!("{}: {}", l.issued, p.issued_at.format("%Y-%m-%d %H:%M UTC")),
            11.0,
            false,
        ),
        line(
            format!("{}: {}", l.status, (l.status_name)(&p.status)),
            11.0,
            false,
        ),
    ]
}

/// One numbered medication: its name, how to take it, how much, and the doctor's instructions.
fn medication(n: usize, item: &Item, l: &Labels) -> Vec<Line> {
    let mut lines = vec![
        line(format!("{n}. {}", item.medication), 11.0, true),
        line(
            format!(
                "    {} {}, {}, {}",
                item.dose,
                item.route,
                item.frequency,
                (l.for_days)(item.duration_days)
            ),
            10.0,
            false,
        ),
        line(
            format!(
                "    {} {}, {} {}",
                l.quantity, item.quantity, l.refills, item.refills
            ),
            10.0,
            false,
        ),
    ];
    if !item.instructions.is_empty() {
        lines.push(line(format!("    {}", item.instructions), 10.0, false));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prescription(instructions: &str) -> Prescription {
        let item = Item {
            medication: "Metformin".into(),
            dose: "500 mg".into(),
            route: "oral".into(),
            frequency: "twice daily".into(),
            duration_days: 30,
            quantity: 60,
            refills: 2,
            instructions: instructions.into(),
        };
        Prescription {
            id: uuid::Uuid::nil(),
            patient_id: uuid::Uuid::nil(),
            doctor_id: uuid::Uuid::nil(),
            appointment_id: None,
            items: vec![item],
            status: "active".into(),
            verification_code: "ABCD-EFGH-JKMN".into(),
            issued_at: chrono::Utc::now(),
            dispensed_at: None,
            cancelled_at: None,
        }
    }

    fn facts(patient: &str) -> Print {
        Print {
            hospital_name: "Kathmandu Valley Hospital".into(),
            doctor_name: "Dr Ram Thapa".into(),
            license_number: "NMC-12345".into(),
            specialization: "General practice".into(),
            patient_name: patient.into(),
            patient_date_of_birth: None,
        }
    }

    const URL: &str = "https://carebridge.example/api/v1/prescription-verifications/ABCD-EFGH-JKMN";

    #[test]
    fn a_one_item_prescription_stays_small_in_either_language() {
        let english = printed(
            &prescription("Take with food."),
            &facts("Pat Test"),
            URL,
            Lang::En,
        );
        let english = english.unwrap();
        let nepali = printed(
            &prescription("खाना खाएपछि मात्र लिनुहोस्।"),
            &facts("सीता राई"),
            URL,
            Lang::Ne,
        )
        .unwrap();
        assert!(english.len() < 30_000, "English: {} bytes", english.len());
        assert!(nepali.len() < 50_000, "Nepali: {} bytes", nepali.len());
    }

    #[test]
    fn every_label_has_a_nepali_translation() {
        assert_eq!((NEPALI.status_name)("cancelled"), "रद्द");
        assert_eq!((NEPALI.for_days)(30), "30 दिनसम्म");
        assert_eq!((NEPALI.page)(1, 2), "पृष्ठ 1 / 2");
        assert_eq!((ENGLISH.page)(1, 2), "Page 1 of 2");
        let words = |l: &Labels| {
            [
                l.title,
                l.heading,
                l.prescriber,
                l.licence,
                l.patient,
                l.date_of_birth,
                l.not_recorded,
                l.issued,
                l.status,
                l.medications,
                l.quantity,
                l.refills,
                l.verification,
                l.verification_code,
                l.check_at,
            ]
        };
        for (en, ne) in words(&ENGLISH).iter().zip(words(&NEPALI)) {
            assert!(
                ne.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{en}: {ne}"
            );
        }
    }
}
