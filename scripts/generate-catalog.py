#!/usr/bin/env python3
"""Generate Sources/IAMPolicy/Catalog/ServiceCatalog+Data.swift from the action catalogs.

Usage:
    python3 scripts/generate-catalog.py [DATA_DIR] [--check]

DATA_DIR holds kinesis-iam-actions.json and kms-iam-actions.json (see its README.md);
it defaults to ../shared/data relative to the repository root. With --check nothing is
written: the script exits 1 when the committed Swift file differs from what it would write.

The IAMPolicy library must not read files at run time, so the catalogs are compiled in as
plain Swift initializers. Output is deterministic: input order is kept (the inputs are
sorted already), no timestamps, and the header records each input's SHA-256.
Python 3 standard library only.
"""

import hashlib
import json
import os
import sys

INPUT_FILES = ["kinesis-iam-actions.json", "kms-iam-actions.json"]
OUTPUT = os.path.join("Sources", "IAMPolicy", "Catalog", "ServiceCatalog+Data.swift")

ACCESS_LEVELS = {
    "List": ".list",
    "Read": ".read",
    "Write": ".write",
    "Tagging": ".tagging",
    "Permissions management": ".permissionsManagement",
}

# AWS's condition key type spellings -> ConditionKeyType cases.
CONDITION_TYPES = {
    "String": ".string",
    "Numeric": ".numeric",
    "Bool": ".bool",
    "Date": ".date",
    "ARN": ".arn",
    "IPAddress": ".ipAddress",
    "Binary": ".binary",
    "ArrayOfString": ".arrayOfString",
    "ArrayOfARN": ".arrayOfARN",
    "ArrayOfNumeric": ".arrayOfNumeric",
    "ArrayOfBool": ".arrayOfBool",
    "ArrayOfDate": ".arrayOfDate",
    "ArrayOfIPAddress": ".arrayOfIPAddress",
    "ArrayOfBinary": ".arrayOfBinary",
}


def fail(message):
    sys.stderr.write("generate-catalog: " + message + "\n")
    sys.exit(2)


def swift_string(s):
    """A Swift string literal for s (no interpolation; `${...}` is plain text in Swift)."""
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def swift_string_array(items, indent):
    """`[]`, `["a", "b"]` on one line when short, else one element per line."""
    if not items:
        return "[]"
    one_line = "[" + ", ".join(swift_string(i) for i in items) + "]"
    if len(one_line) + indent <= 100:
        return one_line
    pad = " " * (indent + 4)
    body = ",\n".join(pad + swift_string(i) for i in items)
    return "[\n" + body + ",\n" + " " * indent + "]"


def identifier(prefix):
    """`kinesis` -> `Kinesis`, `cognito-idp` -> `CognitoIdp`."""
    parts = [p for p in prefix.replace("_", "-").split("-") if p]
    return "".join(p[:1].upper() + p[1:] for p in parts)


def check_fields(obj, fields, where):
    for f in fields:
        if f not in obj:
            fail("%s: missing field %r" % (where, f))


def emit_service(data, lines):
    prefix = data["prefix"]
    actions = data["actions"]
    if data.get("actionCount") != len(actions):
        fail("%s: actionCount %r but %d actions" % (prefix, data.get("actionCount"), len(actions)))
    func = "make" + identifier(prefix)
    lines.append("    /// `%s`: %s (%d actions)." % (prefix, data["service"], len(actions)))
    lines.append("    static func %s() -> ServiceDefinition {" % func)
    lines.append("        var actions: [ActionDefinition] = []")
    lines.append("        actions.reserveCapacity(%d)" % len(actions))
    for a in actions:
        where = "%s action %s" % (prefix, a.get("name"))
        check_fields(a, ["name", "action", "accessLevel", "resourceTypes", "requiresWildcardResource",
                         "conditionKeys", "dependentActions", "apiDocumentation"], where)
        if a["action"] != prefix + ":" + a["name"]:
            fail("%s: action %r does not match prefix:name" % (where, a["action"]))
        level = ACCESS_LEVELS.get(a["accessLevel"])
        if level is None:
            fail("%s: unknown access level %r" % (where, a["accessLevel"]))
        if a["requiresWildcardResource"] != (len(a["resourceTypes"]) == 0):
            fail("%s: requiresWildcardResource disagrees with resourceTypes" % where)
        lines.append("        actions.append(ActionDefinition(")
        lines.append("            servicePrefix: %s," % swift_string(prefix))
        lines.append("            name: %s," % swift_string(a["name"]))
        lines.append("            accessLevel: %s," % level)
        if a["resourceTypes"]:
            lines.append("            resourceTypes: [")
            for r in a["resourceTypes"]:
                check_fields(r, ["resourceType", "required", "conditionKeys", "dependentActions"], where)
                lines.append("                ActionResourceType(")
                lines.append("                    name: %s, required: %s," % (
                    swift_string(r["resourceType"]), "true" if r["required"] else "false"))
                lines.append("                    conditionKeys: %s," % swift_string_array(r["conditionKeys"], 20))
                lines.append("                    dependentActions: %s" % swift_string_array(r["dependentActions"], 20))
                lines.append("                ),")
            lines.append("            ],")
        else:
            lines.append("            resourceTypes: [],")
        lines.append("            requiresWildcardResource: %s," % ("true" if a["requiresWildcardResource"] else "false"))
        lines.append("            conditionKeys: %s," % swift_string_array(a["conditionKeys"], 12))
        lines.append("            dependentActions: %s," % swift_string_array(a["dependentActions"], 12))
        lines.append("            documentationURL: %s" % swift_string(a["apiDocumentation"]))
        lines.append("        ))")
    lines.append("        return ServiceDefinition(")
    lines.append("            prefix: %s," % swift_string(prefix))
    lines.append("            name: %s," % swift_string(data["service"]))
    lines.append("            actions: actions,")
    lines.append("            resourceTypes: [")
    for r in data["resourceTypes"]:
        check_fields(r, ["resourceType", "arnPattern", "conditionKeys"], "%s resource type" % prefix)
        lines.append("                ResourceTypeDefinition(")
        lines.append("                    name: %s," % swift_string(r["resourceType"]))
        lines.append("                    arnPattern: %s," % swift_string(r["arnPattern"]))
        lines.append("                    conditionKeys: %s" % swift_string_array(r["conditionKeys"], 20))
        lines.append("                ),")
    lines.append("            ],")
    lines.append("            conditionKeys: [")
    for c in data["conditionKeys"]:
        check_fields(c, ["key", "type"], "%s condition key" % prefix)
        case = CONDITION_TYPES.get(c["type"])
        lines.append("                ConditionKeyDefinition(")
        lines.append("                    key: %s," % swift_string(c["key"]))
        if case is None:
            # Unknown to this generator: keep AWS's spelling, treat the value as a string.
            sys.stderr.write("generate-catalog: warning: %s: unknown type %r, using .string\n" % (c["key"], c["type"]))
            lines.append("                    type: .string, rawType: %s," % swift_string(c["type"]))
        else:
            lines.append("                    type: %s," % case)
        lines.append("                    description: %s" % swift_string(c.get("description", "")))
        lines.append("                ),")
    lines.append("            ]")
    lines.append("        )")
    lines.append("    }")
    return func


def generate(data_dir):
    services = []
    header_inputs = []
    for name in INPUT_FILES:
        path = os.path.join(data_dir, name)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            fail("cannot read %s: %s" % (path, e))
        data = json.loads(raw.decode("utf-8"))
        check_fields(data, ["service", "prefix", "actions", "resourceTypes", "conditionKeys"], name)
        src = data.get("source", {})
        header_inputs.append("//   %s  sha256 %s" % (name, hashlib.sha256(raw).hexdigest()))
        header_inputs.append("//     (%s %s, %s; upstream %s)" % (
            src.get("package", "?"), src.get("version", "?"), src.get("file", "?"), src.get("upstream", "?")))
        services.append(data)

    lines = [
        "// GENERATED FILE - DO NOT EDIT.",
        "//",
        "// Generated by scripts/generate-catalog.py from the AWS action catalogs in shared/data:",
    ]
    lines += header_inputs
    lines += [
        "//",
        "// Regenerate (from the repository root; DATA_DIR defaults to ../shared/data):",
        "//   python3 scripts/generate-catalog.py [DATA_DIR]",
        "// Verify it is current:",
        "//   python3 scripts/generate-catalog.py [DATA_DIR] --check",
        "//",
        "// The library reads no files at run time: the catalog is built from plain initializers.",
        "",
        "extension ServiceCatalog {",
        "    /// The detailed services, in catalog order, built from the generated data below.",
        "    static func generatedServices() -> [ServiceDefinition] {",
        "        [%s]" % ", ".join("make" + identifier(s["prefix"]) + "()" for s in services),
        "    }",
    ]
    for data in services:
        lines.append("")
        emit_service(data, lines)
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = [a for a in argv if a != "--check"]
    check = len(args) != len(argv)
    if len(args) > 1 or any(a.startswith("-") for a in args):
        fail("usage: generate-catalog.py [DATA_DIR] [--check]")
    data_dir = args[0] if args else os.path.join(root, "..", "shared", "data")
    text = generate(data_dir)
    out = os.path.join(root, OUTPUT)
    if check:
        try:
            with open(out, "r", encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write("generate-catalog: %s is out of date\n" % OUTPUT)
            return 1
        return 0
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % OUTPUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
