//! Reading numbers as `str::parse` does, and writing floats as `Display` does, with less code
//! in the page.
//!
//! A decimal text as an `f64` or an `f32`, exactly as `str::parse` does (same grammar, same
//! correctly rounded value; an `f32` rounded once, as Java's `Float.parseFloat` reads a
//! model `float`), with only the exact "simple decimal conversion" that core falls
//! back on: core's fast paths bring a 10 KB table of powers of five into the page. Integers
//! are read as digit strings ([`parse_i64`], [`i128_text`]): the checker needs no 128-bit
//! formatting or arithmetic. The page does link some, for the boto3 import alone: its
//! arithmetic on written numbers (`import::python::Reader::numbers`) works in `i128`, exact
//! up to 2^127 as Python's is (the Python-eval differential test in
//! `tests/clients/python_import.py` holds it to that), which brings compiler_builtins'
//! 128-bit multiply and divide (`__multi3`, `__divti3`, `__modti3`, `u128_div_rem`, ...:
//! 1,817 bytes of the release wasm before wasm-opt, measured 2026-12-06) and an inlined
//! `i128` to-text. Reading those numbers as `i64` would refuse products between 2^63 and
//! 2^127 that Python works out exactly; exact digit-string arithmetic would cost more code
//! than it saves.
//!
//! The algorithm is core's `dec2flt` slow path (`decimal_seq.rs`, `slow.rs`; Nigel Tao's
//! description of Go's `strconv`): the digits are shifted by powers of two until the value
//! lies in [1/2, 1], then rounded to 53 bits, half to even. It is exact for every input, so it
//! agrees with core's other paths, which are exact too; `tests` compare the two on hard
//! cases and random texts.

/// An integer text as `str::parse` reads one for a signed type: an optional `+` or `-`, then
/// ASCII digits. Gives whether it is negative and the digits without leading zeros (empty for
/// zero).
fn int_parts(text: &str) -> Option<(bool, &str)> {
    let (negative, digits) = match (text.strip_prefix('-'), text.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (_, Some(rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((negative, digits.trim_start_matches('0')))
}

/// Whether digits without leading zeros are at most `limit`'s.
fn at_most(digits: &str, limit: &str) -> bool {
    digits.len() < limit.len() || (digits.len() == limit.len() && digits <= limit)
}

/// `text.parse::<i64>().ok()`.
pub(crate) fn parse_i64(text: &str) -> Option<i64> {
    let (negative, digits) = int_parts(text)?;
    let limit = if negative {
        "9223372036854775808"
    } else {
        "9223372036854775807"
    };
    if !at_most(digits, limit) {
        return None;
    }
    let n = digits
        .bytes()
        .fold(0_u64, |n, d| n * 10 + u64::from(d - b'0'));
    Some(if negative {
        (n as i64).wrapping_neg()
    } else {
        n as i64
    })
}

/// `text.parse::<i128>().ok().map(|n| n.to_string())`: the integer as Rust (and Python and
/// Java) print it, without `+`, leading zeros or the sign of zero.
pub(crate) fn i128_text(text: &str) -> Option<String> {
    let (negative, digits) = int_parts(text)?;
    let limit = if negative {
        "170141183460469231731687303715884105728"
    } else {
        "170141183460469231731687303715884105727"
    };
    Some(match digits {
        _ if !at_most(digits, limit) => return None,
        "" => "0".to_string(),
        _ if negative => format!("-{digits}"),
        _ => digits.to_string(),
    })
}

/// Significant digits kept; further non-zero digits only set `truncated` (enough for `f64`:
/// 767 digits decide every halfway case).
const MAX_DIGITS: usize = 768;
/// Once the decimal point is this far out, the value is zero or infinite.
const DECIMAL_POINT_RANGE: i32 = 2047;
/// Largest shift at once (`u64` arithmetic on a digit shifted left by it cannot overflow).
const MAX_SHIFT: usize = 60;
/// Bits a shift may take for a decimal point at `n` (the powers of two below `10^n`).
const POWERS: [u8; 19] = [
    0, 3, 6, 9, 13, 16, 19, 23, 26, 29, 33, 36, 39, 43, 46, 49, 53, 56, 59,
];

/// A binary format's parameters, as core's `RawFloat` names them.
struct Format {
    /// Explicit fraction bits (52 for `f64`, 23 for `f32`).
    mantissa_bits: usize,
    /// The exponent of the smallest normal value, minus one (-1023, -127).
    minimum_exponent: i32,
    /// The biased exponent of infinity (0x7FF, 0xFF).
    infinite_power: i32,
}

const F64: Format = Format {
    mantissa_bits: 52,
    minimum_exponent: -1023,
    infinite_power: 0x7FF,
};

const F32: Format = Format {
    mantissa_bits: 23,
    minimum_exponent: -127,
    infinite_power: 0xFF,
};

/// `0.d1d2d3… × 10^decimal_point`, with `truncated` when non-zero digits were dropped.
struct Decimal {
    digits: [u8; MAX_DIGITS],
    num_digits: usize,
    decimal_point: i32,
    truncated: bool,
}

/// `text.parse::<f64>().ok()`: an optional sign, then `inf`, `infinity` or `nan` in any case,
/// or digits with an optional point (at least one digit) and an optional exponent.
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = signed(text)?;
    let magnitude = match decimal(body) {
        Some(d) => f64::from_bits(d.into_bits(&F64)),
        None => match special(body)? {
            Special::Infinity => f64::INFINITY,
            Special::NaN => f64::NAN,
        },
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The sign of a float's text, and the rest.
fn signed(text: &str) -> Option<(bool, &[u8])> {
    let bytes = text.as_bytes();
    Some(match bytes.split_first()? {
        (b'-', rest) => (true, rest),
        (b'+', rest) => (false, rest),
        _ => (false, bytes),
    })
}

/// The words a float's text may be instead of digits, in any case.
enum Special {
    Infinity,
    NaN,
}

fn special(body: &[u8]) -> Option<Special> {
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(Special::Infinity)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(Special::NaN)
    } else {
        None
    }
}

/// `text.parse::<f32>().ok()`: the text correctly rounded to the nearest `f32` (half to
/// even), in one step, as Java's `Float.parseFloat` does and the service reads a model
/// `float`. Not `parse_f64(text) as f32`: rounding twice can land on the other side of a
/// halfway point (`1.0000000596046447755` is above the `f32` halfway point 1 + 2^-24 but its
/// nearest `f64` is that point, which then rounds to even, 1).
pub(crate) fn parse_f32(text: &str) -> Option<f32> {
    let (negative, body) = signed(text)?;
    let magnitude = match decimal(body) {
        // At most 31 bits: the cast keeps them all.
        Some(d) => f32::from_bits(d.into_bits(&F32) as u32),
        None => match special(body)? {
            Special::Infinity => f32::INFINITY,
            Special::NaN => f32::NAN,
        },
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The digits and decimal point of `digits [. digits] [e [sign] digits]`, all of `s`.
fn decimal(s: &[u8]) -> Option<Decimal> {
    let mut d = Decimal {
        digits: [0; MAX_DIGITS],
        num_digits: 0,
        decimal_point: 0,
        truncated: false,
    };
    // The decimal point, counted in i64 so that no exponent can overflow it.
    let mut point: i64 = 0;
    let mut any_digit = false;
    let mut after_point = false;
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        match c {
            b'.' if !after_point => after_point = true,
            b'0'..=b'9' => {
                any_digit = true;
                let digit = c - b'0';
                if digit == 0 && d.num_digits == 0 {
                    // A leading zero.
                    if after_point {
                        point -= 1;
                    }
                } else {
                    if !after_point {
                        point += 1;
                    }
                    if d.num_digits < MAX_DIGITS {
                        d.digits[d.num_digits] = digit;
                        d.num_digits += 1;
                    } else if digit != 0 {
                        d.truncated = true;
                    }
                }
            }
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let negative = s.get(i) == Some(&b'-');
        if let Some(b'-' | b'+') = s.get(i) {
            i += 1;
        }
        let start = i;
        let mut exp: i64 = 0;
        while let Some(c @ b'0'..=b'9') = s.get(i) {
            if exp < 0x10000 {
                exp = 10 * exp + i64::from(c - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        point += if negative { -exp } else { exp };
    }
    if i != s.len() {
        return None;
    }
    d.trim();
    // Out of these bounds the value is 0 or infinite (see `into_f64`); inside them it fits.
    d.decimal_point = point.clamp(-400, 400) as i32;
    Some(d)
}

impl Decimal {
    /// The digit at `i` (0 past the ones kept).
    fn digit(&self, i: usize) -> u8 {
        self.digits.get(i).copied().unwrap_or(0)
    }

    fn trim(&mut self) {
        while self.num_digits != 0 && self.digits.get(self.num_digits - 1) == Some(&0) {
            self.num_digits -= 1;
        }
    }

    /// The bits of the value in `format` (without sign), correctly rounded (half to even).
    fn into_bits(mut self, format: &Format) -> u64 {
        let Format {
            mantissa_bits,
            minimum_exponent,
            infinite_power,
        } = *format;
        let infinity = (infinite_power as u64) << mantissa_bits;
        let shift_for = |n: usize| POWERS.get(n).map_or(MAX_SHIFT, |&s| usize::from(s));
        if self.num_digits == 0 || self.decimal_point < -324 {
            return 0;
        }
        if self.decimal_point >= 310 {
            return infinity;
        }
        let mut exp2 = 0_i32;
        // Shift right toward (1/2 ... 1].
        while self.decimal_point > 0 {
            let shift = shift_for(self.decimal_point as usize);
            self.right_shift(shift);
            if self.decimal_point < -DECIMAL_POINT_RANGE {
                return 0;
            }
            exp2 += shift as i32;
        }
        // Shift left toward (1/2 ... 1].
        while self.decimal_point <= 0 {
            let shift = if self.decimal_point == 0 {
                match self.digits[0] {
                    digit if digit >= 5 => break,
                    0 | 1 => 2,
                    _ => 1,
                }
            } else {
                shift_for(self.decimal_point.unsigned_abs() as usize)
            };
            self.left_shift(shift);
            if self.decimal_point > DECIMAL_POINT_RANGE {
                return infinity;
            }
            exp2 -= shift as i32;
        }
        // From [1/2, 1] to the binary format's [1, 2].
        exp2 -= 1;
        while minimum_exponent + 1 > exp2 {
            let n = ((minimum_exponent + 1 - exp2) as usize).min(MAX_SHIFT);
            self.right_shift(n);
            exp2 += n as i32;
        }
        if exp2 - minimum_exponent >= infinite_power {
            return infinity;
        }
        // Shift to the hidden bit, then round to the mantissa and the hidden bit.
        self.left_shift(mantissa_bits + 1);
        let mut mantissa = self.round();
        if mantissa >= 1_u64 << (mantissa_bits + 1) {
            // Rounding carried into a new bit: shift back.
            self.right_shift(1);
            exp2 += 1;
            mantissa = self.round();
            if exp2 - minimum_exponent >= infinite_power {
                return infinity;
            }
        }
        let mut power2 = exp2 - minimum_exponent;
        if mantissa < 1_u64 << mantissa_bits {
            power2 -= 1;
        }
        mantissa &= (1_u64 << mantissa_bits) - 1;
        mantissa | (power2 as u64) << mantissa_bits
    }

    /// The integer part, rounded half to even (or up when digits were dropped).
    fn round(&self) -> u64 {
        if self.num_digits == 0 || self.decimal_point < 0 {
            return 0;
        }
        if self.decimal_point > 18 {
            return u64::MAX;
        }
        let dp = self.decimal_point as usize;
        let mut n = 0_u64;
        for i in 0..dp {
            n *= 10;
            if i < self.num_digits {
                n += u64::from(self.digits[i]);
            }
        }
        let mut round_up = false;
        if dp < self.num_digits {
            round_up = self.digits[dp] >= 5;
            if self.digits[dp] == 5 && dp + 1 == self.num_digits {
                round_up = self.truncated || (dp != 0 && self.digits[dp - 1] & 1 != 0);
            }
        }
        n + u64::from(round_up)
    }

    /// Multiplies by `2^shift` (`shift` ≤ 60).
    fn left_shift(&mut self, shift: usize) {
        if self.num_digits == 0 {
            return;
        }
        // The product's digits, last first.
        let mut product = Vec::with_capacity(self.num_digits + 19);
        let mut n = 0_u64;
        for &digit in self.digits.iter().take(self.num_digits).rev() {
            n += u64::from(digit) << shift;
            product.push((n % 10) as u8);
            n /= 10;
        }
        while n > 0 {
            product.push((n % 10) as u8);
            n /= 10;
        }
        let new_digits = product.len() - self.num_digits;
        for (i, digit) in product.into_iter().rev().enumerate() {
            if i < MAX_DIGITS {
                self.digits[i] = digit;
            } else if digit > 0 {
                self.truncated = true;
            }
        }
        self.num_digits = (self.num_digits + new_digits).min(MAX_DIGITS);
        self.decimal_point += new_digits as i32;
        self.trim();
    }

    /// Divides by `2^shift` (`shift` ≤ 60).
    fn right_shift(&mut self, shift: usize) {
        let mut read_index = 0;
        let mut write_index = 0;
        let mut n = 0_u64;
        while (n >> shift) == 0 {
            if read_index < self.num_digits {
                n = 10 * n + u64::from(self.digit(read_index));
                read_index += 1;
            } else if n == 0 {
                return;
            } else {
                while (n >> shift) == 0 {
                    n *= 10;
                    read_index += 1;
                }
                break;
            }
        }
        self.decimal_point -= read_index as i32 - 1;
        if self.decimal_point < -DECIMAL_POINT_RANGE {
            self.num_digits = 0;
            self.decimal_point = 0;
            self.truncated = false;
            return;
        }
        let mask = (1_u64 << shift) - 1;
        while read_index < self.num_digits {
            let new_digit = (n >> shift) as u8;
            n = 10 * (n & mask) + u64::from(self.digit(read_index));
            read_index += 1;
            // write_index < read_index: always in bounds.
            if let Some(d) = self.digits.get_mut(write_index) {
                *d = new_digit;
            }
            write_index += 1;
        }
        while n > 0 {
            let new_digit = (n >> shift) as u8;
            n = 10 * (n & mask);
            if write_index < MAX_DIGITS {
                self.digits[write_index] = new_digit;
                write_index += 1;
            } else if new_digit > 0 {
                self.truncated = true;
            }
        }
        self.num_digits = write_index;
        self.trim();
    }
}

// ---------------------------------------------------------------------------------------
// Writing

/// `format!("{x}")` for an `f64`: the shortest digits that read back as `x`, in plain
/// decimal notation (`0.2`, `1e-7` as `0.0000001`, `-0`, `inf`, `NaN`). Formatting a float
/// with `{}` anywhere links core's float formatting (about 16 KB of wasm) into the page.
pub fn display_f64(x: f64) -> String {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1 << 52) - 1);
    display(bits >> 63 == 1, biased, fraction, 52, 0x7FF, 1075)
}

/// `format!("{x}")` for an `f32`, as [`display_f64`] with `f32`'s precision.
pub(crate) fn display_f32(x: f32) -> String {
    let bits = x.to_bits();
    let biased = ((bits >> 23) & 0xFF) as i32;
    let fraction = u64::from(bits & ((1 << 23) - 1));
    display(bits >> 31 == 1, biased, fraction, 23, 0xFF, 150)
}

/// Core's `Display` for a float of `bits` fraction bits: its decoding (`flt2dec::decode`),
/// the digits of its `format_shortest` (Steele and White's free-format algorithm, as core's
/// `strategy::dragon`, which its Grisu path agrees with) and `digits_to_dec_str`. `tests`
/// compare it with `format!` on random and hard values.
fn display(negative: bool, biased: i32, fraction: u64, bits: u32, max: i32, bias: i32) -> String {
    let sign = if negative { "-" } else { "" };
    if biased == max {
        return if fraction != 0 {
            "NaN"
        } else if negative {
            "-inf"
        } else {
            "inf"
        }
        .to_string();
    }
    if biased == 0 && fraction == 0 {
        return format!("{sign}0");
    }
    // `integer_decode`: the value is `mant * 2^exp`; a subnormal's mantissa is doubled.
    let (mant, exp) = if biased == 0 {
        (fraction << 1, -bias)
    } else {
        (fraction | 1 << bits, biased - bias)
    };
    let inclusive = mant & 1 == 0;
    // The neighbours are `mant - minus` and `mant + plus`, times `2^exp`.
    let (mant, minus, plus, exp) = if biased == 0 {
        (mant, 1, 1, exp)
    } else if mant == 1 << bits {
        (mant << 2, 1, 2, exp - 2)
    } else {
        (mant << 1, 1, 1, exp - 1)
    };
    let (digits, point) = shortest(mant, minus, plus, exp, inclusive);
    let digits = std::str::from_utf8(&digits).unwrap_or_default();
    let point_at = usize::try_from(point).unwrap_or(0);
    if point <= 0 {
        format!(
            "{sign}0.{}{digits}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else if point_at < digits.len() {
        format!("{sign}{}.{}", &digits[..point_at], &digits[point_at..])
    } else {
        format!("{sign}{digits}{}", "0".repeat(point_at - digits.len()))
    }
}

/// The shortest digits `d` with `0.d * 10^point` between the neighbours' midpoints (on them
/// when `inclusive`), and of those the nearest, ties rounded up: core's `format_shortest`.
fn shortest(mant: u64, minus: u64, plus: u64, exp: i32, inclusive: bool) -> (Vec<u8>, i32) {
    // `a < b`, or `a <= b` when the midpoints are in.
    let below = |a: &Big, b: &Big| match a.cmp(b) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Equal => inclusive,
        std::cmp::Ordering::Greater => false,
    };
    // Underestimates log10 of the upper neighbour by at most one.
    let nbits = 64 - i64::from((mant + plus - 1).leading_zeros());
    let mut point = (((nbits + i64::from(exp)) * 1_292_913_986) >> 32) as i32;
    let mut mant = Big::from(mant);
    let mut minus = Big::from(minus);
    let mut plus = Big::from(plus);
    let mut scale = Big::from(1);
    let up_by = |big: &mut Big, pow2: u32, pow10: u32| {
        for _ in 0..pow2 {
            big.mul_small(2);
        }
        for _ in 0..pow10 / 9 {
            big.mul_small(1_000_000_000);
        }
        for _ in 0..pow10 % 9 {
            big.mul_small(10);
        }
    };
    let (pow2, pow10) = (exp.max(0) as u32, (-point).max(0) as u32);
    for big in [&mut mant, &mut minus, &mut plus] {
        up_by(big, pow2, pow10);
    }
    up_by(&mut scale, (-exp).max(0) as u32, point.max(0) as u32);
    if below(&scale, &mant.add(&plus)) {
        point += 1;
    } else {
        for big in [&mut mant, &mut minus, &mut plus] {
            big.mul_small(10);
        }
    }
    let mut digits = Vec::new();
    let (down, up) = loop {
        let mut digit = b'0';
        while mant.cmp(&scale) != std::cmp::Ordering::Less {
            mant.sub(&scale);
            digit += 1;
        }
        digits.push(digit);
        let down = below(&mant, &minus);
        let up = below(&scale, &mant.add(&plus));
        if down || up {
            break (down, up);
        }
        for big in [&mut mant, &mut minus, &mut plus] {
            big.mul_small(10);
        }
    };
    if up
        && (!down || {
            mant.mul_small(2);
            mant.cmp(&scale) != std::cmp::Ordering::Less
        })
    {
        // Round up: trailing nines become zeros; all nines become 1 and zeros, one longer.
        match digits.iter().rposition(|&d| d != b'9') {
            Some(i) => {
                digits[i] += 1;
                digits[i + 1..].fill(b'0');
            }
            None => {
                digits.fill(b'0');
                digits[0] = b'1';
                digits.push(b'0');
                point += 1;
            }
        }
    }
    (digits, point)
}

/// An unsigned integer of any size, as little-endian 32-bit limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(k) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn add(&self, other: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len().max(other.0.len()) + 1);
        let mut carry = 0;
        for i in 0..self.0.len().max(other.0.len()) {
            let v = u64::from(self.limb(i)) + u64::from(other.limb(i)) + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        out.push(carry as u32);
        Big(out)
    }

    /// `self -= other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.limb(i)) - borrow;
            *limb = v as u32;
            borrow = i64::from(v < 0);
        }
    }

    fn limb(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        let len = self.0.len().max(other.0.len());
        (0..len)
            .rev()
            .map(|i| self.limb(i).cmp(&other.limb(i)))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let ours = parse_f64(text);
        let core = text.parse::<f64>().ok();
        match (ours, core) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
            (Some(a), Some(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{text}: {a:e} vs {b:e}"),
            (None, None) => {}
            _ => panic!("{text}: {ours:?} vs {core:?}"),
        }
        // Core reads an `f32` in one rounding step, as Java's `Float.parseFloat` does.
        let ours = parse_f32(text);
        let core = text.parse::<f32>().ok();
        match (ours, core) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
            (Some(a), Some(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{text}: {a:e} vs {b:e}"),
            (None, None) => {}
            _ => panic!("{text}: {ours:?} vs {core:?} (f32)"),
        }
    }

    use crate::test_rng::Rng;

    #[test]
    fn integers() {
        let mut texts: Vec<String> = [
            "",
            "+",
            "-",
            "0",
            "-0",
            "+0",
            "007",
            "-007",
            "1_0",
            " 1",
            "1 ",
            "1.0",
            "1e3",
            "++1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "+09223372036854775807",
            "18446744073709551616",
            "170141183460469231731687303715884105727",
            "170141183460469231731687303715884105728",
            "-170141183460469231731687303715884105728",
            "-170141183460469231731687303715884105729",
            "0000170141183460469231731687303715884105727",
            "1701411834604692317316873037158841057270",
            "١",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        for _ in 0..20_000 {
            let mut text = ["", "-", "+"][rng.below(3)].to_string();
            for _ in 0..rng.below(45) {
                text.push(char::from(b'0' + rng.below(10) as u8));
            }
            texts.push(text);
        }
        for text in &texts {
            assert_eq!(parse_i64(text), text.parse::<i64>().ok(), "{text}");
            assert_eq!(
                i128_text(text),
                text.parse::<i128>().ok().map(|n| n.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    #[rustfmt::skip]
    fn grammar() {
        for text in [
            "", "+", "-", ".", "e", "1e", "1e+", "e5", ".e1", "1.", ".5", "-.5", "+1", "1.e3",
            "01", "00.00", "1_0", " 1", "1 ", "1e1.5", "1..2", "--1", "+-1", "inf", "-inf",
            "+Infinity", "INF", "iNfInItY", "infinit", "infinityy", "nan", "-NaN", "NAN", "nan1",
            "0x10", "1f", "١", "1e99999999999999999999", "1e-99999999999999999999",
            "0e99999999999", "0.0000e-99999999", "1E5", "1e05", "5.0", "1e3", "-0", "-0.0",
        ] {
            same(text);
        }
    }

    #[test]
    fn hard_cases() {
        for text in [
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "9007199254740993",
            "9007199254740995",
            "9007199254740993.0000000000000000000000000000000001",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "7.2057594037927933e16",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093038880104566e0",
            "0.1",
            "0.2",
            "0.3",
            "123456789012345678901234567890",
            "5e-324",
            "3e-324",
            "2e-324",
            "1e-400",
            "1e400",
            "1e308",
            "1e309",
            "1e-323",
            "1e-324",
            "1e-325",
        ] {
            same(text);
            same(&format!("-{text}"));
        }
    }

    /// Exact halfway points between neighbouring doubles, and the texts just beside them.
    #[test]
    fn halfway_points() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..4_000 {
            let m = (rng.next() >> 11) | 1 << 52; // 53 bits
            let odd = u128::from(2 * m + 1);
            let text = if rng.below(2) == 0 {
                // (2m + 1) · 2^(k - 1), an integer.
                let k = rng.below(70) as u32;
                (odd << k).to_string()
            } else {
                // (2m + 1) / 2^k = (2m + 1) · 5^k / 10^k, for k ≤ 20.
                let k = rng.below(21) as u32;
                let digits = (odd * 5u128.pow(k)).to_string();
                let (int, frac) = digits.split_at(digits.len() - k as usize);
                format!("{}.{frac}", if int.is_empty() { "0" } else { int })
            };
            same(&text);
            same(&format!("{text}1"));
            same(&format!("{text}0000000000000000000000000000000000000001"));
            let below = if text.contains('.') {
                format!("{}9", &text[..text.len() - 1])
            } else {
                text.clone()
            };
            same(&below);
            // Past the 768 digits kept, only `truncated` says the text is above halfway.
            let point = if text.contains('.') { "" } else { "." };
            same(&format!("{text}{point}{}1", "0".repeat(800)));
            same(&format!("{text}e-5"));
            same(&format!("{text}e+7"));
        }
    }

    fn same_display_f64(x: f64) {
        assert_eq!(display_f64(x), format!("{x}"), "{:#x}", x.to_bits());
    }

    fn same_display_f32(x: f32) {
        assert_eq!(display_f32(x), format!("{x}"), "{:#x}", x.to_bits());
    }

    /// Floats where shortest digits are hard: zeros, infinities, NaN, subnormals, the
    /// extremes, every power of two (its lower neighbour is nearer), values next to them,
    /// powers of ten and their neighbours, integers near 2^53, and halfway digit ties such
    /// as 2^50 + 0.25 (…624.2 and …624.3 both read back).
    #[test]
    fn display_hard_values() {
        let mut f64s = vec![
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::from_bits(1),
            f64::from_bits(0x000F_FFFF_FFFF_FFFF),
            0.1,
            0.2,
            0.3,
            1.0 / 3.0,
            5e-324,
            1e23,
            9007199254740993.0,
            2f64.powi(50) + 0.25,
            2f64.powi(50) + 0.75,
        ];
        for e in -1074..=1023 {
            let p = 2f64.powi(e);
            f64s.extend([p, -p]);
            f64s.extend([1, 2, 3].map(|k| f64::from_bits(p.to_bits() + k)));
            f64s.extend([1, 2].map(|k| f64::from_bits(p.to_bits().saturating_sub(k))));
        }
        for e in -330..=310 {
            let p: f64 = format!("1e{e}").parse().unwrap();
            f64s.extend([
                p,
                f64::from_bits(p.to_bits() + 1),
                f64::from_bits(p.to_bits().saturating_sub(1)),
            ]);
        }
        for k in 0..2000 {
            f64s.push(2f64.powi(50) + f64::from(k) * 0.25);
            f64s.push(2f64.powi(53) - f64::from(k));
        }
        for x in f64s {
            same_display_f64(x);
            same_display_f32(x as f32);
        }
        let mut f32s = vec![f32::MIN_POSITIVE, f32::MAX, f32::from_bits(1), f32::EPSILON];
        for e in -149..=127 {
            let p = 2f32.powi(e);
            f32s.extend([
                p,
                f32::from_bits(p.to_bits() + 1),
                f32::from_bits(p.to_bits().saturating_sub(1)),
            ]);
        }
        for x in f32s {
            same_display_f32(x);
        }
    }

    #[test]
    fn display_random_values() {
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        for _ in 0..40_000 {
            let bits = rng.next();
            same_display_f64(f64::from_bits(bits));
            same_display_f32(f32::from_bits(bits as u32));
            same_display_f32(f32::from_bits((bits >> 32) as u32));
            // Short decimals, the values people write.
            let text = format!("{}e{}", bits % 100_000, (bits >> 40) % 40);
            let x: f64 = text.parse().unwrap();
            let small = x / 1e20;
            same_display_f64(small);
            same_display_f32(small as f32);
        }
    }

    /// What the service reads for a model `float`: round to nearest, half to even, in one
    /// step, with subnormals and overflow to infinity.
    #[test]
    fn f32_rounding() {
        let f32_of = |text: &str| parse_f32(text).unwrap();
        // The cases.
        assert_eq!(f32_of("0.99999999"), 1.0);
        assert_eq!(f32_of("1.00000001"), 1.0);
        assert_eq!(f32_of("1e-46"), 0.0);
        assert!(f32_of("-1e-46").is_sign_negative() && f32_of("-1e-46") == 0.0);
        assert_eq!(f32_of("3.5e38"), f32::INFINITY);
        assert_eq!(f32_of("-3.5e38"), f32::NEG_INFINITY);
        assert_eq!(f32_of("3.4028235e38"), f32::MAX);
        // Halfway between f32::MAX and 2^128 rounds to even, which is infinity.
        assert_eq!(
            f32_of("340282356779733661637539395458142568448"),
            f32::INFINITY
        );
        assert_eq!(f32_of("340282356779733661637539395458142568447"), f32::MAX);
        // Subnormals: the smallest, half of it (a tie, to even: 0), just above half.
        assert_eq!(f32_of("1.4e-45").to_bits(), 1);
        assert_eq!(f32_of("7.006492321624085e-46").to_bits(), 0);
        assert_eq!(f32_of("7.006492321624086e-46").to_bits(), 1);
        assert_eq!(f32_of("1.1754942e-38").to_bits(), 0x007F_FFFF);
        assert_eq!(f32_of("1.17549435e-38"), f32::MIN_POSITIVE);
        // Ties between 1 and its neighbour 1 + 2^-23: to even (1), and just above (up).
        assert_eq!(f32_of("1.000000059604644775390625"), 1.0);
        assert_eq!(f32_of("1.000000059604644775390626").to_bits(), 0x3F80_0001);
        assert_eq!(f32_of("1.000000178813934326171875").to_bits(), 0x3F80_0002);
        // Rounding through f64 first would give 1 here: the nearest f64 is the tie itself.
        assert_eq!(f32_of("1.0000000596046447755").to_bits(), 0x3F80_0001);
        assert_eq!(parse_f64("1.0000000596046447755").unwrap() as f32, 1.0);
        same("1.0000000596046447755");
    }

    /// Halfway points between neighbouring `f32`s and the texts beside them, against core.
    #[test]
    fn f32_halfway_points() {
        let mut rng = Rng(0x5851_F42D_4C95_7F2D);
        for _ in 0..4_000 {
            let bits = rng.next() as u32 & 0x7F7F_FFFF;
            let x = f64::from(f32::from_bits(bits));
            let next = f64::from(f32::from_bits(bits + 1));
            // Exact in f64: both neighbours have 24 bits, their mean 25.
            let tie = (x + next) / 2.0;
            let text = format!("{tie:e}");
            same(&text);
            same(&format!("{tie:.30e}"));
            let (mantissa, exp) = text.split_once('e').unwrap();
            let point = if mantissa.contains('.') { "" } else { "." };
            same(&format!("{mantissa}{point}0000000000000000000001e{exp}"));
            same(&format!("{:e}", f32::from_bits(bits)));
        }
    }

    #[test]
    fn random_texts() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..10_000 {
            let x = f64::from_bits(rng.next());
            if x.is_finite() {
                same(&format!("{x:e}"));
                same(&format!("{x}"));
                same(&format!("{x:.20e}"));
                same(&format!("{:.1$e}", x, rng.below(30)));
            }
            let mut text = String::new();
            for _ in 0..rng.below(40) + 1 {
                text.push(char::from(b'0' + rng.below(10) as u8));
            }
            if rng.below(2) == 0 {
                let at = rng.below(text.len() + 1);
                text.insert(at, '.');
            }
            if rng.below(2) == 0 {
                text.push_str(&format!("e{}", rng.below(800) as i64 - 400));
            }
            same(&text);
        }
        // Long texts, past the 768 digits kept.
        for _ in 0..100 {
            let mut text = String::from("0.");
            for _ in 0..rng.below(1200) {
                text.push(char::from(b'0' + rng.below(10) as u8));
            }
            text.push_str(&format!("e{}", rng.below(700) as i64 - 350));
            same(&text);
        }
    }
}
