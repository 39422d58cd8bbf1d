//! Byte-case-insensitive equality of header names (H-1), eight bytes at a time: every header lookup
//! compares the wanted name with each line's name, so this is the engine's innermost loop.

/// Whether `a` and `b` are equal after ASCII lower-casing (`Access-Control-Allow-Origin` and
/// `access-control-allow-origin`). Non-ASCII bytes compare exactly, as in `str::eq_ignore_ascii_case`.
#[must_use]
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at + 8 <= a.len() {
        if lower8(word(a, at)) != lower8(word(b, at)) {
            return false;
        }
        at += 8;
    }
    a[at..].eq_ignore_ascii_case(&b[at..])
}

/// The eight bytes of `bytes` from `at` as one word (the caller keeps `at + 8` in bounds).
fn word(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
        .map_or(0, u64::from_le_bytes)
}

/// Lower-cases the ASCII capitals `A`…`Z` among eight bytes; every other byte is kept.
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // Bit 7 of each byte of `above_z` is set when the byte's low 7 bits exceed `Z`, of `from_a` when
    // they are at least `A`; neither sum carries into the next byte.
    let above_z = low7 + ONES * u64::from(0x7F - b'Z');
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    // A capital: at least `A`, not above `Z`, and an ASCII byte (bit 7 clear).
    let capital = from_a & !above_z & !x & HIGH;
    x | (capital >> 2)
}

#[cfg(test)]
mod tests {
    use super::same_name;

    #[test]
    fn names_equal_ignoring_ascii_case_are_the_same() {
        assert!(same_name(
            "Access-Control-Allow-Origin",
            "access-control-allow-origin"
        ));
        assert!(same_name("X-A", "x-a"));
        assert!(same_name("", ""));
        assert!(!same_name(
            "Access-Control-Allow-Methods",
            "access-control-allow-headers"
        ));
        assert!(!same_name("x-a", "x-ab"));
    }

    #[test]
    fn every_byte_pair_agrees_with_the_standard_library() {
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let a = [b'a', b'b', b'c', b'd', b'e', b'f', b'g', x, b'h'];
                let b = [b'A', b'B', b'C', b'D', b'E', b'F', b'G', y, b'H'];
                let (Ok(a), Ok(b)) = (std::str::from_utf8(&a), std::str::from_utf8(&b)) else {
                    continue;
                };
                assert_eq!(same_name(a, b), a.eq_ignore_ascii_case(b), "{x} {y}");
            }
        }
    }
}
