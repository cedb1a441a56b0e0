//! The bit stream under the body: bits most significant first, varints of k
//! bits a group, key sets, and byte-aligned runs.

use super::{DecodeError, Result};

#[derive(Default)]
pub(super) struct BitWriter {
    out: Vec<u8>,
    /// Bits used in the last byte; 0 when it is full (or there is none).
    used: u32,
}

impl BitWriter {
    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    pub(super) fn bit(&mut self, b: bool) {
        if self.used == 0 {
            self.out.push(0);
        }
        if b {
            if let Some(last) = self.out.last_mut() {
                *last |= 0x80 >> self.used;
            }
        }
        self.used = (self.used + 1) % 8;
    }

    pub(super) fn bits(&mut self, n: u32, v: u64) {
        for i in (0..n).rev() {
            self.bit((v >> i) & 1 == 1);
        }
    }

    pub(super) fn varint(&mut self, mut v: u64, k: u32) {
        loop {
            self.bits(k, v & ((1 << k) - 1));
            v >>= k;
            self.bit(v != 0);
            if v == 0 {
                return;
            }
        }
    }

    /// Mode, then the cheapest form (see the module docs).
    pub(super) fn key_set(&mut self, keys: &[bool], previous: &[bool]) {
        let count = keys.iter().filter(|k| **k).count();
        if count == 0 {
            self.bits(2, 0);
        } else if keys == previous {
            self.bits(2, 1);
        } else {
            let width = width(keys.len());
            let list = varint_bits(count as u64, 3) + count as u64 * u64::from(width);
            if list < keys.len() as u64 {
                self.bits(2, 3);
                self.varint(count as u64, 3);
                for (i, _) in keys.iter().enumerate().filter(|(_, k)| **k) {
                    self.bits(width, i as u64);
                }
            } else {
                self.bits(2, 2);
                for &k in keys {
                    self.bit(k);
                }
            }
        }
    }

    pub(super) fn align(&mut self) {
        self.used = 0;
    }

    pub(super) fn bytes(&mut self, b: &[u8]) {
        self.align();
        self.out.extend_from_slice(b);
    }
}

fn varint_bits(mut v: u64, k: u32) -> u64 {
    let mut n = 0;
    loop {
        n += u64::from(k) + 1;
        v >>= k;
        if v == 0 {
            return n;
        }
    }
}

/// Bits to write an index below `n`.
pub(super) fn width(n: usize) -> u32 {
    match n {
        0 | 1 => 0,
        n => usize::BITS - (n - 1).leading_zeros(),
    }
}

pub(super) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(super) fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

pub(super) struct Reader<'a> {
    data: &'a [u8],
    /// In bits.
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    pub(super) fn remaining(&self) -> usize {
        (self.data.len() * 8).saturating_sub(self.pos)
    }

    pub(super) fn bit(&mut self) -> Result<bool> {
        let byte = self.data.get(self.pos / 8).ok_or(DecodeError::Truncated)?;
        let b = byte & (0x80 >> (self.pos % 8)) != 0;
        self.pos += 1;
        Ok(b)
    }

    /// Up to 64 bits, a byte's worth at a time.
    pub(super) fn bits(&mut self, n: u32) -> Result<u64> {
        let end = self.pos + n as usize;
        if end > self.data.len() * 8 {
            return Err(DecodeError::Truncated);
        }
        let mut v: u64 = 0;
        while self.pos < end {
            let byte = self.data.get(self.pos / 8).ok_or(DecodeError::Truncated)?;
            let offset = self.pos % 8;
            let take = (8 - offset).min(end - self.pos);
            let chunk = (byte >> (8 - offset - take)) & (0xff >> (8 - take));
            v = (v << take) | u64::from(chunk);
            self.pos += take;
        }
        Ok(v)
    }

    pub(super) fn varint(&mut self, k: u32) -> Result<u64> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let group = self.bits(k)?;
            if shift >= 64 || (shift > 0 && group >> (64 - shift) != 0) {
                return Err(DecodeError::Malformed("a number is too large"));
            }
            v |= group << shift;
            shift += k;
            if !self.bit()? {
                return Ok(v);
            }
        }
    }

    pub(super) fn key_set(&mut self, n: usize, previous: &[bool]) -> Result<Vec<bool>> {
        match self.bits(2)? {
            0 => Ok(vec![false; n]),
            1 => Ok(previous.to_vec()),
            2 => {
                let mut keys = vec![false; n];
                for k in &mut keys {
                    *k = self.bit()?;
                }
                Ok(keys)
            }
            _ => {
                let count = self.varint(3)?;
                if count > n as u64 {
                    return Err(DecodeError::OutsideCatalog);
                }
                let mut keys = vec![false; n];
                let mut next = 0;
                for _ in 0..count {
                    let i = usize::try_from(self.bits(width(n))?)
                        .map_err(|_| DecodeError::OutsideCatalog)?;
                    if i < next {
                        return Err(DecodeError::Malformed("its keys are out of order"));
                    }
                    *keys.get_mut(i).ok_or(DecodeError::OutsideCatalog)? = true;
                    next = i + 1;
                }
                Ok(keys)
            }
        }
    }

    /// Skips to the next byte; the padding must be zero.
    pub(super) fn align(&mut self) -> Result<()> {
        while self.pos % 8 != 0 {
            if self.bit()? {
                return Err(DecodeError::Malformed("it has stray bits"));
            }
        }
        Ok(())
    }

    /// `n` bytes at a byte boundary.
    pub(super) fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        self.align()?;
        let start = self.pos / 8;
        let end = start.checked_add(n).ok_or(DecodeError::Truncated)?;
        let b = self.data.get(start..end).ok_or(DecodeError::Truncated)?;
        self.pos = end * 8;
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_bits_read_back() {
        let mut w = BitWriter::default();
        let values = [0, 1, 7, 8, 127, 128, 300, 65_535, u64::MAX];
        for (k, v) in (1..=8).cycle().zip(values) {
            w.varint(v, k);
            w.bit(true);
        }
        let mut r = Reader::new(&w.out);
        for (k, v) in (1..=8).cycle().zip(values) {
            assert_eq!(r.varint(k), Ok(v));
            assert_eq!(r.bit(), Ok(true));
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(unzigzag(zigzag(i64::MIN)), i64::MIN);
        assert_eq!(width(25), 5);
        assert_eq!(width(1), 0);
    }
}
