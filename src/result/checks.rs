//! Every check the browser made, in order, with pass/fail, the explanation and a link into the standard.

use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::{mark, Mark};
use crate::ui::rich::rich;

#[derive(Clone, PartialEq)]
struct Row {
    mark: Mark,
    id: &'static str,
    summary: String,
    detail: String,
    spec: String,
    values: Vec<(String, String)>,
}

/// The check list.
#[component]
pub fn Checks() -> impl IntoView {
    let ctx = Ctx::get();
    let rows = Memo::new(move |_| {
        ctx.verdict.with(|v| {
            v.as_ref()
                .map(|v| {
                    v.steps
                        .iter()
                        .enumerate()
                        .map(|(i, s)| Row {
                            mark: mark(v, i),
                            id: s.check.id(),
                            summary: s.summary.clone(),
                            detail: s.detail.clone(),
                            spec: s.spec.clone(),
                            values: s.values.clone(),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <ol class="checks" data-testid="checks">
            {move || rows.get().into_iter().map(render_row).collect_view()}
        </ol>
    }
}

fn render_row(row: Row) -> impl IntoView {
    let values = (!row.values.is_empty()).then(|| {
        view! {
            <dl class="values">
                {row.values.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd><code>{v}</code></dd></div> }).collect_view()}
            </dl>
        }
    });
    let spec = row.spec.starts_with("https://").then(|| {
        view! { <a class="spec-link" href=row.spec.clone() target="_blank" rel="noopener noreferrer">"Fetch standard ↗"</a> }
    });
    view! {
        <li class=format!("check mark-{}", row.mark.word()) data-testid="check" data-check=row.id data-mark=row.mark.word()>
            <details>
                <summary>
                    <span class="mark-icon" aria-hidden="true">{row.mark.icon()}</span>
                    <span class="sr-only">{row.mark.word()}": "</span>
                    <span class="check-summary">{rich(&row.summary)}</span>
                </summary>
                <div class="check-body">
                    <p>{rich(&row.detail)}</p>
                    {values}
                    {spec}
                </div>
            </details>
        </li>
    }
}
