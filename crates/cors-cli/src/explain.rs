//! `cors-explain explain`: a paste on standard input (console message, response headers, `curl -v` output,
//! HAR file) read by cors-diagnose into the scenario it shows, then explained like a check.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use cors_diagnose::analyse;
use cors_rules::evaluate;

use crate::cli::ExplainArgs;
use crate::output::{emit, CheckJson, Verdicts};
use crate::report::explanation;
use crate::style::{Style, Tone};

/// Reads standard input and explains it.
pub fn run(args: &ExplainArgs) -> ExitCode {
    if std::io::stdin().is_terminal() {
        eprintln!(
            "cors-explain: paste the console message, headers, curl -v output or HAR, then Ctrl-D"
        );
    }
    let mut text = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cors-explain: cannot read standard input: {err}");
        return ExitCode::from(2);
    }
    let analysis = analyse(&text, None, None);
    if let Some(error) = &analysis.error {
        eprintln!(
            "cors-explain: the paste was read as {} but cannot be used: {error}",
            analysis.kind.label()
        );
        return ExitCode::from(2);
    }
    let style = Style::for_stdout();
    let Some(scenario) = &analysis.scenario else {
        return unexplained(&analysis, style);
    };
    let verdict = match evaluate(scenario) {
        Ok(verdict) => verdict,
        Err(err) => {
            eprintln!("cors-explain: the scenario read from the paste cannot be evaluated: {err}");
            return ExitCode::from(2);
        }
    };
    let verdicts = [(scenario.browser, verdict)];
    if args.json {
        let json = CheckJson {
            scenario,
            verdicts: Verdicts(&verdicts),
            link: None,
        };
        emit(&json.text());
        return ExitCode::SUCCESS;
    }
    let mut text = format!(
        "{} {}\n",
        style.paint(Tone::Faint, "Read as:"),
        analysis.kind.label()
    );
    for assumption in &analysis.assumptions {
        text += &format!(
            "{} {}\n",
            style.paint(Tone::Faint, "Assumed:"),
            assumption.sentence()
        );
    }
    text.push('\n');
    text += &explanation(scenario, &verdicts, style);
    emit(&text);
    ExitCode::SUCCESS
}

/// A paste that shows no scenario: what the recognised message means (a problem that is not CORS), or
/// the closest known messages.
fn unexplained(analysis: &cors_diagnose::Analysis, style: Style) -> ExitCode {
    if let Some(recognised) = &analysis.recognised {
        let mut text = format!(
            "{} {} ({})\n",
            style.paint(Tone::Faint, "Recognised:"),
            recognised.title,
            recognised.browser.display_name()
        );
        if let Some(explained) = &recognised.explanation {
            text += explained;
            text.push('\n');
        }
        emit(&text);
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "cors-explain: the paste was read as {} but shows no CORS request",
        analysis.kind.label()
    );
    if !analysis.closest.is_empty() {
        eprintln!("The closest known messages:");
        for message in &analysis.closest {
            eprintln!(
                "  {} ({}): {}",
                message.title,
                message.browser.display_name(),
                message.text
            );
        }
    }
    ExitCode::from(2)
}
