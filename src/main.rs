//! The page's entry point: Trunk builds this binary to WebAssembly.

fn main() {
    automl_job_web::mount();
}
