//! Time-series forecasting: the horizon, the quantiles, the columns, holidays and the
//! transformations.

use super::layout::Problem;
use super::{error, warning, Request};
use crate::diag::Findings;
use crate::json::{escape_pointer_token, Node};

const CONFIG: &str = "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig";

/// `ForecastHorizon` is at most 500 time steps.
///
/// The reference gives the maximum as "the lesser of 500 time-steps or 1/4 of the time-steps
/// in the dataset": the second bound needs the data (the preflight reads it), the first is
/// checked here. Severity: error, a documented maximum (the model sets no maximum).
///
/// Source: API, TimeSeriesForecastingJobConfig.ForecastHorizon.
pub fn forecast_horizon_at_most_500(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TimeSeries {
        return;
    }
    let path = format!("{CONFIG}/ForecastHorizon");
    let Some(horizon) = req.int(&path) else {
        return;
    };
    if horizon > 500 {
        out.push(error(
            "forecast-horizon",
            &path,
            &format!("ForecastHorizon is {horizon} time steps; the most Autopilot forecasts is 500 (or a quarter of the time steps in the data, if fewer)"),
            "ForecastHorizon must be less than or equal to 500.",
        ));
    }
}

/// A warning for a quantile listed twice in `ForecastQuantiles`: it trains nothing more and
/// takes one of the five places.
///
/// Source: API, TimeSeriesForecastingJobConfig.ForecastQuantiles ("You can specify quantiles
/// from 0.01 (p1) to 0.99 (p99) … Up to five forecast quantiles can be specified").
pub fn forecast_quantiles_unique(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TimeSeries {
        return;
    }
    let list = format!("{CONFIG}/ForecastQuantiles");
    let Some(items) = req.get(&list).and_then(Node::as_array) else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(q) = item.as_str() else { continue };
        if seen.contains(&q) {
            out.push(warning(
                "forecast-quantile-duplicate",
                &format!("{list}/{i}"),
                &format!("ForecastQuantiles lists {q} more than once"),
            ));
        }
        seen.push(q);
    }
}

/// The columns of `TimeSeriesConfig` are different columns: the target, the timestamp, the
/// item identifier and each grouping column. A warning: the reference describes each as its
/// own column ("the column representing the target", "the column indicating a point in
/// time", "the column that represents the set of item identifiers", "columns names that can
/// be grouped with the item identifier column") without stating what the service does with
/// one column named twice.
///
/// Source: API, TimeSeriesConfig.
pub fn time_series_columns_distinct(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TimeSeries {
        return;
    }
    let base = format!("{CONFIG}/TimeSeriesConfig");
    let mut columns: Vec<(String, &str)> = Vec::new();
    for member in [
        "TargetAttributeName",
        "TimestampAttributeName",
        "ItemIdentifierAttributeName",
    ] {
        let path = format!("{base}/{member}");
        if let Some(name) = req.str(&path) {
            columns.push((path, name));
        }
    }
    let grouping = format!("{base}/GroupingAttributeNames");
    if let Some(items) = req.get(&grouping).and_then(Node::as_array) {
        for (i, item) in items.iter().enumerate() {
            if let Some(name) = item.as_str() {
                columns.push((format!("{grouping}/{i}"), name));
            }
        }
    }
    for (j, (path, name)) in columns.iter().enumerate() {
        if let Some((first, _)) = columns[..j].iter().find(|(_, other)| other == name) {
            let member = path
                .rsplit('/')
                .find(|t| !t.bytes().all(|b| b.is_ascii_digit()))
                .unwrap_or_default();
            let other = first
                .rsplit('/')
                .find(|t| !t.bytes().all(|b| b.is_ascii_digit()))
                .unwrap_or_default();
            out.push(
                warning(
                    "time-series-column-twice",
                    path,
                    &format!("{member} names the column \"{name}\", which {other} already names: the target, timestamp, item identifier and grouping columns are different columns"),
                )
                .about(&[first]),
            );
        }
    }
}

/// The ISO 3166-1 alpha-2 codes (Debian's iso-codes 4.15, `iso_3166-1.json`), in order, two
/// letters each, as one string (a list of 249 strings would cost the page eight times the
/// bytes): Autopilot's holiday calendars are named by these codes.
const COUNTRY_CODES: &str = concat!(
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCD",
    "CFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGF",
    "GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN",
    "KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA",
    "NCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI",
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI",
    "VNVUWFWSYEYTZAZMZW",
);

/// A warning for a `HolidayConfig` country code that is no country's: the model checks only
/// the form (two capital letters), and Autopilot's calendars cover "over 250 countries",
/// each named by its ISO 3166-1 code. A warning, not an error: the guide's table is the
/// authority and is not vendored here; a code outside ISO 3166-1 (`UK` for `GB`, `EU`) is
/// very likely not in it.
///
/// Source: API, HolidayConfigAttributes.CountryCode ("For the list of public holiday
/// calendars supported by AutoML job V2, see Country Codes"); developer guide, "National
/// holiday calendars" (`autopilot-timeseries-forecasting-holiday-calendars.html`).
pub fn holiday_country_code(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TimeSeries {
        return;
    }
    let list = format!("{CONFIG}/HolidayConfig");
    let Some(items) = req.get(&list).and_then(Node::as_array) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let Some(code) = item.get("CountryCode").and_then(Node::as_str) else {
            continue;
        };
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            // Not of the model's form: its own error says so.
            continue;
        }
        // XK is no ISO 3166-1 code, but the user-assigned one holiday calendars use for
        // Kosovo: left alone rather than warned about.
        let listed = COUNTRY_CODES
            .as_bytes()
            .chunks(2)
            .any(|c| c == code.as_bytes());
        if listed || code == "XK" {
            continue;
        }
        let hint = match code {
            "UK" => " (the United Kingdom is GB)",
            "EU" => " (the calendars are national: name one country)",
            _ => "",
        };
        out.push(warning(
            "holiday-country-code",
            &format!("{list}/{i}/CountryCode"),
            &format!("CountryCode {code} is not an ISO 3166-1 country code{hint}, so Autopilot has no holiday calendar for it"),
        ));
    }
}

/// The filling methods and the values each takes.
fn filling_values(method: &str) -> Option<&'static [&'static str]> {
    match method {
        "frontfill" => Some(&["none"]),
        "middlefill" | "backfill" | "futurefill" => {
            Some(&["zero", "value", "median", "mean", "min", "max"])
        }
        _ => None,
    }
}

/// `Transformations.Filling`: each method takes its documented values (`frontfill`: none;
/// `middlefill`, `backfill`, `futurefill`: zero, value, median, mean, min, max); `frontfill` is
/// for the target column only; a method set to `value` needs its `<method>_value`, and a
/// `<method>_value` needs its method set to `value`. `Transformations.Aggregation` is for the
/// target column only.
///
/// Source: API, TimeSeriesTransformations.Filling ("frontfill: none (Supported only for target
/// column) middlefill: zero, value, median, mean, min, max …", "To set a filling method to a
/// specific value, set the fill parameter to the chosen filling method value (for example
/// "backfill" : "value"), and define the filling value in an additional parameter prefixed
/// with "_value"") and TimeSeriesTransformations.Aggregation ("Aggregation is only supported
/// for the target column").
pub fn transformations(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TimeSeries {
        return;
    }
    let target = req.str(&format!("{CONFIG}/TimeSeriesConfig/TargetAttributeName"));
    let target_path = format!("{CONFIG}/TimeSeriesConfig/TargetAttributeName");
    let filling = format!("{CONFIG}/Transformations/Filling");
    if let Some(columns) = req.get(&filling).and_then(Node::as_object) {
        for column in columns {
            let Some(methods) = column.value.as_object() else {
                continue;
            };
            let column_path = format!("{filling}/{}", escape_pointer_token(&column.key));
            for m in methods {
                let Some(value) = m.value.as_str() else {
                    continue;
                };
                let path = format!("{column_path}/{}", escape_pointer_token(&m.key));
                if let Some(allowed) = filling_values(&m.key) {
                    if !allowed.contains(&value) {
                        out.push(error(
                            "filling-value",
                            &path,
                            &format!("{} takes {}, not \"{value}\"", m.key, allowed.join(", ")),
                            &format!(
                                "Invalid filling value {value} for filling method {}.",
                                m.key
                            ),
                        ));
                    } else if value == "value"
                        && !methods.iter().any(|o| o.key == format!("{}_value", m.key))
                    {
                        out.push(error(
                            "filling-value-missing",
                            &path,
                            &format!(
                                "{} is \"value\" but {}_value is not set: add \"{}_value\" with the value to fill in",
                                m.key, m.key, m.key
                            ),
                            &format!("{}_value must be specified when {} is set to value.", m.key, m.key),
                        ));
                    }
                    if m.key == "frontfill" && target.is_some_and(|t| t != column.key) {
                        out.push(error(
                            "filling-frontfill-target",
                            &path,
                            &format!(
                                "frontfill is supported only for the target column ({}), not \"{}\"",
                                target.unwrap_or_default(),
                                column.key
                            ),
                            "frontfill is supported only for the target column.",
                        ).about(&[&target_path]));
                    }
                } else if let Some(method) = m.key.strip_suffix("_value") {
                    let set = methods
                        .iter()
                        .find(|o| o.key == method)
                        .and_then(|o| o.value.as_str());
                    if set != Some("value") {
                        out.push(error(
                            "filling-value-unused",
                            &path,
                            &format!(
                                "{} is used only when {method} is \"value\"{}: set {method} to \"value\", or remove {}",
                                m.key,
                                set.map(|s| format!(", and it is \"{s}\"")).unwrap_or_else(|| ", and it is not set".to_string()),
                                m.key
                            ),
                            &format!("{} can be specified only when {method} is set to value.", m.key),
                        ));
                    }
                }
            }
        }
    }
    let aggregation = format!("{CONFIG}/Transformations/Aggregation");
    if let (Some(columns), Some(target)) = (req.get(&aggregation).and_then(Node::as_object), target)
    {
        for column in columns {
            if column.key != target {
                out.push(
                    error(
                        "aggregation-target-only",
                        &format!("{aggregation}/{}", escape_pointer_token(&column.key)),
                        &format!(
                            "Aggregation is supported only for the target column ({target}), not \"{}\"",
                            column.key
                        ),
                        "Aggregation is supported only for the target column.",
                    )
                    .about(&[&target_path]),
                );
            }
        }
    }
}
