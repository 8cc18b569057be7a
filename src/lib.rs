#![forbid(unsafe_code)]
#![warn(missing_docs)]
//! # ropa — records of processing activities, typed
//!
//! ropa models the GDPR's Art 30 *register of processing activities* (Dutch: *register van
//! verwerkingsactiviteiten*) and the commitments an organisation makes in its public privacy
//! statement (*privacyverklaring*), and loads them from the YAML, TOML or JSON files
//! organisations keep in version control.
//!
//! ## The model
//!
//! A [`Register`](model::Register) holds:
//!
//! - the [`Controller`](model::Controller) (contact, DPO, whether it is a public authority, its
//!   supervisory authority), and Art 30(2) records of processing done on behalf of others;
//! - the public [`Statement`](model::Statement) as *checkable commitments* — "we process no
//!   special categories", "we share only with explicit consent", "all data stay in the EU",
//!   "only functional cookies", the rights offered and how to exercise them;
//! - [`Catalogues`](model::Catalogues) declared once and referenced by [`Id`](model::Id): data
//!   subjects, personal-data categories (marked as Art 9 special categories, Art 10 criminal data
//!   or national id numbers such as the BSN), purposes, recipients, processors with their Art 28
//!   agreements, retention rules, security measures and systems;
//! - the [`ProcessingActivity`](model::ProcessingActivity) list: purposes, subjects, data,
//!   Art 6 lawful bases with their legal provisions, Art 9(2) conditions and UAVG grounds,
//!   retention, recipients, transfers and their Chapter V mechanism, automated decisions,
//!   cookies, DPIA, children and data sources.
//!
//! A [`Proposal`](model::Proposal) is one activity someone wants to start, to be checked against
//! the register before it is built.
//!
//! Where the law gives a closed list, the model has an enum with one stable snake_case form
//! (`public_task`, `explicit_consent`, `standard_contractual_clauses`); where an organisation's
//! own words matter, they are kept as labels.
//!
//! ## Loading
//!
//! The [`source`] module reads each file once into a located tree, so every error names the
//! file, line and column, the field path and a fix, and any field a rule later reports on can be
//! pointed at in the file.
//!
//! ```
//! use ropa::model::{LawfulBasisKind, SpecialCategory};
//! use ropa::source::{Document, Format, Limits};
//!
//! let yaml = r#"
//! controller:
//!   name: Gemeente Voorbeeld
//!   public_authority: true
//!   dpo: { contact: { email: fg@voorbeeld.nl } }
//! catalogues:
//!   data_subjects:
//!     - { id: inwoners, label: Inwoners }
//!   data_categories:
//!     - { id: naam, label: Naam, kind: identification }
//!     - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
//!   purposes:
//!     - { id: wmo, label: Ondersteuning op grond van de Wmo 2015, kind: public_task }
//! activities:
//!   - id: wmo_melding
//!     name: Wmo-melding behandelen
//!     purposes: [wmo]
//!     data_subjects: [inwoners]
//!     data_categories: [naam, gezondheid]
//!     lawful_bases:
//!       - { basis: public_task, legal_provision: "Wmo 2015 art. 2.3.2" }
//!     special_category_conditions:
//!       - { uavg_ground: health_sector_exceptions, legal_provision: "UAVG art. 30 lid 3" }
//! "#;
//! let document = Document::parse("register.yaml", yaml, Format::Yaml, Limits::default())?;
//! let register = document.register()?;
//!
//! let activity = &register.activities[0];
//! assert!(activity.relies_on(LawfulBasisKind::PublicTask));
//! let special: Vec<_> = register
//!     .catalogues
//!     .data_categories
//!     .iter()
//!     .filter_map(|c| c.special_category)
//!     .collect();
//! assert_eq!(special, [SpecialCategory::Health]);
//!
//! // Field paths turn back into positions in the file.
//! let path = ropa::path::FieldPath::parse_pointer("/activities/0/lawful_bases/0/legal_provision");
//! let span = document.span_of(&path).expect("the field is in the file");
//! assert_eq!(document.source().position(span.start).line, 21);
//! # Ok::<(), ropa::source::LoadError>(())
//! ```
//!
//! ## Layers
//!
//! [`model`] is plain data and knows nothing of files; [`source`] reads files into it;
//! [`report`] renders errors for people; [`schema`] generates the JSON Schemas other tools
//! read. The `ropa` command-line tool (feature `cli`, on by default) is a thin shell over these.

pub mod check;
pub mod config;
pub mod engine;
pub mod import;
pub mod model;
pub mod pairing;
pub mod path;
pub mod render;
pub mod report;
mod sanitize;
pub mod schema;
pub mod source;
mod suggest;

/// The README's Rust snippets, compiled as doctests so they cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
