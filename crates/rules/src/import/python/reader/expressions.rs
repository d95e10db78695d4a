//! The expressions of the reader: conditional expressions, `and`/`or`/`not`, comparisons,
//! arithmetic and `%` formatting, each decided as Python decides it on written values, a hole
//! otherwise (moved out of `reader.rs`, which holds the values and the calls).

use super::*;

impl Reader<'_, '_> {
    /// `a if condition else b`, decided as Python decides it; a hole naming the condition
    /// when it is not known.
    pub(in crate::import::python) fn conditional(
        &mut self,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        if self.word(start, "lambda") {
            let end = self.expression_end(start);
            *i = end;
            return Ok(self.hole_of(start, end, Why::Runs));
        }
        let a = self.or_test(i)?;
        if !self.word(*i, "if") {
            return Ok(a);
        }
        *i += 1;
        let cond_at = *i;
        let cmark = self.holes.len();
        let c = self.or_test(i)?;
        let cond_end = *i;
        let truth = if self.holed(cmark) {
            None
        } else {
            eval::truthy(&c.value)
        };
        self.holes.truncate(cmark);
        if !self.word(*i, "else") {
            return Err(self.unexpected(*i, "else"));
        }
        *i += 1;
        let b = self.conditional(i)?;
        let span = self.span_of(start, *i);
        match truth {
            Some(true) => {
                self.holes.truncate(cmark);
                Ok(Node {
                    value: a.value,
                    span,
                })
            }
            Some(false) => {
                self.holes.drain(mark..cmark);
                Ok(Node {
                    value: b.value,
                    span,
                })
            }
            None => {
                let cond = self.span_of(cond_at, cond_end);
                let text = one_line(&self.t.text[cond.start..cond.end]);
                Ok(self.collapse(
                    mark,
                    start,
                    *i,
                    Some(Why::Condition(format!("if {text}"), cond.start)),
                ))
            }
        }
    }

    /// `a or b` (`and` when `and`), as Python works it out: the first operand that decides.
    pub(in crate::import::python) fn or_test(
        &mut self,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        self.boolean(i, "or")
    }

    pub(in crate::import::python) fn boolean(
        &mut self,
        i: &mut usize,
        op: &str,
    ) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = if op == "or" {
            self.boolean(i, "and")?
        } else {
            self.not_test(i)?
        };
        let mut unknown = false;
        let mut decided = false;
        while self.word(*i, op) {
            *i += 1;
            let rmark = self.holes.len();
            let right = if op == "or" {
                self.boolean(i, "and")?
            } else {
                self.not_test(i)?
            };
            if unknown || decided {
                if decided {
                    self.holes.truncate(rmark);
                }
                continue;
            }
            let truth = if self.holed(mark) && rmark > mark {
                None
            } else {
                eval::truthy(&left.value)
            };
            match truth {
                // `a or b` is `a` when `a` is true; `a and b` when `a` is false.
                Some(t) if t == (op == "or") => {
                    self.holes.truncate(rmark);
                    decided = true;
                }
                Some(_) => {
                    self.holes.drain(mark..rmark);
                    left = right;
                }
                None => unknown = true,
            }
        }
        if unknown {
            return Ok(self.collapse(mark, start, *i, None));
        }
        if *i > start && (decided || left.span.start != self.t.at(start)) {
            left.span = self.span_of(start, *i);
        }
        Ok(left)
    }

    /// `not x`.
    pub(in crate::import::python) fn not_test(
        &mut self,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        if !self.word(*i, "not") {
            return self.comparison(i);
        }
        let start = *i;
        let mark = self.holes.len();
        *i += 1;
        let x = self.not_test(i)?;
        match eval::truthy(&x.value).filter(|_| !self.holed(mark)) {
            Some(t) => Ok(Node {
                value: Value::Bool(!t),
                span: self.span_of(start, *i),
            }),
            None => Ok(self.collapse(mark, start, *i, None)),
        }
    }

    /// The comparison operator at `i` and how many tokens it takes.
    pub(in crate::import::python) fn comparison_at(
        &self,
        i: usize,
    ) -> Option<(&'static str, usize)> {
        let t = self.t;
        if t.kind(i) == Kind::Op {
            let op = ["==", "!=", "<", ">", "<=", ">="]
                .into_iter()
                .find(|op| t.text_of(i) == *op)?;
            return Some((op, 1));
        }
        if self.word(i, "in") {
            Some(("in", 1))
        } else if self.word(i, "not") && self.word(i + 1, "in") {
            Some(("not in", 2))
        } else if self.word(i, "is") && self.word(i + 1, "not") {
            Some(("is not", 2))
        } else if self.word(i, "is") {
            Some(("is", 1))
        } else {
            None
        }
    }

    /// `a == b`, `a in b`, … (chained as Python chains them).
    pub(in crate::import::python) fn comparison(
        &mut self,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = self.sum(i)?;
        let mut result = Some(true);
        let mut compared = false;
        while let Some((op, n)) = self.comparison_at(*i) {
            compared = true;
            *i += n;
            let right = self.sum(i)?;
            if result == Some(true) {
                result = eval::compare(op, &left.value, &right.value);
            }
            left = right;
        }
        if !compared {
            return Ok(left);
        }
        match result.filter(|_| !self.holed(mark)) {
            Some(r) => Ok(Node {
                value: Value::Bool(r),
                span: self.span_of(start, *i),
            }),
            None => Ok(self.collapse(mark, start, *i, None)),
        }
    }

    /// The operator at token `i` when it is one of `ops`.
    pub(in crate::import::python) fn op_at(
        &self,
        i: usize,
        ops: &[&'static str],
    ) -> Option<&'static str> {
        let t = self.t;
        if t.kind(i) != Kind::Op || t.list[i.min(t.list.len() - 1)].statement {
            return None;
        }
        ops.iter().copied().find(|op| *op == t.text_of(i))
    }

    /// Whether `node` holds the marker of a hole found since `mark`.
    pub(in crate::import::python) fn holds_hole(&self, node: &Node, mark: usize) -> bool {
        match &node.value {
            Value::String(s) => self.holes[mark.min(self.holes.len())..]
                .iter()
                .any(|h| s.contains(h.marker.as_str())),
            _ => false,
        }
    }

    /// `a + b - c`: Python's arithmetic on written numbers, and strings joined with `+`
    /// (holes in them kept in place).
    pub(in crate::import::python) fn sum(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = self.term(i)?;
        let mut broken = false;
        while let Some(op) = self.op_at(*i, &["+", "-"]) {
            let at = *i;
            *i += 1;
            let right = self.term(i)?;
            if broken {
                continue;
            }
            left = match (&left.value, &right.value) {
                (Value::String(_), Value::String(_)) if op == "+" => {
                    self.arithmetic(at, op, left, right)?
                }
                _ if self.holed(mark) => {
                    broken = true;
                    continue;
                }
                _ => self.arithmetic(at, op, left, right)?,
            };
        }
        if broken {
            return Ok(self.collapse(mark, start, *i, None));
        }
        Ok(left)
    }

    /// `a * b / c // d % e`, and `template % values`.
    pub(in crate::import::python) fn term(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = self.unary(i)?;
        let mut broken = false;
        while let Some(op) = self.op_at(*i, &["*", "/", "//", "%", "@"]) {
            let at = *i;
            *i += 1;
            let rmark = self.holes.len();
            let right = self.unary(i)?;
            if broken {
                continue;
            }
            if op == "%" && rmark == mark {
                if let Value::String(template) = &left.value {
                    {
                        match self.percent(template, &right, rmark) {
                            Some(text) => {
                                left = Node {
                                    value: Value::String(text),
                                    span: self.span_of(start, *i),
                                };
                                continue;
                            }
                            None => {
                                broken = true;
                                continue;
                            }
                        }
                    }
                }
            }
            if self.holed(mark) || op == "@" {
                broken = true;
                continue;
            }
            left = self.arithmetic(at, op, left, right)?;
        }
        if broken {
            return Ok(self.collapse(mark, start, *i, None));
        }
        Ok(left)
    }

    /// `template % right` (holes found since `mark` kept as their markers).
    pub(in crate::import::python) fn percent(
        &self,
        template: &str,
        right: &Node,
        mark: usize,
    ) -> Option<String> {
        let argument = |n: &Node| -> Argument { (n.clone(), self.holds_hole(n, mark)) };
        match &right.value {
            Value::Array(items) => {
                let items: Vec<Argument> = items.iter().map(argument).collect();
                eval::percent_format(template, &items, None)
            }
            Value::Object(members) => {
                let mapping: Vec<(String, Argument)> = members
                    .iter()
                    .map(|m| (m.key.clone(), argument(&m.value)))
                    .collect();
                eval::percent_format(template, &[], Some(&mapping))
            }
            _ => eval::percent_format(template, &[argument(right)], None),
        }
    }

    /// `-x`, `+x` (any number of signs), then `a ** b`, which binds tighter on its left.
    pub(in crate::import::python) fn unary(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut negative = false;
        while let Some(sign) = self.op_at(*i, &["-", "+", "~"]) {
            if sign == "~" {
                *i += 1;
                self.unary(i)?;
                return Ok(self.collapse(mark, start, *i, None));
            }
            negative ^= sign == "-";
            *i += 1;
        }
        if self.word(*i, "await") {
            *i += 1;
            self.unary(i)?;
            return Ok(self.collapse(mark, start, *i, None));
        }
        let signed = *i > start;
        let mut node = self.primary(i)?;
        if self.op_at(*i, &["**"]).is_some() {
            let at = *i;
            *i += 1;
            // The exponent may carry signs of its own: 10 ** -2.
            let exponent = self.unary(i)?;
            if self.holed(mark) {
                return Ok(self.collapse(mark, start, *i, None));
            }
            node = self.arithmetic(at, "**", node, exponent)?;
        }
        if !signed {
            return Ok(node);
        }
        if self.holed(mark) {
            return Ok(self.collapse(mark, start, *i, None));
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
    pub(in crate::import::python) fn arithmetic(
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
    pub(in crate::import::python) fn numbers(
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

    /// Whether the trailer after the name at `i` is one the reader works out (a string
    /// method, a subscript, `dict(…)`, `str(…)`, `int(…)`), so the name must be read.
    pub(in crate::import::python) fn worked_out_after(&self, i: usize) -> bool {
        let t = self.t;
        if t.is_op(i + 1, "[") {
            return true;
        }
        if t.is_op(i + 1, "(") {
            return matches!(t.text_of(i), "dict" | "str" | "int");
        }
        t.is_op(i + 1, ".")
            && t.kind(i + 2) == Kind::Name
            && t.is_op(i + 3, "(")
            && (matches!(t.text_of(i + 2), "format" | "replace" | "join")
                || STRING_METHODS.contains(&t.text_of(i + 2)))
    }
}
