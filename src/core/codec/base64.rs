//! Base64url without padding (RFC 4648 §5), the alphabet of the payload.

use super::{DecodeError, Result};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(char::from(ALPHABET[((acc >> bits) & 63) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((acc << (6 - bits)) & 63) as usize]));
    }
    out
}

/// Each byte's value in [`ALPHABET`], or 0xff.
const SEXTETS: [u8; 256] = {
    let mut t = [0xff; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Strict base64url without padding: the unused bits of the last character
/// must be zero.
pub fn from_base64url(text: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.as_bytes() {
        let v = SEXTETS[usize::from(c)];
        if v == 0xff {
            return Err(DecodeError::NotBase64);
        }
        acc = ((acc << 6) | u32::from(v)) & 0xfff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    match bits {
        // One character past a group cannot hold a byte: the text was cut.
        6 => Err(DecodeError::Truncated),
        _ if acc & ((1 << bits) - 1) != 0 => Err(DecodeError::NotBase64),
        _ => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(to_base64url(plain.as_bytes()), coded);
            assert_eq!(from_base64url(coded).as_deref(), Ok(plain.as_bytes()));
        }
        assert_eq!(to_base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64url("Zh"), Err(DecodeError::NotBase64));
        assert_eq!(from_base64url("Zm9vY"), Err(DecodeError::Truncated));
        assert_eq!(from_base64url("Zm9v="), Err(DecodeError::NotBase64));
    }
}
