//! Building blocks shared by the steps: labelled inputs, header rows, the verdict bar, the step list.

pub mod field;
pub mod gallery;
pub mod header_rows;
pub mod rich;
pub mod site_header;
pub mod stepper;
pub mod tour;
pub mod verdict_bar;
pub mod why;
