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
