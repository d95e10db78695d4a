//! The channels `fit` sends: S3 URIs (`_format_inputs_to_input_config`, `_Job._format_string_uri_input`)
//! or `AutoMLInput` objects (`AutoMLInput.to_request_dict`), with the settings each takes from `AutoML`.

use super::*;

impl Reader<'_, '_> {
    /// The S3 URIs of an `inputs` argument (one string, or a list of them), each as the
    /// `S3Uri` of channel `first`, `first + 1`, …, and whether it was a list.
    pub(super) fn sdk_uris(
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
    pub(super) fn sdk_input_calls(
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
    pub(super) fn sdk_channel_options(
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
    pub(super) fn sdk_data_source(
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
    pub(super) fn sdk_input_channels(&mut self, calls: &[usize]) -> Result<Vec<Node>, ImportError> {
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
    pub(super) fn sdk_uri_channels(
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
}
