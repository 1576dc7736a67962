//! Cheap hashes for the engine's own tables.
//!
//! A cheap hash for short keys from the engine's own tables (role and `aria-*` names):
//! FNV-1a beats SipHash several times over on keys of a few bytes. Not for keys a page
//! chooses: FNV collisions are easy to construct, so maps keyed by page content keep std's
//! keyed hasher.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`ShortHasher`].
pub(crate) type ShortHashMap<K, V> = HashMap<K, V, BuildHasherDefault<ShortHasher>>;

/// FNV-1a, 64-bit.
pub(crate) struct ShortHasher(u64);

impl Default for ShortHasher {
    fn default() -> Self {
        ShortHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for ShortHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` keyed by interned names (html5ever's atoms), with [`AtomHasher`].
pub(crate) type AtomHashMap<K, V> = HashMap<K, V, BuildHasherDefault<AtomHasher>>;

/// Interned names carry their hash (computed once, when interned): this hasher only spreads
/// it over the word. For tables whose keys are ours; lookups of a page's names cost a probe.
#[derive(Default)]
pub(crate) struct AtomHasher(u64);

impl Hasher for AtomHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u64(&mut self, hash: u64) {
        self.0 = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write(&mut self, bytes: &[u8]) {
        // Atoms hash with `write_u64` only; anything else still gets a sound hash.
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
}
