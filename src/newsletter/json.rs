//! The little JSON a signup speaks: the request bodies (objects of strings and lists of strings)
//! written, and one field of the provider's answer (a boolean or a string, found by its path of
//! keys) read. Hand-written so that the islands' wasm, which sends signups, carries no JSON
//! library: serde_json and the derives of the answers' structs weighed several kilobytes of its
//! brotli. A document that is not valid JSON as a whole yields nothing, as a parser would.

use std::fmt::Write;

/// `text` as a JSON string, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object of `(key, value)`, the values already JSON (see [`string`], [`strings`]).
pub fn object(fields: &[(&str, String)]) -> String {
    let inside: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", string(key)))
        .collect();
    format!("{{{}}}", inside.join(","))
}

/// A list of strings.
pub fn strings(items: &[String]) -> String {
    let inside: Vec<String> = items.iter().map(|item| string(item)).collect();
    format!("[{}]", inside.join(","))
}

/// A value found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Bool(bool),
    Text(String),
    /// A number, `null`, an object or a list.
    Other,
}

/// The value at `path` (keys of nested objects) in the document `json`; `None` when the
/// document is not valid JSON or has no such field. The first of two equal keys counts.
pub fn field(json: &str, path: &[&str]) -> Option<Found> {
    let mut reader = Reader {
        bytes: json.as_bytes(),
        at: 0,
    };
    let mut found = None;
    reader.value(Some(path), &mut found)?;
    reader.space();
    (reader.at == reader.bytes.len()).then_some(found).flatten()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.bytes.get(self.at) == Some(&byte)).then(|| self.at += 1)
    }

    fn word(&mut self, word: &str) -> Option<()> {
        self.bytes[self.at..]
            .starts_with(word.as_bytes())
            .then(|| self.at += word.len())
    }

    /// Reads one value. `path`: where the value looked for is from here (`Some(&[])`: this
    /// one), or `None` when it cannot be inside.
    fn value(&mut self, path: Option<&[&str]>, found: &mut Option<Found>) -> Option<()> {
        self.space();
        let here = path.is_some_and(|p| p.is_empty());
        let keep = |value: Found, found: &mut Option<Found>| {
            if here && found.is_none() {
                *found = Some(value);
            }
        };
        match self.bytes.get(self.at)? {
            // An object or an array: its members in turn, an object's each under its key.
            &open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                keep(Found::Other, found);
                if self.eat(close).is_some() {
                    return Some(());
                }
                loop {
                    let inner = if open == b'{' {
                        self.space();
                        let key = self.text()?;
                        self.eat(b':')?;
                        path.and_then(|p| p.split_first())
                            .filter(|(first, _)| **first == key)
                            .map(|(_, rest)| rest)
                    } else {
                        None
                    };
                    self.value(inner, found)?;
                    if self.eat(b',').is_none() {
                        return self.eat(close);
                    }
                }
            }
            b'"' => {
                let text = self.text()?;
                keep(Found::Text(text), found);
                Some(())
            }
            b't' => self.word("true").map(|()| keep(Found::Bool(true), found)),
            b'f' => self.word("false").map(|()| keep(Found::Bool(false), found)),
            b'n' => self.word("null").map(|()| keep(Found::Other, found)),
            _ => self.number().map(|()| keep(Found::Other, found)),
        }
    }

    fn number(&mut self) -> Option<()> {
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at > from
        };
        if !digits(self) {
            return None;
        }
        if self.bytes[start..self.at].starts_with(b"0") && self.at - start > 1
            || self.bytes[start..self.at].starts_with(b"-0") && self.at - start > 2
        {
            return None;
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            digits(self).then_some(())?;
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            digits(self).then_some(())?;
        }
        Some(())
    }

    /// A string, at its opening quote; unescaped.
    fn text(&mut self) -> Option<String> {
        (self.bytes.get(self.at) == Some(&b'"')).then_some(())?;
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while !matches!(self.bytes.get(self.at), Some(b'"' | b'\\') | None) {
                if self.bytes[self.at] < 0x20 {
                    return None;
                }
                self.at += 1;
            }
            // Cut at ASCII bytes only: the input is a &str, so this is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                _ => {
                    self.at += 1;
                    let escaped = *self.bytes.get(self.at)?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let high = self.hex4()?;
                            let c = if (0xd800..0xdc00).contains(&high) {
                                self.word("\\u")?;
                                let low = self.hex4()?;
                                (0xdc00..0xe000).contains(&low).then_some(())?;
                                char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))?
                            } else {
                                char::from_u32(high)?
                            };
                            out.push(c);
                        }
                        _ => return None,
                    }
                }
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let value = u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()?;
        digits.iter().all(u8::is_ascii_hexdigit).then_some(())?;
        self.at += 4;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_is_json_that_a_parser_reads_back() {
        let hostile = "a\"b\\c\n\t\u{1}é’ «\u{a0}»";
        let body = object(&[
            ("email", string(hostile)),
            ("list_uuids", strings(&["ab".into(), "c\"d".into()])),
            ("vide", strings(&[])),
        ]);
        let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!({"email": hostile, "list_uuids": ["ab", "c\"d"], "vide": []})
        );
    }

    #[test]
    fn a_field_is_found_by_its_path_with_its_type() {
        let answer = r#" { "data" : { "id": 12, "has_optin": true, "lists": [{"has_optin": false}], "x": null },
            "message": "D\u00e9j\u00e0 inscrite \ud83d\udce8 \"oui\"\/", "n": -1.5e+3 } "#;
        assert_eq!(
            field(answer, &["data", "has_optin"]),
            Some(Found::Bool(true))
        );
        assert_eq!(
            field(answer, &["message"]),
            Some(Found::Text("Déjà inscrite 📨 \"oui\"/".into()))
        );
        assert_eq!(field(answer, &["data", "id"]), Some(Found::Other));
        assert_eq!(field(answer, &["data"]), Some(Found::Other));
        assert_eq!(field(answer, &["data", "x"]), Some(Found::Other));
        // Not in a list, not absent fields, not a level too deep.
        assert_eq!(field(answer, &["lists", "has_optin"]), None);
        assert_eq!(field(answer, &["absent"]), None);
        assert_eq!(field(answer, &["message", "x"]), None);
        assert_eq!(
            field(r#"{"a":1,"a":2,"b":false}"#, &["b"]),
            Some(Found::Bool(false))
        );
    }

    #[test]
    fn anything_but_a_whole_valid_document_yields_nothing() {
        for bad in [
            "",
            "{",
            r#"{"message":"x""#,
            r#"{"message":"x"} trailing"#,
            r#"{"message":"x",}"#,
            r#"{message:"x"}"#,
            r#"{"message":"a\qb"}"#,
            r#"{"message":"\ud83d"}"#,
            "{\"message\":\"line\nbreak\"}",
            r#"{"n":01,"message":"x"}"#,
            r#"{"n":1.,"message":"x"}"#,
            r#"{"t":tru,"message":"x"}"#,
            r#"{"l":[1,],"message":"x"}"#,
            r#"{"l":[1},"message":"x"}"#,
            r#"{"o":{"a":1],"message":"x"}"#,
            "<html>Erreur 502</html>",
        ] {
            assert_eq!(field(bad, &["message"]), None, "{bad}");
        }
        assert_eq!(field("true", &[]), Some(Found::Bool(true)));
        assert_eq!(field("[1, 2, {\"a\": []}]", &[]), Some(Found::Other));
    }
}
