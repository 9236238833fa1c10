//! Each timex says how its value was found: the rule, what it was counted from, and the part of
//! the period meant; the timeline gives soft ends.

use article_explorer::{Options, Report, TimexAnchor, TimexMod, TimexRule, analyze};

fn report(text: &str, dct: Option<&str>) -> Report {
    analyze(text, &Options { dct: dct.map(str::to_string), ..Default::default() })
}

fn timex<'a>(r: &'a Report, text: &str) -> &'a article_explorer::Timex {
    r.timexes.iter().find(|t| t.text == text).unwrap_or_else(|| panic!("no timex {text:?} in {:?}", r.timexes))
}

#[test]
fn english_rules_and_anchors() {
    let r = report(
        "BEIJING, Nov. 5, 2025 -- The company said last year it would expand. In early 2024 it hired 300 people.\n\
         The plan began on March 3, 2019. The following year it grew. Thanksgiving was busy. In the summer of 2023 sales fell.\n",
        None,
    );
    let t = timex(&r, "Nov. 5, 2025");
    assert_eq!((t.rule, t.anchor), (TimexRule::Explicit, None));
    let t = timex(&r, "last year");
    assert_eq!((t.value.as_str(), t.rule, t.anchor), ("2024", TimexRule::Relative, Some(TimexAnchor::Dateline)));
    let t = timex(&r, "The following year");
    assert_eq!((t.value.as_str(), t.rule, t.anchor), ("2020", TimexRule::Narrative, Some(TimexAnchor::Earlier)));
    assert_eq!(r.timexes[t.anchor_timex.unwrap()].text, "March 3, 2019");
    let t = timex(&r, "Thanksgiving");
    assert_eq!((t.value.as_str(), t.rule, t.anchor), ("2025-11-27", TimexRule::Festival, Some(TimexAnchor::Dateline)));
    let early = r.timexes.iter().position(|t| t.text == "early 2024").unwrap();
    assert_eq!(r.timexes[early].modifier, Some(TimexMod::Start));
    let entry = r.timeline.iter().find(|e| e.timex == early).unwrap();
    assert_eq!((entry.start_date.as_str(), entry.soft_start, entry.soft_end), ("2024-01-01", false, true));
    assert!(entry.end_date.as_str() < "2024-06-01", "early 2024 ends by May: {entry:?}");
    let summer = r.timexes.iter().position(|t| t.text == "the summer of 2023").unwrap();
    let entry = r.timeline.iter().find(|e| e.timex == summer).unwrap();
    assert!(entry.soft_start && entry.soft_end);
}

#[test]
fn caller_date_and_no_date() {
    let text = "The company said last year it would expand.";
    assert_eq!(timex(&report(text, Some("2020-06-01")), "last year").anchor, Some(TimexAnchor::Caller));
    let t = report(text, None);
    let t = timex(&t, "last year");
    assert_eq!((t.value.as_str(), t.anchor), ("XXXX", None));
}

#[test]
fn institutional_events_have_their_rule() {
    let r = report("The Third Plenary Session of the 20th Central Committee was held in Beijing.", None);
    let t = r.timexes.iter().find(|t| t.text.contains("Plenary")).expect("an institutional event");
    assert_eq!((t.rule, t.anchor), (TimexRule::Institutional, None));
}

#[cfg(feature = "zh")]
#[test]
fn chinese_rules_and_anchors() {
    let r = report("2025年8月上旬，社区开会。当天决定，次日开工。去年春节很热闹。今年6月底完成。", Some("2025-11-12"));
    let t = timex(&r, "次日");
    assert_eq!((t.rule, t.anchor), (TimexRule::Narrative, Some(TimexAnchor::Earlier)));
    assert_eq!(r.timexes[t.anchor_timex.unwrap()].text, "当天");
    let t = timex(&r, "去年春节");
    assert_eq!((t.value.as_str(), t.rule, t.anchor), ("2024-02-10", TimexRule::Festival, Some(TimexAnchor::Caller)));
    let t = timex(&r, "今年6月底");
    assert_eq!((t.rule, t.modifier), (TimexRule::Relative, Some(TimexMod::End)));
}

#[test]
fn approximate_and_middle_parts() {
    let r = report("Sales peaked around March 2024 and fell in mid-2025.", None);
    let t = timex(&r, "March 2024");
    assert_eq!(t.modifier, Some(TimexMod::Approx));
    let i = r.timexes.iter().position(|t| t.text == "March 2024").unwrap();
    let e = r.timeline.iter().find(|e| e.timex == i).unwrap();
    assert!(e.soft_start && e.soft_end);
    let i = r.timexes.iter().position(|t| t.text == "mid-2025").unwrap();
    assert_eq!(r.timexes[i].modifier, Some(TimexMod::Mid));
    let e = r.timeline.iter().find(|e| e.timex == i).unwrap();
    assert!(e.start_date.as_str() > "2025-04-01" && e.end_date.as_str() < "2025-09-30" && e.soft_start && e.soft_end, "{e:?}");
}

#[test]
fn reason_names_read_back() {
    use serde_json::{from_value, json, to_value};
    for (rule, name) in [
        (TimexRule::Explicit, "explicit"),
        (TimexRule::Relative, "relative"),
        (TimexRule::Narrative, "narrative"),
        (TimexRule::Festival, "festival"),
        (TimexRule::Institutional, "institutional"),
    ] {
        assert_eq!(to_value(rule).unwrap(), json!(name));
        assert_eq!(from_value::<TimexRule>(json!(name)).unwrap(), rule);
    }
    for (anchor, name) in [(TimexAnchor::Dateline, "dateline"), (TimexAnchor::Caller, "caller"), (TimexAnchor::Earlier, "earlier")] {
        assert_eq!(to_value(anchor).unwrap(), json!(name));
        assert_eq!(from_value::<TimexAnchor>(json!(name)).unwrap(), anchor);
    }
    for (m, name) in [(TimexMod::Start, "START"), (TimexMod::Mid, "MID"), (TimexMod::End, "END"), (TimexMod::Approx, "APPROX")] {
        assert_eq!(to_value(m).unwrap(), json!(name));
        assert_eq!(from_value::<TimexMod>(json!(name)).unwrap(), m);
    }
}
