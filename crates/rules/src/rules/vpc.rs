//! The VPC configuration: security group and subnet ids listed once.

use super::{warning, Request};
use crate::diag::Findings;
use crate::json::Node;

/// A warning when a security group or subnet ID is listed twice: the duplicate adds nothing
/// and usually stands where a different ID was meant.
///
/// Source: API, VpcConfig.SecurityGroupIds and VpcConfig.Subnets (sets of IDs in the VPC);
/// V2 has `SecurityConfig` at the top of the request.
pub fn vpc_ids_unique(req: &Request, out: &mut Findings) {
    for member in ["SecurityGroupIds", "Subnets"] {
        let list = format!("{}/VpcConfig/{member}", req.layout.security);
        let Some(ids) = req.get(&list).and_then(Node::as_array) else {
            continue;
        };
        // A map, not a set: the crate's one hash table type (see `tag_keys`).
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id.as_str() else { continue };
            if seen.insert(id, i).is_some() {
                out.push(warning(
                    "vpc-duplicate-id",
                    &format!("{list}/{i}"),
                    &format!("{member} lists \"{id}\" more than once"),
                ));
            }
        }
    }
}
