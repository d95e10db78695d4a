//! Where the credentials, region and endpoint come from: the environment, a profile in the
//! shared files (read with `rust-ini`: `object_store` does not), instance metadata reachable
//! or not (moved out of `s3.rs`).

use super::*;

/// A profile's settings from the shared files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Profile {
    /// Where the keys were found, for messages.
    pub(super) keys_from: Option<String>,
    pub(super) access_key_id: Option<String>,
    pub(super) secret_access_key: Option<String>,
    pub(super) session_token: Option<String>,
    pub(super) region: Option<String>,
    pub(super) endpoint_url: Option<String>,
    /// A way of getting credentials this command does not follow (`role_arn`, …).
    pub(super) other_way: Option<String>,
}

/// Reads profile `name` from the credentials file (section `[name]`) and the config file
/// (`[profile name]`, or `[default]`); the credentials file wins. `None` when neither file
/// has it.
pub(super) fn read_profile(
    name: &str,
    credentials: &std::path::Path,
    config: &std::path::Path,
) -> Result<Option<Profile>, String> {
    let mut profile = Profile::default();
    let mut found = false;
    let config_section = if name == "default" {
        "default".to_string()
    } else {
        format!("profile {name}")
    };
    for (path, section) in [(credentials, name.to_string()), (config, config_section)] {
        let ini = match ini::Ini::load_from_file_opt(
            path,
            ini::ParseOption {
                enabled_quote: false,
                enabled_escape: false,
                ..ini::ParseOption::default()
            },
        ) {
            Ok(ini) => ini,
            Err(ini::Error::Io(err)) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => return Err(format!("cannot read {}: {err}", path.display())),
        };
        let Some(props) = ini.section(Some(section.as_str())) else {
            continue;
        };
        found = true;
        let get = |key: &str| {
            props
                .get(key)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        if profile.access_key_id.is_none() {
            if let (Some(id), Some(secret)) =
                (get("aws_access_key_id"), get("aws_secret_access_key"))
            {
                profile.access_key_id = Some(id);
                profile.secret_access_key = Some(secret);
                profile.session_token = get("aws_session_token");
                profile.keys_from = Some(format!("profile \"{name}\" in {}", path.display()));
            }
        }
        profile.region = profile.region.or_else(|| get("region"));
        profile.endpoint_url = profile.endpoint_url.or_else(|| get("endpoint_url"));
        if profile.other_way.is_none() {
            profile.other_way = [
                "role_arn",
                "source_profile",
                "sso_session",
                "sso_start_url",
                "credential_process",
            ]
            .into_iter()
            .find(|key| get(key).is_some())
            .map(str::to_string);
        }
    }
    Ok(found.then_some(profile))
}

pub(super) fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// The S3 builder from the environment, completed from the profile, and where its settings
/// came from.
pub(super) fn settings(
    env: &dyn Fn(&str) -> Option<String>,
    home: Option<PathBuf>,
) -> Result<(AmazonS3Builder, Sources), String> {
    let mut builder = AmazonS3Builder::from_env();
    let aws_dir = home.map(|h| h.join(".aws"));
    let file = |var: &str, name: &str| {
        env(var)
            .map(PathBuf::from)
            .or_else(|| aws_dir.as_ref().map(|d| d.join(name)))
    };
    let credentials_file = file("AWS_SHARED_CREDENTIALS_FILE", "credentials");
    let config_file = file("AWS_CONFIG_FILE", "config");
    let named = env("AWS_PROFILE");
    let name = named.clone().unwrap_or_else(|| "default".to_string());
    let profile = match (&credentials_file, &config_file) {
        (Some(c), Some(f)) => read_profile(&name, c, f)?,
        _ => None,
    };
    if named.is_some() && profile.is_none() {
        return Err(format!(
            "AWS_PROFILE is \"{name}\", but no such profile is in {} or {}",
            shown(&credentials_file),
            shown(&config_file)
        ));
    }
    let profile = profile.unwrap_or_default();
    let env_keys = env("AWS_ACCESS_KEY_ID").is_some() && env("AWS_SECRET_ACCESS_KEY").is_some();
    let credentials = if env_keys {
        "AWS_ACCESS_KEY_ID from the environment".to_string()
    } else if let (Some(id), Some(secret)) = (&profile.access_key_id, &profile.secret_access_key) {
        builder = builder
            .with_access_key_id(id)
            .with_secret_access_key(secret);
        if let Some(token) = &profile.session_token {
            builder = builder.with_token(token);
        }
        profile.keys_from.clone().unwrap_or_default()
    } else if let Some(way) = &profile.other_way {
        return Err(format!(
            "profile \"{name}\" gets its credentials through {way}, which automl-job does not follow: export them first, e.g. eval \"$(aws configure export-credentials --profile {name} --format env)\""
        ));
    } else if env("AWS_WEB_IDENTITY_TOKEN_FILE").is_some() {
        "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)".to_string()
    } else if env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").is_some()
        || env("AWS_CONTAINER_CREDENTIALS_FULL_URI").is_some()
    {
        "container credentials (AWS_CONTAINER_CREDENTIALS_*)".to_string()
    } else {
        // Last, instance metadata: object_store would ask it with the full timeout and its
        // retries; where there is none (a laptop, CI) that is a long wait for a plain answer.
        let endpoint =
            env("AWS_METADATA_ENDPOINT").unwrap_or_else(|| "http://169.254.169.254".to_string());
        let disabled =
            env("AWS_EC2_METADATA_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let why = if disabled {
            Some("AWS_EC2_METADATA_DISABLED is true".to_string())
        } else if !reachable(&endpoint, Duration::from_secs(1)) {
            Some(format!(
                "no instance metadata service answers at {endpoint}"
            ))
        } else {
            None
        };
        if let Some(why) = why {
            return Err(format!(
                "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE to a profile with keys in {} (none in the environment, no keys in profile \"{name}\", {why})",
                shown(&credentials_file)
            ));
        }
        format!("instance metadata at {endpoint}")
    };
    if env("AWS_REGION").is_none() && env("AWS_DEFAULT_REGION").is_none() {
        if let Some(region) = &profile.region {
            builder = builder.with_region(region);
        }
    }
    let endpoint = env("AWS_ENDPOINT_URL_S3")
        .or_else(|| env("AWS_ENDPOINT_URL"))
        .or_else(|| env("AWS_ENDPOINT"));
    let endpoint = match endpoint {
        Some(url) => Some(url),
        None => {
            if let Some(url) = &profile.endpoint_url {
                builder = builder.with_endpoint(url);
            }
            profile.endpoint_url.clone()
        }
    };
    Ok((
        builder,
        Sources {
            credentials,
            endpoint,
        },
    ))
}

/// Whether something accepts TCP connections at `url`'s host and port within `wait`.
pub(super) fn reachable(url: &str, wait: Duration) -> bool {
    use std::net::{TcpStream, ToSocketAddrs};
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host_port = rest.split('/').next().unwrap_or(rest);
    let with_port = if host_port
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        host_port.to_string()
    } else {
        format!("{host_port}:80")
    };
    with_port
        .to_socket_addrs()
        .map(|addrs| {
            addrs
                .into_iter()
                .any(|a| TcpStream::connect_timeout(&a, wait).is_ok())
        })
        .unwrap_or(false)
}

pub(super) fn shown(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "~/.aws (no home directory)".to_string())
}
