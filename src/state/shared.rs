//! The page's reactive pieces at less code: [`Shared`], a value the page shares and reads
//! reactively, as a signal is, at a fraction of a signal's code, and [`effect`], the one
//! non-generic way its effects run. A leaf: it knows nothing of the editor.

use leptos::prelude::*;

/// A value the page shares and reads reactively, as a signal is: a `StoredValue` and a
/// `Trigger` that says it changed. For the editor's values of their own types (what is
/// revealed, the open sections, Undo's steps, an operation's tables loading): Leptos'
/// `RwSignal<T>` is its own copy of the signal code for each `T` (its read and write guards
/// and subscribers, about 2 KB of wasm before wasm-opt), a `StoredValue<T>` less, and the
/// trigger's code is shared by all.
pub struct Shared<T: 'static> {
    value: StoredValue<T>,
    changed: Trigger,
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Shared<T> {}

impl<T: Send + Sync + 'static> Shared<T> {
    /// Holds `value`.
    pub fn new(value: T) -> Self {
        Shared {
            value: StoredValue::new(value),
            changed: Trigger::new(),
        }
    }

    /// Makes the running effect or memo run again when the value changes.
    pub fn track(&self) {
        self.changed.track();
    }

    /// Reads the value, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.changed.track();
        self.value.with_value(f)
    }

    /// Reads the value, not tracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_value(f)
    }

    /// Changes the value, and says so.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.value.update_value(f);
        self.changed.notify();
    }

    /// Changes the value and says so; `None` once the value is gone (its owner disposed).
    pub fn try_update<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        let out = self.value.try_update_value(f)?;
        self.changed.notify();
        Some(out)
    }

    /// Replaces the value, and says so.
    pub fn set(&self, value: T) {
        self.value.set_value(value);
        self.changed.notify();
    }

    /// Replaces the value and says so; `false` once the value is gone (its owner disposed).
    pub fn try_set(&self, value: T) -> bool {
        let set = self.value.try_set_value(value).is_none();
        if set {
            self.changed.notify();
        }
        set
    }
}

impl<T: Clone + Send + Sync + 'static> Shared<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, not tracked.
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}

/// Runs `f` at once and again whenever what it read changes, telling it whether this is its
/// first run. The page's effects go through this one function, which is not generic: Leptos'
/// `Effect::new` is then one copy in the wasm, not one per effect.
pub fn effect(f: impl FnMut(bool) + 'static) {
    effect_boxed(Box::new(f));
}

#[inline(never)]
fn effect_boxed(mut f: Box<dyn FnMut(bool)>) {
    Effect::new(move |before: Option<()>| f(before.is_none()));
}
