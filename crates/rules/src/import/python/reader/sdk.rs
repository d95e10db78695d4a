//! The SageMaker Python SDK's `AutoML` class (`sagemaker>=2.200,<3`, the API public example
//! notebooks use): `automl = AutoML(role=…, target_attribute_name=…, …)` then
//! `automl.fit(inputs, job_name=…)`, read as the `CreateAutoMLJob` request the SDK sends.
//!
//! The truth is the SDK's own code, followed step by step (the tests run the real SDK and
//! compare): `AutoML.__init__` and `AutoML.fit` (sagemaker/automl/automl.py) keep the
//! arguments and, when `fit` runs, `AutoML._prepare_for_auto_ml_job` names the job and the
//! output path; `AutoMLJob._load_config` and `_format_inputs_to_input_config` build the
//! channels (`AutoMLInput.to_request_dict`, or `_Job._format_string_uri_input`'s
//! `TrainingInput` in sagemaker/job.py and sagemaker/inputs.py), the output, the job config
//! and the model deploy config; `Session.auto_ml` and `Session._get_auto_ml_request`
//! (sagemaker/session.py) put them in the request. What the SDK fills in when the program
//! runs (a job name from a timestamp, the session's default bucket, a local file uploaded, a
//! role name turned into its ARN by IAM) is a hole naming it ([`Why::Sdk`]). What the
//! SageMaker config file (`sagemaker.config`) or a SageMaker Studio project may add is not
//! read: it is not in the program.
//!
//! An argument the SDK does not have, `*`/`**` arguments, and what makes the SDK raise are
//! located findings; nothing is dropped silently. `AutoMLV2` is not read (see
//! `super::super::sdk_program`).

use super::*;

/// `AutoML.__init__`'s parameters, in order (sagemaker/automl/automl.py).
const AUTOML: [&str; 25] = [
    "role",
    "target_attribute_name",
    "output_kms_key",
    "output_path",
    "base_job_name",
    "compression_type",
    "sagemaker_session",
    "volume_kms_key",
    "encrypt_inter_container_traffic",
    "vpc_config",
    "problem_type",
    "max_candidates",
    "max_runtime_per_training_job_in_seconds",
    "total_job_runtime_in_seconds",
    "job_objective",
    "generate_candidate_definitions_only",
    "tags",
    "content_type",
    "s3_data_type",
    "feature_specification_s3_uri",
    "validation_fraction",
    "mode",
    "auto_generate_endpoint_name",
    "endpoint_name",
    "sample_weight_attribute_name",
];

/// `AutoML.fit`'s parameters, in order.
const FIT: [&str; 4] = ["inputs", "wait", "logs", "job_name"];

/// `AutoMLInput.__init__`'s parameters, in order.
const AUTOML_INPUT: [&str; 7] = [
    "inputs",
    "target_attribute_name",
    "compression",
    "channel_type",
    "content_type",
    "s3_data_type",
    "sample_weight_attribute_name",
];

/// `AutoML`'s arguments that shape the channels only when `fit` is given S3 URIs: an
/// `AutoMLInput` carries its own.
const CHANNEL_SETTINGS: [&str; 5] = [
    "target_attribute_name",
    "compression_type",
    "content_type",
    "s3_data_type",
    "sample_weight_attribute_name",
];

/// An argument bound to its parameter: (parameter, token of the value, byte offset of the
/// keyword, or of the value when given by position).
type Arg = (&'static str, usize, usize);

fn get(args: &[Arg], name: &str) -> Option<Arg> {
    args.iter().copied().find(|a| a.0 == name)
}

fn member(key: &str, value: Node) -> Member {
    Member {
        key: key.to_string(),
        key_span: value.span,
        value,
    }
}

fn object(members: Vec<Member>, span: Span) -> Node {
    Node {
        value: Value::Object(members),
        span,
    }
}

fn string(s: &str, span: Span) -> Node {
    Node {
        value: Value::String(s.to_string()),
        span,
    }
}

/// A JSON Pointer's tokens.
fn path(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

/// Where the S3 URI of channel `index` goes.
fn uri_path(index: usize) -> String {
    format!("/InputDataConfig/{index}/DataSource/S3DataSource/S3Uri")
}

impl Reader<'_, '_> {
    /// Whether the token at `i` ends an expression: the end, a new statement, `,` or a
    /// closing bracket.
    pub(super) fn ends_expression(&self, i: usize) -> bool {
        let t = self.t;
        t.kind(i) == Kind::End
            || t.list[i.min(t.list.len() - 1)].statement
            || (t.kind(i) == Kind::Op && matches!(t.text_of(i), "," | ")" | "]" | "}"))
    }

    /// The `(` of the call of `class` when the expression at `at` is that call and nothing
    /// more (`AutoML(…)`, `sagemaker.AutoML(…)`, `sagemaker.automl.automl.AutoML(…)`).
    fn constructor(&self, at: usize, class: &str) -> Option<usize> {
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
    pub(super) fn opening(&self, close: usize) -> Option<usize> {
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
    fn sdk_finding(
        &mut self,
        severity: Severity,
        code: &'static str,
        pointer: &str,
        at: usize,
        message: String,
    ) {
        let span = self.span_of(at, at + 1);
        self.notes.push(Diagnostic {
            severity,
            code,
            path: pointer.to_string(),
            message,
            service_message: None,
            cli_message: None,
            span: Some(span),
            service_clause: None,
            related: Vec::new(),
        });
    }

    /// The arguments of the call of `function` whose `(` is at `open`, bound to `params` as
    /// Python binds them; what Python would refuse (Python's TypeError), and `*`/`**`
    /// arguments, which import does not spread, are errors at their place.
    fn sdk_args(&mut self, open: usize, function: &str, params: &[&'static str]) -> Vec<Arg> {
        let t = self.t;
        let close = t.after_brackets(open).saturating_sub(1);
        let mut j = open + 1;
        let mut position = 0;
        let mut out: Vec<Arg> = Vec::new();
        while j < close {
            let start = j;
            j = t.argument_end(j).min(close);
            if t.is_op(start, "*") || t.is_op(start, "**") {
                self.sdk_finding(
                    Severity::Error,
                    "sdk-argument",
                    "",
                    start,
                    format!(
                        "import reads the arguments of {function}(…) written out one by one, not spread with {}: write each as name=value",
                        t.text_of(start)
                    ),
                );
            } else if t.kind(start) == Kind::Name && t.is_op(start + 1, "=") {
                let name = t.text_of(start);
                match params.iter().find(|p| **p == name) {
                    Some(p) if out.iter().any(|a| a.0 == *p) => self.sdk_finding(
                        Severity::Error,
                        "sdk-argument",
                        "",
                        start,
                        format!("{function}() is given {name} twice (Python's TypeError): give it once"),
                    ),
                    Some(p) => out.push((p, start + 2, t.at(start))),
                    None => self.sdk_finding(
                        Severity::Error,
                        "sdk-argument",
                        "",
                        start,
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
                self.sdk_finding(
                    Severity::Error,
                    "sdk-argument",
                    "",
                    start,
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
    fn arg_text(&self, arg: Arg) -> String {
        let end = self.t.argument_end(arg.1);
        let span = self.span_of(arg.1, end);
        one_line(&self.t.text[span.start..span.end])
    }

    /// The value of `arg` read as the member at `pointer` (so its holes are placed there),
    /// and whether it holds a hole; `None` when it is not given or written `None`.
    fn sdk_read(
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
    fn sdk_read_if_true(
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
    fn sdk_hole(
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
    fn repath(&mut self, mark: usize, from: &str, to: &str) {
        let mark = mark.min(self.holes.len());
        for h in &mut self.holes[mark..] {
            if h.path == from
                || (h.path.starts_with(from) && h.path.as_bytes().get(from.len()) == Some(&b'/'))
            {
                h.path = format!("{to}{}", &h.path[from.len()..]);
            }
        }
    }

    /// The S3 URIs of an `inputs` argument (one string, or a list of them), each as the
    /// `S3Uri` of channel `first`, `first + 1`, …, and whether it was a list.
    fn sdk_uris(
        &mut self,
        arg: Option<Arg>,
        first: usize,
    ) -> Result<Option<(Vec<Node>, bool)>, ImportError> {
        let mark = self.holes.len();
        let Some((node, _)) = self.sdk_read(arg, &path(&["InputDataConfig", "*"]))? else {
            return Ok(None);
        };
        match node.value {
            Value::Array(items) => {
                for i in 0..items.len() {
                    self.repath(
                        mark,
                        &format!("/InputDataConfig/*/{i}"),
                        &uri_path(first + i),
                    );
                }
                Ok(Some((items, true)))
            }
            _ => {
                self.repath(mark, "/InputDataConfig/*", &uri_path(first));
                Ok(Some((vec![node], false)))
            }
        }
    }

    /// The `(` of each `AutoMLInput(…)` the expression at `at` is: one call, a name set to
    /// one, or a list of them; `None` for anything else.
    fn sdk_input_calls(
        &mut self,
        at: usize,
        depth: usize,
        budget: &mut usize,
    ) -> Option<Vec<usize>> {
        let t = self.t;
        // Names of lists of names could multiply the work at each step: a request has at
        // most two channels, so a few hundred looks are plenty.
        *budget = budget.checked_sub(1)?;
        if depth > 8 {
            return None;
        }
        if let Some(open) = self.constructor(at, "AutoMLInput") {
            return Some(vec![open]);
        }
        if t.is_op(at, "[") {
            let end = t.after_brackets(at);
            if !self.ends_expression(end) {
                return None;
            }
            let close = end - 1;
            let mut j = at + 1;
            let mut out = Vec::new();
            while j < close {
                let start = j;
                j = t.argument_end(j).min(close);
                out.extend(self.sdk_input_calls(start, depth + 1, budget)?);
                if t.is_op(j, ",") || j == start {
                    j += 1;
                }
            }
            return (!out.is_empty()).then_some(out);
        }
        if t.kind(at) == Kind::Name && self.ends_expression(at + 1) {
            if let Binding::Value(v) = self.binding(t.text_of(at), at) {
                return self.sdk_input_calls(v, depth + 1, budget);
            }
        }
        None
    }

    /// The optional members of a channel, from `(parameter, member)` pairs of `args`, each
    /// given when it is not `None` (`if self.compression is not None:`).
    fn sdk_channel_options(
        &mut self,
        args: &[Arg],
        index: usize,
        pairs: &[(&str, &str)],
        channel: &mut Vec<Member>,
    ) -> Result<(), ImportError> {
        let at = index.to_string();
        for (param, key) in pairs {
            let pointer = path(&["InputDataConfig", &at, key]);
            if let Some((node, _)) = self.sdk_read(get(args, param), &pointer)? {
                channel.push(member(key, node));
            }
        }
        Ok(())
    }

    /// A channel's `DataSource`.
    fn sdk_data_source(
        &mut self,
        data_type: Option<Arg>,
        index: usize,
        uri: Node,
        span: Span,
    ) -> Result<Node, ImportError> {
        let at = index.to_string();
        let pointer = path(&[
            "InputDataConfig",
            &at,
            "DataSource",
            "S3DataSource",
            "S3DataType",
        ]);
        let data_type = match self.sdk_read(data_type, &pointer)? {
            Some((node, _)) => node,
            None => string("S3Prefix", span),
        };
        let s3 = object(
            vec![member("S3DataType", data_type), member("S3Uri", uri)],
            span,
        );
        Ok(object(vec![member("S3DataSource", s3)], span))
    }

    /// The channels of `AutoMLInput(…)` calls (`AutoMLInput.to_request_dict`): one per URI
    /// of each, every one with its `TargetAttributeName`.
    fn sdk_input_channels(&mut self, calls: &[usize]) -> Result<Vec<Node>, ImportError> {
        let mut channels = Vec::new();
        for &open in calls {
            let args = self.sdk_args(open, "AutoMLInput", &AUTOML_INPUT);
            let span = self.span_of(open - 1, self.t.after_brackets(open));
            if get(&args, "inputs").is_none() || get(&args, "target_attribute_name").is_none() {
                self.sdk_finding(
                    Severity::Error,
                    "sdk-argument",
                    "/InputDataConfig",
                    open - 1,
                    "AutoMLInput() needs inputs and target_attribute_name (Python's TypeError): give both".to_string(),
                );
            }
            let first = channels.len();
            let Some((uris, _)) = self.sdk_uris(get(&args, "inputs"), first)? else {
                continue;
            };
            for (i, uri) in uris.into_iter().enumerate() {
                let index = first + i;
                let at = index.to_string();
                let source = self.sdk_data_source(get(&args, "s3_data_type"), index, uri, span)?;
                let mut channel = vec![member("DataSource", source)];
                // Given even when it is None (to_request_dict).
                let pointer = path(&["InputDataConfig", &at, "TargetAttributeName"]);
                let target = match self.sdk_read(get(&args, "target_attribute_name"), &pointer)? {
                    Some((node, _)) => node,
                    None => Node {
                        value: Value::Null,
                        span,
                    },
                };
                channel.push(member("TargetAttributeName", target));
                self.sdk_channel_options(
                    &args,
                    index,
                    &[
                        ("compression", "CompressionType"),
                        ("channel_type", "ChannelType"),
                        ("content_type", "ContentType"),
                        ("sample_weight_attribute_name", "SampleWeightAttributeName"),
                    ],
                    &mut channel,
                )?;
                channels.push(object(channel, span));
            }
        }
        Ok(channels)
    }

    /// The channels of S3 URIs given to `fit` (`_format_inputs_to_input_config`: a
    /// `TrainingInput` each, with `AutoML`'s channel settings); one local path is uploaded
    /// first (`AutoML.fit`), a hole naming the upload.
    fn sdk_uri_channels(
        &mut self,
        inputs: Arg,
        ctor: &[Arg],
        session: &str,
        span: Span,
    ) -> Result<Vec<Node>, ImportError> {
        let mark = self.holes.len();
        let Some((uris, list)) = self.sdk_uris(Some(inputs), 0)? else {
            return Ok(Vec::new());
        };
        let mut channels = Vec::new();
        for (index, mut uri) in uris.into_iter().enumerate() {
            let at = index.to_string();
            let local = match &uri.value {
                Value::String(s) => !self.holds_hole(&uri, mark) && !s.starts_with("s3://"),
                _ => false,
            };
            if local && !list {
                let what = "fit() is given a local path, which the SDK uploads to S3 before it sends the request (AutoML.fit, sagemaker/automl/automl.py): to s3://<the session's default bucket>/auto-ml-input-data/<the file's name>, or …/auto-ml-input-data for a folder".to_string();
                let expr = format!(
                    "{session}.upload_data({}, key_prefix=\"auto-ml-input-data\")",
                    self.arg_text(inputs)
                );
                let pointer = path(&[
                    "InputDataConfig",
                    "0",
                    "DataSource",
                    "S3DataSource",
                    "S3Uri",
                ]);
                uri = self.sdk_hole(&pointer, inputs.2, uri.span, expr, what);
            } else if local {
                self.sdk_finding(
                    Severity::Error,
                    "sdk-error",
                    &uri_path(index),
                    inputs.1,
                    format!(
                        "fit() is given a list whose item {index} is not an s3:// URI: the SDK uploads a local path only when inputs is one string, and raises ValueError here"
                    ),
                );
            }
            let source = self.sdk_data_source(get(ctor, "s3_data_type"), index, uri, span)?;
            let mut channel = vec![member("DataSource", source)];
            let pointer = path(&["InputDataConfig", &at, "TargetAttributeName"]);
            let target = self.sdk_read(get(ctor, "target_attribute_name"), &pointer)?;
            match &target {
                // Said once, at the first channel.
                None if index > 0 => {}
                None => self.sdk_finding(
                    Severity::Warning,
                    "sdk-error",
                    &format!("/InputDataConfig/{index}/TargetAttributeName"),
                    inputs.1,
                    "AutoML(…) is given no target_attribute_name: with S3 URIs given to fit(), the SDK fails (KeyError 'TargetAttributeName') before it sends the request".to_string(),
                ),
                // TrainingInput (sagemaker/inputs.py) names a distribution when the target
                // is false.
                Some((node, false)) if eval::truthy(&node.value) == Some(false) => {
                    if let Value::Object(members) = &mut channel[0].value.value {
                        if let Value::Object(s3) = &mut members[0].value.value {
                            s3.push(member("S3DataDistributionType", string("FullyReplicated", span)));
                        }
                    }
                }
                Some(_) => {}
            }
            let compression = path(&["InputDataConfig", &at, "CompressionType"]);
            if let Some((node, _)) = self.sdk_read(get(ctor, "compression_type"), &compression)? {
                channel.push(member("CompressionType", node));
            }
            if let Some((node, _)) = target {
                channel.push(member("TargetAttributeName", node));
            }
            self.sdk_channel_options(
                ctor,
                index,
                &[
                    ("content_type", "ContentType"),
                    ("sample_weight_attribute_name", "SampleWeightAttributeName"),
                ],
                &mut channel,
            )?;
            channels.push(object(channel, span));
        }
        Ok(channels)
    }

    /// The request `AutoML(…)` (its `(` at `ctor`) sends when `.fit(…)` (its name at `fit`)
    /// runs, in the order of `Session._get_auto_ml_request`. The SDK's own arguments that run
    /// the job (`sagemaker_session`, `wait`, `logs`) go in `left_out`.
    pub(in crate::import::python) fn sdk_request(
        &mut self,
        ctor: usize,
        fit: usize,
        left_out: &mut Vec<String>,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        self.call_at = t.at(fit);
        let fit_end = t.after_brackets(fit + 1);
        let span = self.span_of(fit, fit_end);
        let at = t.at(fit);
        let made = self.span_of(ctor - 1, t.after_brackets(ctor));
        let args = self.sdk_args(ctor, "AutoML", &AUTOML);
        let fit_args = self.sdk_args(fit + 1, "fit", &FIT);
        for (function, list, names) in [
            ("AutoML", &args, &["sagemaker_session"][..]),
            ("fit", &fit_args, &["wait", "logs"][..]),
        ] {
            for name in names {
                if let Some(a) = get(list, name) {
                    let note = format!("{function}({name}={})", self.arg_text(a));
                    if !left_out.contains(&note) {
                        left_out.push(note);
                    }
                }
            }
        }
        let session = match get(&args, "sagemaker_session") {
            Some(a) => self.arg_text(a),
            None => "sagemaker.Session()".to_string(),
        };
        let mut request: Vec<Member> = Vec::new();

        // AutoMLJobName: fit's job_name, else name_from_base(base_job_name or "automl",
        // max_length=32) (AutoML._prepare_for_auto_ml_job; sagemaker/utils.py).
        let name_path = path(&["AutoMLJobName"]);
        let name = match self.sdk_read(get(&fit_args, "job_name"), &name_path)? {
            Some((node, _)) => node,
            None => {
                let mark = self.holes.len();
                let base = self.sdk_read(get(&args, "base_job_name"), &name_path)?;
                let stamp = "the time as %Y-%m-%d-%H-%M-%S-<milliseconds> (sagemaker_timestamp, sagemaker/utils.py)";
                // `if self.base_job_name:` … `else: base_name = "automl"`.
                let written = match &base {
                    None => Some("automl".to_string()),
                    Some((node, false)) => match node.as_str() {
                        Some("") => Some("automl".to_string()),
                        other => other.map(str::to_string),
                    },
                    Some((_, true)) => None,
                };
                match written {
                    Some(b) => {
                        let cut: String = b.chars().take(8).collect();
                        let what = format!("fit() is given no job_name, so the SDK names the job name_from_base(\"{b}\", max_length=32): \"{cut}-\" and {stamp}");
                        let hole = self.sdk_hole(
                            &name_path,
                            at,
                            span,
                            "sagemaker_timestamp()".to_string(),
                            what,
                        );
                        let marker = hole.as_str().unwrap_or_default().to_string();
                        string(&format!("{cut}-{marker}"), span)
                    }
                    None => {
                        self.holes.truncate(mark);
                        let base_text = get(&args, "base_job_name")
                            .map_or_else(|| "\"automl\"".to_string(), |a| self.arg_text(a));
                        let what = format!("fit() is given no job_name, so the SDK names the job from base_job_name: its first 8 characters, '-' and {stamp}");
                        self.sdk_hole(
                            &name_path,
                            at,
                            span,
                            format!("name_from_base({base_text}, max_length=32)"),
                            what,
                        )
                    }
                }
            }
        };
        request.push(member("AutoMLJobName", name));

        // InputDataConfig (AutoMLJob._load_config).
        if let Some(inputs) = get(&fit_args, "inputs") {
            let channels = match self.sdk_input_calls(inputs.1, 0, &mut 500) {
                Some(calls) => {
                    for name in CHANNEL_SETTINGS {
                        if let Some(a) = get(&args, name) {
                            self.sdk_finding(
                                Severity::Warning,
                                "sdk-unused",
                                "",
                                a.1.saturating_sub(2).max(ctor),
                                format!("AutoML(…)'s {name} is not used: fit() is given AutoMLInput channels, which carry their own (AutoMLJob._load_config)"),
                            );
                        }
                    }
                    self.sdk_input_channels(&calls)?
                }
                None => self.sdk_uri_channels(inputs, &args, &session, span)?,
            };
            if !channels.is_empty() {
                request.push(member(
                    "InputDataConfig",
                    Node {
                        value: Value::Array(channels),
                        span,
                    },
                ));
            }
        }

        // OutputDataConfig (_Job._prepare_output_config): output_path, else
        // s3_path_join("s3://", default_bucket(), default_bucket_prefix, with_end_slash=True).
        let out_path = path(&["OutputDataConfig", "S3OutputPath"]);
        let output = match self.sdk_read(get(&args, "output_path"), &out_path)? {
            Some((node, _)) => node,
            None => {
                let what = "AutoML(…) is given no output_path, so the SDK writes to s3://<the session's default bucket>/ (AutoML._prepare_for_auto_ml_job; with the session's default_bucket_prefix after the bucket when the SageMaker config sets one)".to_string();
                let hole = self.sdk_hole(
                    &out_path,
                    at,
                    span,
                    format!("{session}.default_bucket()"),
                    what,
                );
                let marker = hole.as_str().unwrap_or_default().to_string();
                string(&format!("s3://{marker}/"), span)
            }
        };
        let mut output = vec![member("S3OutputPath", output)];
        let kms = path(&["OutputDataConfig", "KmsKeyId"]);
        if let Some((node, _)) = self.sdk_read(get(&args, "output_kms_key"), &kms)? {
            output.push(member("KmsKeyId", node));
        }
        request.push(member("OutputDataConfig", object(output, span)));

        // AutoMLJobConfig (AutoMLJob._load_config, _prepare_auto_ml_stop_condition).
        let mut criteria = Vec::new();
        for (param, key) in [
            ("max_candidates", "MaxCandidates"),
            (
                "max_runtime_per_training_job_in_seconds",
                "MaxRuntimePerTrainingJobInSeconds",
            ),
            (
                "total_job_runtime_in_seconds",
                "MaxAutoMLJobRuntimeInSeconds",
            ),
        ] {
            let pointer = path(&["AutoMLJobConfig", "CompletionCriteria", key]);
            if let Some((node, _)) = self.sdk_read(get(&args, param), &pointer)? {
                criteria.push(member(key, node));
            }
        }
        let mut config = vec![member("CompletionCriteria", object(criteria, span))];
        let pointer = path(&[
            "AutoMLJobConfig",
            "SecurityConfig",
            "EnableInterContainerTrafficEncryption",
        ]);
        // resolve_value_from_config(…, default_value=False).
        let encrypt =
            match self.sdk_read(get(&args, "encrypt_inter_container_traffic"), &pointer)? {
                Some((node, _)) => node,
                None => Node {
                    value: Value::Bool(false),
                    span: made,
                },
            };
        let mut security = vec![member("EnableInterContainerTrafficEncryption", encrypt)];
        for (param, key) in [
            ("volume_kms_key", "VolumeKmsKeyId"),
            ("vpc_config", "VpcConfig"),
        ] {
            let pointer = path(&["AutoMLJobConfig", "SecurityConfig", key]);
            if let Some(node) = self.sdk_read_if_true(get(&args, param), &pointer)? {
                security.push(member(key, node));
            }
        }
        config.push(member("SecurityConfig", object(security, span)));
        let pointer = path(&[
            "AutoMLJobConfig",
            "CandidateGenerationConfig",
            "FeatureSpecificationS3Uri",
        ]);
        if let Some(node) =
            self.sdk_read_if_true(get(&args, "feature_specification_s3_uri"), &pointer)?
        {
            config.push(member(
                "CandidateGenerationConfig",
                object(vec![member("FeatureSpecificationS3Uri", node)], span),
            ));
        }
        let pointer = path(&["AutoMLJobConfig", "DataSplitConfig", "ValidationFraction"]);
        if let Some(node) = self.sdk_read_if_true(get(&args, "validation_fraction"), &pointer)? {
            config.push(member(
                "DataSplitConfig",
                object(vec![member("ValidationFraction", node)], span),
            ));
        }
        if let Some(node) =
            self.sdk_read_if_true(get(&args, "mode"), &path(&["AutoMLJobConfig", "Mode"]))?
        {
            config.push(member("Mode", node));
        }
        request.push(member("AutoMLJobConfig", object(config, span)));

        // RoleArn: Session.expand_role keeps an ARN (a role with '/') and asks IAM for the
        // ARN of a role name.
        let role_path = path(&["RoleArn"]);
        match self.sdk_read(get(&args, "role"), &role_path)? {
            Some((node, holed)) => {
                let name_only = !holed && node.as_str().is_some_and(|r| !r.contains('/'));
                let node = if name_only {
                    let role = get(&args, "role").map(|a| self.arg_text(a)).unwrap_or_default();
                    let what = "the SDK turns a role name into its ARN by asking IAM (Session.expand_role, sagemaker/session.py)".to_string();
                    let key = get(&args, "role").map_or(at, |a| a.2);
                    self.sdk_hole(&role_path, key, node.span, format!("{session}.expand_role({role})"), what)
                } else {
                    node
                };
                request.push(member("RoleArn", node));
            }
            None => self.sdk_finding(
                Severity::Warning,
                "sdk-error",
                "/RoleArn",
                ctor - 1,
                "AutoML(…) is given no role: the SDK raises ValueError (\"An AWS IAM role is required to create an AutoML job.\") unless the SageMaker config file sets one".to_string(),
            ),
        }

        // GenerateCandidateDefinitionsOnly: always sent, False by default.
        let only = match get(&args, "generate_candidate_definitions_only") {
            Some(a) => {
                let (mut i, key) = (a.1, a.2);
                self.path
                    .push(("GenerateCandidateDefinitionsOnly".to_string(), key));
                let read = self.value(&mut i);
                self.path.pop();
                read?
            }
            None => Node {
                value: Value::Bool(false),
                span: made,
            },
        };
        request.push(member("GenerateCandidateDefinitionsOnly", only));

        // ModelDeployConfig (AutoMLJob._load_config).
        let mut deploy = Vec::new();
        let pointer = path(&["ModelDeployConfig", "AutoGenerateEndpointName"]);
        let auto = self.sdk_read(get(&args, "auto_generate_endpoint_name"), &pointer)?;
        let auto_true =
            matches!(&auto, Some((node, false)) if eval::truthy(&node.value) == Some(true));
        if let Some((node, _)) = auto {
            deploy.push(member("AutoGenerateEndpointName", node));
        }
        if !auto_true {
            let pointer = path(&["ModelDeployConfig", "EndpointName"]);
            if let Some((node, _)) = self.sdk_read(get(&args, "endpoint_name"), &pointer)? {
                deploy.push(member("EndpointName", node));
            }
        }
        if !deploy.is_empty() {
            request.push(member("ModelDeployConfig", object(deploy, span)));
        }

        // AutoMLJobObjective and ProblemType, each when not None; AutoML.__init__ raises
        // ValueError when only one of them is true (_check_problem_type_and_job_objective).
        let objective =
            self.sdk_read(get(&args, "job_objective"), &path(&["AutoMLJobObjective"]))?;
        let problem = self.sdk_read(get(&args, "problem_type"), &path(&["ProblemType"]))?;
        let truth = |x: &Option<(Node, bool)>| match x {
            None => Some(false),
            Some((_, true)) => None,
            Some((node, false)) => eval::truthy(&node.value),
        };
        if let (Some(a), Some(b)) = (truth(&objective), truth(&problem)) {
            if a != b {
                self.sdk_finding(
                    Severity::Error,
                    "sdk-error",
                    "",
                    ctor - 1,
                    "AutoML(…) raises ValueError: problem_type and job_objective go together (\"Either both of them should be provided or none of them should be provided.\"): give both or neither".to_string(),
                );
            }
        }
        if let Some((node, _)) = objective {
            request.push(member("AutoMLJobObjective", node));
        }
        if let Some((node, _)) = problem {
            request.push(member("ProblemType", node));
        }

        // Tags (format_tags, sagemaker/utils.py): a dict becomes Key/Value pairs, its values
        // as str() writes them.
        let mark = self.holes.len();
        if let Some((node, _)) = self.sdk_read(get(&args, "tags"), &path(&["Tags"]))? {
            let node = match node.value {
                Value::Object(members) => {
                    let mut tags = Vec::new();
                    for (i, m) in members.into_iter().enumerate() {
                        let from = format!("/Tags/{}", escape_pointer_token(&m.key));
                        self.repath(mark, &from, &format!("/Tags/{i}/Value"));
                        let value = match &m.value.value {
                            Value::String(_) => m.value.clone(),
                            other => match eval::py_str(other) {
                                Some(s) => string(&s, m.value.span),
                                None => m.value.clone(),
                            },
                        };
                        let key_node = string(&m.key, m.key_span);
                        tags.push(object(
                            vec![member("Key", key_node), member("Value", value)],
                            m.key_span,
                        ));
                    }
                    Node {
                        value: Value::Array(tags),
                        span: node.span,
                    }
                }
                _ => node,
            };
            request.push(member("Tags", node));
        }
        Ok(object(request, span))
    }
}
