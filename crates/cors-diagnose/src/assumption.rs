//! What a diagnosis had to assume because the paste does not say it: a typed field, the value assumed
//! and why, so an interface can show each one editable in place and read the paste again with the
//! edit ([`crate::console::recognise_with`]).

use serde::{Deserialize, Serialize};

/// The part of the scenario an assumption fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum AssumedField {
    /// The request URL.
    Url,
    /// The page's origin.
    PageOrigin,
    /// The request method.
    Method,
    /// The request header the script set.
    RequestHeader,
    /// The credentials mode.
    Credentials,
    /// The values of the request headers.
    HeaderValues,
    /// The server's answer to the request itself.
    Response,
    /// A redirect the lines do not show.
    Redirect,
}

impl AssumedField {
    /// What the field is called in a sentence or a form label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            AssumedField::Url => "Request URL",
            AssumedField::PageOrigin => "Page origin",
            AssumedField::Method => "Method",
            AssumedField::RequestHeader => "Request header",
            AssumedField::Credentials => "Credentials",
            AssumedField::HeaderValues => "Header values",
            AssumedField::Response => "Response",
            AssumedField::Redirect => "Redirect",
        }
    }

    /// Whether a new value for it can be given back to [`crate::console::recognise_with`].
    #[must_use]
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            AssumedField::Url
                | AssumedField::PageOrigin
                | AssumedField::Method
                | AssumedField::RequestHeader
        )
    }
}

/// One assumption: the field, the value that stands in, and why it had to be assumed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assumption {
    /// What was assumed.
    pub field: AssumedField,
    /// The value used.
    pub value: String,
    /// Why: what the paste does not tell.
    pub why: String,
}

impl Assumption {
    /// An assumption.
    #[must_use]
    pub fn new(
        field: AssumedField,
        value: impl Into<String>,
        why: impl Into<String>,
    ) -> Assumption {
        Assumption {
            field,
            value: value.into(),
            why: why.into(),
        }
    }

    /// The assumption as one sentence: `Method: PUT (the message does not name the method).`
    #[must_use]
    pub fn sentence(&self) -> String {
        format!("{}: {} ({}).", self.field.label(), self.value, self.why)
    }
}

/// A value the person gave for an assumed field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// Which field.
    pub field: AssumedField,
    /// The person's value.
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_names_the_field_the_value_and_why() {
        let assumed = Assumption::new(
            AssumedField::Method,
            "PUT",
            "the message does not name the method",
        );
        assert_eq!(
            assumed.sentence(),
            "Method: PUT (the message does not name the method)."
        );
    }
}
