//! Properties every generated snippet must have.

use super::*;
use crate::policy::Credentials;

fn policy() -> Policy {
    Policy {
        origins: vec![
            "https://app.example.com".to_owned(),
            "http://localhost:3000".to_owned(),
        ],
        methods: vec!["GET".to_owned(), "PUT".to_owned()],
        allow_headers: vec!["content-type".to_owned(), "x-request-id".to_owned()],
        credentials: Credentials::Allowed,
        expose_headers: vec!["x-total-count".to_owned()],
        max_age: Some(600),
        path: "/api/".to_owned(),
    }
}

#[test]
fn every_stack_lists_every_origin_method_and_header() {
    for stack in Stack::ALL {
        let snippet = stack.render(&policy(), &RenderOptions::default());
        let code = snippet.code.replace('\\', "");
        for needle in [
            "app.example.com",
            "localhost:3000",
            "PUT",
            "x-request-id",
            "x-total-count",
            "600",
        ] {
            assert!(
                code.contains(needle),
                "{}: missing {needle}\n{}",
                stack.id(),
                snippet.code
            );
        }
        assert!(!snippet.place.is_empty(), "{}", stack.id());
    }
}

#[test]
fn no_stack_configures_a_wildcard_origin() {
    for stack in Stack::ALL {
        let code = stack.render(&policy(), &RenderOptions::default()).code;
        for bad in [
            "origin: '*'",
            "origin: true",
            "\"*\"]",
            "allow_any_origin()",
            "AllowAnyOrigin()",
            "mirror_request()",
            "CORS_ALLOW_ALL_ORIGINS = True",
        ] {
            let uncommented = code
                .lines()
                .filter(|l| !l.trim_start().starts_with(['#', '/']))
                .any(|l| l.split("//").next().unwrap_or("").contains(bad) && !l.contains("never"));
            assert!(!uncommented, "{}: contains {bad}", stack.id());
        }
    }
}

#[test]
fn every_stack_says_how_it_handles_preflight_errors_and_vary() {
    for stack in Stack::ALL {
        let snippet = stack.render(&policy(), &RenderOptions::default());
        let all = format!("{}\n{}", snippet.code, snippet.notes.join("\n")).to_lowercase();
        assert!(all.contains("preflight"), "{}: preflight", stack.id());
        assert!(all.contains("error"), "{}: error responses", stack.id());
        assert!(all.contains("vary"), "{}: Vary", stack.id());
    }
}

#[test]
fn credentials_appear_only_when_allowed() {
    let mut without = policy();
    without.credentials = Credentials::NotAllowed;
    let express = Stack::Express
        .render(&without, &RenderOptions::default())
        .code;
    assert!(express.contains("credentials: false"));
    let nginx = Stack::Nginx
        .render(&without, &RenderOptions::default())
        .code;
    assert!(!nginx.contains("add_header Access-Control-Allow-Credentials"));
}

#[test]
fn values_that_could_break_out_of_the_code_are_dropped() {
    let mut hostile = policy();
    hostile
        .origins
        .push("https://evil.example\"); drop();//".to_owned());
    hostile.methods.push("GET\nX".to_owned());
    hostile.allow_headers.push("a b".to_owned());
    hostile.path = "/api\"; rm -rf /".to_owned();
    for stack in Stack::ALL {
        let code = stack.render(&hostile, &RenderOptions::default()).code;
        assert!(!code.contains("evil.example"), "{}", stack.id());
        assert!(!code.contains("GET\nX"), "{}", stack.id());
        assert!(!code.contains("rm -rf"), "{}", stack.id());
    }
}

#[test]
fn apache_regex_escapes_dots_and_anchors() {
    let code = Stack::Apache
        .render(&policy(), &RenderOptions::default())
        .code;
    assert!(
        code.contains(r#"SetEnvIf Origin "^https://app\.example\.com$" CORS_ORIGIN=$0"#),
        "{code}"
    );
}

#[test]
fn stack_ids_round_trip() {
    for stack in Stack::ALL {
        assert_eq!(Stack::from_id(stack.id()), Some(stack));
    }
}
