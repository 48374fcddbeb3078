/// Percent-encodes one path segment: everything but RFC 3986 unreserved characters and `@`
/// (which e-mail addresses in paths use, and which a segment may hold literally).
pub fn encode_path_segment(value: impl std::fmt::Display) -> String {
    let raw = value.to_string();
    let mut encoded = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'@') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(encode_path_segment("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(encode_path_segment("me@example.com"), "me@example.com");
        assert_eq!(encode_path_segment("é"), "%C3%A9");
    }
}
