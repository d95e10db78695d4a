//! The worker binary Trunk builds (`index.html`: `data-type="worker"`): it registers the
//! preflight worker and waits for the page's messages.

use automl_preflight_worker::{Postcard, PreflightWorker};
use gloo_worker::Registrable;

fn main() {
    PreflightWorker::registrar()
        .encoding::<Postcard>()
        .register();
}
