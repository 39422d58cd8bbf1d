//! The engine writes code in its sentences between backticks; this shows those parts as `<code>`.

use leptos::prelude::*;

/// One piece of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain words.
    Text(String),
    /// A name or value, written between backticks.
    Code(String),
}

/// Splits a sentence at backticks; an unpaired backtick stays as text.
#[must_use]
pub fn pieces(text: &str) -> Vec<Piece> {
    let parts: Vec<&str> = text.split('`').collect();
    // Text and code alternate, so a well-formed sentence splits into an odd number of parts.
    if parts.len() & 1 == 0 {
        // An odd number of backticks: do not guess which one is unpaired.
        return vec![Piece::Text(text.to_owned())];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| {
            if i % 2 == 1 {
                Piece::Code((*p).to_owned())
            } else {
                Piece::Text((*p).to_owned())
            }
        })
        .collect()
}

/// Renders a sentence with its backticked parts as code (always as text, never as markup).
pub fn rich(text: &str) -> impl IntoView {
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.into_any(),
            Piece::Code(c) => view! { <code>{c}</code> }.into_any(),
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticked_parts_become_code() {
        assert_eq!(
            pieces("header `x-id` is not in `A, B`."),
            vec![
                Piece::Text("header ".to_owned()),
                Piece::Code("x-id".to_owned()),
                Piece::Text(" is not in ".to_owned()),
                Piece::Code("A, B".to_owned()),
                Piece::Text(".".to_owned())
            ]
        );
    }

    #[test]
    fn an_unpaired_backtick_leaves_the_sentence_as_it_is() {
        assert_eq!(pieces("a ` b"), vec![Piece::Text("a ` b".to_owned())]);
    }
}
