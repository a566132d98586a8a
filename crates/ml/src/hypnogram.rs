//! The report a doctor downloads: a hypnogram (SVG) with the night's summary.

use std::fmt::Write;

use crate::stage::Summary;

/// Stages top to bottom as clinicians draw them: W, REM, N1, N2, N3.
fn row(stage: &str) -> usize {
    match stage {
        "W" => 0,
        "REM" => 1,
        "N1" => 2,
        "N2" => 3,
        _ => 4,
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An SVG report: hypnogram over clock hours from the start, then the summary table.
/// `title` and `footer` are shown as given (escaped); no patient identity goes in here.
pub fn svg(stages: &[String], summary: &Summary, title: &str, footer: &str) -> String {
    let (left, top, width, height) = (70.0, 50.0, 860.0, 200.0);
    let n = stages.len().max(1) as f64;
    let x = |i: usize| left + width * i as f64 / n;
    let y = |r: usize| top + height * (r as f64 + 0.5) / 5.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="470" viewBox="0 0 1000 470" font-family="Helvetica, Arial, sans-serif" font-size="13">
<rect width="1000" height="470" fill="white"/>
<text x="{left}" y="28" font-size="18" font-weight="bold">{}</text>
"#,
        esc(title)
    );
    for (r, label) in ["W", "REM", "N1", "N2", "N3"].iter().enumerate() {
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{label}</text><line x1="{left}" x2="{}" y1="{}" y2="{}" stroke="#e5e5e5"/>"##,
            left - 10.0,
            y(r),
            left + width,
            y(r),
            y(r)
        );
    }
    let hours = (stages.len() as f64 / 120.0).ceil() as usize;
    for h in 0..=hours {
        let xi = left + width * (h as f64 * 120.0) / n;
        if xi > left + width + 0.5 {
            break;
        }
        let _ = writeln!(
            s,
            r##"<line x1="{xi}" x2="{xi}" y1="{top}" y2="{}" stroke="#ccc"/><text x="{xi}" y="{}" text-anchor="middle">{h} h</text>"##,
            top + height,
            top + height + 18.0
        );
    }
    // The stage line, and REM drawn thick in red as is customary.
    let mut path = String::new();
    for (i, st) in stages.iter().enumerate() {
        let r = row(st);
        let _ = write!(
            path,
            "{}{:.1},{:.1} L{:.1},{:.1} ",
            if i == 0 { "M" } else { "L" },
            x(i),
            y(r),
            x(i + 1),
            y(r)
        );
    }
    let _ = writeln!(
        s,
        r##"<path d="{path}" fill="none" stroke="#1f4e79" stroke-width="1.5"/>"##
    );
    for (i, _) in stages.iter().enumerate().filter(|(_, s)| *s == "REM") {
        let _ = writeln!(
            s,
            r##"<line x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#c0392b" stroke-width="4"/>"##,
            x(i),
            x(i + 1),
            y(1),
            y(1)
        );
    }
    let fmt_opt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |m| format!("{m:.1} min"));
    let mut lines = vec![
        format!(
            "Recording {:.1} min · total sleep {:.1} min · efficiency {:.1}%",
            summary.recording_minutes,
            summary.total_sleep_minutes,
            100.0 * summary.sleep_efficiency
        ),
        format!(
            "Sleep latency {} · REM latency {} · WASO {:.1} min",
            fmt_opt(summary.sleep_latency_minutes),
            fmt_opt(summary.rem_latency_minutes),
            summary.waso_minutes
        ),
    ];
    let per: Vec<String> = summary
        .minutes
        .iter()
        .map(|(st, m)| {
            let share = summary
                .sleep_share
                .iter()
                .find(|(s2, _)| s2 == st)
                .map(|(_, v)| format!(" ({:.0}% of sleep)", 100.0 * v))
                .unwrap_or_default();
            format!("{st} {m:.1} min{share}")
        })
        .collect();
    lines.push(per.join(" · "));
    for (k, l) in lines.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"<text x="{left}" y="{}">{}</text>"#,
            top + height + 60.0 + 24.0 * k as f64,
            esc(l)
        );
    }
    for (k, line) in footer.lines().enumerate() {
        let _ = writeln!(
            s,
            r##"<text x="{left}" y="{}" font-size="11" fill="#555">{}</text>"##,
            436.0 + 16.0 * k as f64,
            esc(line)
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::summarize;

    #[test]
    fn the_report_draws_every_epoch_and_escapes_text() {
        let idx = [0u8, 1, 2, 3, 2, 4, 4, 0];
        let stages: Vec<String> = idx
            .iter()
            .map(|i| crate::synth::STAGES[*i as usize].to_string())
            .collect();
        let svg = svg(&stages, &summarize(&idx), "Night <1>", "model sleep-v1");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Night &lt;1&gt;"));
        assert_eq!(
            svg.matches("stroke-width=\"4\"").count(),
            2,
            "two REM epochs"
        );
        assert!(svg.contains("total sleep 3.0 min"));
    }
}
