//! The page's "Check my data" panel runs the data preflight (`automl-preflight`) here, in a
//! Web Worker, so the form stays responsive while a file of any size is read.
//!
//! - [`Input`] and [`Output`]: the messages between the page and the worker. The page reads
//!   the chosen `File` in slices and sends each as a [`Input::Chunk`]; the worker answers
//!   each with [`Output::Progress`] (the page keeps at most a few chunks in flight), and the
//!   end of a file with the whole [`ReportView`] of every channel read so far.
//! - [`Session`]: what the worker does with each message, plain Rust tested natively.
//! - [`PreflightWorker`]: the `gloo-worker` shell around a [`Session`]; `src/main.rs`
//!   registers it, and Trunk builds that binary from `index.html`'s
//!   `<link data-trunk rel="rust" data-type="worker">` into `preflight-worker.js` and
//!   `preflight-worker_bg.wasm`, which the page loads only when the panel is first used.
//! - [`Postcard`]: messages cross as `postcard` bytes, a chunk's as one block
//!   (`serde_bytes`). Not gloo-worker's default, bincode, nor `serde-wasm-bindgen`: their
//!   errors write serde's `Unexpected`, which links float formatting into the page (the size
//!   gate keeps it out); postcard's errors carry no text.

use automl_preflight::{ChannelCheck, ChannelResult, Plan, Preflight, Report};
use gloo_worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// The worker's files, relative to the page (Trunk does not hash a worker's file names): the
/// loader shim (`data-loader-shim`) imports `preflight-worker.js`, which fetches
/// `preflight-worker_bg.wasm`.
pub const LOADER: &str = "./preflight-worker_loader.js";

/// Classes of the target listed one by one in [`TargetView`]; the rest are summed.
pub const MAX_CLASSES: usize = 12;

/// Columns listed one by one in [`ChannelView`]; the rest are counted.
pub const MAX_COLUMNS: usize = 200;

/// What the page sends. `run` numbers one file's reading: messages of a run the page has
/// given up (cancelled, or replaced by another file) are ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// Starts reading a file for the `slot`-th channel (training channels first, then
    /// validation: `automl_preflight::Plan::channels`) of `request` (a `CreateAutoMLJob`
    /// body as JSON text). Results of other channels are kept while the request is the same.
    Start {
        run: u32,
        request: String,
        slot: usize,
        file: String,
        size: u64,
    },
    /// The file's bytes from `offset` on.
    Chunk {
        run: u32,
        offset: u64,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// The whole file has been sent.
    End { run: u32 },
    /// Stop reading this file (nothing is kept of it).
    Cancel { run: u32 },
    /// Drop what was read for a channel (its file was removed), and report the rest.
    Forget { slot: usize },
    /// Drop every result and the file being read, answering nothing: the request's channels
    /// changed (one removed, moved or put back), so the page's slots are no longer the
    /// worker's, and the page reads its files again.
    Reset,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Output {
    /// The worker has the file's run and waits for its bytes: the answer to
    /// [`Input::Start`] (or [`Output::Failed`]). The page sends no byte before it, so a
    /// worker that never loads holds none of the file in gloo-worker's queue, and a page
    /// that gets no answer in a while knows the worker did not start.
    Started { run: u32 },
    /// `read` bytes of the file are checked; `skip_to`: go on reading from there (the
    /// footer of a Parquet file: the bytes before it need not be read).
    Progress {
        run: u32,
        read: u64,
        skip_to: Option<u64>,
    },
    /// A file was read to its end (`run`), or a channel forgotten (`run` 0): every channel
    /// read so far, checked together.
    Done { run: u32, report: ReportView },
    /// The run stopped without a report (the request is not JSON, it has no such channel).
    Failed { run: u32, message: String },
    /// The run was cancelled: the worker holds nothing of it.
    Cancelled { run: u32 },
}

/// A preflight report as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    /// The job would start with these files: no error.
    pub valid: bool,
    pub findings: Vec<FindingView>,
    /// The channels read, in slot order.
    pub channels: Vec<ChannelView>,
}

/// One finding, located in the request (`path`, a JSON Pointer into `InputDataConfig`) and
/// in the file (`line` or `offset`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingView {
    pub error: bool,
    pub code: String,
    pub path: String,
    pub related: Vec<String>,
    pub message: String,
    /// The slot of the channel whose file it is about.
    pub slot: Option<usize>,
    pub file: Option<String>,
    pub line: Option<u64>,
    pub offset: Option<u64>,
}

/// What one channel's file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelView {
    pub slot: usize,
    pub file: String,
    /// Index in `InputDataConfig`.
    pub channel: usize,
    /// `training` or `validation`.
    pub channel_type: String,
    /// `CSV`, `Parquet`, or none of them.
    pub format: Option<String>,
    pub gzip: bool,
    pub bytes: u64,
    pub rows: Option<u64>,
    /// The first [`MAX_COLUMNS`] columns.
    pub columns: Vec<ColumnView>,
    /// Columns past those.
    pub more_columns: usize,
    pub target: Option<TargetView>,
    pub not_checked: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnView {
    pub name: String,
    /// `numeric`, `text`, `empty`, … (see `automl_preflight::ColumnSummary::kind`).
    pub kind: String,
    /// Rows without a value, when known.
    pub missing: Option<u64>,
}

/// The target column's values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    pub column: String,
    /// The most frequent [`MAX_CLASSES`] values and their rows, most frequent first.
    pub classes: Vec<(String, u64)>,
    /// Rows with any other value.
    pub rest: u64,
    /// Distinct values counted (at most 1,000 are told apart).
    pub distinct: usize,
    /// More distinct values than that.
    pub more: bool,
    /// Rows without a target.
    pub missing: u64,
    /// Every value is a number.
    pub numeric: bool,
}

impl ReportView {
    /// The page's view of `report`, whose channel `pos` is slot `slots[pos]`.
    pub fn of(report: &Report, slots: &[usize]) -> ReportView {
        let slot = |pos: Option<usize>| pos.and_then(|p| slots.get(p).copied());
        let findings = report
            .findings
            .iter()
            .map(|f| FindingView {
                error: f.is_error(),
                code: f.diagnostic.code.to_string(),
                path: f.diagnostic.path.clone(),
                related: f.diagnostic.related.clone(),
                message: f.diagnostic.message.clone(),
                slot: slot(f.channel),
                file: f
                    .channel
                    .and_then(|c| report.channels.get(c))
                    .map(|c| c.file.clone()),
                line: f.line,
                offset: f.offset,
            })
            .collect();
        let channels = report
            .channels
            .iter()
            .enumerate()
            .map(|(pos, c)| ChannelView {
                slot: slot(Some(pos)).unwrap_or(pos),
                file: c.file.clone(),
                channel: c.channel,
                channel_type: c.channel_type.to_string(),
                format: c.format.map(String::from),
                gzip: c.gzip,
                bytes: c.bytes,
                rows: c.rows,
                columns: c
                    .columns
                    .iter()
                    .take(MAX_COLUMNS)
                    .map(|col| ColumnView {
                        name: col.name.clone(),
                        kind: col.kind.to_string(),
                        missing: col.missing,
                    })
                    .collect(),
                more_columns: c.columns.len().saturating_sub(MAX_COLUMNS),
                target: c.target.as_ref().map(|t| TargetView {
                    column: t.column.clone(),
                    classes: t.classes.iter().take(MAX_CLASSES).cloned().collect(),
                    rest: t
                        .classes
                        .iter()
                        .skip(MAX_CLASSES)
                        .fold(t.other, |sum, (_, n)| sum.saturating_add(*n)),
                    distinct: t.classes.len(),
                    more: t.other > 0,
                    missing: t.missing,
                    numeric: t.numeric,
                }),
                not_checked: c.not_checked.clone(),
            })
            .collect();
        ReportView {
            valid: report.valid(),
            findings,
            channels,
        }
    }
}

/// One file being read.
struct Run {
    id: u32,
    slot: usize,
    size: u64,
    check: ChannelCheck,
}

/// The worker's state: the request the kept results were read against, each channel's
/// result, and the file being read. Every message gets at most one answer; `Start` always
/// gets one.
#[derive(Default)]
pub struct Session {
    request: String,
    plan: Option<Plan>,
    /// Finished channels' slots, in order, and their results (`report_of` takes a slice).
    slots: Vec<usize>,
    results: Vec<ChannelResult>,
    run: Option<Run>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Handles one message; its answer, if any.
    pub fn handle(&mut self, input: Input) -> Option<Output> {
        match input {
            Input::Start {
                run,
                request,
                slot,
                file,
                size,
            } => {
                self.run = None;
                if request != self.request || self.plan.is_none() {
                    // Kept results were read against another request (the target may have
                    // been renamed since): they no longer count.
                    self.slots.clear();
                    self.results.clear();
                    self.plan = None;
                    match Plan::from_text(&request) {
                        Ok(plan) => self.plan = Some(plan),
                        Err(why) => {
                            return Some(Output::Failed {
                                run,
                                message: format!("the request is not JSON: {why}"),
                            })
                        }
                    }
                    self.request = request;
                }
                self.forget(slot);
                match self
                    .plan
                    .as_ref()
                    .and_then(|plan| Preflight::channel(plan, slot, &file))
                {
                    Some(check) => {
                        self.run = Some(Run {
                            id: run,
                            slot,
                            size,
                            check,
                        });
                        Some(Output::Started { run })
                    }
                    None => Some(Output::Failed {
                        run,
                        message: format!("the request has no channel for {file}"),
                    }),
                }
            }
            Input::Chunk { run, offset, bytes } => {
                let current = self.run.as_mut().filter(|r| r.id == run)?;
                let read = current.check.bytes_read();
                let end = offset.saturating_add(bytes.len() as u64);
                // Bytes before `read` were fed already, or skipped (a Parquet file's body).
                if end > read && offset <= read {
                    let from = usize::try_from(read - offset).unwrap_or(usize::MAX);
                    current.check.feed(bytes.get(from..).unwrap_or_default());
                }
                let mut skip_to = None;
                if let Some(start) = current.check.parquet_tail_start(current.size) {
                    if current.check.skip_to(start) {
                        skip_to = Some(start);
                    }
                } else if current.check.skip_rest(current.size) {
                    // Data that is neither CSV nor Parquet (binary, ZIP, UTF-16): the rest
                    // cannot change the findings, so a 10 GB file of zeros is not read.
                    skip_to = Some(current.size);
                }
                Some(Output::Progress {
                    run,
                    read: current.check.bytes_read(),
                    skip_to,
                })
            }
            Input::End { run } => {
                let done = self.run.take_if(|r| r.id == run)?;
                let at = self
                    .slots
                    .iter()
                    .position(|s| *s > done.slot)
                    .unwrap_or(self.slots.len());
                self.slots.insert(at, done.slot);
                self.results.insert(at, done.check.finish());
                Some(Output::Done {
                    run,
                    report: self.report(),
                })
            }
            Input::Cancel { run } => {
                self.run.take_if(|r| r.id == run)?;
                Some(Output::Cancelled { run })
            }
            Input::Forget { slot } => self.forget(slot).then(|| Output::Done {
                run: 0,
                report: self.report(),
            }),
            Input::Reset => {
                self.run = None;
                self.slots.clear();
                self.results.clear();
                None
            }
        }
    }

    /// Drops a channel's result; whether there was one.
    fn forget(&mut self, slot: usize) -> bool {
        match self.slots.iter().position(|s| *s == slot) {
            Some(at) => {
                self.slots.remove(at);
                self.results.remove(at);
                true
            }
            None => false,
        }
    }

    fn report(&self) -> ReportView {
        match &self.plan {
            Some(plan) => ReportView::of(&Preflight::report_of(plan, &self.results), &self.slots),
            None => ReportView::default(),
        }
    }
}

/// The messages' encoding (see the crate's documentation). Both ends are built from these
/// types, so a message that cannot be encoded or decoded is a bug here: it throws.
pub struct Postcard;

impl gloo_worker::Codec for Postcard {
    fn encode<I: Serialize>(input: I) -> JsValue {
        match postcard::to_allocvec(&input) {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            Err(_) => wasm_bindgen::throw_str("a worker message cannot be encoded"),
        }
    }
    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        match postcard::from_bytes(&bytes) {
            Ok(message) => message,
            Err(_) => wasm_bindgen::throw_str("a worker message cannot be decoded"),
        }
    }
}

/// The worker: a [`Session`] behind `gloo-worker`.
pub struct PreflightWorker {
    session: Session,
}

impl Worker for PreflightWorker {
    type Message = ();
    type Input = Input;
    type Output = Output;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        PreflightWorker {
            session: Session::new(),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        if let Some(answer) = self.session.handle(msg) {
            scope.respond(id, answer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUEST: &str = r#"{"InputDataConfig": [
        {"TargetAttributeName": "churn"},
        {"ChannelType": "validation", "TargetAttributeName": "churn"}]}"#;

    fn csv(rows: usize, header: &str) -> Vec<u8> {
        let mut text = format!("{header}\n");
        for i in 0..rows {
            text.push_str(&format!("{i},{}\n", if i % 3 == 0 { "yes" } else { "no" }));
        }
        text.into_bytes()
    }

    /// Sends `data` as run `run` for `slot` in chunks of `chunk` bytes, as the page does;
    /// the answer to End.
    fn read(
        s: &mut Session,
        run: u32,
        slot: usize,
        name: &str,
        data: &[u8],
        chunk: usize,
    ) -> Output {
        let start = Input::Start {
            run,
            request: REQUEST.into(),
            slot,
            file: name.into(),
            size: data.len() as u64,
        };
        assert_eq!(s.handle(start), Some(Output::Started { run }));
        let mut offset = 0;
        while offset < data.len() {
            let end = (offset + chunk).min(data.len());
            let answer = s.handle(Input::Chunk {
                run,
                offset: offset as u64,
                bytes: data[offset..end].to_vec(),
            });
            assert_eq!(
                answer,
                Some(Output::Progress {
                    run,
                    read: end as u64,
                    skip_to: None
                })
            );
            offset = end;
        }
        s.handle(Input::End { run }).expect("End is answered")
    }

    fn report(out: Output) -> ReportView {
        match out {
            Output::Done { report, .. } => report,
            other => panic!("not a report: {other:?}"),
        }
    }

    #[test]
    fn a_600_row_file_would_start_the_job_with_its_classes() {
        let mut s = Session::new();
        let r = report(read(&mut s, 1, 0, "train.csv", &csv(600, "id,churn"), 1000));
        assert!(r.valid, "{:?}", r.findings);
        let c = &r.channels[0];
        assert_eq!(
            (c.slot, c.rows, c.format.as_deref()),
            (0, Some(600), Some("CSV"))
        );
        let t = c.target.as_ref().unwrap();
        assert_eq!(t.classes, vec![("no".into(), 400), ("yes".into(), 200)]);
        assert_eq!(c.columns[1].kind, "text");
    }

    #[test]
    fn validation_headers_are_checked_against_the_training_file_kept() {
        let mut s = Session::new();
        let r = report(read(&mut s, 1, 0, "train.csv", &csv(499, "id,churn"), 4096));
        assert!(!r.valid);
        assert_eq!(r.findings[0].code, "too-few-rows");
        assert_eq!(r.findings[0].slot, Some(0));
        let r = report(read(&mut s, 2, 1, "valid.csv", &csv(10, "ID,churn"), 7));
        assert_eq!(r.channels.len(), 2);
        let differ = r.findings.iter().find(|f| f.slot == Some(1)).unwrap();
        assert_eq!(
            differ.path,
            "/InputDataConfig/1/DataSource/S3DataSource/S3Uri"
        );
        assert!(differ.message.contains("ID"), "{}", differ.message);
        // The training file removed: only the validation file is left.
        let r = report(s.handle(Input::Forget { slot: 0 }).unwrap());
        assert_eq!(r.channels.len(), 1);
        assert_eq!(s.handle(Input::Forget { slot: 0 }), None);
    }

    #[test]
    fn reset_drops_every_result_so_a_restored_channel_is_not_reported_from_before() {
        let mut s = Session::new();
        read(&mut s, 1, 0, "train.csv", &csv(600, "id,churn"), 4096);
        read(&mut s, 2, 1, "valid.csv", &csv(10, "ID,churn"), 4096);
        assert_eq!(s.handle(Input::Reset), None);
        // The same request again (the channel removed, then put back by Undo): only the
        // file read since is reported.
        let r = report(read(&mut s, 3, 0, "train.csv", &csv(600, "id,churn"), 4096));
        assert_eq!(r.channels.len(), 1);
        assert!(r.valid, "{:?}", r.findings);
    }

    #[test]
    fn cancel_and_a_stale_run_leave_nothing_behind() {
        let mut s = Session::new();
        let start = |run| Input::Start {
            run,
            request: REQUEST.into(),
            slot: 0,
            file: "big.csv".into(),
            size: 1 << 30,
        };
        assert_eq!(s.handle(start(1)), Some(Output::Started { run: 1 }));
        let chunk = |run| Input::Chunk {
            run,
            offset: 0,
            bytes: b"id,churn\n".to_vec(),
        };
        assert!(matches!(s.handle(chunk(1)), Some(Output::Progress { .. })));
        assert_eq!(
            s.handle(Input::Cancel { run: 1 }),
            Some(Output::Cancelled { run: 1 })
        );
        // Chunks of the cancelled run still in flight are dropped.
        assert_eq!(s.handle(chunk(1)), None);
        assert_eq!(s.handle(Input::End { run: 1 }), None);
        // A new file replaces the one being read.
        s.handle(start(2));
        s.handle(start(3));
        assert_eq!(s.handle(chunk(2)), None);
        assert!(s.results.is_empty());
    }

    #[test]
    fn a_request_that_is_not_json_or_has_no_such_channel_fails_the_run() {
        let mut s = Session::new();
        let out = s.handle(Input::Start {
            run: 1,
            request: "{".into(),
            slot: 0,
            file: "a.csv".into(),
            size: 1,
        });
        assert!(matches!(out, Some(Output::Failed { run: 1, .. })));
        let out = s.handle(Input::Start {
            run: 2,
            request: REQUEST.into(),
            slot: 5,
            file: "a.csv".into(),
            size: 1,
        });
        assert!(
            matches!(out, Some(Output::Failed { run: 2, ref message }) if message.contains("a.csv"))
        );
    }

    #[test]
    fn a_changed_request_drops_the_results_read_against_the_old_one() {
        let mut s = Session::new();
        read(&mut s, 1, 0, "train.csv", &csv(600, "id,churn"), 1 << 20);
        s.handle(Input::Start {
            run: 2,
            request: REQUEST.replace("churn", "Churn"),
            slot: 1,
            file: "valid.csv".into(),
            size: 0,
        });
        let r = report(s.handle(Input::End { run: 2 }).unwrap());
        assert_eq!(r.channels.len(), 1);
        assert_eq!(r.channels[0].slot, 1);
    }

    #[test]
    fn binary_data_and_a_parquet_body_are_skipped() {
        let mut s = Session::new();
        let size = 10 << 30;
        s.handle(Input::Start {
            run: 1,
            request: REQUEST.into(),
            slot: 0,
            file: "zeros.csv".into(),
            size,
        });
        let out = s.handle(Input::Chunk {
            run: 1,
            offset: 0,
            bytes: vec![0; 8192],
        });
        assert_eq!(
            out,
            Some(Output::Progress {
                run: 1,
                read: size,
                skip_to: Some(size)
            })
        );
        let r = report(s.handle(Input::End { run: 1 }).unwrap());
        assert!(!r.valid);
        assert_eq!(r.channels[0].bytes, size);
        assert!(
            r.findings[0].message.contains("zeros.csv"),
            "{:?}",
            r.findings
        );
        // A Parquet file: after its first bytes, only the footer is asked for.
        s.handle(Input::Start {
            run: 2,
            request: REQUEST.into(),
            slot: 0,
            file: "t.parquet".into(),
            size,
        });
        let out = s.handle(Input::Chunk {
            run: 2,
            offset: 0,
            bytes: b"PAR1 not really".to_vec(),
        });
        assert!(
            matches!(out, Some(Output::Progress { skip_to: Some(at), .. }) if at > 0 && at < size),
            "{out:?}"
        );
    }

    #[test]
    fn overlapping_and_repeated_chunks_are_fed_once() {
        let mut s = Session::new();
        let data = csv(600, "id,churn");
        s.handle(Input::Start {
            run: 1,
            request: REQUEST.into(),
            slot: 0,
            file: "t.csv".into(),
            size: data.len() as u64,
        });
        s.handle(Input::Chunk {
            run: 1,
            offset: 0,
            bytes: data[..100].to_vec(),
        });
        s.handle(Input::Chunk {
            run: 1,
            offset: 50,
            bytes: data[50..200].to_vec(),
        });
        s.handle(Input::Chunk {
            run: 1,
            offset: 0,
            bytes: data[..150].to_vec(),
        });
        s.handle(Input::Chunk {
            run: 1,
            offset: 200,
            bytes: data[200..].to_vec(),
        });
        let r = report(s.handle(Input::End { run: 1 }).unwrap());
        assert_eq!(r.channels[0].rows, Some(600));
    }
}
