//! Content: the RON schema, loading, merging and validation.

pub mod catalog;
pub mod dose;
pub mod dose_rules;
mod gate_rules;
pub mod literals;
pub mod load;
pub mod model;
pub mod problem;
pub mod programme;
pub mod source;
pub mod strings;
pub mod tips;
pub mod validate;
pub mod variant_rules;
