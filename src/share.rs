//! Share links: the whole scenario, the step and the view live in the page URL.
//!
//! Format: `?s=<base64url(JSON scenario)>&step=<1-7>&view=wizard|expert`, plus `case=<gallery id>` (a gallery
//! case instead of `s`), `embed=1` (the compact widget), `edit=1` (editing inside the widget) and
//! `theme=light|dark`. Defaults are left out, so the bare URL is the default scenario on step 1.
//! Reading a link never fails: a malformed or hostile one yields the defaults and a [`LinkProblem`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cors_rules::{InputError, Scenario};

use crate::gallery;
use crate::state::default_scenario;
use crate::wizard::{Nav, View, WizardStep};

/// The longest `s=` value read, in characters; anything longer is refused unread.
pub const MAX_ENCODED_LEN: usize = 48 * 1024;

/// Whether the page is the full site or the embeddable widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// The full site: header, wizard, gallery, glossary.
    #[default]
    Site,
    /// The compact widget for an iframe (`embed=1`).
    Embed(Editing),
}

/// Whether the embedded widget offers the scenario editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    /// Result only.
    ReadOnly,
    /// Result plus the form (`edit=1`).
    Editable,
}

/// A colour theme forced by the link; `Auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The `theme=` value, `None` for `Auto`.
    #[must_use]
    pub fn id(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The scenario shown.
    pub scenario: Scenario,
    /// The step and view.
    pub nav: Nav,
    /// Site or widget.
    pub layout: Layout,
    /// Forced theme, if any.
    pub theme: Theme,
}

/// Why a link's scenario could not be used; the app shows the message and the defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// `s=` is longer than [`MAX_ENCODED_LEN`].
    TooLong,
    /// `s=` is not base64url.
    NotBase64,
    /// The decoded bytes are not UTF-8 text.
    NotText,
    /// The text is not a valid scenario (bad JSON, unknown field, wrong type).
    NotScenario(InputError),
    /// `case=` names no gallery case.
    UnknownCase,
}

impl LinkProblem {
    /// A friendly message for the banner shown above the defaults.
    #[must_use]
    pub fn message(&self) -> String {
        let why = match self {
            LinkProblem::TooLong => "its scenario is too long to be a real one".to_owned(),
            LinkProblem::NotBase64 => {
                "its scenario is not in the expected encoding (base64url)".to_owned()
            }
            LinkProblem::NotText => "its scenario does not decode to text".to_owned(),
            LinkProblem::NotScenario(err) => format!("its scenario is not valid ({err})"),
            LinkProblem::UnknownCase => "it names a gallery case that does not exist".to_owned(),
        };
        format!(
            "This link could not be opened: {why}. You are looking at the default example instead."
        )
    }
}

/// Encodes a scenario for `s=`.
#[must_use]
pub fn encode_scenario(scenario: &Scenario) -> String {
    let json = serde_json::to_string(scenario).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(json.as_bytes())
}

/// Decodes an `s=` value (padding and the standard `+/` alphabet are tolerated).
///
/// # Errors
/// A [`LinkProblem`] saying which layer of the value is broken.
pub fn decode_scenario(encoded: &str) -> Result<Scenario, LinkProblem> {
    if encoded.len() > MAX_ENCODED_LEN {
        return Err(LinkProblem::TooLong);
    }
    let normalized: String = encoded
        .trim()
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            other => other,
        })
        .collect();
    let bytes = URL_SAFE_NO_PAD
        .decode(normalized.as_bytes())
        .map_err(|_| LinkProblem::NotBase64)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkProblem::NotText)?;
    Scenario::from_json(&text).map_err(LinkProblem::NotScenario)
}

/// Reads a query string (with or without the leading `?`). Never fails: problems come back beside the defaults.
#[must_use]
pub fn read_link(query: &str) -> (Link, Option<LinkProblem>) {
    let mut link = Link {
        scenario: default_scenario(),
        nav: Nav::default(),
        layout: Layout::Site,
        theme: Theme::Auto,
    };
    let mut problem = None;
    let mut embed = false;
    let mut editable = false;
    for (key, value) in url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match key.as_ref() {
            "s" => match decode_scenario(&value) {
                Ok(scenario) => link.scenario = scenario,
                Err(err) => problem = Some(err),
            },
            "case" | "preset" => {
                match gallery::find(&value).and_then(|case| case.scenario().ok()) {
                    Some(scenario) => link.scenario = scenario,
                    None => problem = Some(LinkProblem::UnknownCase),
                }
            }
            "step" => {
                if let Some(step) = value.parse().ok().and_then(WizardStep::from_number) {
                    link.nav.step = step;
                }
            }
            "view" => link.nav.view = View::from_id(&value).unwrap_or_default(),
            "embed" => embed = value == "1",
            "edit" => editable = value == "1",
            "theme" => {
                link.theme = match value.as_ref() {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => Theme::Auto,
                }
            }
            _ => {}
        }
    }
    if embed {
        link.layout = Layout::Embed(if editable {
            Editing::Editable
        } else {
            Editing::ReadOnly
        });
    }
    (link, problem)
}

/// Writes the query string (with the leading `?`, or empty) that [`read_link`] reads back to `link`.
#[must_use]
pub fn write_link(link: &Link) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    if link.scenario != default_scenario() {
        query.append_pair("s", &encode_scenario(&link.scenario));
    }
    if link.nav.step != WizardStep::Origin {
        query.append_pair("step", &link.nav.step.number().to_string());
    }
    if link.nav.view != View::Wizard {
        query.append_pair("view", link.nav.view.id());
    }
    if let Layout::Embed(editing) = link.layout {
        query.append_pair("embed", "1");
        if editing == Editing::Editable {
            query.append_pair("edit", "1");
        }
    }
    if let Some(theme) = link.theme.id() {
        query.append_pair("theme", theme);
    }
    let query = query.finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_link() -> Link {
        let mut scenario = default_scenario();
        scenario.request.method = "patch".to_owned();
        scenario
            .request
            .headers
            .push(("X-Trace".to_owned(), "<script>alert(1)</script>".to_owned()));
        Link {
            scenario,
            nav: Nav {
                step: WizardStep::Headers,
                view: View::Expert,
            },
            layout: Layout::Embed(Editing::Editable),
            theme: Theme::Dark,
        }
    }

    #[test]
    fn a_written_link_reads_back_to_the_same_state() {
        let link = sample_link();
        let (read, problem) = read_link(&write_link(&link));
        assert_eq!(problem, None);
        assert_eq!(read, link);
    }

    #[test]
    fn the_default_state_writes_an_empty_query() {
        let (link, _) = read_link("");
        assert_eq!(write_link(&link), "");
    }

    #[test]
    fn garbage_in_s_gives_the_defaults_and_a_problem() {
        let (link, problem) = read_link("?s=%%%not-base64!!&step=3");
        assert_eq!(problem, Some(LinkProblem::NotBase64));
        assert_eq!(link.scenario, default_scenario());
        assert_eq!(link.nav.step, WizardStep::Method);
    }

    #[test]
    fn valid_base64_of_non_json_is_reported_as_not_a_scenario() {
        let encoded = URL_SAFE_NO_PAD.encode(b"<script>alert(1)</script>");
        let (link, problem) = read_link(&format!("?s={encoded}"));
        assert!(
            matches!(problem, Some(LinkProblem::NotScenario(_))),
            "{problem:?}"
        );
        assert_eq!(link.scenario, default_scenario());
    }

    #[test]
    fn json_with_an_unknown_field_names_the_field_in_the_message() {
        let json = r#"{"page":"https://a.test","request":{"url":"https://b.test/"},"server":[],"<img>":1}"#;
        let (_, problem) = read_link(&format!("?s={}", URL_SAFE_NO_PAD.encode(json)));
        let message = problem.map(|p| p.message()).unwrap_or_default();
        assert!(message.contains("<img>"), "{message}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_reported_as_not_text() {
        let (_, problem) = read_link(&format!(
            "?s={}",
            URL_SAFE_NO_PAD.encode([0xff, 0xfe, 0x00])
        ));
        assert_eq!(problem, Some(LinkProblem::NotText));
    }

    #[test]
    fn an_overlong_scenario_is_refused_unread() {
        let (_, problem) = read_link(&format!("?s={}", "A".repeat(MAX_ENCODED_LEN + 1)));
        assert_eq!(problem, Some(LinkProblem::TooLong));
    }

    #[test]
    fn standard_base64_with_padding_is_accepted_too() {
        let json = serde_json::to_string(&default_scenario()).unwrap_or_default();
        let standard = base64::engine::general_purpose::STANDARD.encode(json);
        assert_eq!(decode_scenario(&standard), Ok(default_scenario()));
    }

    #[test]
    fn unknown_step_view_and_theme_values_fall_back_to_defaults() {
        let (link, problem) = read_link("?step=99&view=%3Cb%3E&theme=neon&embed=yes");
        assert_eq!(problem, None);
        assert_eq!(link.nav, Nav::default());
        assert_eq!(link.theme, Theme::Auto);
        assert_eq!(link.layout, Layout::Site);
    }

    #[test]
    fn a_gallery_case_id_loads_that_case() {
        let case = &gallery::CASES[0];
        let (link, problem) = read_link(&format!("?case={}", case.id));
        assert_eq!(problem, None);
        assert_eq!(Ok(link.scenario), case.scenario());
    }

    #[test]
    fn an_unknown_gallery_case_is_a_problem() {
        let (_, problem) = read_link("?case=nope");
        assert_eq!(problem, Some(LinkProblem::UnknownCase));
    }
}
