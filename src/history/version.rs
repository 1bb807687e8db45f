//! A version's id as the rest of brief holds it: the bytes of its blob's hash, without
//! gix's types, so that the state and its actions do not depend on how git is read. It
//! turns back into gix's id only where git is read.

use gix::ObjectId;

/// The longest hash git uses (SHA-256); SHA-1's 20 bytes take the front.
const LONGEST: usize = 32;

/// A version of the briefing, by its blob's hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VersionId {
    hash: [u8; LONGEST],
    len: u8,
}

impl VersionId {
    /// The id of a hash's bytes.
    ///
    /// # Panics
    /// On more bytes than git's longest hash.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let mut hash = [0; LONGEST];
        hash[..bytes.len()].copy_from_slice(bytes);
        Self {
            hash,
            len: bytes.len() as u8,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.hash[..usize::from(self.len)]
    }
}

impl From<ObjectId> for VersionId {
    fn from(id: ObjectId) -> Self {
        Self::from_bytes(id.as_bytes())
    }
}

impl From<VersionId> for ObjectId {
    fn from(id: VersionId) -> Self {
        // The bytes came from an `ObjectId`, so they are a hash's length.
        ObjectId::from_bytes_or_panic(id.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_comes_back_as_the_same_blob() {
        let blob = ObjectId::from_hex(b"0123456789abcdef0123456789abcdef01234567").unwrap();
        assert_eq!(ObjectId::from(VersionId::from(blob)), blob);
        assert_ne!(
            VersionId::from(blob),
            VersionId::from(ObjectId::null(gix::hash::Kind::Sha1))
        );
    }
}
