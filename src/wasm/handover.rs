//! The full module's report hand-over (corpus summaries take it too): the report written as one array of `u32` words (numbers,
//! tags, object shapes) plus one string of all its texts, which a small decoder
//! (`handover.js`) turns into the plain object. serde-wasm-bindgen crosses the wasm boundary
//! several times per field (a key, a number, a store, two drops); a 10 MB text's report has
//! millions of `{start, end}` objects, and the decoder builds them without crossing at all.
//! The object is the one serde-wasm-bindgen's `json_compatible` gives: fields in order, `None`
//! and `()` as null, unit variants as their name, numbers as numbers. A value this format does
//! not carry (bytes, a map with a non-string key, a non-finite number) makes `encode` fail, and
//! the caller falls back to serde-wasm-bindgen.
//!
//! Words: below `TAG` an unsigned integer; `SHAPE | id` an object with the keys of shape `id`,
//! its values following; `ARRAY` then the length, then the items; `STRING` then its length in
//! UTF-16 units (the next piece of the string table); `FLOAT` then the f64's low and high
//! words; `NULL`, `TRUE`, `FALSE`; `MAP` then the entry count, then key (a string) and value
//! per entry.

use rustc_hash::FxHashMap;

use crate::text::offsets::count_units;
use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

const TAG: u32 = 0x8000_0000;
const SHAPE: u32 = 0xC000_0000;
const ARRAY: u32 = TAG + 1;
const STRING: u32 = TAG + 2;
const FLOAT: u32 = TAG + 3;
const NULL: u32 = TAG + 4;
const TRUE: u32 = TAG + 5;
const FALSE: u32 = TAG + 6;
const MAP: u32 = TAG + 7;

#[wasm_bindgen(module = "/src/wasm/handover.js")]
extern "C" {
    fn decode(words: &[u32], strings: &str, keys: &str, shapes: &[u32]) -> JsValue;
}

/// The report (any serializable value) as a plain object, or `None` when it holds a value the
/// format does not carry.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    let mut enc = Encoder::default();
    value.serialize(&mut enc).ok()?;
    let keys = enc.keys.join("\n");
    Some(decode(&enc.words, &enc.strings, &keys, &enc.shape_words))
}

#[derive(Default)]
struct Encoder {
    words: Vec<u32>,
    strings: String,
    /// Field names, by id (the decoder gets them once).
    keys: Vec<&'static str>,
    /// By the name's address and length: serde hands the same `&'static str` for a field every
    /// time, and hashing two words is cheaper than hashing the name (a name seen at two
    /// addresses gets two ids with the same text, which the decoder reads alike).
    key_ids: FxHashMap<(usize, usize), u32>,
    /// Shapes: `[n, key id × n]` one after another.
    shape_words: Vec<u32>,
    shape_ids: FxHashMap<Vec<u32>, u32>,
    /// The key ids of the objects being written, innermost last (`open` marks where each starts).
    fields: Vec<u32>,
    open: Vec<(usize, usize)>,
}

#[derive(Debug)]
struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value the hand-over does not carry")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type R = Result<(), Unsupported>;

impl Encoder {
    fn num(&mut self, v: f64) -> R {
        if !v.is_finite() {
            return Err(Unsupported);
        }
        if v >= 0.0 && v < TAG as f64 && v.fract() == 0.0 && !(v == 0.0 && v.is_sign_negative()) {
            self.words.push(v as u32);
        } else {
            let bits = v.to_bits();
            self.words.extend([FLOAT, bits as u32, (bits >> 32) as u32]);
        }
        Ok(())
    }

    fn uint(&mut self, v: u64) -> R {
        if v < TAG as u64 {
            self.words.push(v as u32);
            Ok(())
        } else if v <= (1u64 << 53) {
            self.num(v as f64)
        } else {
            Err(Unsupported)
        }
    }

    fn int(&mut self, v: i64) -> R {
        if v >= 0 {
            self.uint(v as u64)
        } else if v >= -(1i64 << 53) {
            self.num(v as f64)
        } else {
            Err(Unsupported)
        }
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() { s.len() } else { count_units(s.as_bytes()) };
        self.words.extend([STRING, units as u32]);
        self.strings.push_str(s);
    }

    fn begin_object(&mut self) {
        self.open.push((self.words.len(), self.fields.len()));
        self.words.push(SHAPE);
    }

    fn key(&mut self, key: &'static str) {
        let at = (key.as_ptr() as usize, key.len());
        let id = match self.key_ids.get(&at) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.keys.push(key);
                self.key_ids.insert(at, id);
                id
            }
        };
        self.fields.push(id);
    }

    fn end_object(&mut self) -> R {
        let (at, from) = self.open.pop().ok_or(Unsupported)?;
        let fields = &self.fields[from..];
        let id = match self.shape_ids.get(fields) {
            Some(&id) => id,
            None => {
                let id = self.shape_ids.len() as u32;
                if id >= SHAPE - TAG {
                    return Err(Unsupported);
                }
                self.shape_words.push(fields.len() as u32);
                self.shape_words.extend_from_slice(fields);
                self.shape_ids.insert(fields.to_vec(), id);
                id
            }
        };
        self.words[at] = SHAPE | id;
        self.fields.truncate(from);
        Ok(())
    }

    fn begin_array(&mut self, len: Option<usize>) -> usize {
        self.words.extend([ARRAY, len.unwrap_or(0) as u32]);
        self.words.len() - 1
    }
}

/// An array or a map in progress: where its count word is, and how many items it has had.
struct Seq<'a> {
    enc: &'a mut Encoder,
    count_at: usize,
    count: u32,
}

impl Seq<'_> {
    fn end(self) -> R {
        self.enc.words[self.count_at] = self.count;
        Ok(())
    }
}

/// A struct (or a struct variant's fields) in progress.
struct Obj<'a> {
    enc: &'a mut Encoder,
    /// A variant's object closes twice: `{variant: {fields}}`.
    variant: bool,
}

impl<'a> ser::Serializer for &'a mut Encoder {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Seq<'a>;
    type SerializeStruct = Obj<'a>;
    type SerializeStructVariant = Obj<'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.int(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.int(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.int(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> R {
        self.uint(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.uint(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.uint(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.uint(v)
    }
    fn serialize_f32(self, v: f32) -> R {
        self.num(v.into())
    }
    fn serialize_f64(self, v: f64) -> R {
        self.num(v)
    }
    fn serialize_char(self, v: char) -> R {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(Unsupported)
    }
    fn serialize_none(self) -> R {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, variant: &'static str, value: &T) -> R {
        self.begin_object();
        self.key(variant);
        value.serialize(&mut *self)?;
        self.end_object()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a>, Unsupported> {
        let count_at = self.begin_array(len);
        Ok(Seq { enc: self, count_at, count: 0 })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Seq<'a>, Unsupported> {
        self.words.extend([MAP, 0]);
        let count_at = self.words.len() - 1;
        Ok(Seq { enc: self, count_at, count: 0 })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj<'a>, Unsupported> {
        self.begin_object();
        Ok(Obj { enc: self, variant: false })
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Obj<'a>, Unsupported> {
        self.begin_object();
        self.key(variant);
        self.begin_object();
        Ok(Obj { enc: self, variant: true })
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        self.count += 1;
        value.serialize(&mut *self.enc)
    }
    fn end(self) -> R {
        Seq::end(self)
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Seq::end(self)
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> R {
        Seq::end(self)
    }
}

impl ser::SerializeMap for Seq<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> R {
        self.count += 1;
        let before = self.enc.words.len();
        key.serialize(&mut *self.enc)?;
        // Object keys are strings: a number or anything else would change the key's type.
        if self.enc.words.get(before) != Some(&STRING) {
            return Err(Unsupported);
        }
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> R {
        value.serialize(&mut *self.enc)
    }
    fn end(self) -> R {
        Seq::end(self)
    }
}

impl ser::SerializeStruct for Obj<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> R {
        self.enc.key(key);
        value.serialize(&mut *self.enc)
    }
    fn skip_field(&mut self, _: &'static str) -> R {
        Ok(())
    }
    fn end(self) -> R {
        self.enc.end_object()?;
        if self.variant { self.enc.end_object() } else { Ok(()) }
    }
}

impl ser::SerializeStructVariant for Obj<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> R {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> R {
        ser::SerializeStruct::end(self)
    }
}
