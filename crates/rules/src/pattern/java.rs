//! Java's `Pattern.matches` for the syntax the model's patterns use: the compiled pattern,
//! its cache, and the Pike VM that runs it. Only the tests compile patterns (the page uses
//! the matchers in `MODEL`); see the module above for the syntax and semantics.

use std::fmt;
use std::sync::{Arc, Mutex};

use super::parse::{parse, Node};
use super::unicode::in_ranges;

/// Largest bound accepted in `{n}`, `{n,}` and `{n,m}`.
pub const MAX_REPEAT: u32 = 1000;
/// Largest compiled program accepted, in instructions. The longest model pattern,
/// `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`, needs about 320.
pub const MAX_PROGRAM: usize = 10_000;
/// Deepest nesting of groups accepted.
pub(super) const MAX_DEPTH: usize = 32;
/// Largest code point.
pub(super) const MAX_CHAR: u32 = 0x10FFFF;

/// A set of code points: sorted, non-overlapping, non-adjacent inclusive ranges.
pub(super) type Ranges = Vec<(u32, u32)>;

pub(super) const DIGIT: &[(u32, u32)] = &[(0x30, 0x39)];
pub(super) const WORD: &[(u32, u32)] = &[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)];
pub(super) const SPACE: &[(u32, u32)] = &[(0x09, 0x0D), (0x20, 0x20)];
/// What `.` does not match (without `DOTALL` or `UNIX_LINES`).
pub(super) const LINE_TERMINATORS: &[(u32, u32)] =
    &[(0x0A, 0x0A), (0x0D, 0x0D), (0x85, 0x85), (0x2028, 0x2029)];

/// A compiled pattern with Java `Pattern.matches` semantics.
#[derive(Clone)]
pub struct Pattern {
    source: String,
    program: Vec<Inst>,
    classes: Vec<Box<[(u32, u32)]>>,
}

/// Why a pattern was refused: what is wrong and the byte offset in the source where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub message: String,
    pub offset: usize,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at offset {}", self.message, self.offset)
    }
}

impl std::error::Error for PatternError {}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("source", &self.source)
            .field("instructions", &self.program.len())
            .finish()
    }
}

impl Pattern {
    /// Compiles `source`, or says why it is outside the supported subset.
    pub fn new(source: &str) -> Result<Pattern, PatternError> {
        let (node, classes) = parse(source)?;
        let mut program = Vec::new();
        compile(&node, &mut program)?;
        push(&mut program, Inst::Match)?;
        Ok(Pattern {
            source: source.to_owned(),
            program,
            classes,
        })
    }

    /// Whether the WHOLE string matches.
    pub fn matches(&self, input: &str) -> bool {
        let n = self.program.len();
        let mut current = SparseSet::new(n);
        let mut next = SparseSet::new(n);
        let mut stack = Vec::new();
        close(&self.program, &mut current, &mut stack, 0);
        for c in input.chars() {
            if current.is_empty() {
                return false;
            }
            let c = c as u32;
            next.clear();
            for &pc in current.iter() {
                let hit = match self.program.get(pc) {
                    Some(&Inst::Char(x)) => x == c,
                    Some(&Inst::Class(i)) => self.classes.get(i).is_some_and(|r| in_ranges(r, c)),
                    _ => false,
                };
                if hit {
                    close(&self.program, &mut next, &mut stack, pc + 1);
                }
            }
            std::mem::swap(&mut current, &mut next);
        }
        current.contains(n - 1)
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Most patterns cached by [`matches`]; the model has fewer than twenty distinct ones.
const CACHE_LIMIT: usize = 64;

/// Every pattern [`matches`] has compiled, or `None` for a source that does not compile.
type Cache = Vec<(Box<str>, Option<Arc<Pattern>>)>;
static CACHE: Mutex<Cache> = Mutex::new(Vec::new());

/// Compiles and caches: returns whether the WHOLE of `input` matches `source`, one of the
/// model's pattern strings, compiling each pattern once per process (or page). Never panics:
/// a source outside the supported subset matches nothing.
pub fn matches(source: &str, input: &str) -> bool {
    let pattern = {
        let mut cache = CACHE
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match cache.iter().find(|(s, _)| **s == *source) {
            Some((_, p)) => p.clone(),
            None => {
                let p = Pattern::new(source).ok().map(Arc::new);
                if cache.len() < CACHE_LIMIT {
                    cache.push((source.into(), p.clone()));
                }
                p
            }
        }
    };
    pattern.is_some_and(|p| p.matches(input))
}

/// `source` with the upper bound of every `{n,m}` repetition taken away (`{n,}`), or `None`
/// when it has none. A value that fails `source` but matches this fails only by repeating
/// something too often: for the model's name patterns, `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}`,
/// by being too long, with every character allowed and in an allowed place.
pub fn without_upper_bounds(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    let mut relaxed = false;
    let mut in_class = false;
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            '\\' => {
                // An escape, with `\p{..}` read whole so that its braces are no repetition.
                let next = rest[1..].chars().next().map_or(0, char::len_utf8);
                let braces = match rest[1..].chars().next() {
                    Some('p' | 'P') if rest[1 + next..].starts_with('{') => {
                        rest[1 + next..].find('}').map_or(0, |i| i + 1)
                    }
                    _ => 0,
                };
                1 + next + braces
            }
            '[' if !in_class => {
                in_class = true;
                1
            }
            ']' if in_class => {
                in_class = false;
                1
            }
            '{' if !in_class => match bounded_repeat(rest) {
                Some((min, len)) => {
                    out.push('{');
                    out.push_str(min);
                    out.push_str(",}");
                    relaxed = true;
                    rest = &rest[len..];
                    continue;
                }
                None => 1,
            },
            c => c.len_utf8(),
        };
        let len = len.min(rest.len());
        out.push_str(&rest[..len]);
        rest = &rest[len..];
    }
    relaxed.then_some(out)
}

/// A `{n,m}` at the start of `s`: `n` and the length of the whole.
fn bounded_repeat(s: &str) -> Option<(&str, usize)> {
    let close = s.find('}')?;
    let (min, max) = s[1..close].split_once(',')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (digits(min) && digits(max)).then_some((min, close + 1))
}

// ---------------------------------------------------------------------------------------
// Compiling and matching

#[derive(Clone, Copy, Debug)]
pub(super) enum Inst {
    /// Consume this code point.
    Char(u32),
    /// Consume a code point in this class.
    Class(usize),
    /// Continue at both.
    Split(usize, usize),
    Jump(usize),
    /// The whole input matched, if it is used up. Always the last instruction.
    Match,
}

pub(super) fn push(program: &mut Vec<Inst>, inst: Inst) -> Result<usize, PatternError> {
    if program.len() >= MAX_PROGRAM {
        return Err(PatternError {
            message: format!(
                "pattern too large: it expands to more than {MAX_PROGRAM} instructions"
            ),
            offset: 0,
        });
    }
    program.push(inst);
    Ok(program.len() - 1)
}

/// Overwrites `items[at]` (always an index handed out before, so always there).
fn patch<T>(items: &mut [T], at: usize, value: T) {
    if let Some(slot) = items.get_mut(at) {
        *slot = value;
    }
}

/// Appends the code for `node`. Every jump target is at most the program's final length,
/// where the `Match` goes.
fn compile(node: &Node, program: &mut Vec<Inst>) -> Result<(), PatternError> {
    match node {
        Node::Empty => {}
        Node::Char(c) => {
            push(program, Inst::Char(*c as u32))?;
        }
        Node::Class(i) => {
            push(program, Inst::Class(*i))?;
        }
        Node::Concat(items) => {
            for item in items {
                compile(item, program)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 == branches.len() {
                    compile(branch, program)?;
                } else {
                    let split = push(program, Inst::Split(0, 0))?;
                    compile(branch, program)?;
                    jumps.push(push(program, Inst::Jump(0))?);
                    let end = program.len();
                    patch(program, split, Inst::Split(split + 1, end));
                }
            }
            for jump in jumps {
                let end = program.len();
                patch(program, jump, Inst::Jump(end));
            }
        }
        Node::Repeat(item, min, max) => {
            for _ in 0..*min {
                compile(item, program)?;
            }
            match max {
                None => {
                    let split = push(program, Inst::Split(0, 0))?;
                    compile(item, program)?;
                    push(program, Inst::Jump(split))?;
                    let end = program.len();
                    patch(program, split, Inst::Split(split + 1, end));
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(push(program, Inst::Split(0, 0))?);
                        compile(item, program)?;
                    }
                    for split in splits {
                        let end = program.len();
                        patch(program, split, Inst::Split(split + 1, end));
                    }
                }
            }
        }
    }
    Ok(())
}

/// A set of program counters with O(1) insert, test and clear, in insertion order.
struct SparseSet {
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl SparseSet {
    fn new(capacity: usize) -> SparseSet {
        SparseSet {
            dense: Vec::with_capacity(capacity),
            sparse: vec![0; capacity],
        }
    }

    fn contains(&self, pc: usize) -> bool {
        self.sparse
            .get(pc)
            .is_some_and(|&i| self.dense.get(i) == Some(&pc))
    }

    fn insert(&mut self, pc: usize) -> bool {
        if self.contains(pc) {
            return false;
        }
        patch(&mut self.sparse, pc, self.dense.len());
        self.dense.push(pc);
        true
    }

    fn is_empty(&self) -> bool {
        self.dense.is_empty()
    }

    fn clear(&mut self) {
        self.dense.clear();
    }

    fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.dense.iter()
    }
}

/// Adds `pc` and everything reachable from it without consuming input, with an explicit
/// stack; a state already in the set is not followed again, so empty loops end.
fn close(program: &[Inst], set: &mut SparseSet, stack: &mut Vec<usize>, pc: usize) {
    stack.push(pc);
    while let Some(pc) = stack.pop() {
        if !set.insert(pc) {
            continue;
        }
        match program.get(pc) {
            Some(&Inst::Jump(to)) => stack.push(to),
            Some(&Inst::Split(a, b)) => {
                stack.push(b);
                stack.push(a);
            }
            _ => {}
        }
    }
}
