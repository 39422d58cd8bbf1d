//! `POST /api/scenarios`: reading a registration, checking it and translating it into lab terms.

use cors_rules::{InputError, Scenario};
use serde_json::{Map, Value};

use super::sanitize::{sanitize, sanitize_field};
use crate::api::{ApiError, LabOrigins, Registered};
use crate::error::LabError;
use crate::limits::Limits;
use crate::translate::translate;

/// A registration body: `{"scenario": {...}, "page_origin": "..."}`, or a bare scenario.
struct Body {
    scenario: Scenario,
    page_origin: Option<String>,
    /// `"scenario."` when the scenario was wrapped, so error fields name the body's own path.
    prefix: &'static str,
}

/// What a registration needs besides its body.
pub(crate) struct Context<'a> {
    pub(crate) id: String,
    /// The request's `Origin` header: the default page origin.
    pub(crate) origin_header: Option<&'a str>,
    pub(crate) origins: &'a LabOrigins,
    pub(crate) limits: &'a Limits,
}

/// Reads, checks and translates a registration.
pub(crate) fn register(body: &[u8], context: Context) -> Result<Registered, ApiError> {
    let Body {
        scenario,
        page_origin,
        prefix,
    } = read_body(body)?;
    let page_origin = page_origin
        .or_else(|| context.origin_header.map(str::to_owned))
        .or_else(|| context.origins.app.first().cloned())
        .unwrap_or_else(|| "null".to_owned());
    let lab_error = |err: LabError| {
        let field = match err {
            LabError::PageOriginInvalid => "page_origin".to_owned(),
            _ => format!("{prefix}{}", err.field()),
        };
        ApiError {
            error: err.to_string(),
            field: Some(field),
        }
    };
    context.limits.check(&scenario).map_err(lab_error)?;
    let translated =
        translate(&scenario, &page_origin, context.origins, &context.id).map_err(lab_error)?;
    let page_origin = translated
        .scenario
        .page
        .clone()
        .unwrap_or_else(|| "null".to_owned());
    Ok(Registered {
        id: context.id,
        page_origin,
        scenario: translated.scenario,
        urls: translated.urls,
        notes: translated.notes,
    })
}

fn read_body(body: &[u8]) -> Result<Body, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|err| ApiError {
        error: sanitize(&format!("the body is not JSON: {err}")),
        field: None,
    })?;
    let Value::Object(mut object) = value else {
        return Err(error("the body must be a JSON object", None));
    };
    if !object.contains_key("scenario") {
        let scenario =
            Scenario::from_value(Value::Object(object)).map_err(|err| input_error(&err, ""))?;
        return Ok(Body {
            scenario,
            page_origin: None,
            prefix: "",
        });
    }
    if let Some(unknown) = object
        .keys()
        .find(|key| !matches!(key.as_str(), "scenario" | "page_origin"))
    {
        return Err(error(
            "unknown field; expected `scenario` and optionally `page_origin`",
            Some(unknown),
        ));
    }
    let page_origin = page_origin_of(&mut object)?;
    let scenario = object.remove("scenario").unwrap_or(Value::Null);
    let scenario = Scenario::from_value(scenario).map_err(|err| input_error(&err, "scenario."))?;
    Ok(Body {
        scenario,
        page_origin,
        prefix: "scenario.",
    })
}

fn page_origin_of(object: &mut Map<String, Value>) -> Result<Option<String>, ApiError> {
    match object.remove("page_origin") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(origin)) => Ok(Some(origin)),
        Some(_) => Err(error(
            "page_origin must be a string such as \"http://127.0.0.1:8080\"",
            Some("page_origin"),
        )),
    }
}

fn input_error(err: &InputError, prefix: &str) -> ApiError {
    let field = format!("{prefix}{}", err.field);
    let field = field.trim_end_matches('.');
    ApiError {
        error: sanitize(&err.problem),
        field: Some(sanitize_field(field)),
    }
}

fn error(text: &str, field: Option<&str>) -> ApiError {
    ApiError {
        error: text.to_owned(),
        field: field.map(sanitize_field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins() -> LabOrigins {
        LabOrigins {
            app: vec!["http://127.0.0.1:8080".into()],
            scenario: vec!["http://127.0.0.1:8081".into()],
        }
    }

    fn register_text(text: &str) -> Result<Registered, ApiError> {
        let (origins, limits) = (origins(), Limits::default());
        let context = Context {
            id: "abc".into(),
            origin_header: None,
            origins: &origins,
            limits: &limits,
        };
        register(text.as_bytes(), context)
    }

    const SCENARIO: &str = r#"{"page": "https://app.test", "request": {"url": "https://api.test/x"},
        "server": [{"url": "https://api.test/x"}]}"#;

    #[test]
    fn a_bare_scenario_is_translated_for_the_app_origin() {
        let registered = register_text(SCENARIO).expect("registers");
        assert_eq!(registered.page_origin, "http://127.0.0.1:8080");
        assert_eq!(
            registered.scenario.request.url,
            "http://127.0.0.1:8081/s/abc/x"
        );
    }

    #[test]
    fn a_wrapped_scenario_uses_the_given_page_origin() {
        let body = format!(r#"{{"scenario": {SCENARIO}, "page_origin": "http://127.0.0.1:8081"}}"#);
        let registered = register_text(&body).expect("registers");
        assert_eq!(registered.page_origin, "http://127.0.0.1:8081");
        assert_eq!(
            registered.scenario.request.url,
            "http://127.0.0.1:8080/s/abc/x"
        );
    }

    #[test]
    fn a_bad_status_names_its_field_under_scenario() {
        let body = r#"{"scenario": {"page": "https://a.test", "request": {"url": "https://b.test/"},
            "server": [{"url": "https://b.test/", "response": {"status": "x"}}]}}"#;
        let err = register_text(body).unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some("scenario.server[0].response.status")
        );
    }

    #[test]
    fn an_unknown_wrapper_field_is_named() {
        let body = format!(r#"{{"scenario": {SCENARIO}, "origin": "x"}}"#);
        assert_eq!(
            register_text(&body).unwrap_err().field.as_deref(),
            Some("origin")
        );
    }

    #[test]
    fn a_missing_request_is_named() {
        let err = register_text(r#"{"page": null, "server": []}"#).unwrap_err();
        assert!(err.error.contains("request"), "{}", err.error);
    }

    #[test]
    fn not_json_is_refused_without_a_field() {
        let err = register_text("<script>").unwrap_err();
        assert_eq!(err.field, None);
        assert!(!err.error.contains('<'));
    }
}
