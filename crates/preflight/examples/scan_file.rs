//! Runs one file through the preflight, for profiling the pass without the command line:
//! `cargo run --release -p automl-preflight --example scan_file -- REQUEST.json FILE`.
use std::fs::File;

use automl_preflight::{check_reader, Plan, Preflight};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: scan_file REQUEST.json FILE");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[1]).expect("request");
    let plan = Plan::from_text(&text).expect("plan");
    let check = Preflight::channel(&plan, 0, &args[2]).expect("channel");
    let file = File::open(&args[2]).expect("file");
    let result = check_reader(check, file).expect("read");
    let report = Preflight::report(&plan, vec![result]);
    println!("{}", report.to_json());
}
