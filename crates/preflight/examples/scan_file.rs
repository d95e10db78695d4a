//! Runs one file through the preflight alone, for profiling the pass (`perf record`) without
//! building the command line and its S3 client:
//! `cargo build --release -p automl-preflight --example scan_file`, then
//! `target/release/examples/scan_file REQUEST.json FILE` prints the report's JSON.

use std::fs::File;
use std::process::ExitCode;

use automl_preflight::{check_reader, Plan, Preflight};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, request, data] = &args[..] else {
        eprintln!("usage: scan_file REQUEST.json FILE");
        return ExitCode::from(2);
    };
    let plan = match std::fs::read_to_string(request)
        .map_err(|e| e.to_string())
        .and_then(|text| Plan::from_text(&text).map_err(|e| e.to_string()))
    {
        Ok(plan) => plan,
        Err(why) => {
            eprintln!("error: {request}: {why}");
            return ExitCode::from(2);
        }
    };
    let Some(check) = Preflight::channel(&plan, 0, data) else {
        eprintln!("error: {request} has no channel");
        return ExitCode::from(2);
    };
    match File::open(data).and_then(|file| check_reader(check, file)) {
        Ok(result) => {
            println!("{}", Preflight::report(&plan, vec![result]).to_json());
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("error: {data}: {why}");
            ExitCode::from(2)
        }
    }
}
