#!/usr/bin/env python3
"""Writes tools/rjsf/src/schema.json: the CreateAutoMLJob request of
crates/rules/model/create-auto-ml-job.json (botocore's service model) as a JSON Schema
(draft-07, what @rjsf/validator-ajv8 takes by default), as faithfully as JSON Schema allows.
It is the schema a generic form (react-jsonschema-form) gets in scripts/compare-rjsf.sh.

Usage: scripts/gen-json-schema.py        (no arguments; rewrites the file)

Translation, shape by shape:
  structure -> object: properties, required, additionalProperties false
  list      -> array: items, minItems, maxItems
  string    -> string: minLength, maxLength, enum, pattern
  integer   -> integer: minimum, maximum; where the model gives no bound, the bounds of a
               32-bit signed integer (the model's `integer` is Java's Integer)
  float     -> number: minimum, maximum
  boolean   -> boolean
Titles: the member name (what rjsf would show anyway). Descriptions: none — the model extract
keeps no documentation (scripts/refresh-model.py strips it).

Patterns are Java regular expressions that the service matches against the whole value
(String.matches). JSON Schema patterns are ECMAScript and match anywhere, and ajv8 compiles
them with the `u` flag. So each pattern becomes ^(?:P)$, and an unescaped `.` outside a
character class becomes [^\\n\\r\\u0085\\u2028\\u2029] (Java's `.` also refuses NEL, U+0085;
JavaScript's does not). \\p{L}, \\p{Z}, \\p{N}, \\d and the class escapes used here mean the same
in both (\\d is ASCII in both). The translation refuses any other Java-only syntax (possessive
or atomic groups, \\p{javaX}, \\Q..\\E, class intersection &&, embedded flags) rather than guess.

What JSON Schema cannot say, so the generated schema does not:
  - lengths: the service counts UTF-16 code units (Java's String.length); ajv counts code
    points, so a character outside the BMP (an emoji) counts 1 for ajv and 2 for the service;
  - the rules the API reference states in prose (metric against problem type, one training
    channel, Mode against AlgorithmsConfig, tag keys starting with aws:, unique tag keys, ...):
    they are not in the service model (if/then could express some, but not from the model);
  - anything about the JSON text itself: duplicate keys, lone surrogates, a byte-order mark,
    numbers beyond 2^53 or -0 — JSON.parse has already decided them before the schema runs.
"""
import json, os, re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MODEL = os.path.join(ROOT, "crates", "rules", "model", "create-auto-ml-job.json")
OUT = os.path.join(ROOT, "tools", "rjsf", "src", "schema.json")

INT32 = (-(2**31), 2**31 - 1)
JAVA_DOT = r"[^\n\r\u0085\u2028\u2029]"
UNSUPPORTED = re.compile(r"\\Q|\\E|\\p\{java|\\p\{Is|\(\?[a-zA-Z<>=!]|&&|[*+?}]\+|\\[AzZGhHvVRX]")


def translate_pattern(java):
    """A Java regex the service matches whole -> an ECMAScript (u flag) pattern ajv searches."""
    if UNSUPPORTED.search(java.replace("(?:", "")):
        raise SystemExit(f"gen-json-schema: cannot translate Java pattern {java!r}")
    out, i, in_class = [], 0, False
    while i < len(java):
        c = java[i]
        if c == "\\":
            out.append(java[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "[":
                raise SystemExit(f"gen-json-schema: nested character class in {java!r}")
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == ".":
            out.append(JAVA_DOT)
            i += 1
            continue
        out.append(c)
        i += 1
    return "^(?:" + "".join(out) + ")$"


def build(model):
    shapes = model["shapes"]

    def schema(name, title=None):
        s = shapes[name]
        t = s["type"]
        out = {"title": title} if title else {}
        if t == "structure":
            out["type"] = "object"
            out["properties"] = {m: schema(d["shape"], m) for m, d in s["members"].items()}
            if s.get("required"):
                out["required"] = list(s["required"])
            out["additionalProperties"] = False
        elif t == "list":
            out["type"] = "array"
            out["items"] = schema(s["member"]["shape"])
            if "min" in s:
                out["minItems"] = s["min"]
            if "max" in s:
                out["maxItems"] = s["max"]
        elif t == "string":
            out["type"] = "string"
            if "enum" in s:
                out["enum"] = list(s["enum"])
            if "min" in s:
                out["minLength"] = s["min"]
            if "max" in s:
                out["maxLength"] = s["max"]
            if "pattern" in s:
                out["pattern"] = translate_pattern(s["pattern"])
        elif t == "integer":
            out["type"] = "integer"
            out["minimum"] = max(s.get("min", INT32[0]), INT32[0])
            out["maximum"] = min(s.get("max", INT32[1]), INT32[1])
        elif t in ("float", "double"):
            out["type"] = "number"
            if "min" in s:
                out["minimum"] = s["min"]
            if "max" in s:
                out["maximum"] = s["max"]
        elif t == "boolean":
            out["type"] = "boolean"
        else:
            raise SystemExit(f"gen-json-schema: shape {name} has type {t}, not translated")
        return out

    root = schema(model["input"])
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": f"Generated by scripts/gen-json-schema.py from crates/rules/model/create-auto-ml-job.json "
                    f"({model['source']}, SageMaker {model['apiVersion']}, {model['operation']}). Do not edit.",
        "title": "CreateAutoMLJob request",
        **root,
    }


def main():
    with open(MODEL, encoding="utf-8") as f:
        model = json.load(f)
    out = build(model)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} from {model['source']}")


main()
