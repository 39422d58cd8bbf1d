//! Markdown for disagreements: generated-run disagreements grouped by signature, and the diagnosed
//! minimal cases kept in `cases/disagreements/`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::report::{Diagnosed, Disagreement};

/// How many case ids a group lists.
const EXAMPLES: usize = 6;

/// Groups disagreements by the observables that differ and the engine's failing check.
pub fn render_groups(out: &mut String, disagreements: &[Disagreement]) {
    let mut groups: BTreeMap<(Vec<&str>, &str), Vec<&Disagreement>> = BTreeMap::new();
    for d in disagreements {
        let observables = d.differences.iter().map(|x| x.observable.id()).collect();
        let failure = d.predicted_failure.as_deref().unwrap_or("none");
        groups.entry((observables, failure)).or_default().push(d);
    }
    let mut ordered: Vec<_> = groups.into_iter().collect();
    ordered.sort_by_key(|(_, cases)| std::cmp::Reverse(cases.len()));
    let _ = writeln!(
        out,
        "| cases | observables that differ | engine's failing check | examples |"
    );
    let _ = writeln!(out, "|---|---|---|---|");
    for ((observables, failure), cases) in &ordered {
        let examples: Vec<String> = cases
            .iter()
            .take(EXAMPLES)
            .map(|d| format!("`{}`", d.case))
            .collect();
        let known = if cases.iter().all(|d| d.differences.iter().all(|x| x.known)) {
            " (known)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {}{known} | {} | `{failure}` | {} |",
            cases.len(),
            observables.join(", "),
            examples.join(" ")
        );
    }
    let _ = writeln!(out);
    for ((observables, _), cases) in ordered.iter().take(12) {
        let Some(first) = cases.first() else { continue };
        let Some(difference) = first
            .differences
            .iter()
            .find(|x| x.observable.id() == observables[0])
        else {
            continue;
        };
        let _ = writeln!(
            out,
            "- `{}` ({}): predicted `{}`, observed `{}`",
            first.case,
            difference.observable.id(),
            short(&difference.predicted),
            short(&difference.observed)
        );
    }
    let _ = writeln!(out);
}

/// The diagnosed minimal cases, one row each.
pub fn render_diagnosed(out: &mut String, diagnosed: &[Diagnosed]) {
    if diagnosed.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Diagnosed disagreements\n\nEach is a minimal scenario under `crates/cors-conformance/cases/disagreements/` \
         (replay: `cors-conformance replay --browser <browser> <file>`), with what the engine predicted, what the \
         browser did, and which rule in which browser differs. They are for the engine and its browser profiles \
         to fix; the harness never silences them.\n"
    );
    let _ = writeln!(out, "| file | differs on | diagnosis |");
    let _ = writeln!(out, "|---|---|---|");
    for d in diagnosed {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            d.file,
            d.observables.join(", "),
            d.diagnosis.replace('|', "\\\\|")
        );
    }
    let _ = writeln!(out);
}

fn short(value: &serde_json::Value) -> String {
    let text = value.to_string().replace('`', "'").replace('|', "\\\\|");
    if text.chars().count() > 300 {
        format!("{}…", text.chars().take(300).collect::<String>())
    } else {
        text
    }
}
