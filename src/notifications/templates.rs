//! Email, SMS and in-app texts, in English and Nepali. Minimum necessary: names, hospital and
//! time only — never the reason for the visit, a diagnosis or a note.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::Event;

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The time as the recipient reads it: in their zone, with the zone's abbreviation.
pub fn local_time(at: DateTime<Utc>, tz: &str) -> String {
    let tz: Tz = tz.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&tz)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

pub struct Facts<'a> {
    pub recipient_name: &'a str,
    pub other_party: &'a str,
    pub hospital: &'a str,
    pub when: String,
    pub proposed: Option<String>,
    pub to_doctor: bool,
}

pub fn render(event: Event, language: &str, f: &Facts<'_>) -> Rendered {
    let (subject, line) = if language == "ne" {
        nepali(event, f)
    } else {
        english(event, f)
    };
    let greeting = if language == "ne" {
        format!("नमस्ते {},", f.recipient_name)
    } else {
        format!("Hello {},", f.recipient_name)
    };
    let footer = if language == "ne" {
        "यो सन्देश carebridge ले स्वचालित रूपमा पठाएको हो।"
    } else {
        "This message was sent automatically by carebridge."
    };
    let text = format!("{greeting}\n\n{line}\n\n{}\n-- \n{footer}\n", f.hospital);
    let html = format!(
        "<!doctype html><html><body style=\"font-family:sans-serif\"><p>{}</p><p>{}</p><p>{}</p><hr><p style=\"color:#667\">{}</p></body></html>",
        escape(&greeting),
        escape(&line),
        escape(f.hospital),
        escape(footer)
    );
    Rendered {
        subject,
        text,
        html,
    }
}

fn english(event: Event, f: &Facts<'_>) -> (String, String) {
    let (who, when, h) = (f.other_party, &f.when, f.hospital);
    match event {
        Event::Booked if f.to_doctor => (
            "New appointment request".into(),
            format!("{who} booked an appointment with you on {when}."),
        ),
        Event::Booked => (
            "Appointment requested".into(),
            format!("Your appointment with {who} at {h} on {when} is booked."),
        ),
        Event::Approved => (
            "Appointment approved".into(),
            format!(
                "{who} approved your appointment on {when}. Please complete the payment to confirm it."
            ),
        ),
        Event::Confirmed => (
            "Appointment confirmed".into(),
            format!("Your appointment with {who} on {when} is confirmed."),
        ),
        Event::Rejected => (
            "Appointment not accepted".into(),
            format!("{who} could not accept your appointment on {when}."),
        ),
        Event::Proposed => (
            "A new time was proposed".into(),
            format!(
                "{who} proposed {} instead of {when}. Accept or cancel it in carebridge.",
                f.proposed.clone().unwrap_or_default()
            ),
        ),
        Event::Cancelled => (
            "Appointment cancelled".into(),
            format!("The appointment with {who} on {when} was cancelled."),
        ),
        Event::Reminder24h => (
            "Appointment tomorrow".into(),
            format!("Reminder: your appointment with {who} is on {when}."),
        ),
        Event::Reminder1h => (
            "Appointment in one hour".into(),
            format!("Reminder: your appointment with {who} starts at {when}."),
        ),
        Event::Refunded => (
            "Payment refunded".into(),
            format!("{h} refunded your payment for the appointment with {who} on {when}."),
        ),
        Event::CallOpen => (
            "Your video call is open".into(),
            format!(
                "{who} is waiting for you in the video call of your appointment on {when}. Open carebridge to join."
            ),
        ),
    }
}

fn nepali(event: Event, f: &Facts<'_>) -> (String, String) {
    let (who, when, h) = (f.other_party, &f.when, f.hospital);
    match event {
        Event::Booked if f.to_doctor => (
            "नयाँ अपोइन्टमेन्ट अनुरोध".into(),
            format!("{who} ले {when} मा तपाईंसँग अपोइन्टमेन्ट बुक गर्नुभयो।"),
        ),
        Event::Booked => (
            "अपोइन्टमेन्ट अनुरोध गरियो".into(),
            format!("{h} मा {who} सँग {when} को तपाईंको अपोइन्टमेन्ट बुक भयो।"),
        ),
        Event::Approved => (
            "अपोइन्टमेन्ट स्वीकृत".into(),
            format!("{who} ले {when} को तपाईंको अपोइन्टमेन्ट स्वीकृत गर्नुभयो। पुष्टि गर्न भुक्तानी गर्नुहोस्।"),
        ),
        Event::Confirmed => (
            "अपोइन्टमेन्ट पुष्टि भयो".into(),
            format!("{who} सँग {when} को तपाईंको अपोइन्टमेन्ट पुष्टि भयो।"),
        ),
        Event::Rejected => (
            "अपोइन्टमेन्ट स्वीकार भएन".into(),
            format!("{who} ले {when} को तपाईंको अपोइन्टमेन्ट स्वीकार गर्न सक्नुभएन।"),
        ),
        Event::Proposed => (
            "नयाँ समय प्रस्ताव गरियो".into(),
            format!(
                "{who} ले {when} को सट्टा {} प्रस्ताव गर्नुभयो। carebridge मा स्वीकार वा रद्द गर्नुहोस्।",
                f.proposed.clone().unwrap_or_default()
            ),
        ),
        Event::Cancelled => (
            "अपोइन्टमेन्ट रद्द भयो".into(),
            format!("{who} सँग {when} को अपोइन्टमेन्ट रद्द भयो।"),
        ),
        Event::Reminder24h => (
            "भोलि अपोइन्टमेन्ट".into(),
            format!("सम्झना: {who} सँग तपाईंको अपोइन्टमेन्ट {when} मा छ।"),
        ),
        Event::Reminder1h => (
            "एक घण्टामा अपोइन्टमेन्ट".into(),
            format!("सम्झना: {who} सँग तपाईंको अपोइन्टमेन्ट {when} मा सुरु हुन्छ।"),
        ),
        Event::Refunded => (
            "भुक्तानी फिर्ता भयो".into(),
            format!("{h} ले {who} सँग {when} को अपोइन्टमेन्टको भुक्तानी फिर्ता गर्यो।"),
        ),
        Event::CallOpen => (
            "तपाईंको भिडियो कल खुला छ".into(),
            format!(
                "{who} {when} को अपोइन्टमेन्टको भिडियो कलमा तपाईंलाई पर्खिरहनुभएको छ। जोडिन carebridge खोल्नुहोस्।"
            ),
        ),
    }
}

/// The text message of an event: one short line that starts with the hospital's name, for a
/// basic phone. A Nepali text is UCS-2 (70 characters a segment), so it says less.
pub fn sms(event: Event, language: &str, f: &Facts<'_>) -> String {
    let (who, when, h) = (f.other_party, &f.when, f.hospital);
    let proposed = f.proposed.clone().unwrap_or_default();
    if language == "ne" {
        return match event {
            Event::Booked => format!("{h}: {who} सँग {when} को अपोइन्टमेन्ट बुक भयो।"),
            Event::Approved => {
                format!("{h}: {who} ले {when} को अपोइन्टमेन्ट स्वीकृत गर्नुभयो। भुक्तानी गर्नुहोस्।")
            }
            Event::Confirmed => format!("{h}: {who} सँग {when} को अपोइन्टमेन्ट पुष्टि भयो।"),
            Event::Rejected => format!("{h}: {who} ले {when} को अपोइन्टमेन्ट स्वीकार गर्न सक्नुभएन।"),
            Event::Proposed => format!("{h}: {who} ले {when} को सट्टा {proposed} प्रस्ताव गर्नुभयो।"),
            Event::Cancelled => format!("{h}: {who} सँग {when} को अपोइन्टमेन्ट रद्द भयो।"),
            Event::Reminder24h => format!("{h}: सम्झना, {who} सँग {when} मा अपोइन्टमेन्ट छ।"),
            Event::Reminder1h => format!("{h}: सम्झना, {who} सँग {when} मा अपोइन्टमेन्ट सुरु हुन्छ।"),
            Event::Refunded => format!("{h}: {who} सँग {when} को भुक्तानी फिर्ता भयो।"),
            Event::CallOpen => format!("{h}: {who} भिडियो कलमा पर्खिरहनुभएको छ। carebridge खोल्नुहोस्।"),
        };
    }
    match event {
        Event::Booked => format!("{h}: your appointment with {who} on {when} is booked."),
        Event::Approved => format!(
            "{h}: {who} approved your appointment on {when}. Pay in carebridge to confirm it."
        ),
        Event::Confirmed => format!("{h}: your appointment with {who} on {when} is confirmed."),
        Event::Rejected => format!("{h}: {who} could not accept your appointment on {when}."),
        Event::Proposed => format!(
            "{h}: {who} proposed {proposed} instead of {when}. Accept or cancel in carebridge."
        ),
        Event::Cancelled => format!("{h}: the appointment with {who} on {when} was cancelled."),
        Event::Reminder24h => format!("{h}: reminder, your appointment with {who} is on {when}."),
        Event::Reminder1h => {
            format!("{h}: reminder, your appointment with {who} starts at {when}.")
        }
        Event::Refunded => {
            format!("{h}: your payment for the appointment with {who} on {when} was refunded.")
        }
        Event::CallOpen => {
            format!("{h}: {who} is waiting for you in the video call. Open carebridge to join.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_the_recipients_zone_and_html_is_escaped() {
        let at: DateTime<Utc> = "2026-11-30T03:15:00Z".parse().unwrap();
        assert_eq!(local_time(at, "Asia/Kathmandu"), "2026-11-30 09:00 +0545");
        assert_eq!(local_time(at, "America/New_York"), "2026-11-29 22:15 EST");
        let f = Facts {
            recipient_name: "Maya <b>",
            other_party: "Dr. Thapa",
            hospital: "KVH",
            when: "x".into(),
            proposed: None,
            to_doctor: false,
        };
        let r = render(Event::Confirmed, "en", &f);
        assert!(r.html.contains("Maya &lt;b&gt;"));
        assert!(r.text.contains("Maya <b>"));
        let ne = render(Event::Confirmed, "ne", &f);
        assert!(ne.subject.contains("पुष्टि"));
    }

    const EVENTS: [Event; 10] = [
        Event::Booked,
        Event::Approved,
        Event::Confirmed,
        Event::Rejected,
        Event::Proposed,
        Event::Cancelled,
        Event::Reminder24h,
        Event::Reminder1h,
        Event::Refunded,
        Event::CallOpen,
    ];

    #[test]
    fn texts_name_the_hospital_and_stay_within_a_few_segments() {
        use crate::notifications::sms::{Encoding, segments};
        let at: DateTime<Utc> = "2026-11-30T03:15:00Z".parse().unwrap();
        let f = Facts {
            recipient_name: "Maya Gurung",
            other_party: "Dr. Sita Bahadur Thapa Magar",
            hospital: "Kathmandu Valley Hospital",
            when: local_time(at, "Asia/Kathmandu"),
            proposed: Some(local_time(at, "Asia/Kathmandu")),
            to_doctor: false,
        };
        for e in EVENTS {
            let en = sms(e, "en", &f);
            let ne = sms(e, "ne", &f);
            assert!(
                en.starts_with("Kathmandu Valley Hospital: ")
                    && ne.starts_with("Kathmandu Valley Hospital: ")
            );
            let (s_en, s_ne) = (segments(&en), segments(&ne));
            assert_eq!(s_en.encoding, Encoding::Gsm7, "{en}");
            assert_eq!(s_ne.encoding, Encoding::Ucs2, "{ne}");
            assert!(s_en.count <= 2, "{} segments: {en}", s_en.count);
            assert!(s_ne.count <= 3, "{} segments: {ne}", s_ne.count);
        }
    }
}
