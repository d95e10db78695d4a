//! Reading a channel's file ([`Panel::start`]): slices of [`CHUNK`] bytes read by `gloo-file`,
//! at most [`IN_FLIGHT`] at the worker at once, its answers, Cancel, and a worker that stops
//! answering ([`Panel::lost`]). [`super::run`] holds the panel's state and decides what to read.

use std::cell::RefCell;
use std::rc::Rc;

use automl_preflight_worker::Input;
use futures_channel::oneshot;
use leptos::prelude::*;

use super::run::*;
use crate::state::data_check::{per_mille, progress_line, request_text};

impl Panel {
    pub(super) fn start(&self, slot: usize, file: web_sys::File) {
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
    pub(super) async fn read(
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
    pub(super) async fn wait(
        self,
        shared: &Rc<RefCell<Shared>>,
        run: u32,
        rx: oneshot::Receiver<()>,
    ) {
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
    pub(super) fn lost(&self, shared: &Rc<RefCell<Shared>>) {
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
    pub(super) fn cancel(&self) {
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
}
