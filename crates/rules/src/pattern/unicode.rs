//! The Unicode general categories `\p{L}`, `\p{Z}` and `\p{N}`, read from the generated
//! tables.

use std::cmp::Ordering;
use std::sync::OnceLock;

use crate::unicode_tables::{LETTER, NUMBER, SEPARATOR};

/// Largest code point.
#[cfg(test)]
pub(super) const MAX_CHAR: u32 = 0x10FFFF;

/// A set of code points: sorted, non-overlapping, non-adjacent inclusive ranges.
pub(super) type Ranges = Vec<(u32, u32)>;

/// Whether `c` is in Unicode general category L (Lu Ll Lt Lm Lo), as `\p{L}` matches.
pub fn is_letter(c: char) -> bool {
    in_ranges(&tables()[0], c as u32)
}

/// Whether `c` is in Unicode general category Z (Zs Zl Zp), as `\p{Z}` matches.
pub fn is_separator(c: char) -> bool {
    in_ranges(&tables()[1], c as u32)
}

/// Whether `c` is in Unicode general category N (Nd Nl No), as `\p{N}` matches.
pub fn is_number(c: char) -> bool {
    in_ranges(&tables()[2], c as u32)
}

/// The tables L, Z and N, read once per process (or page) for binary search.
pub(super) fn tables() -> &'static [Ranges; 3] {
    static TABLES: OnceLock<[Ranges; 3]> = OnceLock::new();
    TABLES.get_or_init(|| [LETTER, SEPARATOR, NUMBER].map(|t| ranges(t).collect()))
}

/// The ranges of a table of `unicode_tables`, in order: each is two LEB128 numbers, its first
/// code point less the last one of the range before (or 0), and its last less its first.
pub(super) fn ranges(table: &[u8]) -> impl Iterator<Item = (u32, u32)> + '_ {
    fn leb128(bytes: &mut std::slice::Iter<'_, u8>) -> Option<u32> {
        let mut value = 0;
        let mut shift = 0;
        loop {
            let byte = *bytes.next()?;
            value |= u32::from(byte & 0x7F) << shift;
            if byte < 0x80 {
                return Some(value);
            }
            shift += 7;
        }
    }
    let mut bytes = table.iter();
    let mut end = 0;
    std::iter::from_fn(move || {
        let start = end + leb128(&mut bytes)?;
        end = start + leb128(&mut bytes)?;
        Some((start, end))
    })
}

pub(super) fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}
