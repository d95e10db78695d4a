//! Reading a channel's data where its `S3Uri` points, for `automl-job preflight REQUEST.json`
//! with no DATA argument.
//!
//! The S3 client is `object_store` (its AWS S3 store, signing with `ring`) on a current-thread
//! tokio runtime that lives only here: the rest of the command stays synchronous, and each
//! object is handed over as a [`std::io::Read`] that pulls the next chunk of the response body
//! when asked, so an object is never held whole.
//!
//! What is read, as SageMaker reads it (API reference, AutoMLS3DataSource.S3DataType and
//! S3DataSource.S3Uri):
//! - `S3Prefix`: every object whose key begins with the prefix, as written (a key name prefix,
//!   not a pattern), in key order. Zero-byte "folder" markers are skipped.
//! - `ManifestFile`: the manifest object, a JSON array whose first element is
//!   `{"prefix": "s3://bucket/some/prefix/"}` and whose other elements are keys relative to that
//!   prefix: "SageMaker appends the suffix elements to the prefix to get a full set of S3Uri"
//!   (API reference, S3DataSource.S3Uri; the AutoMLS3DataSource page shows the same format).
//!   The objects are read in the manifest's order.
//!
//! Credentials, region and endpoint come from the usual places, first found wins:
//! - the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
//!   `AWS_REGION`, `AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL` (read by
//!   `object_store`'s `AmazonS3Builder::from_env`);
//! - a profile (`AWS_PROFILE`, else `default`) in the shared credentials and config files
//!   (`~/.aws/credentials`, `~/.aws/config`, or `AWS_SHARED_CREDENTIALS_FILE`,
//!   `AWS_CONFIG_FILE`): its `aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`,
//!   `region` and `endpoint_url`. `object_store` does not read these files, so this module does
//!   (with `rust-ini`). A profile that gets its credentials another way (`role_arn`,
//!   `sso_session`, `credential_process`) is not followed: the message says so;
//! - then `object_store`'s own chain: web identity (`AWS_WEB_IDENTITY_TOKEN_FILE`,
//!   `AWS_ROLE_ARN`), container credentials (`AWS_CONTAINER_CREDENTIALS_*`), instance metadata.
//!
//! Every wait on the network is bounded (`AUTOML_JOB_S3_TIMEOUT` seconds, 30 by default, for
//! connecting and for each read; a few retries): nothing hangs.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use automl_preflight::{ChannelCheck, ChannelPlan, ChannelResult, Plan};
use automl_rules::json::{self, Node};
use bytes::Bytes;
use futures_util::stream::{BoxStream, StreamExt};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::client::{HttpError, HttpErrorKind};
use object_store::path::Path;
use object_store::{
    BackoffConfig, ClientOptions, GetOptions, GetRange, ObjectMeta, ObjectStore, ObjectStoreExt,
    RetryConfig,
};
use tokio::runtime::Runtime;

mod config;
mod errors;
use config::*;
use errors::*;

/// Largest manifest read: the JSON reader's own limit (4 MiB holds some 50,000 entries).
const MAX_MANIFEST_BYTES: usize = json::MAX_INPUT_BYTES;
/// Manifest entries checked at once (HEAD requests in flight).
const HEADS_IN_FLIGHT: usize = 16;
/// Bytes handed to the check at a time (at most; a read gives what one chunk of the body has).
const CHUNK: usize = 1 << 20;
/// The wait allowed for connecting and for each read, unless `AUTOML_JOB_S3_TIMEOUT` says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A bucket and a key, from `s3://bucket/key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub bucket: String,
    pub key: String,
}

impl Location {
    /// Reads `s3://bucket/key` (the key may be empty or end with `/`).
    pub fn parse(uri: &str) -> Result<Location, String> {
        let Some(rest) = uri.strip_prefix("s3://") else {
            return Err(format!(
                "\"{uri}\" is not an s3:// URI: only s3://bucket/key locations are read"
            ));
        };
        let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(format!("\"{uri}\" names no bucket"));
        }
        Ok(Location {
            bucket: bucket.to_string(),
            key: key.to_string(),
        })
    }

    pub fn uri(&self) -> String {
        format!("s3://{}/{}", self.bucket, self.key)
    }
}

/// One object to read, with its size from the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object {
    pub location: Location,
    pub size: u64,
    /// The entity tag when listed: a read asks for this very version (`If-Match`), so an
    /// object replaced meanwhile is told, not read half old, half new.
    pub e_tag: Option<String>,
}

/// How a channel's `S3Uri` is read (AutoMLS3DataSource.S3DataType).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataType {
    S3Prefix,
    ManifestFile,
}

impl DataType {
    /// The request's `S3DataType`; `AugmentedManifestFile` (V2 jobs only) and anything else
    /// is not read.
    pub fn parse(name: &str) -> Result<DataType, String> {
        match name {
            "S3Prefix" => Ok(DataType::S3Prefix),
            "ManifestFile" => Ok(DataType::ManifestFile),
            other => Err(format!(
                "S3DataType \"{other}\" is not read: only S3Prefix and ManifestFile locations are"
            )),
        }
    }
}

/// Where the settings came from, for messages about credentials.
#[derive(Clone, Debug, Default)]
struct Sources {
    /// "the environment (AWS_ACCESS_KEY_ID)", "profile \"dev\" in /root/.aws/credentials", …
    credentials: String,
    /// The endpoint URL when one is set (not AWS's own).
    endpoint: Option<String>,
}

/// The S3 client: one store per bucket, the runtime, the progress bar.
pub struct Client {
    runtime: Runtime,
    builder: AmazonS3Builder,
    sources: Sources,
    timeout: Duration,
    stores: HashMap<String, Arc<dyn ObjectStore>>,
    progress: ProgressBar,
}

impl Client {
    /// Reads the settings from the environment and the shared files, and starts the runtime.
    pub fn from_env() -> Result<Client, String> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let timeout = match env("AUTOML_JOB_S3_TIMEOUT") {
            None => DEFAULT_TIMEOUT,
            Some(text) => match text.parse::<f64>() {
                Ok(secs) if secs > 0.0 && secs <= 3600.0 => Duration::from_secs_f64(secs),
                _ => {
                    return Err(format!(
                    "AUTOML_JOB_S3_TIMEOUT is \"{text}\": give a number of seconds from 0 to 3600"
                ))
                }
            },
        };
        let (builder, sources) = settings(&env, home_dir())?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|err| format!("cannot start the network runtime: {err}"))?;
        // rustls needs one crypto provider; ring is the one built in. rustls 0.23.48 marks it
        // deprecated for lacking post-quantum key exchange, which S3 does not require; the
        // provider that has it (aws-lc-rs) is the large C build left out on purpose. A second
        // install (there is none) would be refused, which changes nothing.
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
        Ok(Client {
            runtime,
            builder,
            sources,
            timeout,
            stores: HashMap::new(),
            progress: ProgressBar::hidden(),
        })
    }

    fn store(&mut self, bucket: &str) -> Result<Arc<dyn ObjectStore>, String> {
        if let Some(store) = self.stores.get(bucket) {
            return Ok(Arc::clone(store));
        }
        let endpoint = self.sources.endpoint.as_deref();
        let http = endpoint.is_some_and(|e| e.starts_with("http://"))
            || self
                .builder
                .get_config_value(&AmazonS3ConfigKey::Client(
                    object_store::ClientConfigKey::AllowHttp,
                ))
                .is_some_and(|v| v == "true");
        let options = ClientOptions::new()
            .with_allow_http(http)
            .with_connect_timeout(self.timeout)
            .with_read_timeout(self.timeout)
            // A body of many gigabytes takes what it takes; each read is bounded instead.
            .with_timeout_disabled();
        let retry = RetryConfig {
            backoff: BackoffConfig {
                init_backoff: Duration::from_millis(100),
                max_backoff: Duration::from_secs(2),
                base: 2.0,
            },
            max_retries: 2,
            retry_timeout: self.timeout.saturating_mul(3),
        };
        // Virtual-hosted requests (bucket.s3.region.amazonaws.com) on AWS, as the AWS CLI
        // sends them; a bucket name with dots would not match the TLS certificate, and a
        // custom endpoint (a loopback server, an S3-compatible store) is addressed by path.
        let virtual_hosted = endpoint.is_none() && !bucket.contains('.');
        let store = self
            .builder
            .clone()
            .with_bucket_name(bucket)
            .with_client_options(options)
            .with_retry(retry)
            .with_virtual_hosted_style_request(virtual_hosted)
            .build()
            .map_err(|err| format!("cannot set up the S3 client for bucket \"{bucket}\": {err}"))?;
        let store: Arc<dyn ObjectStore> = Arc::new(store);
        self.stores.insert(bucket.to_string(), Arc::clone(&store));
        Ok(store)
    }

    /// The objects a channel reads, in the order SageMaker reads them.
    pub fn objects(&mut self, uri: &str, data_type: DataType) -> Result<Vec<Object>, String> {
        let location = Location::parse(uri)?;
        match data_type {
            DataType::S3Prefix => self.list_prefix(&location),
            DataType::ManifestFile => self.manifest_objects(&location),
        }
    }

    /// Every object whose key begins with the location's key, in key order, folder markers
    /// left out. An empty result is an error: SageMaker would find no data.
    fn list_prefix(&mut self, location: &Location) -> Result<Vec<Object>, String> {
        let store = self.store(&location.bucket)?;
        let key = location.key.as_str();
        // object_store lists "folder/" prefixes: list the folder the key prefix is in, and
        // keep the keys that begin with the prefix as written (s3://b/data/train reads
        // data/train.csv and data/train/a.csv, as S3 would).
        let folder = match key.rsplit_once('/') {
            Some((folder, _)) if !folder.is_empty() => Some(
                Path::parse(folder)
                    .map_err(|err| format!("cannot list {}: {err}", location.uri()))?,
            ),
            _ => None,
        };
        let timeout = self.timeout;
        let endpoint = self.sources.endpoint.clone();
        let uri = location.uri();
        let listed: Result<Vec<ObjectMeta>, String> = self.runtime.block_on(async {
            let mut stream = store.list(folder.as_ref());
            let mut found = Vec::new();
            loop {
                match tokio::time::timeout(timeout.saturating_mul(4), stream.next()).await {
                    Err(_) => return Err(timed_out(&uri, timeout)),
                    Ok(None) => return Ok(found),
                    Ok(Some(Err(err))) => {
                        return Err(describe(&err, &uri, Op::List, endpoint.as_deref(), timeout))
                    }
                    Ok(Some(Ok(meta))) => {
                        if meta.location.as_ref().starts_with(key) {
                            found.push(meta);
                        }
                    }
                }
            }
        });
        let mut listed = listed.map_err(|message| self.with_credentials_hint(message))?;
        listed.sort_by(|a, b| a.location.as_ref().cmp(b.location.as_ref()));
        let objects = without_folder_markers(&listed)
            .map(|meta| Object {
                location: Location {
                    bucket: location.bucket.clone(),
                    key: meta.location.as_ref().to_string(),
                },
                size: meta.size,
                e_tag: meta.e_tag.clone(),
            })
            .collect::<Vec<_>>();
        if objects.is_empty() {
            return Err(format!(
                "no objects under {uri}: SageMaker would find no data there (a prefix is matched as written, at the start of each key)"
            ));
        }
        Ok(objects)
    }

    /// The manifest's objects, each checked to exist (with its size), in the manifest's order.
    fn manifest_objects(&mut self, location: &Location) -> Result<Vec<Object>, String> {
        let uri = location.uri();
        let bytes = self.read_small(location, MAX_MANIFEST_BYTES, "manifest")?;
        let text =
            String::from_utf8(bytes).map_err(|_| format!("manifest {uri} is not UTF-8 text"))?;
        let locations = parse_manifest(&text).map_err(|m| format!("manifest {uri}: {m}"))?;
        let timeout = self.timeout;
        let endpoint = self.sources.endpoint.clone();
        // One store per bucket: parse_manifest keeps every entry in the prefix's bucket.
        let Some(first) = locations.first().cloned() else {
            return Err(format!("manifest {uri} lists no objects"));
        };
        let store = self.store(&first.bucket)?;
        let heads: Vec<Result<Object, String>> = self.runtime.block_on(async {
            futures_util::stream::iter(locations.into_iter().enumerate())
                .map(|(index, entry)| {
                    let store = Arc::clone(&store);
                    let endpoint = endpoint.clone();
                    async move {
                        let entry_uri = entry.uri();
                        let path = Path::parse(&entry.key)
                            .map_err(|err| format!("entry {} ({entry_uri}): {err}", index + 1))?;
                        match tokio::time::timeout(timeout.saturating_mul(4), store.head(&path))
                            .await
                        {
                            Err(_) => Err(timed_out(&entry_uri, timeout)),
                            Ok(Err(err)) => Err(format!(
                                "entry {}: {}",
                                index + 1,
                                describe(&err, &entry_uri, Op::Head, endpoint.as_deref(), timeout)
                            )),
                            Ok(Ok(meta)) => Ok(Object {
                                location: entry,
                                size: meta.size,
                                e_tag: meta.e_tag,
                            }),
                        }
                    }
                })
                .buffered(HEADS_IN_FLIGHT)
                .collect()
                .await
        });
        let mut objects = Vec::with_capacity(heads.len());
        let mut missing = Vec::new();
        for head in heads {
            match head {
                Ok(object) => objects.push(object),
                Err(message) => missing.push(message),
            }
        }
        if !missing.is_empty() {
            // HEAD answers carry no body: a missing bucket looks like missing objects. One
            // listing tells them apart (a refused listing proves nothing, and is let be).
            let probe = self.runtime.block_on(async {
                let mut stream = store.list(None);
                tokio::time::timeout(timeout.saturating_mul(4), stream.next()).await
            });
            if let Ok(Some(Err(err))) = probe {
                if matches!(err, object_store::Error::NotFound { .. }) {
                    return Err(describe(
                        &err,
                        &first.uri(),
                        Op::List,
                        self.sources.endpoint.as_deref(),
                        self.timeout,
                    ));
                }
            }
            let shown = missing.len().min(5);
            let more = missing.len() - shown;
            let mut message = format!(
                "manifest {uri}: {} of its {} entries cannot be read: {}",
                missing.len(),
                objects.len() + missing.len(),
                missing[..shown].join("; ")
            );
            if more > 0 {
                message.push_str(&format!("; and {more} more"));
            }
            return Err(self.with_credentials_hint(message));
        }
        Ok(objects)
    }

    /// The whole of a small object (a manifest), refused past `limit` bytes.
    fn read_small(
        &mut self,
        location: &Location,
        limit: usize,
        what: &str,
    ) -> Result<Vec<u8>, String> {
        let object = Object {
            location: location.clone(),
            size: 0,
            e_tag: None,
        };
        let mut reader = self.open(&object, 0).map_err(|m| {
            if m.starts_with("no object at") {
                format!("{what} {} does not exist", location.uri())
            } else {
                m
            }
        })?;
        let mut bytes = Vec::new();
        (&mut reader)
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| err.to_string())?;
        if bytes.len() > limit {
            return Err(format!(
                "{what} {} is larger than {limit} bytes",
                location.uri()
            ));
        }
        Ok(bytes)
    }

    /// Shows a progress bar on standard error over `total` bytes, when standard error is a
    /// terminal; nothing otherwise.
    pub fn show_progress(&mut self, total: u64) {
        if !io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{bytes}/{total_bytes} {wide_bar} {bytes_per_sec} {eta} {msg}",
        ) {
            bar.set_style(style);
        }
        // Drawn at once, not only after the first refresh interval: a short read shows too.
        bar.tick();
        self.progress = bar;
    }

    /// Clears the progress bar, if any, before the report is printed.
    pub fn finish_progress(&mut self) {
        self.progress.finish_and_clear();
    }

    /// Opens an object for reading from byte `offset` on, chunk by chunk as its body arrives.
    pub fn open(&mut self, object: &Object, offset: u64) -> Result<ObjectReader<'_>, String> {
        let uri = object.location.uri();
        let store = self.store(&object.location.bucket)?;
        let path =
            Path::parse(&object.location.key).map_err(|err| format!("cannot read {uri}: {err}"))?;
        let timeout = self.timeout;
        let endpoint = self.sources.endpoint.clone();
        let got = self.runtime.block_on(async {
            let options = GetOptions {
                range: (offset > 0).then_some(GetRange::Offset(offset)),
                if_match: object.e_tag.clone(),
                ..GetOptions::default()
            };
            match tokio::time::timeout(timeout.saturating_mul(4), store.get_opts(&path, options))
                .await
            {
                Err(_) => Err(timed_out(&uri, timeout)),
                Ok(Err(err)) => Err(describe(&err, &uri, Op::Get, endpoint.as_deref(), timeout)),
                Ok(Ok(got)) => Ok(got),
            }
        });
        let got = got.map_err(|message| self.with_credentials_hint(message))?;
        self.progress.set_message(uri.clone());
        Ok(ObjectReader {
            runtime: &self.runtime,
            stream: got.into_stream(),
            chunk: Bytes::new(),
            uri,
            timeout,
            endpoint,
            progress: &self.progress,
        })
    }

    /// Adds where the credentials came from to a message about access.
    fn with_credentials_hint(&self, message: String) -> String {
        if message.contains("access denied") || message.contains("not accepted") {
            format!("{message} (credentials: {})", self.sources.credentials)
        } else {
            message
        }
    }
}

/// What the channels' data gave: one result per object read (channel by channel, each
/// channel's objects in order), and what could not be read, by channel slot.
pub struct ChannelsRead {
    pub results: Vec<ChannelResult>,
    pub unreadable: Vec<(usize, String)>,
}

/// Reads every channel of `plan` where its `S3Uri` points (its `S3DataType` from `request`),
/// each object through its own [`ChannelCheck`]; a progress bar on a terminal.
pub fn read_channels(plan: &Plan, request: Option<&Node>) -> ChannelsRead {
    let mut read = ChannelsRead {
        results: Vec::new(),
        unreadable: Vec::new(),
    };
    let mut client = match Client::from_env() {
        Ok(client) => client,
        Err(message) => {
            read.unreadable.push((0, message));
            return read;
        }
    };
    // First every channel's objects, so the progress bar knows the total.
    let mut listed: Vec<(usize, Vec<Object>)> = Vec::new();
    for (slot, channel) in plan.channels.iter().enumerate() {
        let Some(uri) = channel.s3_uri.as_deref() else {
            read.unreadable.push((
                slot,
                format!(
                    "the {} channel ({}) has no S3Uri: nothing to read",
                    channel.kind(),
                    channel.place()
                ),
            ));
            continue;
        };
        let data_type = request
            .and_then(|r| r.get(channel.list))
            .and_then(Node::as_array)
            .and_then(|channels| channels.get(channel.index))
            .and_then(|c| c.at(&["DataSource", "S3DataSource", "S3DataType"]))
            .and_then(Node::as_str)
            .unwrap_or("S3Prefix");
        match DataType::parse(data_type).and_then(|t| client.objects(uri, t)) {
            Ok(objects) => listed.push((slot, objects)),
            Err(message) => read.unreadable.push((slot, message)),
        }
    }
    let total = listed
        .iter()
        .flat_map(|(_, objects)| objects)
        .map(|o| o.size)
        .sum();
    client.show_progress(total);
    for (slot, objects) in &listed {
        let channel = &plan.channels[*slot];
        for object in objects {
            match read_object(&mut client, channel, object) {
                Ok(result) => read.results.push(result),
                Err(message) => read.unreadable.push((*slot, message)),
            }
        }
    }
    client.finish_progress();
    read
}

/// Streams one object through a check of its own. An uncompressed Parquet object is read by
/// its first bytes and its footer only (a second request from the offset the check asks for).
fn read_object(
    client: &mut Client,
    channel: &ChannelPlan,
    object: &Object,
) -> Result<ChannelResult, String> {
    let uri = object.location.uri();
    let mut check = ChannelCheck::new(channel, &uri);
    let mut buf = vec![0u8; CHUNK];
    let mut offset = 0u64;
    let mut jumped = false;
    'open: loop {
        let mut reader = client.open(object, offset)?;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break 'open,
                Ok(n) => n,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err.to_string()),
            };
            check.feed(&buf[..n]);
            offset += n as u64;
            if !jumped {
                if let Some(start) = check.parquet_tail_start(object.size) {
                    jumped = true;
                    if check.skip_to(start) {
                        reader.skipped(start - offset);
                        offset = start;
                        continue 'open;
                    }
                }
            }
        }
    }
    if check.bytes_read() != object.size {
        return Err(format!(
            "{uri} changed while it was read (it is still being written?): {} bytes when listed, {} read",
            object.size,
            check.bytes_read()
        ));
    }
    Ok(check.finish())
}

/// One object's body as a [`Read`]: each read takes from the chunk last received, and waits
/// for the next one only when it is used up. Memory: one chunk of the response body.
pub struct ObjectReader<'a> {
    runtime: &'a Runtime,
    stream: BoxStream<'static, object_store::Result<Bytes>>,
    chunk: Bytes,
    uri: String,
    timeout: Duration,
    endpoint: Option<String>,
    progress: &'a ProgressBar,
}

impl ObjectReader<'_> {
    /// Counts bytes jumped over (a Parquet file's middle) as done on the progress bar.
    fn skipped(&self, bytes: u64) {
        self.progress.inc(bytes);
    }
}

impl Read for ObjectReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while self.chunk.is_empty() {
            let wait = self.timeout.saturating_mul(4);
            // The timer is made inside the runtime: tokio's clock lives there.
            let stream = &mut self.stream;
            let next = self
                .runtime
                .block_on(async { tokio::time::timeout(wait, stream.next()).await });
            match next {
                Err(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        timed_out(&self.uri, self.timeout),
                    ))
                }
                Ok(None) => return Ok(0),
                Ok(Some(Err(err))) => {
                    return Err(io::Error::other(describe(
                        &err,
                        &self.uri,
                        Op::Get,
                        self.endpoint.as_deref(),
                        self.timeout,
                    )))
                }
                Ok(Some(Ok(bytes))) => self.chunk = bytes,
            }
        }
        let n = buf.len().min(self.chunk.len());
        buf[..n].copy_from_slice(&self.chunk.split_to(n));
        self.progress.inc(n as u64);
        Ok(n)
    }
}

/// The listed objects less the zero-byte "folder" markers (`data/train/`, which object_store
/// lists as `data/train`): a zero-byte object is a marker when other listed keys are under it.
fn without_folder_markers(listed: &[ObjectMeta]) -> impl Iterator<Item = &ObjectMeta> {
    let mut folders = std::collections::HashSet::new();
    for meta in listed {
        let key = meta.location.as_ref();
        for (at, _) in key.match_indices('/') {
            folders.insert(&key[..at]);
        }
    }
    listed
        .iter()
        .filter(move |meta| !(meta.size == 0 && folders.contains(meta.location.as_ref())))
}

/// The objects a manifest names: `[{"prefix": "s3://bucket/p/"}, "relative/key", ...]`, each
/// entry appended to the prefix (API reference, S3DataSource.S3Uri).
fn parse_manifest(text: &str) -> Result<Vec<Location>, String> {
    let root = json::parse(text).map_err(|err| {
        format!(
            "not JSON: {} at line {}, column {}",
            err.message, err.line, err.column
        )
    })?;
    let shape = "a manifest is a JSON array: [{\"prefix\": \"s3://bucket/prefix/\"}, \"relative/key\", ...]";
    let Some(items) = root.as_array() else {
        return Err(format!("it is a JSON {}; {shape}", root.type_name()));
    };
    let Some((first, entries)) = items.split_first() else {
        return Err(format!("it is an empty array; {shape}"));
    };
    let Some(prefix) = first.get("prefix").and_then(Node::as_str) else {
        return Err(format!(
            "its first element is not {{\"prefix\": \"s3://...\"}}; {shape}"
        ));
    };
    let prefix = Location::parse(prefix).map_err(|m| format!("its prefix: {m}"))?;
    if entries.is_empty() {
        return Err("it lists no objects after its prefix".to_string());
    }
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| match entry.as_str() {
            Some(relative) => Ok(Location {
                bucket: prefix.bucket.clone(),
                key: format!("{}{relative}", prefix.key),
            }),
            None => Err(format!(
                "element {} is a JSON {}, not a key relative to the prefix",
                i + 2,
                entry.type_name()
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_uris_split_into_bucket_and_key() {
        assert_eq!(
            Location::parse("s3://acme/train/"),
            Ok(Location {
                bucket: "acme".into(),
                key: "train/".into()
            })
        );
        assert_eq!(
            Location::parse("s3://acme"),
            Ok(Location {
                bucket: "acme".into(),
                key: String::new()
            })
        );
        assert!(Location::parse("s3:///key").is_err());
        assert!(Location::parse("https://acme.s3.amazonaws.com/k").is_err());
    }

    #[test]
    fn a_manifest_appends_each_entry_to_its_prefix() {
        let text = r#"[{"prefix": "s3://acme/data/"}, "a.csv", "sub/b.csv.gz"]"#;
        let keys: Vec<String> = parse_manifest(text)
            .unwrap()
            .iter()
            .map(Location::uri)
            .collect();
        assert_eq!(
            keys,
            ["s3://acme/data/a.csv", "s3://acme/data/sub/b.csv.gz"]
        );
    }

    #[test]
    fn a_manifest_of_the_wrong_shape_says_what_it_should_be() {
        for (text, says) in [
            ("{}", "it is a JSON object"),
            ("[]", "empty array"),
            (r#"["s3://acme/a.csv"]"#, "first element"),
            (r#"[{"prefix": "acme/"}, "a"]"#, "not an s3:// URI"),
            (r#"[{"prefix": "s3://acme/"}]"#, "no objects"),
            (
                r#"[{"prefix": "s3://acme/"}, 3]"#,
                "element 2 is a JSON number",
            ),
            ("[", "not JSON"),
        ] {
            let err = parse_manifest(text).unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    fn meta(key: &str, size: u64) -> ObjectMeta {
        ObjectMeta {
            location: Path::parse(key).unwrap(),
            last_modified: Default::default(),
            size,
            e_tag: None,
            version: None,
        }
    }

    #[test]
    fn zero_byte_folder_markers_are_skipped_but_not_empty_files() {
        let listed = [
            meta("data/train", 0),
            meta("data/train/a.csv", 10),
            meta("data/train/empty.csv", 0),
            meta("data/train/sub", 0),
            meta("data/train/sub/b.csv", 5),
        ];
        let kept: Vec<&str> = without_folder_markers(&listed)
            .map(|m| m.location.as_ref())
            .collect();
        assert_eq!(
            kept,
            [
                "data/train/a.csv",
                "data/train/empty.csv",
                "data/train/sub/b.csv"
            ]
        );
    }

    #[test]
    fn s3_error_codes_are_read_from_the_quoted_body() {
        let text = "Server returned non-2xx status code: 404 Not Found: <?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>x</Message></Error>";
        assert_eq!(aws_code(text).as_deref(), Some("NoSuchBucket"));
        assert_eq!(aws_code("no body"), None);
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("automl-job-s3-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_profile_is_read_from_both_shared_files() {
        let dir = temp_dir("profile");
        let credentials = dir.join("credentials");
        let config = dir.join("config");
        std::fs::write(
            &credentials,
            "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s/e+cret\n\n[dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=devsecret\naws_session_token=tok\n",
        )
        .unwrap();
        std::fs::write(
            &config,
            "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\nendpoint_url = http://127.0.0.1:9000\n[profile sso]\nsso_session = corp\n",
        )
        .unwrap();
        let default = read_profile("default", &credentials, &config)
            .unwrap()
            .unwrap();
        assert_eq!(default.access_key_id.as_deref(), Some("AKIDDEFAULT"));
        assert_eq!(default.secret_access_key.as_deref(), Some("s/e+cret"));
        assert_eq!(default.region.as_deref(), Some("eu-west-1"));
        let dev = read_profile("dev", &credentials, &config).unwrap().unwrap();
        assert_eq!(dev.session_token.as_deref(), Some("tok"));
        assert_eq!(dev.region.as_deref(), Some("us-west-2"));
        assert_eq!(dev.endpoint_url.as_deref(), Some("http://127.0.0.1:9000"));
        let sso = read_profile("sso", &credentials, &config).unwrap().unwrap();
        assert_eq!(sso.access_key_id, None);
        assert_eq!(sso.other_way.as_deref(), Some("sso_session"));
        assert_eq!(read_profile("nobody", &credentials, &config).unwrap(), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_named_profile_that_is_nowhere_is_an_error() {
        let dir = temp_dir("missing");
        let env = |name: &str| (name == "AWS_PROFILE").then(|| "ghost".to_string());
        let err = settings(&env, Some(dir.clone())).err().unwrap();
        assert!(err.contains("AWS_PROFILE is \"ghost\""), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
