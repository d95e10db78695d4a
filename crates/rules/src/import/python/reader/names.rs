//! The names of the reader: where a name is set where it is used (the branch the program
//! takes, a function's parameter from its call), the holes' wording and the diagnostics
//! (moved out of `reader.rs`, which holds the values and the calls).

use super::*;

impl Reader<'_, '_> {
    /// The value of the name at token `use_at`.
    pub(in crate::import::python) fn variable(
        &mut self,
        use_at: usize,
    ) -> Result<Node, ImportError> {
        let name = self.t.text_of(use_at);
        self.resolve(name, use_at, self.t.at(use_at))
    }

    /// The value of `name` used in the token at `use_at` (at byte `offset`: the name, or an
    /// f-string field), as the program sets it there: the value of the last `name = …` the
    /// program runs before it (see [`Reader::binding`]), a parameter's value from the call of
    /// its function, or a hole.
    pub(in crate::import::python) fn resolve(
        &mut self,
        name: &str,
        use_at: usize,
        offset: usize,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        let span = Span {
            start: offset,
            end: offset + name.len(),
        };
        match self.binding(name, use_at) {
            Binding::Value(value_at) => {
                let used = t.place(offset);
                let mark = self.holes.len();
                let mut end = value_at;
                let mut node = self.value(&mut end).map_err(|e| ImportError {
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
                self.name_hole(mark, &mut node, name, t.at(value_at));
                Ok(node)
            }
            Binding::Unsure(why) => Ok(self.hole_at(span, name.to_string(), why)),
            Binding::Parameter(def, index) => self.parameter(name, def, index, span),
            Binding::Unset => match name {
                "true" | "false" | "null" => {
                    let python = match name {
                        "true" => "True",
                        "false" => "False",
                        _ => "None",
                    };
                    Err(error(t.text, offset, &format!("Python writes {python}, not {name} (JSON's spelling): write {python}, or paste the whole body as JSON")))
                }
                // The program is read as run as a script.
                "__name__" => Ok(Node {
                    value: Value::String("__main__".to_string()),
                    span,
                }),
                _ => Ok(self.hole_at(span, name.to_string(), Why::Unset)),
            },
        }
    }

    /// How `name` is set where token `use_at` uses it: by the last `name = …` before it that
    /// the program runs (one in a branch not taken is passed over; one in a branch or loop
    /// not known is [`Binding::Unsure`]), by a parameter of the function it is in, or not.
    pub(super) fn binding(&mut self, name: &str, use_at: usize) -> Binding {
        // A parameter of the innermost function the use is in hides names set outside it.
        let param = self
            .blocks
            .iter()
            .enumerate()
            .rev()
            .find(|(_, b)| b.kind == BlockKind::Def && b.holds(use_at))
            .and_then(|(d, b)| Some((d, b.params.iter().position(|(p, _)| p == name)?)));
        // The statements that set it before the use, the last first: an assignment (the
        // token of its value), or a binding whose value only running tells (`for name in …`,
        // `a, name = f()`, an import: the token after the binding).
        enum Set {
            Value(usize),
            Unvalued(usize),
        }
        let mut candidates: Vec<(usize, Set)> = self
            .assignments
            .iter()
            .filter(|(n, _, end, _)| n == name && *end <= use_at)
            .map(|&(_, value, _, statement)| (statement, Set::Value(value)))
            .chain(
                self.unvalued
                    .iter()
                    .filter(|(n, end, _)| n == name && *end <= use_at)
                    .map(|&(_, end, statement)| (statement, Set::Unvalued(end))),
            )
            .collect();
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        for (statement, set) in candidates {
            if let Some((d, _)) = param {
                if !self.blocks[d].holds(statement) {
                    continue;
                }
            }
            match (self.visible(statement, use_at), set) {
                (None, _) => continue,
                (Some(Some(why)), _) => return Binding::Unsure(why),
                (Some(None), Set::Value(value)) => return Binding::Value(value),
                (Some(None), Set::Unvalued(end)) => {
                    return Binding::Unsure(self.bound_by(statement, end))
                }
            }
        }
        match param {
            Some((d, index)) => Binding::Parameter(d, index),
            None => Binding::Unset,
        }
    }

    /// Why a name bound by the statement at token `statement` (up to token `end`, not
    /// included) is known only when the program runs: the statement's text, on one line.
    fn bound_by(&self, statement: usize, end: usize) -> Why {
        let last = end.max(statement + 1) - 1;
        let span = self.span_of(statement, last + 1);
        let text = one_line(&self.t.text[span.start..span.end]);
        let text = text.trim_end_matches([':', ';']).trim_end().to_string();
        Why::Bound(text, span.start)
    }

    /// The text of a block's header (`if prefix:`), for a message.
    pub(in crate::import::python) fn header(&self, b: usize) -> (String, usize) {
        let block = &self.blocks[b];
        let span = self.span_of(block.header, block.colon + 1);
        (one_line(&self.t.text[span.start..span.end]), span.start)
    }

    /// Whether the statement at token `statement` runs before the use at `use_at`:
    /// `Some(None)` when it does, `None` when it does not (a branch not taken, a function's
    /// body seen from outside it), `Some(Some(why))` when only running the program tells.
    pub(in crate::import::python) fn visible(
        &mut self,
        statement: usize,
        use_at: usize,
    ) -> Option<Option<Why>> {
        let mut unsure = None;
        for b in 0..self.blocks.len() {
            let block = &self.blocks[b];
            if block.header > statement {
                // Blocks come in the order of their headers.
                break;
            }
            if !block.holds(statement) || block.holds(use_at) {
                continue;
            }
            match block.kind {
                BlockKind::Def => return None,
                BlockKind::If | BlockKind::Elif | BlockKind::Else => match self.taken(b) {
                    Some(true) => {}
                    Some(false) => return None,
                    None => {
                        if unsure.is_none() {
                            // Named by the first condition of the chain not known.
                            let mut chain = vec![b];
                            while let Some(p) = self.blocks[chain[chain.len() - 1]].prev {
                                chain.push(p);
                            }
                            let first = chain
                                .into_iter()
                                .rev()
                                .find(|&c| {
                                    self.blocks[c].kind != BlockKind::Else
                                        && self.taken(c).is_none()
                                })
                                .unwrap_or(b);
                            let (text, at) = self.header(first);
                            unsure = Some(Why::Condition(text, at));
                        }
                    }
                },
                BlockKind::Loop | BlockKind::Except => {
                    if unsure.is_none() {
                        let (text, at) = self.header(b);
                        unsure = Some(Why::Loop(text, at));
                    }
                }
                BlockKind::Runs => {}
            }
        }
        Some(unsure)
    }

    /// Whether the program takes the branch `b` of an `if` chain; `None` when only running it
    /// tells.
    pub(in crate::import::python) fn taken(&mut self, b: usize) -> Option<bool> {
        if self.decided.len() < self.blocks.len() {
            self.decided.resize(self.blocks.len(), None);
        }
        if let Some(Some(known)) = self.decided.get(b) {
            return *known;
        }
        self.decided[b] = Some(None);
        let block = self.blocks[b].clone();
        let known = match block.kind {
            BlockKind::If => self.condition(block.header + 1),
            BlockKind::Elif => match self.any_taken(block.prev) {
                Some(true) => Some(false),
                Some(false) => self.condition(block.header + 1),
                None => None,
            },
            BlockKind::Else => self.any_taken(block.prev).map(|any| !any),
            _ => None,
        };
        self.decided[b] = Some(known);
        known
    }

    /// Whether the branch `p` or one before it in its chain is taken.
    pub(in crate::import::python) fn any_taken(&mut self, p: Option<usize>) -> Option<bool> {
        let Some(p) = p else {
            return Some(false);
        };
        match self.taken(p) {
            Some(true) => Some(true),
            Some(false) => self.any_taken(self.blocks[p].prev),
            None => None,
        }
    }

    /// Python's truth of the condition whose first token is `at`; `None` when it holds a
    /// value known only when the program runs.
    pub(in crate::import::python) fn condition(&mut self, at: usize) -> Option<bool> {
        let mark = self.holes.len();
        let notes = self.notes.len();
        let path = std::mem::take(&mut self.path);
        let mut i = at;
        let read = self.value(&mut i);
        let known = !self.holed(mark);
        self.holes.truncate(mark);
        self.notes.truncate(notes);
        self.path = path;
        match read {
            Ok(node) if known => eval::truthy(&node.value),
            _ => None,
        }
    }

    /// The value of the parameter `name` (the `index`th) of the function `def`, used at
    /// `span`: the argument the program's first call of it gives, else its default, else a
    /// hole naming the function.
    pub(in crate::import::python) fn parameter(
        &mut self,
        name: &str,
        def: usize,
        index: usize,
        span: Span,
    ) -> Result<Node, ImportError> {
        let block = self.blocks[def].clone();
        let function = block.name.map_or("", |n| self.t.text_of(n));
        let calls = flow::calls(self.t, function, false);
        let count = calls.len();
        if let Some(call) = calls.into_iter().find(|&k| !block.holds(k)) {
            if let Some(arg) = flow::argument(self.t, call + 1, index, name) {
                self.note_call(function, call, count);
                let mark = self.holes.len();
                let mut j = arg;
                let mut node = self.value(&mut j)?;
                self.name_hole(mark, &mut node, name, self.t.at(arg));
                return Ok(node);
            }
        }
        if let Some(default) = block.params[index].1 {
            let mut j = default;
            return self.value(&mut j);
        }
        Ok(self.hole_at(span, name.to_string(), Why::Parameter(function.to_string())))
    }

    /// Says, once, that the parameters of `function` are read from its call at token `call`.
    pub(in crate::import::python) fn note_call(
        &mut self,
        function: &str,
        call: usize,
        count: usize,
    ) {
        let span = self.span_of(call, call + 1);
        if self.notes.iter().any(|n| n.span == Some(span)) {
            return;
        }
        let of = if count > 1 {
            format!(", the first of its {count} calls")
        } else {
            String::new()
        };
        let message = format!(
            "the parameters of {function}() are read from its call {}{of}",
            self.t.place(span.start)
        );
        self.notes.push(crate::import::finding(
            Severity::Warning,
            "call-arguments",
            String::new(),
            message,
            span,
        ));
    }

    /// A short account of a hole, for the message of a hole worked out from it.
    pub(in crate::import::python) fn because(&self, p: &Pending) -> Option<String> {
        let name = &p.expr;
        Some(match (&p.why, &p.name) {
            (Why::Runs, Some((n, at))) => {
                format!("{n} is set to {} {}", p.expr, self.t.place(*at))
            }
            (Why::Runs, None) => return None,
            (Why::Condition(c, at), _) => {
                format!(
                    "{name} depends on the condition \"{c}\" {}",
                    self.t.place(*at)
                )
            }
            (Why::Loop(h, at), _) => format!("{name} is set in \"{h}\" {}", self.t.place(*at)),
            (Why::Parameter(f), _) => format!("{name} is a parameter of {f}()"),
            (Why::Unset, _) => format!("{name} is not set before it is used"),
            (Why::Bound(statement, at), _) => {
                format!("{name} is set by \"{statement}\" {}", self.t.place(*at))
            }
            (Why::Because(list), _) => list.join("; "),
            (Why::Sdk(what), _) => format!("{name} is {what}"),
        })
    }

    /// The holes found, as `runtime-value` errors (see `crate::import::hole`).
    pub(in crate::import::python) fn hole_diagnostics(&self) -> Vec<Diagnostic> {
        self.holes
            .iter()
            .map(|p| {
                let used = self.t.place(p.used);
                let m = &p.marker;
                let message = match (&p.why, &p.name) {
                    (Why::Runs, Some((n, at))) => format!(
                        "{m}: fill in the value of {n}, which the program sets to {} when it runs (set {}, used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Runs, None) => format!(
                        "{m}: fill in the value of {}, which is worked out when the program runs ({})",
                        p.expr,
                        self.t.place(p.span.start)
                    ),
                    (Why::Condition(c, at), _) => format!(
                        "{m}: fill in the value of {}, which depends on the condition \"{c}\" {}, known only when the program runs (used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Loop(h, at), _) => format!(
                        "{m}: fill in the value of {}, which is set in \"{h}\" {}, known only when the program runs (used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Parameter(f), _) => format!(
                        "{m}: fill in the value of {}, a parameter of {f}() that no call in this program gives (used {used})",
                        p.expr
                    ),
                    (Why::Unset, _) => format!(
                        "{m}: fill in the value of {}, which this program does not set before it is used {used}",
                        p.expr
                    ),
                    (Why::Bound(statement, at), _) => format!(
                        "{m}: fill in the value of {}, which is set by \"{statement}\" {}, known only when the program runs (used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Because(list), _) => format!(
                        "{m}: fill in the value of {}, which is worked out when the program runs: {} (used {used})",
                        p.expr,
                        list.join("; ")
                    ),
                    (Why::Sdk(what), _) => format!(
                        "{m}: fill in the value of {}, which the SageMaker Python SDK works out when the program runs: {what} (used {used})",
                        p.expr
                    ),
                };
                crate::import::hole(p.path.clone(), message, p.span)
            })
            .collect()
    }

    /// Whether the token at `k` starts a change in place of the variable `name`: a changing
    /// method, an assignment to an item, an augmented assignment or `del`.
    pub(in crate::import::python) fn changes(&self, k: usize, name: &str) -> bool {
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
