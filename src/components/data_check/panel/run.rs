//! The panel's state and its work ([`super`] draws it): each channel's file, read in slices
//! (`gloo-file`, [`super::read`]) and checked in a Web Worker (`crates/preflight-worker`,
//! `gloo-worker`), whose code is fetched only when the first file is chosen; the worker's
//! answers, files that follow their channel as the draft changes, and the report, whose
//! findings go to the channel's fields and the Check panel.
//!
//! The worker may not start (the page went offline before its files were fetched, a host
//! without them, a page the browser allows no worker): the panel says so at the channel
//! after at most [`SILENCE`] without an answer, drops that worker, and the next file chosen
//! tries again. Nothing on that path panics (the release build aborts on a panic).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use automl_preflight_worker::{Input, Output, Postcard, PreflightWorker, ReportView};
use futures_channel::oneshot;
use gloo_worker::{Spawnable, WorkerBridge};
use leptos::prelude::*;

use crate::state::data_check::{
    channel_keys, follow, follow_report, is_v2, to_diagnostics, ChannelKey,
};
use crate::state::editor::Editor;
use automl_rules::diag::Diagnostic;

/// Bytes read and sent to the worker at a time.
pub(super) const CHUNK: u64 = 4 << 20;
/// Chunks sent and not yet answered: the worker always has the next one while the page
/// reads the one after.
pub(super) const IN_FLIGHT: u32 = 2;
/// How long the page waits for an answer of the worker before it takes the worker for lost:
/// a worker that loaded answers `Start` at once and a chunk in well under a second, so this
/// is a worker whose files did not load (gloo-worker does not tell the `Worker`'s `error`
/// event) or one that stopped.
pub(super) const SILENCE: Duration = Duration::from_secs(15);

/// Files kept whose channel was removed from the request (put back with it by Undo).
pub(super) const MAX_PARKED: usize = 8;

/// The message at the channel when the worker never answered.
pub(super) const NOT_LOADED: &str = "The data checker could not be loaded (preflight-worker_bg.wasm): offline? The request is untouched; choose the file again to retry.";
/// The message at the channel when the worker answered before, then stopped.
pub(super) const STOPPED: &str = "The data checker stopped answering (it may have run out of memory). The request is untouched; choose the file again to retry.";

/// What a channel's box says.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Status {
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
pub(super) struct Reading {
    pub(super) run: u32,
    pub(super) slot: usize,
    /// The worker answered `Start`: the file's bytes may be sent.
    pub(super) started: bool,
    pub(super) read: u64,
    pub(super) in_flight: u32,
    pub(super) skip_to: Option<u64>,
    pub(super) wake: Option<oneshot::Sender<()>>,
}

/// The worker (spawned on first use) and the file being read; shared by the reading task
/// and the worker's answers.
#[derive(Default)]
pub(super) struct Shared {
    pub(super) bridge: Option<WorkerBridge<PreflightWorker>>,
    /// The worker answered something since it was spawned: its files loaded.
    pub(super) alive: bool,
    /// Answers of the worker so far: the watchdog's sign of life ([`Panel::wait`]).
    pub(super) answers: u32,
    pub(super) reading: Option<Reading>,
    pub(super) runs: u32,
}

impl Shared {
    pub(super) fn send(&self, input: Input) {
        if let Some(b) = &self.bridge {
            b.send(input);
        }
    }
    /// Whether run `run` is still the one being read.
    pub(super) fn current(&self, run: u32) -> bool {
        self.reading.as_ref().is_some_and(|r| r.run == run)
    }
    pub(super) fn wake(&mut self) {
        if let Some(tx) = self.reading.as_mut().and_then(|r| r.wake.take()) {
            let _ = tx.send(());
        }
    }
}

/// The panel's signals.
#[derive(Clone, Copy)]
pub(super) struct Panel {
    pub(super) editor: Editor,
    pub(super) status: RwSignal<Vec<Status>>,
    pub(super) report: RwSignal<Option<ReportView>>,
    pub(super) shared: StoredValue<Rc<RefCell<Shared>>, LocalStorage>,
    /// Each slot's chosen file, kept to check again after the request changes.
    pub(super) files: StoredValue<Vec<Option<web_sys::File>>, LocalStorage>,
    /// Slots to check once the file being read is done ("Check again").
    pub(super) queue: StoredValue<Vec<usize>, LocalStorage>,
    /// The request text (see [`request_text`]) the files were last checked against.
    pub(super) checked_with: RwSignal<Option<String>>,
    /// The draft's channels the slots of `files`, `status` and `report` are of: a file
    /// follows its channel when they change ([`Panel::follow`]).
    pub(super) keys: StoredValue<Vec<ChannelKey>>,
    /// Files whose channel was removed from the request, with that channel's text: the file
    /// comes back with its channel (Undo).
    pub(super) parked: StoredValue<Vec<(String, web_sys::File)>, LocalStorage>,
    /// The names of those files, said at the panel until chosen again or put back.
    pub(super) gone: RwSignal<Vec<String>>,
    /// A file dropped on a channel (its slot) while another file (named) was read: refused,
    /// and said there until a file is chosen for that channel.
    pub(super) refused: RwSignal<Option<(usize, String)>>,
}

impl Panel {
    /// The panel's state for `editor`'s draft, with a file the stand-in refused (see
    /// [`Panel::refused`]); its reading ends with the component that made it.
    pub(super) fn new(editor: Editor, refused: Option<(usize, String)>) -> Panel {
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
        panel
    }

    pub(super) fn set_status(&self, slot: usize, status: Status) {
        self.status.update(|all| {
            if all.len() <= slot {
                all.resize(slot + 1, Status::Idle);
            }
            all[slot] = status;
        });
    }

    pub(super) fn shared(&self) -> Rc<RefCell<Shared>> {
        self.shared.with_value(Rc::clone)
    }

    /// The worker, spawned on first use from its own files; the message to show when this
    /// page cannot start one.
    pub(super) fn ensure_worker(&self) -> Result<(), String> {
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
    pub(super) fn answer(&self, out: Output) {
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

    pub(super) fn file_of(&self, slot: usize) -> String {
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
    pub(super) fn show(&self, report: ReportView) {
        let v2 = self.editor.draft.with_untracked(|d| is_v2(&d.root));
        self.show_findings(to_diagnostics(&report, v2));
        self.report.set(Some(report));
    }

    /// The findings at the fields and in the Check panel.
    pub(super) fn show_findings(&self, found: Vec<Diagnostic>) {
        self.editor.reveal.update(|r| {
            for d in &found {
                r.touched.insert(d.path.clone());
            }
        });
        self.editor.data.set(found);
    }

    /// Checks the next file "Check again" queued, if any.
    pub(super) fn next_in_queue(&self) {
        while let Some(slot) = self.queue.try_update_value(|q| q.pop()).flatten() {
            let file = self.files.with_value(|f| f.get(slot).cloned().flatten());
            if let Some(file) = file {
                self.start(slot, file);
                return;
            }
        }
    }

    /// The slots whose file was read (or failed, and is kept to try again).
    pub(super) fn kept(&self) -> Vec<usize> {
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
    pub(super) fn follow(&self, new: Vec<ChannelKey>) {
        let old = self.keys.get_value();
        if old == new {
            return;
        }
        let map = follow(&old, &new);
        // A channel at another slot, or at another place (the request converted between
        // V1 and V2: its channel list has another name) is moved.
        let moved = map.iter().enumerate().any(|(i, to)| {
            *to != Some(i)
                || to
                    .and_then(|n| new.get(n))
                    .zip(old.get(i))
                    .is_some_and(|(n, o)| n.pointer != o.pointer)
        });
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
                    follow_report(r, &map, &old, &new, v2);
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
    pub(super) fn check_again(&self) {
        let mut slots = self.kept();
        // Popped from the end: training (the lowest slot) first.
        slots.reverse();
        self.queue.set_value(slots);
        self.cancel();
        self.next_in_queue();
    }

    /// Starts reading `file` for the channel in `slot`, replacing any file being read (and
    /// any "Check again" in progress).
    pub(super) fn check(&self, slot: usize, file: web_sys::File) {
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

    /// Forgets the file of a channel: its summary and findings go.
    pub(super) fn forget(&self, slot: usize) {
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
pub(super) fn worker_allowed(script: &str) -> Result<(), String> {
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
