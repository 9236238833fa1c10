//! Text primitives every layer above uses: embedded data, case, language by script, decoding,
//! size limits, UTF-16 offsets, sorting and trimming.

#[macro_use]
pub(crate) mod embedded; // first: its `data!` macro embeds the data files for the modules below
pub(crate) mod case;
#[cfg(feature = "zh")] // the Chinese lexicons' filters; the light module has none
pub(crate) mod char_bits;
pub(crate) mod decode;
pub(crate) mod error;
pub(crate) mod language;
pub(crate) mod limits;
pub(crate) mod offsets;
pub(crate) mod script;
pub(crate) mod sort;
pub(crate) mod trim;
