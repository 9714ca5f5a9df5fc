//! French formatting, as a reader of a French newspaper expects it.

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The date of an ISO 8601 date or date-time (`2024-05-22T09:30:00+02:00`) written out in
/// French, or the text as it came when it cannot be read: a reader sees an odd date rather
/// than none.
pub fn date_or_as_given(iso: &str) -> String {
    long_date(iso.get(..10).unwrap_or_default()).unwrap_or_else(|| iso.to_string())
}

/// An ISO date (`2024-05-22`) written out in French: « 22 mai 2024 », « 1er mai 2024 ».
/// The spaces are no-break spaces so the date never splits across lines.
/// Returns `None` for anything that is not a valid calendar date.
pub fn long_date(iso: &str) -> Option<String> {
    let mut parts = iso.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let year: u32 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let day = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    Some(format!(
        "{day}\u{a0}{}\u{a0}{year}",
        MONTHS[month as usize - 1]
    ))
}

/// A whole number with its thousands separated by narrow no-break spaces: « 18 400 ».
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// French typography for text that reaches the page: a no-break space before « : », a narrow
/// no-break space before « ; ! ? », no-break spaces inside « ». Spaces already typed are
/// replaced, missing ones added. Left alone: URLs and e-mail addresses, times and ratios
/// (« 14:30 », « 3:2 »), emoticons (« :) », « ;-) »), and « ?! » runs. Applying it twice
/// changes nothing more. Inline code is not passed through it.
pub fn typography(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    if !needs_typography(text) {
        out.push_str(text);
        return out;
    }
    let mut rest = text;
    while !rest.is_empty() {
        // Whitespace-separated words; a word that is a link is copied as it is.
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word_end = if end == 0 {
            rest.find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            end
        };
        let (piece, tail) = rest.split_at(word_end);
        // Copied as they are: links, and the many words that hold none of the marks (a space
        // right after « is the one other change).
        let plain = !needs_typography(piece) && !out.ends_with('«');
        if plain || (end > 0 && is_link(piece)) {
            out.push_str(piece);
        } else {
            typeset(piece, &mut out);
        }
        rest = tail;
    }
    out
}

/// The characters [`typography`] acts on; a text without any of them comes out unchanged.
const MARKS: [char; 6] = [':', ';', '!', '?', '«', '»'];

fn needs_typography(text: &str) -> bool {
    text.contains(MARKS)
}

/// [`typography`] in place: a text with nothing to change is neither copied nor reallocated.
pub fn typeset_in_place(text: &mut String) {
    if needs_typography(text) {
        *text = typography(text);
    }
}

fn is_link(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '«', '[', '"', '“']);
    w.contains("://")
        || w.starts_with("www.")
        || w.starts_with("mailto:")
        || (w.contains('@') && w.contains('.'))
}

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP
}

/// Emoticons start with these after « : » or « ; ».
fn starts_emoticon(next: Option<char>) -> bool {
    matches!(
        next,
        Some(')' | '(' | '-' | 'D' | 'P' | 'p' | '/' | '|' | '3' | '*')
    )
}

fn typeset(piece: &str, out: &mut String) {
    let chars: Vec<char> = piece.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ':' | ';' | '!' | '?' => {
                let space = if c == ':' { NBSP } else { NNBSP };
                let prev = out.chars().last();
                let at_word_end = next.is_none_or(|n| n.is_whitespace() || ",.)»”!?…".contains(n));
                let emoticon = matches!(c, ':' | ';') && starts_emoticon(next);
                match prev {
                    _ if emoticon => {}
                    // After another « ! » or « ? » (as in « ?! »): already spaced.
                    Some('!' | '?') if c != ':' => {}
                    Some(p) if is_space(p) => {
                        out.pop();
                        if out.is_empty() || out.ends_with(char::is_whitespace) {
                            // A lone mark at the start of a line: keep the space it had.
                            out.push(p);
                        } else {
                            out.push(space);
                        }
                    }
                    Some(p) if at_word_end && (p.is_alphanumeric() || ")»”…%".contains(p)) => {
                        out.push(space)
                    }
                    _ => {}
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|n| !n.is_whitespace()) {
                    out.push(NBSP);
                }
            }
            '»' => {
                match out.chars().last() {
                    Some(p) if is_space(p) => {
                        out.pop();
                        out.push(NBSP);
                    }
                    Some(_) => out.push(NBSP),
                    None => {}
                }
                out.push(c);
            }
            c if is_space(c) && out.ends_with('«') => out.push(NBSP),
            c => out.push(c),
        }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::{date_or_as_given, long_date, number, typography};

    /// Writes NBSP as `_` and NNBSP as `^` so the cases below can be read.
    fn shown(s: &str) -> String {
        s.replace('\u{a0}', "_").replace('\u{202f}', "^")
    }

    #[test]
    fn a_date_is_written_out_or_shown_as_given() {
        assert_eq!(shown(&date_or_as_given("2024-05-01")), "1er_mai_2024");
        assert_eq!(
            shown(&date_or_as_given("2024-05-22T09:30:00+02:00")),
            "22_mai_2024"
        );
        for odd in ["2024-13-45", "hier", "", "2024"] {
            assert_eq!(date_or_as_given(odd), odd);
        }
    }

    #[test]
    fn typography_table() {
        let cases = [
            // The marks, with a space typed before them, or none.
            ("Attention : danger", "Attention_: danger"),
            ("Attention: danger", "Attention_: danger"),
            ("Vraiment ? Oui !", "Vraiment^? Oui^!"),
            ("Vraiment? Oui!", "Vraiment^? Oui^!"),
            ("un ; deux", "un^; deux"),
            ("un; deux", "un^; deux"),
            ("Quoi ?!", "Quoi^?!"),
            ("Quoi?!", "Quoi^?!"),
            ("« Bonjour »", "«_Bonjour_»"),
            ("«Bonjour»", "«_Bonjour_»"),
            ("il a dit « oui ».", "il a dit «_oui_»."),
            (
                "(voir ci-dessous) : la suite",
                "(voir ci-dessous)_: la suite",
            ),
            ("« Vraiment ? »", "«_Vraiment^?_»"),
            // Already typeset: unchanged.
            ("Attention\u{a0}: danger", "Attention_: danger"),
            ("Oui\u{202f}!", "Oui^!"),
            // Left alone.
            (
                "Rendez-vous à 14:30 précises.",
                "Rendez-vous à 14:30 précises.",
            ),
            ("un écran 16:9", "un écran 16:9"),
            (
                "Voir https://example.org/a?b=1&c=2#x : la page",
                "Voir https://example.org/a?b=1&c=2#x_: la page",
            ),
            (
                "écrire à redaction@veille-ia.example !",
                "écrire à redaction@veille-ia.example^!",
            ),
            ("(https://example.org/?q=ia)", "(https://example.org/?q=ia)"),
            (
                "mailto:redaction@example.org",
                "mailto:redaction@example.org",
            ),
            ("www.example.org/?x=1", "www.example.org/?x=1"),
            ("Super :) et ;-) aussi :-(", "Super :) et ;-) aussi :-("),
            ("C’est fini :D", "C’est fini :D"),
            ("std::fs", "std::fs"),
            ("a?b", "a?b"),
            ("", ""),
            ("? au début", "? au début"),
        ];
        for (input, expected) in cases {
            assert_eq!(shown(&typography(input)), expected, "{input:?}");
        }
    }

    #[test]
    fn typography_is_idempotent() {
        for text in [
            "Attention : « oui » ; non ! Vraiment ?",
            "14:30 :) https://x.org/?a",
            "«a» b: c",
        ] {
            let once = typography(text);
            assert_eq!(typography(&once), once, "{text:?}");
        }
    }

    #[test]
    fn numbers_group_thousands_with_narrow_spaces() {
        for (n, written) in [
            (0, "0"),
            (999, "999"),
            (1000, "1\u{202f}000"),
            (18400, "18\u{202f}400"),
            (1234567, "1\u{202f}234\u{202f}567"),
        ] {
            assert_eq!(number(n), written, "{n}");
        }
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(long_date("2024-05-22").unwrap(), "22\u{a0}mai\u{a0}2024");
        assert_eq!(
            long_date("2023-11-09").unwrap(),
            "9\u{a0}novembre\u{a0}2023"
        );
        assert_eq!(long_date("2024-08-15").unwrap(), "15\u{a0}août\u{a0}2024");
    }

    #[test]
    fn the_first_of_the_month_is_premier() {
        assert_eq!(long_date("2024-05-01").unwrap(), "1er\u{a0}mai\u{a0}2024");
    }

    #[test]
    fn leap_days() {
        assert!(long_date("2024-02-29").is_some());
        assert!(long_date("2023-02-29").is_none());
        assert!(long_date("1900-02-29").is_none());
        assert!(long_date("2000-02-29").is_some());
    }

    #[test]
    fn invalid_dates_are_refused() {
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-5-2",
            "24-05-22",
            "2024-05-22T10:00",
            "aaaa-bb-cc",
        ] {
            assert_eq!(long_date(bad), None, "{bad}");
        }
    }
}
