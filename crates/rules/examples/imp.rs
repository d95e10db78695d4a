use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    match automl_rules::import::import_full(&automl_rules::CREATE_AUTO_ML_JOB, &s) {
        Ok(i) => {
            println!("{}", automl_rules::json::to_compact(&i.request));
            for d in automl_rules::import::check_imported(&automl_rules::CREATE_AUTO_ML_JOB, &i) {
                let (l, c) = d
                    .span
                    .map(|sp| automl_rules::json::line_col(&s, sp.start))
                    .unwrap_or((0, 0));
                println!(
                    "{} {} {} {}:{} {}",
                    d.severity, d.code, d.path, l, c, d.message
                );
            }
            println!("left out: {:?}", i.left_out);
        }
        Err(e) => println!("ERR {e}"),
    }
}
