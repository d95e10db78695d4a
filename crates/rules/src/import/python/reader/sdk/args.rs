//! Finding the SDK's calls in a program and reading their arguments: `AutoML(…)` bound to a name
//! or chained, its `.fit(…)`, each argument by keyword or position, read, decided or left as a hole.

use super::*;

impl Reader<'_, '_> {
    /// Whether the token at `i` ends an expression: the end, a new statement, `,` or a
    /// closing bracket.
    pub(in crate::import::python::reader) fn ends_expression(&self, i: usize) -> bool {
        let t = self.t;
        t.kind(i) == Kind::End
            || t.list[i.min(t.list.len() - 1)].statement
            || (t.kind(i) == Kind::Op && matches!(t.text_of(i), "," | ")" | "]" | "}"))
    }

    /// The `(` of the call of `class` when the expression at `at` is that call and nothing
    /// more (`AutoML(…)`, `sagemaker.AutoML(…)`, `sagemaker.automl.automl.AutoML(…)`).
    pub(super) fn constructor(&self, at: usize, class: &str) -> Option<usize> {
        let t = self.t;
        if t.kind(at) != Kind::Name {
            return None;
        }
        let mut i = at;
        while t.is_op(i + 1, ".") && t.kind(i + 2) == Kind::Name {
            i += 2;
        }
        if t.text_of(i) != class || !t.is_op(i + 1, "(") {
            return None;
        }
        self.ends_expression(t.after_brackets(i + 1))
            .then_some(i + 1)
    }

    /// The `(` that the `)` at `close` closes.
    pub(in crate::import::python::reader) fn opening(&self, close: usize) -> Option<usize> {
        let t = self.t;
        let mut depth = 0usize;
        for k in (0..=close).rev() {
            if t.kind(k) != Kind::Op {
                continue;
            }
            match t.text_of(k) {
                ")" | "]" | "}" => depth += 1,
                "(" | "[" | "{" => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(k);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The SDK's `fit(…)` calls on an `AutoML` object, in the order of the program: the `(`
    /// of the `AutoML(…)` that made it and the `fit` token. The object is the `AutoML(…)`
    /// the name is set to where `fit` is called (in the branch the program takes), or the
    /// call itself (`AutoML(…).fit(…)`).
    pub(in crate::import::python) fn sdk_fits(&mut self) -> Vec<(usize, usize)> {
        let t = self.t;
        let mut out = Vec::new();
        for k in 2..t.list.len() {
            if t.kind(k) != Kind::Name
                || t.text_of(k) != "fit"
                || !t.is_op(k - 1, ".")
                || !t.is_op(k + 1, "(")
            {
                continue;
            }
            let receiver = k - 2;
            if t.is_op(receiver, ")") {
                // `AutoML(…).fit(…)`.
                let made = self.opening(receiver).filter(|&open| {
                    open > 0
                        && t.kind(open - 1) == Kind::Name
                        && t.text_of(open - 1) == "AutoML"
                        && !(open > 1 && matches!(t.text_of(open - 2), "def" | "class"))
                });
                if let Some(open) = made {
                    out.push((open, k));
                }
            } else if t.kind(receiver) == Kind::Name
                && !(receiver > 0 && t.is_op(receiver - 1, "."))
            {
                if let Binding::Value(v) = self.binding(t.text_of(receiver), receiver) {
                    if let Some(open) = self.constructor(v, "AutoML") {
                        out.push((open, k));
                    }
                }
            }
        }
        out
    }

    /// A finding of the SDK import at the token `at`.
    /// An argument the SageMaker Python SDK would refuse (Python's TypeError), at token `at`.
    pub(super) fn argument_error(&mut self, at: usize, message: String) {
        self.sdk_finding(Severity::Error, "sdk-argument", "", at, message);
    }

    pub(super) fn sdk_finding(
        &mut self,
        severity: Severity,
        code: &'static str,
        pointer: &str,
        at: usize,
        message: String,
    ) {
        let span = self.span_of(at, at + 1);
        self.notes
            .push(finding(severity, code, pointer.to_string(), message, span));
    }

    /// The arguments of the call of `function` whose `(` is at `open`, bound to `params` as
    /// Python binds them; what Python would refuse (Python's TypeError), and `*`/`**`
    /// arguments, which import does not spread, are errors at their place.
    pub(super) fn sdk_args(
        &mut self,
        open: usize,
        function: &str,
        params: &[&'static str],
    ) -> Vec<Arg> {
        let t = self.t;
        let close = t.after_brackets(open).saturating_sub(1);
        let mut j = open + 1;
        let mut position = 0;
        let mut out: Vec<Arg> = Vec::new();
        while j < close {
            let start = j;
            j = t.argument_end(j).min(close);
            if t.is_op(start, "*") || t.is_op(start, "**") {
                self.argument_error(start,
                    format!(
                        "import reads the arguments of {function}(…) written out one by one, not spread with {}: write each as name=value",
                        t.text_of(start)
                    ),
                );
            } else if t.kind(start) == Kind::Name && t.is_op(start + 1, "=") {
                let name = t.text_of(start);
                match params.iter().find(|p| **p == name) {
                    Some(p) if out.iter().any(|a| a.0 == *p) => self.argument_error(start,
                        format!("{function}() is given {name} twice (Python's TypeError): give it once"),
                    ),
                    Some(p) => out.push((p, start + 2, t.at(start))),
                    None => self.argument_error(start,
                        format!(
                            "{function}() of the SageMaker Python SDK v2 has no argument {name} (Python's TypeError): its arguments are {}",
                            params.join(", ")
                        ),
                    ),
                }
            } else if let Some(p) = params.get(position) {
                position += 1;
                out.push((p, start, t.at(start)));
            } else {
                self.argument_error(start,
                    format!(
                        "{function}() takes at most {} arguments by position (Python's TypeError): {}",
                        params.len(),
                        params.join(", ")
                    ),
                );
            }
            if t.is_op(j, ",") || j == start {
                j += 1;
            }
        }
        out
    }

    /// The source text of an argument's value, on one line.
    pub(super) fn arg_text(&self, arg: Arg) -> String {
        let end = self.t.argument_end(arg.1);
        let span = self.span_of(arg.1, end);
        one_line(&self.t.text[span.start..span.end])
    }

    /// The value of `arg` read as the member at `pointer` (so its holes are placed there),
    /// and whether it holds a hole; `None` when it is not given or written `None`.
    pub(super) fn sdk_read(
        &mut self,
        arg: Option<Arg>,
        pointer: &[String],
    ) -> Result<Option<(Node, bool)>, ImportError> {
        let Some((_, at, key)) = arg else {
            return Ok(None);
        };
        let depth = self.path.len();
        for p in pointer {
            self.path.push((p.clone(), key));
        }
        let mark = self.holes.len();
        let mut i = at;
        let read = self.value(&mut i);
        self.path.truncate(depth);
        let node = read?;
        let holed = self.holed(mark);
        if node.value == Value::Null && !holed {
            return Ok(None);
        }
        Ok(Some((node, holed)))
    }

    /// [`Reader::sdk_read`] of an argument the SDK uses only when it is true (`if
    /// auto_ml.mode:`): a false one is left out; one with a hole is taken.
    pub(super) fn sdk_read_if_true(
        &mut self,
        arg: Option<Arg>,
        pointer: &[String],
    ) -> Result<Option<Node>, ImportError> {
        let mark = self.holes.len();
        match self.sdk_read(arg, pointer)? {
            Some((node, true)) => Ok(Some(node)),
            Some((node, false)) if eval::truthy(&node.value) != Some(false) => Ok(Some(node)),
            _ => {
                self.holes.truncate(mark);
                Ok(None)
            }
        }
    }

    /// A hole the SDK fills in, at `pointer`, used at byte `at`.
    pub(super) fn sdk_hole(
        &mut self,
        pointer: &[String],
        at: usize,
        span: Span,
        expr: String,
        what: String,
    ) -> Node {
        let depth = self.path.len();
        for p in pointer {
            self.path.push((p.clone(), at));
        }
        let node = self.hole_at(span, expr, Why::Sdk(what));
        self.path.truncate(depth);
        node
    }

    /// Moves the holes found since `mark` at or under `from` to `to`.
    pub(super) fn repath(&mut self, mark: usize, from: &str, to: &str) {
        let mark = mark.min(self.holes.len());
        for h in &mut self.holes[mark..] {
            if h.path == from
                || (h.path.starts_with(from) && h.path.as_bytes().get(from.len()) == Some(&b'/'))
            {
                h.path = format!("{to}{}", &h.path[from.len()..]);
            }
        }
    }
}
