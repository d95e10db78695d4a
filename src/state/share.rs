//! Share links: the whole request, compressed, in the URL fragment (`#r=1.` + data). The
//! fragment never reaches a server, so neither does the request.
//!
//! The compression is LZW over the request's compact JSON, with its dictionary primed by the
//! strings every request repeats (member names, `s3://`, `arn:aws:iam::`, the enums), codes
//! growing one bit at a time, written as base64url (RFC 4648 §5, no padding). A typical
//! request of ~600 bytes becomes a fragment of ~350 characters. No dependency, ~150 lines,
//! and it can never panic on a damaged link. The primer is frozen for version `1`: change it
//! only together with the version.

use std::collections::HashMap;

/// The fragment's prefix for this version of the scheme.
pub const PREFIX: &str = "r=1.";

/// Largest request a link may expand to, in bytes (the rules' own input limit).
const MAX_OUTPUT: usize = automl_rules::json::MAX_INPUT_BYTES;

/// Strings every request repeats, primed into the dictionary (with all their prefixes).
const PRIMER: &[&str] = &[
    "{\"AutoMLJobName\":\"",
    "\"InputDataConfig\":[{\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://",
    "\"S3DataType\":\"ManifestFile\",\"S3Uri\":\"s3://",
    "\"S3DataType\":\"AugmentedManifestFile\",\"S3Uri\":\"s3://",
    "\"CompressionType\":\"",
    "\"TargetAttributeName\":\"",
    "\"ContentType\":\"text/csv;header=present\"",
    "\"ContentType\":\"x-application/vnd.amazon+parquet\"",
    "\"ChannelType\":\"training\"",
    "\"ChannelType\":\"validation\"",
    "\"SampleWeightAttributeName\":\"",
    "\"OutputDataConfig\":{\"KmsKeyId\":\"",
    "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://",
    "\"S3OutputPath\":\"s3://",
    "\"ProblemType\":\"BinaryClassification\"",
    "\"ProblemType\":\"MulticlassClassification\"",
    "\"ProblemType\":\"Regression\"",
    "\"AutoMLJobObjective\":{\"MetricName\":\"",
    "\"AutoMLJobConfig\":{\"CompletionCriteria\":{\"MaxCandidates\":",
    "\"MaxRuntimePerTrainingJobInSeconds\":",
    "\"MaxAutoMLJobRuntimeInSeconds\":",
    "\"SecurityConfig\":{\"VolumeKmsKeyId\":\"",
    "\"EnableInterContainerTrafficEncryption\":",
    "\"VpcConfig\":{\"SecurityGroupIds\":[\"sg-",
    "\"Subnets\":[\"subnet-",
    "\"CandidateGenerationConfig\":{\"FeatureSpecificationS3Uri\":\"s3://",
    "\"AlgorithmsConfig\":[{\"AutoMLAlgorithms\":[\"",
    "\"DataSplitConfig\":{\"ValidationFraction\":",
    "\"Mode\":\"ENSEMBLING\"",
    "\"Mode\":\"HYPERPARAMETER_TUNING\"",
    "\"Mode\":\"AUTO\"",
    "\"RoleArn\":\"arn:aws:iam::",
    ":role/",
    "\"GenerateCandidateDefinitionsOnly\":",
    "\"Tags\":[{\"Key\":\"",
    "\",\"Value\":\"",
    "\"ModelDeployConfig\":{\"AutoGenerateEndpointName\":",
    "\"EndpointName\":\"",
    "true",
    "false",
    "\"},{\"Key\":\"",
    "}]",
    "}}",
];

fn primed() -> Vec<Vec<u8>> {
    let mut entries: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    entries.extend(PRIMER.iter().map(|s| s.as_bytes().to_vec()));
    entries
}

/// Bits needed to write any of `count` codes (at least 1).
fn width(count: usize) -> u32 {
    usize::BITS - (count.max(2) - 1).leading_zeros()
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Compresses `text` into URL-fragment-safe characters.
///
/// The parse is greedy longest-match (not LZW's one-byte-at-a-time growth, which could not
/// reach the primed strings); after each code, the entry "previous string + first byte of
/// this one" is added, exactly as the decoder adds it, so the two dictionaries stay equal.
pub fn compress(text: &str) -> String {
    let bytes = text.as_bytes();
    let entries = primed();
    let base = entries.len();
    let mut dict = Trie::default();
    for (code, entry) in entries.iter().enumerate() {
        dict.insert(entry, code);
    }
    let mut out = BitWriter::default();
    let mut pos = 0;
    // The trie node of the previous code's string, to which this code's first byte is added.
    let mut prev: Option<u32> = None;
    let mut emitted = 0usize;
    while pos < bytes.len() {
        let (len, code, node) = dict.longest(&bytes[pos..]);
        out.write(code, width(base + emitted));
        emitted += 1;
        if let Some(p) = prev {
            dict.add(p, bytes[pos], base + emitted - 2);
        }
        prev = Some(node);
        pos += len;
    }
    out.finish()
}

/// The encoder's dictionary as a trie: the longest entry at a position is found in one walk
/// along the text, and the new entry "previous string + one byte" in one step from the
/// previous string's node. (Looking up every length from the longest entry's down, as this
/// did, cost the square of the entries' length per code: 9 s for a request with 60,000 tags.)
#[derive(Default)]
struct Trie {
    /// The children of each node by byte (node 0 is the empty string).
    children: HashMap<(u32, u8), u32>,
    /// Each node's code, when its string is an entry (the first code given it stays).
    codes: Vec<Option<usize>>,
}

impl Trie {
    fn child(&mut self, node: u32, byte: u8) -> u32 {
        if self.codes.is_empty() {
            self.codes.push(None);
        }
        let next = self.codes.len() as u32;
        let child = *self.children.entry((node, byte)).or_insert(next);
        if child == next {
            self.codes.push(None);
        }
        child
    }

    fn insert(&mut self, entry: &[u8], code: usize) {
        let node = entry.iter().fold(0, |node, &b| self.child(node, b));
        self.codes[node as usize].get_or_insert(code);
    }

    fn add(&mut self, node: u32, byte: u8, code: usize) {
        let node = self.child(node, byte);
        self.codes[node as usize].get_or_insert(code);
    }

    /// The longest entry `text` starts with: its length, code and node (every single byte
    /// is an entry, so there is one).
    fn longest(&self, text: &[u8]) -> (usize, usize, u32) {
        let mut found = (1, text[0] as usize, 0);
        let mut node = 0;
        for (i, &b) in text.iter().enumerate() {
            let Some(&next) = self.children.get(&(node, b)) else {
                break;
            };
            node = next;
            if let Some(code) = self.codes[node as usize] {
                found = (i + 1, code, node);
            }
        }
        if found.2 == 0 {
            // Not reached when the single bytes are primed; kept total anyway.
            found.2 = self.children.get(&(0, text[0])).copied().unwrap_or(0);
        }
        found
    }
}

/// Expands what [`compress`] wrote; `None` for anything it cannot have written.
pub fn decompress(data: &str) -> Option<String> {
    let mut bits = BitReader::new(data)?;
    let mut dict = primed();
    let base = dict.len();
    let mut out: Vec<u8> = Vec::new();
    let mut prev: Option<Vec<u8>> = None;
    let mut read = 0usize;
    while let Some(code) = bits.read(width(base + read)) {
        read += 1;
        let entry = if code < dict.len() {
            dict[code].clone()
        } else {
            // The one code the decoder cannot know yet: previous + its own first byte.
            let p = prev.as_ref()?;
            if code != dict.len() {
                return None;
            }
            let mut e = p.clone();
            e.push(p[0]);
            e
        };
        if let Some(p) = prev {
            let mut e = p;
            e.push(entry[0]);
            dict.push(e);
        }
        out.extend_from_slice(&entry);
        if out.len() > MAX_OUTPUT {
            return None;
        }
        prev = Some(entry);
    }
    if !bits.rest_is_padding() {
        return None;
    }
    String::from_utf8(out).ok()
}

/// The fragment (without `#`) that carries `request_json`.
pub fn fragment(request_json: &str) -> String {
    format!("{PREFIX}{}", compress(request_json))
}

/// The request JSON a fragment carries: `None` when the fragment is not a share link,
/// `Some(Err)` when it is one but damaged.
pub fn from_fragment(fragment: &str) -> Option<Result<String, &'static str>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = fragment.strip_prefix(PREFIX)?;
    Some(decompress(data).ok_or("the share link is damaged or incomplete: it could not be read"))
}

#[derive(Default)]
struct BitWriter {
    out: String,
    acc: u32,
    n: u32,
}

impl BitWriter {
    fn write(&mut self, code: usize, width: u32) {
        for i in (0..width).rev() {
            self.acc = (self.acc << 1) | ((code >> i) & 1) as u32;
            self.n += 1;
            if self.n == 6 {
                self.out.push(B64[self.acc as usize] as char);
                self.acc = 0;
                self.n = 0;
            }
        }
    }

    fn finish(mut self) -> String {
        if self.n > 0 {
            let pad = 6 - self.n;
            self.out.push(B64[(self.acc << pad) as usize] as char);
        }
        self.out
    }
}

struct BitReader {
    sextets: Vec<u8>,
    pos: usize, // in bits
}

impl BitReader {
    fn new(data: &str) -> Option<Self> {
        let sextets = data
            .bytes()
            .map(|b| B64.iter().position(|&c| c == b).map(|i| i as u8))
            .collect::<Option<Vec<u8>>>()?;
        Some(BitReader { sextets, pos: 0 })
    }

    fn total(&self) -> usize {
        self.sextets.len() * 6
    }

    fn bit(&self, at: usize) -> usize {
        ((self.sextets[at / 6] >> (5 - at % 6)) & 1) as usize
    }

    /// The next `width`-bit code, or `None` when fewer bits than that are left.
    fn read(&mut self, width: u32) -> Option<usize> {
        let width = width as usize;
        if self.pos + width > self.total() {
            return None;
        }
        let code = (self.pos..self.pos + width).fold(0, |acc, at| (acc << 1) | self.bit(at));
        self.pos += width;
        Some(code)
    }

    /// Whether what is left is fewer than six zero bits.
    fn rest_is_padding(&self) -> bool {
        self.total() - self.pos < 6 && (self.pos..self.total()).all(|at| self.bit(at) == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPICAL: &str = r#"{"AutoMLJobName":"churn-prediction-2024","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/churn/train/"}},"TargetAttributeName":"churned","ContentType":"text/csv;header=present","ChannelType":"training"}],"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/churn/output/"},"ProblemType":"BinaryClassification","AutoMLJobObjective":{"MetricName":"F1"},"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":50,"MaxAutoMLJobRuntimeInSeconds":7200},"Mode":"ENSEMBLING"},"RoleArn":"arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole","Tags":[{"Key":"team","Value":"growth"},{"Key":"cost-center","Value":"1234"}]}"#;

    #[test]
    fn round_trips() {
        for text in [
            "",
            "a",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "abababababababababab",
            TYPICAL,
            "{\"Tags\":[{\"Key\":\"é😀\\u0000\",\"Value\":\"\\\"'$(x)`!%PATH%\"}]}",
        ] {
            let packed = compress(text);
            assert!(packed.bytes().all(|b| B64.contains(&b)), "{packed}");
            assert_eq!(decompress(&packed).as_deref(), Some(text), "{text}");
        }
    }

    /// Regression: each code looked up every length from the longest entry's down, so a
    /// long run (whose entries grow long) followed by varied text cost the square of the
    /// run's length per code: 21 s for 1.8 MB. The trie finds each match in one walk.
    #[test]
    fn a_long_run_then_varied_text_round_trips() {
        let mut text = format!("{{\"AutoMLJobName\":\"{}\",\"Tags\":[", "a".repeat(200_000));
        for i in 0..3000 {
            text.push_str(&format!(
                "{{\"Key\":\"key-{i:05}\",\"Value\":\"v{}\"}},",
                i * 7919 % 10007
            ));
        }
        text.push_str("{}]}");
        let packed = compress(&text);
        assert!(packed.len() < text.len() / 4, "{}", packed.len());
        assert_eq!(decompress(&packed).as_deref(), Some(text.as_str()));
    }

    #[test]
    fn round_trips_pseudo_random_text() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in [1, 7, 100, 1000, 5000] {
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from_u32((seed % 0x500) as u32 + 0x20).unwrap_or('x')
                })
                .collect();
            assert_eq!(decompress(&compress(&text)).as_deref(), Some(text.as_str()));
        }
    }

    /// The size a person pastes: a typical request must make a link well under the ~2000
    /// characters every browser and chat tool keeps.
    #[test]
    fn a_typical_request_compresses_well() {
        let packed = compress(TYPICAL);
        assert!(
            packed.len() * 4 < TYPICAL.len() * 3,
            "{} characters for {} bytes",
            packed.len(),
            TYPICAL.len()
        );
    }

    #[test]
    fn damaged_links_are_refused_without_panicking() {
        let packed = compress(TYPICAL);
        assert!(decompress("!!").is_none());
        assert!(decompress(&format!("{packed}A")).is_none() || packed.len() > 1);
        for cut in 0..packed.len() {
            let _ = decompress(&packed[..cut]);
        }
        for i in 0..packed.len() {
            let mut damaged = packed.clone().into_bytes();
            damaged[i] = if damaged[i] == b'_' { b'A' } else { b'_' };
            let _ = decompress(std::str::from_utf8(&damaged).unwrap());
        }
        assert!(from_fragment("#r=1.%%").unwrap().is_err());
        assert!(from_fragment("#other").is_none());
        assert_eq!(
            from_fragment(&format!("#{}", fragment(TYPICAL))),
            Some(Ok(TYPICAL.to_string()))
        );
    }
}
