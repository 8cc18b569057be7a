//! The one declaration form for the model's closed lists.

/// Declares a list enum with one stable snake_case string form shared by serde, strum and the
/// JSON Schema, so that a value reads the same in a register file, a finding and the CLI.
///
/// Every list enum goes through this macro, the model's and the rest of the crate's (formats,
/// severities, scopes, rule levels); `tests/enum_forms.rs` proves for each of the model's that
/// the serde and strum forms agree and that the JSON Schema names the same words.
macro_rules! list_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
            strum::Display, strum::EnumString, strum::EnumIter, strum::IntoStaticStr,
            strum::AsRefStr,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $crate::model::macros::ListEnum for $name {
            fn position(self) -> u32 {
                self as u32
            }
        }

        // A set of variants fits in one `u128` (see `ListEnum`).
        const _: () = assert!([$(stringify!($variant)),+].len() <= 128);
    };
}

/// What the crate knows of every list enum beyond its string form: each variant's place in
/// declaration order, so that a set of variants is a bit set (the engine asks "does any of the
/// activity's data categories have this kind?" a dozen times per activity).
pub(crate) trait ListEnum: Copy + strum::IntoEnumIterator {
    /// The variant's position in declaration order, below 128.
    fn position(self) -> u32;
}

pub(crate) use list_enum;
