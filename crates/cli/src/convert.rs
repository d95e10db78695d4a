//! `automl-job convert --to v1|v2`: the request moved to the other operation by
//! `automl_rules::convert`, printed as a JSON body, with what moved and what was left out, and
//! the result checked against the target.

use std::fmt::Write as _;
use std::io::{self, Write};

use automl_rules::convert::{convert, Conversion, Moved};
use automl_rules::export::{self, Target};
use automl_rules::json::{self, write_string};
use automl_rules::{check_node_for, Operation, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};

use crate::args::{Api, ConvertArgs, Format};
use crate::{check_input_as, report, single_input, Checked, Input, Trouble};

pub fn command(args: ConvertArgs) -> Result<u8, Trouble> {
    let to: &'static Operation = match args.to {
        Api::V1 => &CREATE_AUTO_ML_JOB,
        Api::V2 => &CREATE_AUTO_ML_JOB_V2,
    };
    let json_format = args.format == Format::Json;
    let input = single_input(args.file.as_deref());
    let name = input.name.clone();
    // Read as check reads it (what is not JSON is refused with its place), as whatever
    // operation its members tell.
    let read = check_input_as(input, None);
    let mut out = io::stdout().lock();
    let Some(request) = read.request.as_ref().filter(|_| !read.unreadable) else {
        if json_format {
            writeln!(out, "{}", refusal_json(&name, to, None, &read))?;
        } else {
            eprint!("{}", report::human(&read));
        }
        return Ok(2);
    };
    let conversion = convert(request, to);
    if let Some(refused) = &conversion.refused {
        if json_format {
            writeln!(out, "{}", refusal_json(&name, to, Some(refused), &read))?;
        } else {
            eprintln!("error: {refused}");
        }
        return Ok(2);
    }
    let body = export::render_for(to, &conversion.request, Target::Json);
    let mut checked = if body.len() <= json::MAX_INPUT_BYTES {
        check_input_as(
            Input {
                name: format!("{name} as {}", to.name),
                text: Ok(body.clone()),
            },
            Some(to),
        )
    } else {
        // The body, longer than the input once indented, is never held to the input's size
        // limit: it is checked as a request, its findings without a line.
        Checked {
            name: format!("{name} as {}", to.name),
            text: None,
            diagnostics: check_node_for(to, &conversion.request),
            request: Some(conversion.request.clone()),
            unreadable: false,
            api: Some((to, true)),
        }
    };
    if json_format {
        writeln!(out, "{}", conversion_json(&name, &conversion, &checked))?;
    } else {
        let mut lines = conversion.summary().into_iter();
        if let Some(first) = lines.next() {
            eprintln!("note: {first}");
        }
        for line in lines {
            eprintln!("  = {line}");
        }
        // The summary says what it was converted to: no "checked as" note.
        checked.api = None;
        eprint!("{}", report::human(&checked));
        out.write_all(body.as_bytes())?;
        if !body.ends_with('\n') {
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(if checked.is_valid() { 0 } else { 1 })
}

/// `{"file", "from", "to", "request", "moved", "left_out", "unknown", "refused", "summary",
/// "check"}` on one line; `check` is what `automl-job check --format json` prints for the
/// converted body (its lines and columns are in the body `--format human` prints).
fn conversion_json(name: &str, c: &Conversion, checked: &Checked) -> String {
    let mut out = String::from("{\"file\":");
    write_string(&mut out, name);
    out.push_str(",\"from\":");
    write_string(&mut out, c.from.name);
    out.push_str(",\"to\":");
    write_string(&mut out, c.to.name);
    out.push_str(",\"request\":");
    out.push_str(&json::to_compact(&c.request));
    out.push_str(",\"moved\":");
    moves(&mut out, &c.moved);
    out.push_str(",\"left_out\":[");
    for (i, l) in c.left_out.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"pointer\":");
        write_string(&mut out, &l.pointer);
        out.push_str(",\"why\":");
        write_string(&mut out, &l.why);
        out.push('}');
    }
    out.push_str("],\"unknown\":");
    moves(&mut out, &c.unknown);
    out.push_str(",\"refused\":null,\"summary\":");
    strings(&mut out, &c.summary());
    let _ = write!(out, ",\"check\":{}}}", report::json_line(checked));
    out
}

/// The answer when nothing was converted: the input unreadable (`check` is its check) or
/// refused (`refused` says why).
fn refusal_json(name: &str, to: &Operation, refused: Option<&str>, read: &Checked) -> String {
    let mut out = String::from("{\"file\":");
    write_string(&mut out, name);
    out.push_str(",\"from\":");
    match read.api {
        Some((op, _)) => write_string(&mut out, op.name),
        None => out.push_str("null"),
    }
    out.push_str(",\"to\":");
    write_string(&mut out, to.name);
    out.push_str(",\"request\":null,\"moved\":[],\"left_out\":[],\"unknown\":[],\"refused\":");
    match refused {
        Some(why) => write_string(&mut out, why),
        None => out.push_str("null"),
    }
    out.push_str(",\"summary\":");
    strings(
        &mut out,
        &refused.map(|r| vec![r.to_string()]).unwrap_or_default(),
    );
    out.push_str(",\"check\":");
    if refused.is_some() {
        out.push_str("null");
    } else {
        out.push_str(&report::json_line(read));
    }
    out.push('}');
    out
}

fn moves(out: &mut String, list: &[Moved]) {
    out.push('[');
    for (i, m) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"from\":");
        write_string(out, &m.from);
        out.push_str(",\"to\":");
        write_string(out, &m.to);
        out.push('}');
    }
    out.push(']');
}

fn strings(out: &mut String, list: &[String]) {
    out.push('[');
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, s);
    }
    out.push(']');
}
