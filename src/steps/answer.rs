//! One answer editor: an HTTP status and headers, or no answer at all (a network error).

use cors_rules::scenario::{Answer, HttpAnswer, NetworkErrorKind};
use cors_rules::{CheckId, Key};
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::{first_step, value};
use crate::state::{answer, answer_mut, AnswerSlot, HeaderTarget};
use crate::ui::field::TextField;
use crate::ui::header_rows::{HeaderRows, QuickAdd, RowMarks};

const KINDS: [(&str, &str); 5] = [
    ("http", "An HTTP response"),
    ("connection-refused", "No answer: connection refused"),
    ("timeout", "No answer: timeout"),
    ("dns", "No answer: DNS failure"),
    ("tls", "No answer: TLS failure"),
];

fn kind_of(answer: Option<&Answer>) -> &'static str {
    match answer {
        Some(Answer::Error(kind)) => kind.id(),
        _ => "http",
    }
}

fn answer_for_kind(kind: &str, previous: &Answer) -> Answer {
    let error = |k| Answer::Error(k);
    match kind {
        "connection-refused" => error(NetworkErrorKind::ConnectionRefused),
        "timeout" => error(NetworkErrorKind::Timeout),
        "dns" => error(NetworkErrorKind::Dns),
        "tls" => error(NetworkErrorKind::Tls),
        _ => match previous {
            Answer::Http(_) => previous.clone(),
            Answer::Error(_) => Answer::Http(HttpAnswer {
                status: 200,
                headers: Vec::new(),
            }),
        },
    }
}

/// Edits `server[i].preflight` or `server[i].response`.
#[component]
pub fn AnswerEditor(i: usize, which: AnswerSlot) -> impl IntoView {
    let ctx = Ctx::get();
    let slot = which;
    let (slot_id, title, target) = match slot {
        AnswerSlot::Preflight => (
            "preflight",
            "Answer to the preflight (OPTIONS)",
            HeaderTarget::Preflight(i),
        ),
        AnswerSlot::Response => (
            "response",
            "Answer to the request",
            HeaderTarget::Response(i),
        ),
    };
    let prefix = format!("entry-{i}-{slot_id}");
    let kind = move || ctx.scenario.with(|s| kind_of(answer(s, i, slot)));
    let status_text = RwSignal::new(String::new());
    let status_error = RwSignal::new(None::<String>);
    let status = Signal::derive(move || {
        if status_error.with(Option::is_some) {
            return status_text.get();
        }
        ctx.scenario.with(|s| match answer(s, i, slot) {
            Some(Answer::Http(http)) => http.status.to_string(),
            _ => String::new(),
        })
    });
    let set_status = Callback::new(move |text: String| match text.trim().parse::<u16>() {
        Ok(code) if (100..=999).contains(&code) => {
            status_error.set(None);
            ctx.edit(|s| {
                if let Some(Answer::Http(http)) = answer_mut(s, i, slot) {
                    http.status = code;
                }
            });
        }
        _ => {
            status_text.set(text);
            status_error.set(Some(
                "Enter an HTTP status code between 100 and 999, e.g. 200.".to_owned(),
            ));
        }
    });
    let (kind_id, status_id, testid) = (
        format!("{prefix}-kind"),
        format!("{prefix}-status"),
        prefix.clone(),
    );
    view! {
        <div class="answer" data-testid=testid>
            <h4>{title}</h4>
            <div class="field">
                <label for=kind_id.clone()>"What comes back"</label>
                <select id=kind_id on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    ctx.edit(|s| {
                        if let Some(a) = answer_mut(s, i, slot) {
                            *a = answer_for_kind(&chosen, a);
                        }
                    });
                }>
                    {KINDS.iter().map(|&(id, label)| view! {
                        <option value=id selected=move || kind() == id>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || kind() == "http">
                <TextField id=status_id.clone() label="Status" path=format!("server[{i}].{slot_id}.status")
                    value=status on_input=set_status local_error=Signal::derive(move || status_error.get()) class="narrow" />
                <HeaderRows target=target id_prefix=prefix.clone() marks=RowMarks::Plain quick=quick_adds(ctx) />
            </Show>
        </div>
    }
}

/// The `Access-Control-*` quick-add buttons; values are taken from the scenario and the engine's trace.
fn quick_adds(ctx: Ctx) -> Vec<QuickAdd> {
    let origin = Signal::derive(move || {
        let traced = ctx.verdict.with(|v| {
            v.as_ref()
                .ok()
                .and_then(|v| first_step(v, CheckId::SameOrigin))
                .and_then(|s| value(s, Key::PageOrigin))
                .map(str::to_owned)
        });
        traced.unwrap_or_else(|| {
            ctx.scenario
                .with(|s| s.page.clone().unwrap_or_else(|| "null".to_owned()))
        })
    });
    let method = Signal::derive(move || ctx.scenario.with(|s| s.request.method.clone()));
    let names = Signal::derive(move || {
        ctx.verdict.with(|v| {
            v.as_ref()
                .ok()
                .and_then(|v| v.preflight_need.as_ref())
                .map(|w| w.unsafe_names.join(", "))
                .unwrap_or_default()
        })
    });
    let fixed = |text: &str| Signal::stored(text.to_owned());
    vec![
        QuickAdd {
            label: "Allow-Origin: page origin",
            name: "Access-Control-Allow-Origin",
            value: origin,
        },
        QuickAdd {
            label: "Allow-Origin: *",
            name: "Access-Control-Allow-Origin",
            value: fixed("*"),
        },
        QuickAdd {
            label: "Allow-Credentials: true",
            name: "Access-Control-Allow-Credentials",
            value: fixed("true"),
        },
        QuickAdd {
            label: "Allow-Methods: this method",
            name: "Access-Control-Allow-Methods",
            value: method,
        },
        QuickAdd {
            label: "Allow-Headers: these headers",
            name: "Access-Control-Allow-Headers",
            value: names,
        },
        QuickAdd {
            label: "Expose-Headers",
            name: "Access-Control-Expose-Headers",
            value: fixed("X-Request-Id"),
        },
        QuickAdd {
            label: "Max-Age: 600",
            name: "Access-Control-Max-Age",
            value: fixed("600"),
        },
        QuickAdd {
            label: "Vary: Origin",
            name: "Vary",
            value: fixed("Origin"),
        },
    ]
}
