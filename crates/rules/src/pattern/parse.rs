//! The parser of the Java pattern subset, into the tree [`java`](super::java) compiles.

use super::java::{
    PatternError, Ranges, DIGIT, LINE_TERMINATORS, MAX_DEPTH, MAX_REPEAT, SPACE, WORD,
};
use super::unicode::{complement, tables, union};

// ---------------------------------------------------------------------------------------
// Parsing

/// The parsed pattern. Classes are indices into the table returned beside it.
#[derive(Debug)]
pub(super) enum Node {
    Empty,
    Char(char),
    Class(usize),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    /// A node repeated at least `.1` and at most `.2` (unbounded when `None`) times.
    Repeat(Box<Node>, u32, Option<u32>),
}

/// What an escape stands for: one character or a set.
enum Escape {
    Char(char),
    Set(Ranges),
}

type Parsed = (Node, Vec<Box<[(u32, u32)]>>);

pub(super) fn parse(source: &str) -> Result<Parsed, PatternError> {
    let mut p = Parser {
        chars: source.char_indices().collect(),
        end: source.len(),
        pos: 0,
        depth: 0,
        classes: Vec::new(),
    };
    let node = p.alternation()?;
    if p.peek().is_some() {
        // Only `)` stops an alternation early.
        return Err(p.error("unmatched `)`", p.offset()));
    }
    Ok((node, p.classes))
}

struct Parser {
    chars: Vec<(usize, char)>,
    end: usize,
    pos: usize,
    depth: usize,
    classes: Vec<Box<[(u32, u32)]>>,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).map(|&(_, c)| c)
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.pos += 1;
        }
        hit
    }

    /// Byte offset of the next character (the source length at the end).
    fn offset(&self) -> usize {
        self.chars.get(self.pos).map_or(self.end, |&(o, _)| o)
    }

    fn error(&self, message: impl Into<String>, offset: usize) -> PatternError {
        PatternError {
            message: message.into(),
            offset,
        }
    }

    fn class(&mut self, ranges: Ranges) -> Node {
        self.classes.push(ranges.into_boxed_slice());
        Node::Class(self.classes.len() - 1)
    }

    /// `concat ('|' concat)*`
    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.concatenation()?];
        while self.eat('|') {
            branches.push(self.concatenation()?);
        }
        Ok(if branches.len() == 1 {
            branches.swap_remove(0)
        } else {
            Node::Alt(branches)
        })
    }

    /// `(atom quantifier?)*`, up to `|`, `)` or the end.
    fn concatenation(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantifier(atom)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.swap_remove(0),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let at = self.offset();
        let Some(c) = self.next() else {
            return Err(self.error("expected an atom", at));
        };
        match c {
            '(' => self.group(at),
            '[' => self.bracket(at),
            '.' => Ok(self.class(complement(LINE_TERMINATORS))),
            '\\' => match self.escape(at)? {
                Escape::Char(c) => Ok(Node::Char(c)),
                Escape::Set(ranges) => Ok(self.class(ranges)),
            },
            '*' | '+' | '?' => Err(self.error(format!("`{c}` has nothing to repeat"), at)),
            '{' => Err(self.error(
                "`{` has nothing to repeat; write `\\{` for a literal brace",
                at,
            )),
            '^' | '$' => Err(self.error(
                format!("anchor `{c}` is not supported (the whole input is always matched)"),
                at,
            )),
            c => Ok(Node::Char(c)),
        }
    }

    fn group(&mut self, at: usize) -> Result<Node, PatternError> {
        if self.peek() == Some('?') {
            if self.peek_at(1) != Some(':') {
                return Err(self.error(
                    "only plain `( )` and non-capturing `(?: )` groups are supported",
                    at,
                ));
            }
            self.pos += 2;
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.error(format!("groups nest deeper than {MAX_DEPTH} levels"), at));
        }
        self.depth += 1;
        let inner = self.alternation()?;
        self.depth -= 1;
        if !self.eat(')') {
            return Err(self.error("unclosed group: `(` has no matching `)`", at));
        }
        Ok(inner)
    }

    /// A quantifier after `atom`, if there is one.
    fn quantifier(&mut self, atom: Node) -> Result<Node, PatternError> {
        let at = self.offset();
        let (min, max) = match self.peek() {
            Some('{') => self.braces(at)?,
            Some(c @ ('*' | '+' | '?')) => {
                self.pos += 1;
                match c {
                    '*' => (0, None),
                    '+' => (1, None),
                    _ => (0, Some(1)),
                }
            }
            _ => return Ok(atom),
        };
        if let Some(c @ ('?' | '+' | '*' | '{')) = self.peek() {
            return Err(self.error(
                format!("`{c}` after a quantifier: lazy, possessive and stacked quantifiers are not supported"),
                self.offset(),
            ));
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }

    /// `{n}`, `{n,}` or `{n,m}`, starting at the `{`.
    fn braces(&mut self, at: usize) -> Result<(u32, Option<u32>), PatternError> {
        self.pos += 1;
        let malformed = |p: &Self| {
            p.error(
                "malformed repetition: expected `{n}`, `{n,}` or `{n,m}`",
                at,
            )
        };
        let min = self.number(at)?.ok_or_else(|| malformed(self))?;
        let max = if self.eat(',') {
            self.number(at)?
        } else {
            Some(min)
        };
        if !self.eat('}') {
            return Err(malformed(self));
        }
        if max.is_some_and(|max| max < min) {
            return Err(self.error("repetition `{n,m}` has its maximum below its minimum", at));
        }
        Ok((min, max))
    }

    fn number(&mut self, at: usize) -> Result<Option<u32>, PatternError> {
        let mut value: Option<u32> = None;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            self.pos += 1;
            let v = value.unwrap_or(0).saturating_mul(10).saturating_add(d);
            if v > MAX_REPEAT {
                return Err(self.error(format!("repetition bound is larger than {MAX_REPEAT}"), at));
            }
            value = Some(v);
        }
        Ok(value)
    }

    /// A class, after its `[`.
    fn bracket(&mut self, open: usize) -> Result<Node, PatternError> {
        let negated = self.eat('^');
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let at = self.offset();
            let Some(c) = self.next() else {
                return Err(self.error("unclosed character class: `[` has no matching `]`", open));
            };
            let item = match c {
                ']' if first => {
                    return Err(self.error(
                        "empty character class; write `\\]` for a literal bracket",
                        at,
                    ))
                }
                ']' => break,
                '[' => return Err(self.error(
                    "nested character classes are not supported; write `\\[` for a literal bracket",
                    at,
                )),
                '&' if self.peek() == Some('&') => {
                    return Err(self.error("character class intersection `&&` is not supported", at))
                }
                '-' if first || self.peek() == Some(']') => Escape::Char('-'),
                '-' => {
                    return Err(self.error(
                        "`-` inside a class must come first, last, or be escaped as `\\-`",
                        at,
                    ))
                }
                '\\' => self.escape(at)?,
                c => Escape::Char(c),
            };
            first = false;
            let is_range = self.peek() == Some('-') && !matches!(self.peek_at(1), Some(']') | None);
            match item {
                Escape::Char(lo) if is_range => {
                    self.pos += 1;
                    let hi_at = self.offset();
                    let hi = match self.next() {
                        Some('\\') => match self.escape(hi_at)? {
                            Escape::Char(hi) => hi,
                            Escape::Set(_) => {
                                return Err(self.error("a range cannot end in a class escape", hi_at))
                            }
                        },
                        Some('[') => {
                            return Err(self.error(
                                "nested character classes are not supported; write `\\[` for a literal bracket",
                                hi_at,
                            ))
                        }
                        Some(hi) => hi,
                        None => {
                            return Err(self.error(
                                "unclosed character class: `[` has no matching `]`",
                                open,
                            ))
                        }
                    };
                    if hi < lo {
                        return Err(self.error(
                            format!("illegal range `{lo}-{hi}`: its end comes before its start"),
                            at,
                        ));
                    }
                    ranges = union(&ranges, &[(lo as u32, hi as u32)]);
                }
                Escape::Char(c) => ranges = union(&ranges, &[(c as u32, c as u32)]),
                Escape::Set(_) if is_range => {
                    return Err(self.error("a range cannot start with a class escape", at))
                }
                Escape::Set(set) => ranges = union(&ranges, &set),
            }
        }
        Ok(self.class(if negated { complement(&ranges) } else { ranges }))
    }

    /// An escape, after its `\` (at offset `at`).
    fn escape(&mut self, at: usize) -> Result<Escape, PatternError> {
        let Some(c) = self.next() else {
            return Err(self.error("trailing backslash", at));
        };
        Ok(match c {
            'd' => Escape::Set(DIGIT.to_vec()),
            'D' => Escape::Set(complement(DIGIT)),
            'w' => Escape::Set(WORD.to_vec()),
            'W' => Escape::Set(complement(WORD)),
            's' => Escape::Set(SPACE.to_vec()),
            'S' => Escape::Set(complement(SPACE)),
            'p' | 'P' => {
                let name: String = if self.eat('{') {
                    let mut name = String::new();
                    loop {
                        match self.next() {
                            Some('}') => break,
                            Some(c) if name.len() < 32 => name.push(c),
                            _ => {
                                return Err(
                                    self.error(format!("unclosed Unicode property `\\{c}{{`"), at)
                                )
                            }
                        }
                    }
                    name
                } else {
                    self.next().map(String::from).unwrap_or_default()
                };
                let table = match name.as_str() {
                    "L" => 0,
                    "Z" => 1,
                    "N" => 2,
                    _ => {
                        return Err(self.error(
                            format!("unsupported Unicode property `\\{c}{{{name}}}`: only L, Z and N are supported"),
                            at,
                        ))
                    }
                };
                let set = &tables()[table];
                Escape::Set(if c == 'P' {
                    complement(set)
                } else {
                    set.clone()
                })
            }
            't' => Escape::Char('\t'),
            'n' => Escape::Char('\n'),
            'r' => Escape::Char('\r'),
            'f' => Escape::Char('\x0C'),
            c if c.is_ascii_alphanumeric() => {
                return Err(self.error(format!("unsupported escape `\\{c}`"), at))
            }
            c => Escape::Char(c),
        })
    }
}
