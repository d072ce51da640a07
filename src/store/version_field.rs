//! Writes a value as one struct with a `version` field in front of its own:
//! `(version: 1, a: …, b: …)` in RON, `{"version": 1, "a": …}` in JSON.
//!
//! Serde's `flatten` does this for JSON, but makes RON write a map
//! (`{"version": 1, "a": …}`) that RON cannot read back as a struct; so the
//! field is added on the way out instead, by a serializer that hands
//! everything to the real one after slipping `version` into the struct.

use serde::ser::{Error, Impossible, Serialize, SerializeStruct, Serializer};

/// `value` written with a leading `version` field. `T` must serialize as a
/// struct with named fields and have no `version` field of its own.
pub struct WithVersion<'a, T> {
    /// The version to write.
    pub version: u32,
    /// What the file holds.
    pub value: &'a T,
}

impl<T: Serialize> Serialize for WithVersion<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(VersionFirst {
            inner: serializer,
            version: self.version,
        })
    }
}

/// The real serializer, plus the version to put first in the struct.
struct VersionFirst<S> {
    inner: S,
    version: u32,
}

fn not_a_struct<E: Error>() -> E {
    E::custom("a versioned file must hold a struct with named fields")
}

/// Everything but a struct is refused.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, S::Error> {
            Err(not_a_struct())
        })*
    };
}

impl<S: Serializer> Serializer for VersionFirst<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = S::SerializeStruct;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let mut fields = self.inner.serialize_struct(name, len + 1)?;
        fields.serialize_field("version", &self.version)?;
        Ok(fields)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }

    refuse! {
        serialize_bool(bool) -> S::Ok;
        serialize_i8(i8) -> S::Ok;
        serialize_i16(i16) -> S::Ok;
        serialize_i32(i32) -> S::Ok;
        serialize_i64(i64) -> S::Ok;
        serialize_u8(u8) -> S::Ok;
        serialize_u16(u16) -> S::Ok;
        serialize_u32(u32) -> S::Ok;
        serialize_u64(u64) -> S::Ok;
        serialize_f32(f32) -> S::Ok;
        serialize_f64(f64) -> S::Ok;
        serialize_char(char) -> S::Ok;
        serialize_str(&str) -> S::Ok;
        serialize_bytes(&[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(&'static str) -> S::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> S::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}
