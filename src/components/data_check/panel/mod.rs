//! The "Check my data" panel once loaded (see [`super`]): a file per channel of the draft, read here in slices
//! (`gloo-file`) and checked in a Web Worker (`crates/preflight-worker`, `gloo-worker`),
//! whose code is fetched only when the first file is chosen. A progress bar with bytes per
//! second and time left, Cancel, the data summary (rows, columns with their kind and missing
//! share, the target's classes as bars with their counts), and the findings, which also go
//! to the channel's fields and the Check panel. Nothing leaves the page.
//!
//! The worker may not start (the page went offline before its files were fetched, a host
//! without them, a page the browser allows no worker): the panel says so at the channel
//! after at most [`SILENCE`] without an answer, drops that worker, and the next file chosen
//! tries again. Nothing on that path panics (the release build aborts on a panic).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use automl_preflight_worker::{
    ChannelView, Input, Output, Postcard, PreflightWorker, ReportView, TargetView,
};
use futures_channel::oneshot;
use gloo_worker::{Spawnable, WorkerBridge};
use leptos::prelude::*;

use crate::state::data_check::{
    channel_keys, channels, file_size, follow, follow_report, is_v2, per_mille, progress_line,
    request_text, share, to_diagnostics, ChannelKey, DataChannel,
};
use crate::state::editor::use_editor;
use crate::state::editor::Editor;
use crate::state::findings::plural;
use automl_rules::diag::Diagnostic;

/// Bytes read and sent to the worker at a time.
const CHUNK: u64 = 4 << 20;
/// Chunks sent and not yet answered: the worker always has the next one while the page
/// reads the one after.
const IN_FLIGHT: u32 = 2;
/// How long the page waits for an answer of the worker before it takes the worker for lost:
/// a worker that loaded answers `Start` at once and a chunk in well under a second, so this
/// is a worker whose files did not load (gloo-worker does not tell the `Worker`'s `error`
/// event) or one that stopped.
const SILENCE: Duration = Duration::from_secs(15);

/// Files kept whose channel was removed from the request (put back with it by Undo).
const MAX_PARKED: usize = 8;

/// The message at the channel when the worker never answered.
const NOT_LOADED: &str = "The data checker could not be loaded (preflight-worker_bg.wasm): offline? The request is untouched; choose the file again to retry.";
/// The message at the channel when the worker answered before, then stopped.
const STOPPED: &str = "The data checker stopped answering (it may have run out of memory). The request is untouched; choose the file again to retry.";

/// What a channel's box says.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Loading {
        file: String,
    },
    Reading {
        file: String,
        line: String,
        per_mille: u64,
    },
    Checked {
        file: String,
    },
    Failed {
        file: String,
        message: String,
    },
    Cancelled {
        file: String,
    },
}

/// The file being read: its run, and the worker's answers so far.
struct Reading {
    run: u32,
    slot: usize,
    /// The worker answered `Start`: the file's bytes may be sent.
    started: bool,
    read: u64,
    in_flight: u32,
    skip_to: Option<u64>,
    wake: Option<oneshot::Sender<()>>,
}

/// The worker (spawned on first use) and the file being read; shared by the reading task
/// and the worker's answers.
#[derive(Default)]
struct Shared {
    bridge: Option<WorkerBridge<PreflightWorker>>,
    /// The worker answered something since it was spawned: its files loaded.
    alive: bool,
    /// Answers of the worker so far: the watchdog's sign of life ([`Panel::wait`]).
    answers: u32,
    reading: Option<Reading>,
    runs: u32,
}

impl Shared {
    fn send(&self, input: Input) {
        if let Some(b) = &self.bridge {
            b.send(input);
        }
    }
    /// Whether run `run` is still the one being read.
    fn current(&self, run: u32) -> bool {
        self.reading.as_ref().is_some_and(|r| r.run == run)
    }
    fn wake(&mut self) {
        if let Some(tx) = self.reading.as_mut().and_then(|r| r.wake.take()) {
            let _ = tx.send(());
        }
    }
}

/// The panel's signals.
#[derive(Clone, Copy)]
struct Panel {
    editor: Editor,
    status: RwSignal<Vec<Status>>,
    report: RwSignal<Option<ReportView>>,
    shared: StoredValue<Rc<RefCell<Shared>>, LocalStorage>,
    /// Each slot's chosen file, kept to check again after the request changes.
    files: StoredValue<Vec<Option<web_sys::File>>, LocalStorage>,
    /// Slots to check once the file being read is done ("Check again").
    queue: StoredValue<Vec<usize>, LocalStorage>,
    /// The request text (see [`request_text`]) the files were last checked against.
    checked_with: RwSignal<Option<String>>,
    /// The draft's channels the slots of `files`, `status` and `report` are of: a file
    /// follows its channel when they change ([`Panel::follow`]).
    keys: StoredValue<Vec<ChannelKey>>,
    /// Files whose channel was removed from the request, with that channel's text: the file
    /// comes back with its channel (Undo).
    parked: StoredValue<Vec<(String, web_sys::File)>, LocalStorage>,
    /// The names of those files, said at the panel until chosen again or put back.
    gone: RwSignal<Vec<String>>,
    /// A file dropped on a channel (its slot) while another file (named) was read: refused,
    /// and said there until a file is chosen for that channel.
    refused: RwSignal<Option<(usize, String)>>,
}

impl Panel {
    fn set_status(&self, slot: usize, status: Status) {
        self.status.update(|all| {
            if all.len() <= slot {
                all.resize(slot + 1, Status::Idle);
            }
            all[slot] = status;
        });
    }

    fn shared(&self) -> Rc<RefCell<Shared>> {
        self.shared.with_value(Rc::clone)
    }

    /// The worker, spawned on first use from its own files; the message to show when this
    /// page cannot start one.
    fn ensure_worker(&self) -> Result<(), String> {
        let shared = self.shared();
        if shared.borrow().bridge.is_some() {
            return Ok(());
        }
        // gloo-worker's `spawn_with_loader` panics when the `Worker` constructor throws, and
        // a panic aborts the release build. The constructor throws when the script's URL does
        // not parse, or is not of the page's origin (a page opened from a file: URL, whose
        // origin is opaque; a sandboxed frame): both are checked here first, and told.
        // (A probe `Worker` would tell as well, but fetches the loader a second time.)
        if let Err(why) = worker_allowed(automl_preflight_worker::LOADER) {
            return Err(format!(
                "The data checker cannot start on this page ({why}). The request is untouched."
            ));
        }
        let panel = *self;
        let bridge = PreflightWorker::spawner()
            .encoding::<Postcard>()
            .callback(move |out| panel.answer(out))
            .spawn_with_loader(automl_preflight_worker::LOADER);
        let mut s = shared.borrow_mut();
        s.bridge = Some(bridge);
        s.alive = false;
        Ok(())
    }

    /// One answer of the worker.
    fn answer(&self, out: Output) {
        let shared = self.shared();
        {
            let mut s = shared.borrow_mut();
            s.alive = true;
            s.answers = s.answers.wrapping_add(1);
        }
        match out {
            Output::Started { run } => {
                let mut s = shared.borrow_mut();
                if let Some(r) = s.reading.as_mut().filter(|r| r.run == run) {
                    r.started = true;
                }
                s.wake();
            }
            Output::Progress { run, read, skip_to } => {
                let mut s = shared.borrow_mut();
                if let Some(r) = s.reading.as_mut().filter(|r| r.run == run) {
                    r.read = read;
                    r.in_flight = r.in_flight.saturating_sub(1);
                    if skip_to.is_some() {
                        r.skip_to = skip_to;
                    }
                }
                s.wake();
            }
            Output::Done { run, report } => {
                let slot = {
                    let mut s = shared.borrow_mut();
                    let slot = s.reading.as_ref().filter(|r| r.run == run).map(|r| r.slot);
                    if slot.is_some() {
                        s.wake();
                        s.reading = None;
                    }
                    slot
                };
                if let Some(slot) = slot {
                    let file = self.file_of(slot);
                    self.set_status(slot, Status::Checked { file });
                }
                self.show(report);
                if slot.is_some() {
                    self.next_in_queue();
                }
            }
            Output::Failed { run, message } => {
                let slot = {
                    let mut s = shared.borrow_mut();
                    let slot = s.reading.as_ref().filter(|r| r.run == run).map(|r| r.slot);
                    s.wake();
                    s.reading = None;
                    slot
                };
                if let Some(slot) = slot {
                    let file = self.file_of(slot);
                    self.set_status(slot, Status::Failed { file, message });
                }
            }
            Output::Cancelled { .. } => {}
        }
    }

    fn file_of(&self, slot: usize) -> String {
        let file = self.status.try_with_untracked(|all| match all.get(slot) {
            Some(
                Status::Loading { file }
                | Status::Reading { file, .. }
                | Status::Checked { file }
                | Status::Failed { file, .. }
                | Status::Cancelled { file },
            ) => file.clone(),
            _ => String::new(),
        });
        file.unwrap_or_default()
    }

    /// Shows a report: the summary here, the findings at the fields and in the Check panel.
    fn show(&self, report: ReportView) {
        let v2 = self.editor.draft.with_untracked(|d| is_v2(&d.root));
        self.show_findings(to_diagnostics(&report, v2));
        self.report.set(Some(report));
    }

    /// The findings at the fields and in the Check panel.
    fn show_findings(&self, found: Vec<Diagnostic>) {
        self.editor.reveal.update(|r| {
            for d in &found {
                r.touched.insert(d.path.clone());
            }
        });
        self.editor.data.set(found);
    }

    /// Checks the next file "Check again" queued, if any.
    fn next_in_queue(&self) {
        while let Some(slot) = self.queue.try_update_value(|q| q.pop()).flatten() {
            let file = self.files.with_value(|f| f.get(slot).cloned().flatten());
            if let Some(file) = file {
                self.start(slot, file);
                return;
            }
        }
    }

    /// The slots whose file was read (or failed, and is kept to try again).
    fn kept(&self) -> Vec<usize> {
        let files = self.files.with_value(|f| {
            f.iter()
                .enumerate()
                .filter_map(|(slot, f)| f.as_ref().map(|_| slot))
                .collect::<Vec<_>>()
        });
        self.status.with_untracked(|all| {
            files
                .into_iter()
                .filter(|&slot| {
                    matches!(
                        all.get(slot),
                        Some(Status::Checked { .. } | Status::Failed { .. })
                    )
                })
                .collect()
        })
    }

    /// The draft's channels changed (`new`): each kept file, its status and its part of the
    /// report follow their channel to its new slot; a file whose channel was removed is
    /// dropped and said at the panel (and comes back if its channel does, by Undo). The
    /// worker forgets what it read: the files are read again by "Check again".
    fn follow(&self, new: Vec<ChannelKey>) {
        let old = self.keys.get_value();
        if old == new {
            return;
        }
        let map = follow(&old, &new);
        let moved = map.iter().enumerate().any(|(i, to)| *to != Some(i));
        let mut back = Vec::new();
        for (n, key) in new.iter().enumerate() {
            if map.contains(&Some(n)) {
                continue;
            }
            let found = self
                .parked
                .try_update_value(|p| {
                    p.iter()
                        .position(|(text, _)| *text == key.text)
                        .map(|at| p.remove(at).1)
                })
                .flatten();
            if let Some(file) = found {
                back.push((n, file));
            }
        }
        if !moved && back.is_empty() {
            self.keys.set_value(new);
            return;
        }
        if moved {
            // The file being read, and any "Check again", stop: its slot is not the same.
            self.queue.set_value(Vec::new());
            self.cancel();
            self.refused.set(None);
        }
        let files_before = self.files.get_value();
        let status_before = self.status.get_untracked();
        let mut files: Vec<Option<web_sys::File>> = vec![None; new.len()];
        let mut status = vec![Status::Idle; new.len()];
        let mut gone = Vec::new();
        for (slot, to) in map.iter().enumerate() {
            let file = files_before.get(slot).cloned().flatten();
            match to {
                Some(n) => {
                    files[*n] = file;
                    status[*n] = status_before.get(slot).cloned().unwrap_or(Status::Idle);
                }
                None => {
                    if let Some(file) = file {
                        gone.push(file.name());
                        let text = old.get(slot).map(|k| k.text.clone()).unwrap_or_default();
                        self.parked.update_value(|p| {
                            p.push((text, file));
                            let extra = p.len().saturating_sub(MAX_PARKED);
                            p.drain(..extra);
                        });
                    }
                }
            }
        }
        for (n, file) in back {
            let name = file.name();
            self.gone.update(|g| g.retain(|f| *f != name));
            status[n] = Status::Checked { file: name };
            files[n] = Some(file);
        }
        self.shared().borrow().send(Input::Reset);
        self.files.set_value(files);
        self.status.set(status);
        if !gone.is_empty() {
            self.gone.update(|g| {
                g.retain(|f| !gone.contains(f));
                g.extend(gone);
                let extra = g.len().saturating_sub(MAX_PARKED);
                g.drain(..extra);
            });
        }
        // The report changed in place (not cloned: a smaller chunk).
        let v2 = self.editor.draft.with_untracked(|d| is_v2(&d.root));
        let found = self
            .report
            .try_update(|r| {
                r.as_mut().map(|r| {
                    follow_report(r, &map, &old, &new);
                    to_diagnostics(r, v2)
                })
            })
            .flatten();
        if let Some(found) = found {
            self.show_findings(found);
        }
        self.keys.set_value(new);
    }

    /// Checks every kept file again against the request as it is now, one after another.
    fn check_again(&self) {
        let mut slots = self.kept();
        // Popped from the end: training (the lowest slot) first.
        slots.reverse();
        self.queue.set_value(slots);
        self.cancel();
        self.next_in_queue();
    }

    /// Starts reading `file` for the channel in `slot`, replacing any file being read (and
    /// any "Check again" in progress).
    fn check(&self, slot: usize, file: web_sys::File) {
        self.queue.set_value(Vec::new());
        let name = file.name();
        self.gone.update(|g| g.retain(|f| *f != name));
        self.parked
            .update_value(|p| p.retain(|(_, f)| f.name() != name));
        if self
            .refused
            .with_untracked(|r| r.as_ref().is_some_and(|(s, _)| *s == slot))
        {
            self.refused.set(None);
        }
        self.start(slot, file);
    }

    fn start(&self, slot: usize, file: web_sys::File) {
        self.cancel();
        self.files.update_value(|f| {
            if f.len() <= slot {
                f.resize(slot + 1, None);
            }
            f[slot] = Some(file.clone());
        });
        let name = file.name();
        if let Err(message) = self.ensure_worker() {
            self.queue.set_value(Vec::new());
            self.set_status(
                slot,
                Status::Failed {
                    file: name,
                    message,
                },
            );
            return;
        }
        let shared = self.shared();
        let size = file.size().max(0.0) as u64;
        let request = self.editor.draft.with_untracked(|d| request_text(&d.root));
        self.checked_with.set(Some(request.clone()));
        let run = {
            let mut s = shared.borrow_mut();
            s.runs = s.runs.wrapping_add(1).max(1);
            let run = s.runs;
            s.reading = Some(Reading {
                run,
                slot,
                started: false,
                read: 0,
                in_flight: 0,
                skip_to: None,
                wake: None,
            });
            s.send(Input::Start {
                run,
                request,
                slot,
                file: name.clone(),
                size,
            });
            run
        };
        self.set_status(slot, Status::Loading { file: name.clone() });
        let panel = *self;
        leptos::task::spawn_local(async move {
            panel.read(shared, run, slot, file, name, size).await;
        });
    }

    /// The reading loop of run `run`: once the worker has started the run, slices of at
    /// most [`CHUNK`] bytes, at most [`IN_FLIGHT`] unanswered; then the wait for the report.
    /// It stops as soon as the run is no longer current.
    async fn read(
        self,
        shared: Rc<RefCell<Shared>>,
        run: u32,
        slot: usize,
        file: web_sys::File,
        name: String,
        size: u64,
    ) {
        let blob = gloo_file::Blob::from(file);
        let started = js_sys::Date::now();
        let mut offset = 0u64;
        loop {
            // Wait for the worker while it has enough to do.
            loop {
                let rx = {
                    let mut s = shared.borrow_mut();
                    let Some(r) = s.reading.as_mut().filter(|r| r.run == run) else {
                        return;
                    };
                    if let Some(skip) = r.skip_to {
                        offset = offset.max(skip);
                    }
                    let answered = r.read;
                    if r.started && r.in_flight < IN_FLIGHT {
                        let elapsed = (js_sys::Date::now() - started).max(0.0) as u64;
                        drop(s);
                        if answered > 0 || offset > 0 {
                            self.set_status(
                                slot,
                                Status::Reading {
                                    file: name.clone(),
                                    line: progress_line(answered, size, elapsed),
                                    per_mille: per_mille(answered, size),
                                },
                            );
                        }
                        break;
                    }
                    let (tx, rx) = oneshot::channel();
                    r.wake = Some(tx);
                    rx
                };
                self.wait(&shared, run, rx).await;
            }
            if offset >= size {
                break;
            }
            let end = offset.saturating_add(CHUNK).min(size);
            let bytes = gloo_file::futures::read_as_bytes(&blob.slice(offset, end)).await;
            let mut s = shared.borrow_mut();
            if !s.current(run) {
                return;
            }
            match bytes {
                Ok(bytes) => {
                    s.send(Input::Chunk { run, offset, bytes });
                    if let Some(r) = s.reading.as_mut() {
                        r.in_flight += 1;
                    }
                    offset = end;
                }
                Err(err) => {
                    s.send(Input::Cancel { run });
                    s.reading = None;
                    drop(s);
                    let message = format!(
                        "{name} could not be read at byte {offset} ({err}): was it changed or moved while it was read? Nothing was checked; choose it again"
                    );
                    self.set_status(
                        slot,
                        Status::Failed {
                            file: name,
                            message,
                        },
                    );
                    return;
                }
            }
        }
        shared.borrow().send(Input::End { run });
        // The report (or the run's end otherwise), watched as the chunks' answers were.
        loop {
            let rx = {
                let mut s = shared.borrow_mut();
                let Some(r) = s.reading.as_mut().filter(|r| r.run == run) else {
                    return;
                };
                let (tx, rx) = oneshot::channel();
                r.wake = Some(tx);
                rx
            };
            self.wait(&shared, run, rx).await;
        }
    }

    /// Waits for `rx`: the worker's next answer, or the end of run `run`. When the worker
    /// answers nothing at all for [`SILENCE`] meanwhile, it is lost ([`Panel::lost`]).
    async fn wait(self, shared: &Rc<RefCell<Shared>>, run: u32, rx: oneshot::Receiver<()>) {
        let answers = shared.borrow().answers;
        let watched = Rc::clone(shared);
        let watchdog = set_timeout_with_handle(
            move || {
                let silent = {
                    let s = watched.borrow();
                    s.current(run) && s.answers == answers
                };
                if silent {
                    self.lost(&watched);
                }
            },
            SILENCE,
        )
        .ok();
        let _ = rx.await;
        if let Some(w) = watchdog {
            w.clear();
        }
    }

    /// The worker did not answer: its files did not load, or it stopped. The file being read
    /// fails with a message at its channel, and the worker is dropped, so that the next file
    /// chosen spawns another.
    fn lost(&self, shared: &Rc<RefCell<Shared>>) {
        let (bridge, slot, alive) = {
            let mut s = shared.borrow_mut();
            // Dropping the run's waker ends its reading loop.
            let slot = s.reading.take().map(|r| r.slot);
            (s.bridge.take(), slot, s.alive)
        };
        drop(bridge);
        self.queue.try_update_value(|q| q.clear());
        if let Some(slot) = slot {
            let message = if alive { STOPPED } else { NOT_LOADED };
            let file = self.file_of(slot);
            self.set_status(
                slot,
                Status::Failed {
                    file,
                    message: message.to_string(),
                },
            );
        }
    }

    /// Stops the file being read, if any: no more slices are read, the worker drops it.
    fn cancel(&self) {
        let shared = self.shared();
        let stopped = {
            let mut s = shared.borrow_mut();
            let stopped = s.reading.as_ref().map(|r| (r.run, r.slot));
            if let Some((run, _)) = stopped {
                s.send(Input::Cancel { run });
                s.wake();
                s.reading = None;
            }
            stopped
        };
        if let Some((_, slot)) = stopped {
            let file = self.file_of(slot);
            self.set_status(slot, Status::Cancelled { file });
        }
    }

    /// Forgets the file of a channel: its summary and findings go.
    fn forget(&self, slot: usize) {
        let reading_it = self
            .shared()
            .borrow()
            .reading
            .as_ref()
            .is_some_and(|r| r.slot == slot);
        if reading_it {
            self.cancel();
        }
        self.files.update_value(|f| {
            if let Some(f) = f.get_mut(slot) {
                *f = None;
            }
        });
        self.set_status(slot, Status::Idle);
        self.shared().borrow().send(Input::Forget { slot });
        // The worker answers with the report of the rest (or nothing when it held none).
        let still = self.report.with_untracked(|r| {
            r.as_ref()
                .is_some_and(|r| r.channels.iter().any(|c| c.slot != slot))
        });
        if !still {
            self.report.set(None);
            self.editor.data.set(Vec::new());
        }
    }
}

/// Whether this page may start a worker from `script` (relative to the page): the checks
/// the `Worker` constructor makes before it throws (HTML, `new Worker()`: the URL parses;
/// browsers refuse a script of another origin than the page's, and any script to a page of
/// an opaque origin). Never throws itself: every failure is the reason given.
fn worker_allowed(script: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let page = window
        .location()
        .href()
        .map_err(|_| "the page's address cannot be read")?;
    let url = web_sys::Url::new_with_base(script, &page)
        .map_err(|_| format!("{script} is not an address"))?;
    let origin = window.origin();
    if origin == "null" || url.origin() != origin {
        return Err(format!(
            "a page of origin {origin} cannot start a worker from {}: open it from a web server",
            url.origin()
        ));
    }
    Ok(())
}

/// The "Check my data" panel, which starts reading the file chosen or dropped on its
/// stand-in (`first`: the channel's slot and the file).
#[component]
pub(super) fn DataCheckPanel(
    first: Option<(usize, web_sys::File)>,
    /// A file the stand-in refused meanwhile (dropped on another channel).
    refused: Option<(usize, String)>,
) -> impl IntoView {
    let editor = use_editor();
    let panel = Panel {
        editor,
        status: RwSignal::new(Vec::new()),
        report: RwSignal::new(None),
        shared: StoredValue::new_local(Rc::new(RefCell::new(Shared::default()))),
        files: StoredValue::new_local(Vec::new()),
        queue: StoredValue::new_local(Vec::new()),
        checked_with: RwSignal::new(None),
        keys: StoredValue::new(editor.draft.with_untracked(|d| channel_keys(&d.root))),
        parked: StoredValue::new_local(Vec::new()),
        gone: RwSignal::new(Vec::new()),
        refused: RwSignal::new(refused),
    };
    if let Some((slot, file)) = first {
        panel.check(slot, file);
    }
    on_cleanup(move || {
        if let Some(shared) = panel.shared.try_with_value(Rc::clone) {
            // The reading loop and its watchdog end with the run.
            let (bridge, reading) = {
                let mut s = shared.borrow_mut();
                (s.bridge.take(), s.reading.take())
            };
            drop((bridge, reading));
        }
    });
    let list = Memo::new(move |_| editor.draft.with(|d| channels(&d.root)));
    // Each file follows its channel as the draft's channels change.
    Effect::new(move |_| panel.follow(editor.draft.with(|d| channel_keys(&d.root))));
    // What the preflight reads of the draft now: a check against another is stale. Until a
    // file has been checked there is nothing to compare, and the memo does not follow the
    // draft, so a keystroke does not write the channels out as text for nothing.
    let now = Memo::new(move |_| {
        if panel.checked_with.with(Option::is_none) {
            return None;
        }
        Some(editor.draft.with(|d| request_text(&d.root)))
    });
    let busy = move || {
        status_any(panel, |s| {
            matches!(s, Status::Loading { .. } | Status::Reading { .. })
        })
    };
    // Files read against another request, or kept and not in the report (their channel
    // moved, or another file was read against a changed request since).
    let stale = move || {
        if busy() {
            return false;
        }
        let checked: Vec<usize> = panel.status.with(|all| {
            all.iter()
                .enumerate()
                .filter(|(_, s)| matches!(s, Status::Checked { .. }))
                .map(|(slot, _)| slot)
                .collect()
        });
        if checked.is_empty() {
            return false;
        }
        let changed = panel.checked_with.with(|c| {
            c.as_ref()
                .is_some_and(|c| now.with(|n| n.as_ref() != Some(c)))
        });
        changed
            || panel.report.with(|r| {
                checked.iter().any(|slot| {
                    !r.as_ref()
                        .is_some_and(|r| r.channels.iter().any(|c| c.slot == *slot))
                })
            })
    };
    let verdict = move || {
        panel.report.with(|r| {
            r.as_ref().filter(|r| !r.channels.is_empty()).map(|r| {
                let errors = r.findings.iter().filter(|f| f.error).count();
                let warnings = r.findings.len() - errors;
                // A job needs a training channel and its file: without them nothing says it
                // would start.
                let training_channel = list.with(|l| l.iter().any(|c| !c.validation));
                let training_read = list.with(|l| {
                    r.channels.iter().any(|c| {
                        c.channel_type == "training"
                            && l.get(c.slot).is_some_and(|l| !l.validation)
                    })
                });
                if r.valid && !training_channel {
                    (
                        "data-verdict bad",
                        "The job would not start: the request has no training channel.".to_string(),
                    )
                } else if r.valid && !training_read {
                    (
                        "data-verdict",
                        "No training file was read: choose the training channel's file to learn whether the job would start.".to_string(),
                    )
                } else if r.valid {
                    (
                        "data-verdict ok",
                        match warnings {
                            0 => "The job would start with these files.".to_string(),
                            w => format!(
                                "The job would start with these files ({}).",
                                plural(w, "warning")
                            ),
                        },
                    )
                } else {
                    (
                        "data-verdict bad",
                        format!(
                            "The job would fail with these files: {}{}.",
                            plural(errors, "error"),
                            match warnings {
                                0 => String::new(),
                                w => format!(" and {}", plural(w, "warning")),
                            }
                        ),
                    )
                }
            })
        })
    };
    view! {
        <section class="data-check" id="data-check" aria-labelledby="data-check-title">
            <h2 id="data-check-title" tabindex="-1">"Check my data"</h2>
            <p class="hint">
                "Choose or drop each channel's file (CSV or Parquet, gzip or not) to learn whether the job would start with it. "
                "It is read in this browser: nothing is uploaded."
            </p>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="hint">"Add a training channel under Data first."</p> }
            >
                <For each=move || list.get() key=|c| (c.slot, c.pointer.clone(), c.validation) let:channel>
                    <ChannelBox panel=panel channel=channel busy=Signal::derive(busy)/>
                </For>
            </Show>
            {move || {
                panel
                    .gone
                    .get()
                    .into_iter()
                    .map(|name| view! {
                        <p class="msg warning data-gone">
                            {format!("{name}: its channel was removed from the request; choose it again")}
                        </p>
                    })
                    .collect_view()
            }}
            <p role="status" class=move || verdict().map(|v| v.0).unwrap_or("data-verdict")>
                {move || verdict().map(|v| v.1)}
            </p>
            <Show when=stale>
                <p class="msg warning data-stale">
                    "The request's channels, target or problem type changed since these files were checked. "
                    <button type="button" class="secondary small" on:click=move |_| { panel.check_again(); keep_focus("data-check-title".to_string()) }>
                        "Check again"
                    </button>
                </p>
            </Show>
        </section>
    }
}

/// After a button that goes away with what it did (Cancel, Remove this file, Check again),
/// focus goes to where the person goes on from (the channel's input, the panel's heading
/// above the files read again), not to
/// the page's start.
fn keep_focus(id: String) {
    crate::browser::after_tick(move || crate::browser::refocus(&id));
}

fn status_any(panel: Panel, f: impl Fn(&Status) -> bool) -> bool {
    panel.status.with(|all| all.iter().any(f))
}

/// One channel: its file input (and drop target), progress, Cancel and data summary.
#[component]
fn ChannelBox(
    /// The panel's state.
    panel: Panel,
    /// The draft's channel.
    channel: DataChannel,
    /// Another file is being read.
    busy: Signal<bool>,
) -> impl IntoView {
    let slot = channel.slot;
    let input_id = format!("data-file-{slot}");
    let status = Memo::new(move |_| {
        panel
            .status
            .with(|all| all.get(slot).cloned().unwrap_or(Status::Idle))
    });
    let reading = move || {
        matches!(
            status.get(),
            Status::Loading { .. } | Status::Reading { .. }
        )
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            panel.check(slot, file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        // Handled here, not by the page's drop-to-import.
        ev.prevent_default();
        // Another channel's file is being read: this one is refused, not read in its place
        // (the input is disabled meanwhile; a drop is refused the same way).
        let other = panel
            .shared()
            .borrow()
            .reading
            .as_ref()
            .map(|r| r.slot)
            .filter(|s| *s != slot);
        if let Some(other) = other {
            panel.refused.set(Some((slot, panel.file_of(other))));
            return;
        }
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            panel.check(slot, file);
        }
    };
    let summary = Memo::new(move |_| {
        panel.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.channels.iter().find(|c| c.slot == slot).cloned())
        })
    });
    view! {
        <div
            class="data-channel"
            id=format!("data-channel-{slot}")
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <label for=input_id.clone()>{channel.label()}</label>
            <input
                type="file"
                id=input_id
                accept=super::ACCEPT
                disabled=move || busy.get() && !reading()
                on:change=on_change
            />
            {move || {
                // A file refused here while another is read: said in this place.
                if let Some((_, first)) = panel.refused.get().filter(|(s, _)| *s == slot) {
                    return Some(view! {
                        <p class="msg warning data-refused" role="alert">{super::one_at_a_time(&first)}</p>
                    }.into_any());
                }
                match status.get() {
                    Status::Idle => None,
                    Status::Loading { file } => Some(view! {
                        <div class="data-progress">
                            <progress max="1000" aria-label=format!("Reading {file}")></progress>
                            <span>{format!("Starting the data checker for {file}…")}</span>
                            " "
                            <button type="button" class="secondary small data-cancel" on:click=move |_| { panel.cancel(); keep_focus(format!("data-file-{slot}")) }>"Cancel"</button>
                        </div>
                    }.into_any()),
                    Status::Reading { file, line, per_mille } => Some(view! {
                        <div class="data-progress">
                            <progress max="1000" value=per_mille.to_string() aria-label=format!("Reading {file}")></progress>
                            <span class="data-rate">{line}</span>
                            " "
                            <button type="button" class="secondary small data-cancel" on:click=move |_| { panel.cancel(); keep_focus(format!("data-file-{slot}")) }>"Cancel"</button>
                        </div>
                    }.into_any()),
                    Status::Checked { .. } => None,
                    Status::Failed { file, message } => Some(view! {
                        <p class="msg error" role="alert">{format!("{file}: {message}")}</p>
                    }.into_any()),
                    Status::Cancelled { file } => Some(view! {
                        <p class="msg">{format!("Stopped reading {file}: nothing of it was kept.")}</p>
                    }.into_any()),
                }
            }}
            {move || summary.get().map(|c| view! {
                <ChannelSummary channel=c/>
                <button type="button" class="secondary small" on:click=move |_| { panel.forget(slot); keep_focus(format!("data-file-{slot}")) }>"Remove this file"</button>
            })}
        </div>
    }
}

/// Rows, columns (kind and missing share) and the target's classes of one file.
#[component]
fn ChannelSummary(
    /// What the worker found in the file.
    channel: ChannelView,
) -> impl IntoView {
    let rows = channel.rows;
    let head = format!(
        "{}: {}{}, {}{}, {}",
        channel.file,
        channel
            .format
            .clone()
            .unwrap_or_else(|| "neither CSV nor Parquet".into()),
        if channel.gzip { " (gzip)" } else { "" },
        file_size(channel.bytes),
        match rows {
            Some(n) => format!(", {} rows", n),
            None => String::new(),
        },
        plural(channel.columns.len() + channel.more_columns, "column"),
    );
    let columns = channel.columns.clone();
    let more = channel.more_columns;
    view! {
        <div class="data-summary">
            <p class="data-head">{head}</p>
            {channel.target.map(|t| view! { <ClassChart target=t/> })}
            {(!columns.is_empty()).then(|| view! {
                <details class="data-columns">
                    <summary>"Columns"</summary>
                    <table>
                        <thead><tr><th scope="col">"Column"</th><th scope="col">"Kind"</th><th scope="col">"Missing"</th></tr></thead>
                        <tbody>
                            {columns.into_iter().map(|c| {
                                let missing = match (c.missing, rows) {
                                    (Some(m), Some(r)) => format!("{} ({})", m, share(m, r)),
                                    (Some(m), None) => m.to_string(),
                                    (None, _) => "not known".to_string(),
                                };
                                view! { <tr><td>{c.name}</td><td>{c.kind}</td><td>{missing}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more columns")}</p> })}
                </details>
            })}
            {channel.not_checked.map(|n| view! { <p class="hint">{format!("Not checked: {n}")}</p> })}
        </div>
    }
}

/// The target's classes as bars (inline SVG, hidden from screen readers) beside their
/// values, counts and shares as text.
#[component]
fn ClassChart(
    /// The target column's values.
    target: TargetView,
) -> impl IntoView {
    let total: u64 = target
        .classes
        .iter()
        .fold(target.rest, |sum, (_, n)| sum.saturating_add(*n));
    let most = target.classes.first().map(|c| c.1).unwrap_or(0).max(1);
    let distinct = if target.more {
        format!("more than {} values", target.distinct)
    } else {
        plural(target.distinct, "value")
    };
    let caption = format!(
        "Target {}: {}{}{}",
        target.column,
        distinct,
        if target.numeric { ", all numbers" } else { "" },
        match target.missing {
            0 => String::new(),
            m => format!(", {m} rows without a value"),
        }
    );
    let mut rows: Vec<(String, u64)> = target.classes.clone();
    if target.rest > 0 {
        rows.push(("(all other values)".to_string(), target.rest));
    }
    view! {
        <table class="class-chart">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">"Value"</th><th scope="col">"Rows"</th><th scope="col">"Share"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(value, n)| {
                    let width = per_mille(n, most).to_string();
                    view! {
                        <tr>
                            <th scope="row">{value}</th>
                            <td class="count">{n}</td>
                            <td class="share">
                                <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                    <rect width=width height="10"></rect>
                                </svg>
                                {share(n, total)}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
