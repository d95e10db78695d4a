//! The reader: the keyword arguments of the call, and every value as botocore would send it
//! (literals, names set earlier, arithmetic on numbers, strings joined).

use super::tokens::{Kind, Tokens};
use crate::import::{error, set_member, ImportError};
use crate::json::{Member, Node, Span, Value, MAX_DEPTH};
use crate::wording::python::python_float;

pub(super) struct Reader<'t, 'a> {
    pub(super) t: &'t Tokens<'a>,
    pub(super) depth: usize,
    /// Values read so far: a name read twice is read twice, so names built from names could
    /// double the work at each step; a request is a few hundred values.
    pub(super) values: usize,
    /// See [`assignments`].
    pub(super) assignments: Vec<(String, usize, usize)>,
    /// The boto3 method whose call holds the request (`create_auto_ml_job`).
    pub(super) method: &'static str,
}

/// The most values read for one import (see `Reader::values`).
const MAX_VALUES: usize = 100_000;

/// Methods of a dict or list that change it in place.
const CHANGES: [&str; 10] = [
    "update",
    "setdefault",
    "pop",
    "popitem",
    "clear",
    "append",
    "extend",
    "insert",
    "remove",
    "sort",
];

impl Reader<'_, '_> {
    pub(super) fn fail(&self, i: usize, message: &str) -> ImportError {
        error(self.t.text, self.t.at(i), message)
    }

    /// The error for a token where `wanted` belongs: the reason the text stopped being
    /// Python there, or what the token is instead.
    pub(super) fn unexpected(&self, i: usize, wanted: &str) -> ImportError {
        if self.t.kind(i) == Kind::End {
            if let Some(stop) = &self.t.stop {
                return stop.clone();
            }
            return self.fail(i, &format!("the text ends where {wanted} belongs"));
        }
        let found = self.t.text_of(i);
        let message = match found {
            "|" | "&" | "@" | "<<" | ">>" | "^" => format!(
                "'{found}' is worked out when the program runs, which import does not do: write the value it makes"
            ),
            "(" => "a call runs when the program runs, which import does not do: write the value it returns".to_string(),
            "." => "an attribute is looked up when the program runs, which import does not do: write its value".to_string(),
            "[" => "a subscript is looked up when the program runs, which import does not do: write its value".to_string(),
            "if" | "for" | "or" | "and" | "not" | "in" | "is" | "lambda" => format!(
                "'{found}' is worked out when the program runs, which import does not do: write the value it makes"
            ),
            _ => format!("expected {wanted}, found '{found}'"),
        };
        self.fail(i, &message)
    }

    /// The request: the keyword arguments of the call whose name is at `call`.
    pub(super) fn call(&mut self, call: usize) -> Result<Node, ImportError> {
        let method = self.method;
        let mut i = call + 2;
        let mut members: Vec<Member> = Vec::new();
        // Which members a keyword gave (a second is Python's SyntaxError; one given by a
        // keyword and a `**` dict is a TypeError).
        let mut keywords: Vec<String> = Vec::new();
        // Values that cannot be read: each argument is still read, so that one answer names
        // every place to fix rather than one per import.
        let mut problems: Vec<ImportError> = Vec::new();
        loop {
            if self.t.is_op(i, ")") {
                break;
            }
            if self.t.is_op(i, "**") {
                let at = i + 1;
                i += 1;
                let node = match self.value(&mut i) {
                    Ok(node) => node,
                    Err(e) => {
                        problems.push(e);
                        i = self.t.argument_end(at);
                        if self.t.is_op(i, ",") {
                            i += 1;
                        }
                        continue;
                    }
                };
                let Value::Object(more) = node.value else {
                    return Err(self.fail(at, "** needs a dict of the request's members"));
                };
                for m in more {
                    if members.iter().any(|have| have.key == m.key) {
                        return Err(error(
                            self.t.text,
                            m.key_span.start,
                            &format!("{method}() would get two values for {} (Python's TypeError): give it once", m.key),
                        ));
                    }
                    members.push(m);
                }
            } else if self.t.kind(i) == Kind::Name && self.t.is_op(i + 1, "=") {
                let key = self.t.text_of(i).to_string();
                let key_span = Span {
                    start: self.t.at(i),
                    end: self.t.list[i].end,
                };
                if keywords.contains(&key) {
                    return Err(self.fail(
                        i,
                        &format!("{key} is given twice (Python's SyntaxError): give it once"),
                    ));
                }
                if members.iter().any(|m| m.key == key) {
                    return Err(self.fail(
                        i,
                        &format!("{method}() would get two values for {key} (Python's TypeError): give it once"),
                    ));
                }
                i += 2;
                keywords.push(key.clone());
                let start = i;
                let value = match self.value(&mut i) {
                    Ok(value) => value,
                    Err(e) => {
                        problems.push(e);
                        i = self.t.argument_end(start);
                        if self.t.is_op(i, ",") {
                            i += 1;
                        }
                        continue;
                    }
                };
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
            } else if self.t.is_op(i, "*") {
                return Err(self.fail(
                    i,
                    &format!("{method}() takes keyword arguments only: *arguments cannot be sent"),
                ));
            } else if self.t.kind(i) == Kind::End {
                return Err(self.unexpected(i, &format!("the ')' closing {method}(")));
            } else {
                return Err(self.fail(
                    i,
                    &format!("{method}() takes keyword arguments only (boto3 raises TypeError): write Name=value"),
                ));
            }
            if self.t.is_op(i, ",") {
                i += 1;
            } else if !self.t.is_op(i, ")") {
                return Err(self.unexpected(i, "',' or ')'"));
            }
        }
        if let Some(first) = problems.first() {
            let mut message = first.message.clone();
            let mut seen = vec![first.offset];
            let mut more = 0;
            for p in &problems[1..] {
                if seen.contains(&p.offset) {
                    continue;
                }
                seen.push(p.offset);
                if seen.len() > 4 {
                    more += 1;
                    continue;
                }
                message.push_str(&format!(". Also {}: {}", self.t.place(p.offset), p.message));
            }
            if more > 0 {
                message.push_str(&format!(". And {more} more"));
            }
            return Err(ImportError {
                message,
                ..first.clone()
            });
        }
        Ok(Node {
            value: Value::Object(members),
            span: Span {
                start: self.t.at(call),
                end: self.t.list[i].end,
            },
        })
    }

    /// The value whose first token is at `i`; `i` moves past it.
    pub(super) fn value(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(*i, "nested too deeply"));
        }
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(self.fail(
                *i,
                "this program builds a request of more than 100,000 values, far beyond any request",
            ));
        }
        self.depth += 1;
        let node = self.sum(i);
        self.depth -= 1;
        node
    }

    /// The operator at token `i` when it is one of `ops`.
    pub(super) fn op_at(&self, i: usize, ops: &[&'static str]) -> Option<&'static str> {
        let t = self.t;
        if t.kind(i) != Kind::Op {
            return None;
        }
        ops.iter().copied().find(|op| *op == t.text_of(i))
    }

    /// `a + b - c`: Python's arithmetic on written numbers, and strings joined with `+`.
    pub(super) fn sum(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let mut left = self.term(i)?;
        while let Some(op) = self.op_at(*i, &["+", "-"]) {
            let at = *i;
            *i += 1;
            let right = self.term(i)?;
            left = self.arithmetic(at, op, left, right)?;
        }
        Ok(left)
    }

    /// `a * b / c // d % e`.
    pub(super) fn term(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let mut left = self.unary(i)?;
        while let Some(op) = self.op_at(*i, &["*", "/", "//", "%"]) {
            let at = *i;
            *i += 1;
            let right = self.unary(i)?;
            left = self.arithmetic(at, op, left, right)?;
        }
        Ok(left)
    }

    /// `-x`, `+x` (any number of signs), then `a ** b`, which binds tighter on its left.
    pub(super) fn unary(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mut negative = false;
        while let Some(sign) = self.op_at(*i, &["-", "+"]) {
            negative ^= sign == "-";
            *i += 1;
        }
        let signed = *i > start;
        let mut node = self.value_inner(i)?;
        if self.op_at(*i, &["**"]).is_some() {
            let at = *i;
            *i += 1;
            // The exponent may carry signs of its own: 10 ** -2.
            let exponent = self.unary(i)?;
            node = self.arithmetic(at, "**", node, exponent)?;
        }
        if !signed {
            return Ok(node);
        }
        let Value::Number(text) = &node.value else {
            return Err(self.fail(
                start,
                "a sign works out only on a number: write the value it makes",
            ));
        };
        let mut text = text.clone();
        if negative {
            text = match text.strip_prefix('-') {
                Some(positive) => positive.to_string(),
                None if text == "0" => text,
                None => format!("-{text}"),
            };
        }
        Ok(Node {
            value: Value::Number(text),
            span: Span {
                start: self.t.at(start),
                end: node.span.end,
            },
        })
    }

    /// `left op right`, as Python works it out for numbers (ints exactly; a float as
    /// `repr()` writes it) and for strings joined with `+`; anything else is refused at `at`.
    pub(super) fn arithmetic(
        &self,
        at: usize,
        op: &str,
        left: Node,
        right: Node,
    ) -> Result<Node, ImportError> {
        let span = Span {
            start: left.span.start,
            end: right.span.end,
        };
        let value = match (left.value, right.value) {
            (Value::String(a), Value::String(b)) if op == "+" => Value::String(a + &b),
            (Value::Number(a), Value::Number(b)) => Value::Number(self.numbers(at, op, &a, &b)?),
            _ => {
                return Err(self.fail(
                    at,
                    &format!("import works out '{op}' on written numbers (and '+' on strings) only: write the value it makes"),
                ))
            }
        };
        Ok(Node { value, span })
    }

    /// `a op b` on two numbers as JSON texts (as botocore would send the result).
    pub(super) fn numbers(
        &self,
        at: usize,
        op: &str,
        a: &str,
        b: &str,
    ) -> Result<String, ImportError> {
        let float = |n: &str| n.contains(['.', 'e', 'E']);
        let large = || {
            self.fail(
                at,
                "this works out to a number far too large for any member",
            )
        };
        if !float(a) && !float(b) && op != "/" {
            let (Ok(x), Ok(y)) = (a.parse::<i128>(), b.parse::<i128>()) else {
                return Err(large());
            };
            if y == 0 && matches!(op, "//" | "%") {
                return Err(self.fail(at, "this divides by zero (Python's ZeroDivisionError)"));
            }
            let n = match op {
                "+" => x.checked_add(y),
                "-" => x.checked_sub(y),
                "*" => x.checked_mul(y),
                // Python's floor division and modulo round towards negative infinity.
                "//" => Some(x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0)),
                "%" => Some(x.rem_euclid(y) + if y < 0 && x.rem_euclid(y) != 0 { y } else { 0 }),
                _ => match u32::try_from(y) {
                    Ok(e) => x.checked_pow(e),
                    Err(_) => {
                        return Err(self.fail(
                            at,
                            "import works out '**' with a whole exponent from 0 up only: write the value it makes",
                        ))
                    }
                },
            };
            return n.map(|n| n.to_string()).ok_or_else(large);
        }
        let (Some(x), Some(y)) = (crate::number::parse_f64(a), crate::number::parse_f64(b)) else {
            return Err(large());
        };
        let n = match op {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" if y == 0.0 => {
                return Err(self.fail(at, "this divides by zero (Python's ZeroDivisionError)"))
            }
            "/" => x / y,
            "//" | "%" if y == 0.0 => {
                return Err(self.fail(at, "this divides by zero (Python's ZeroDivisionError)"))
            }
            "//" | "%" => {
                // CPython's float_divmod (Objects/floatobject.c), step by step.
                let mut rem = x % y;
                let mut div = (x - rem) / y;
                if rem != 0.0 {
                    if (y < 0.0) != (rem < 0.0) {
                        rem += y;
                        div -= 1.0;
                    }
                } else {
                    rem = 0.0_f64.copysign(y);
                }
                let floor = if div != 0.0 {
                    let f = div.floor();
                    if div - f > 0.5 {
                        f + 1.0
                    } else {
                        f
                    }
                } else {
                    0.0_f64.copysign(x / y)
                };
                if op == "//" {
                    floor
                } else {
                    rem
                }
            }
            _ => {
                return Err(self.fail(
                    at,
                    "import works out '**' on whole numbers only: write the value it makes",
                ))
            }
        };
        if !n.is_finite() {
            return Err(large());
        }
        Ok(python_float(n))
    }

    pub(super) fn value_inner(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let t = self.t;
        let span = |from: usize, to: usize| Span {
            start: t.at(from),
            end: t.list[to - 1].end,
        };
        match t.kind(start) {
            Kind::Number => {
                *i += 1;
                let value = self.number(start)?;
                Ok(Node {
                    value,
                    span: span(start, *i),
                })
            }
            Kind::Str => {
                let mut text = String::new();
                while t.kind(*i) == Kind::Str {
                    self.string(*i, &mut text)?;
                    *i += 1;
                }
                Ok(Node {
                    value: Value::String(text),
                    span: span(start, *i),
                })
            }
            Kind::Name => {
                let name = t.text_of(start);
                let value = match name {
                    "True" => Value::Bool(true),
                    "False" => Value::Bool(false),
                    "None" => Value::Null,
                    "dict" if t.is_op(start + 1, "(") => {
                        *i += 2;
                        return self.keyword_dict(start, i);
                    }
                    _ => {
                        *i += 1;
                        if matches!(t.kind(*i), Kind::Op)
                            && matches!(t.text_of(*i), "(" | "." | "[")
                        {
                            // Placed at the name the call, attribute or subscript starts
                            // with, and quoting it whole (`sess.default_bucket()`).
                            let mut end = *i;
                            loop {
                                if t.is_op(end, ".") && t.kind(end + 1) == Kind::Name {
                                    end += 2;
                                } else if t.is_op(end, "(") || t.is_op(end, "[") {
                                    end = t.after_brackets(end);
                                } else {
                                    break;
                                }
                            }
                            let last = t.list[(end - 1).min(t.list.len() - 1)];
                            let mut expr = t.text[t.at(start)..last.end].to_string();
                            if expr.chars().count() > 60 || expr.contains('\n') {
                                expr = format!("{}…", &t.text[t.at(start)..t.list[*i].end]);
                            }
                            return Err(self.fail(
                                start,
                                &format!("{expr} is worked out only when the program runs, which import does not do: write its value here"),
                            ));
                        }
                        return self.variable(start);
                    }
                };
                *i += 1;
                Ok(Node {
                    value,
                    span: span(start, *i),
                })
            }
            Kind::Op => match t.text_of(start) {
                "{" => {
                    *i += 1;
                    let mut members: Vec<Member> = Vec::new();
                    while !t.is_op(*i, "}") {
                        if t.is_op(*i, "**") {
                            return Err(self.fail(
                                *i,
                                "** inside a dict is worked out when the program runs: write the members themselves",
                            ));
                        }
                        let key_at = *i;
                        let key = self.value(i)?;
                        let Value::String(key) = key.value else {
                            return Err(self.fail(
                                key_at,
                                "a key of the request is a string: write it in quotes",
                            ));
                        };
                        if !t.is_op(*i, ":") {
                            return Err(self.unexpected(*i, "':'"));
                        }
                        *i += 1;
                        let value = self.value(i)?;
                        let key_span = span(key_at, key_at + 1);
                        // A repeated key keeps its first place and takes the last value.
                        set_member(&mut members, key, key_span, value);
                        if t.is_op(*i, ",") {
                            *i += 1;
                        } else if !t.is_op(*i, "}") {
                            return Err(self.unexpected(*i, "',' or '}'"));
                        }
                    }
                    *i += 1;
                    Ok(Node {
                        value: Value::Object(members),
                        span: span(start, *i),
                    })
                }
                "[" | "(" => {
                    let close = if t.text_of(start) == "[" { "]" } else { ")" };
                    *i += 1;
                    let mut items = Vec::new();
                    let mut tuple = close == "]";
                    while !t.is_op(*i, close) {
                        items.push(self.value(i)?);
                        if t.is_op(*i, ",") {
                            tuple = true;
                            *i += 1;
                        } else if !t.is_op(*i, close) {
                            return Err(self.unexpected(*i, &format!("',' or '{close}'")));
                        }
                    }
                    *i += 1;
                    if !tuple && items.len() == 1 {
                        // Brackets around one value group it.
                        return Ok(items.remove(0));
                    }
                    Ok(Node {
                        value: Value::Array(items),
                        span: span(start, *i),
                    })
                }
                _ => Err(self.unexpected(start, "a value")),
            },
            Kind::End => Err(self.unexpected(start, "a value")),
        }
    }

    /// `dict(Key=value, …)`, after its `(`.
    pub(super) fn keyword_dict(
        &mut self,
        start: usize,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        let mut members: Vec<Member> = Vec::new();
        while !t.is_op(*i, ")") {
            if t.kind(*i) != Kind::Name || !t.is_op(*i + 1, "=") {
                return Err(self.fail(
                    *i,
                    "import reads dict(…) with keyword arguments only (Key=value): write a dict literal for anything else",
                ));
            }
            let key = t.text_of(*i).to_string();
            if members.iter().any(|m| m.key == key) {
                return Err(self.fail(
                    *i,
                    &format!("{key} is given twice (Python's SyntaxError): give it once"),
                ));
            }
            let key_span = Span {
                start: t.at(*i),
                end: t.list[*i].end,
            };
            *i += 2;
            let value = self.value(i)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            if t.is_op(*i, ",") {
                *i += 1;
            } else if !t.is_op(*i, ")") {
                return Err(self.unexpected(*i, "',' or ')'"));
            }
        }
        *i += 1;
        Ok(Node {
            value: Value::Object(members),
            span: Span {
                start: t.at(start),
                end: t.list[*i - 1].end,
            },
        })
    }

    /// The token of the value last given to `name` by a statement that ends before token
    /// `use_at` (so `a = a` reads the earlier `a`).
    pub(super) fn set_before(&self, name: &str, use_at: usize) -> Option<usize> {
        self.assignments
            .iter()
            .rev()
            .find(|(n, _, end)| n == name && *end <= use_at)
            .map(|(_, value, _)| *value)
    }

    /// The value of the name at token `use_at`: the value of the last `name = …` before it,
    /// when that is written out and not changed in place before `use_at`.
    pub(super) fn variable(&mut self, use_at: usize) -> Result<Node, ImportError> {
        let name = self.t.text_of(use_at);
        self.resolve(name, use_at, self.t.at(use_at))
    }

    /// The value of `name` used in the token at `use_at` (at byte `offset`: the name, or an
    /// f-string field): the value of the last `name = …` before it, when that is written out
    /// and not changed in place before the use.
    pub(super) fn resolve(
        &mut self,
        name: &str,
        use_at: usize,
        offset: usize,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        let Some(value_at) = self.set_before(name, use_at) else {
            let message = match name {
                "true" | "false" | "null" => {
                    let python = match name {
                        "true" => "True",
                        "false" => "False",
                        _ => "None",
                    };
                    format!("Python writes {python}, not {name} (JSON's spelling): write {python}, or paste the whole body as JSON")
                }
                _ => format!("{name} is not set to a written value before this line: import reads strings, numbers, True, False, None, dicts and lists, and names set to one of them earlier; write the value here"),
            };
            return Err(error(t.text, offset, &message));
        };
        let used = t.place(offset);
        let mut end = value_at;
        let node = self.value(&mut end).map_err(|e| ImportError {
            message: format!(
                "{} ({name} is set {} and used {used})",
                e.message,
                t.place(t.at(value_at))
            ),
            ..e
        })?;
        if let Some(change) = (end..use_at).find(|&k| self.changes(k, name)) {
            return Err(self.fail(
                change,
                &format!("{name} is changed here after it is set and before it is used {used}: import reads values as they are written, so write the change into the value"),
            ));
        }
        Ok(node)
    }

    /// Whether the token at `k` starts a change in place of the variable `name`: a changing
    /// method, an assignment to an item, an augmented assignment or `del`.
    pub(super) fn changes(&self, k: usize, name: &str) -> bool {
        let t = self.t;
        if t.kind(k) != Kind::Name || t.text_of(k) != name || (k > 0 && t.is_op(k - 1, ".")) {
            return false;
        }
        if k > 0 && t.kind(k - 1) == Kind::Name && t.text_of(k - 1) == "del" {
            return true;
        }
        let mut j = k + 1;
        if t.is_op(j, ".") {
            return t.kind(j + 1) == Kind::Name && CHANGES.contains(&t.text_of(j + 1));
        }
        let item = t.is_op(j, "[");
        while t.is_op(j, "[") {
            j = t.after_brackets(j);
        }
        // `name = …` sets it anew (see `set_before`); `name[…] = …` and `name += …` change it.
        let op = t.text_of(j);
        t.kind(j) == Kind::Op
            && ((op == "=" && item)
                || (op.len() > 1 && op.ends_with('=') && !matches!(op, "==" | "!=" | "<=" | ">=")))
    }
}
