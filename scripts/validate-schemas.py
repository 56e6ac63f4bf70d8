#!/usr/bin/env python3
"""Validates files against a JSON Schema with a real JSON Schema validator: the schemas `spbe schema` generates,
and the official SARIF 2.1.0 schema for SARIF reports (the draft is taken from the schema's `$schema`).

Usage: validate-schemas.py SCHEMA.json FILE... [--expect-invalid FILE...]

YAML is read the way yaml-language-server reads it (YAML 1.2 core schema: dates stay text, mapping keys are
text). Exit 0 when every FILE is valid and every --expect-invalid file is invalid; 1 otherwise.
"""
import json
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 timestamps, so 2024-03-15 stays a string as in YAML 1.2."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_json(value):
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def load(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith(".json"):
            return json.load(handle)
        return as_json(yaml.load(handle, Loader=CoreLoader))


def main(arguments):
    if len(arguments) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    with open(arguments[0], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    expect_valid = True
    failures = 0
    for path in arguments[1:]:
        if path == "--expect-invalid":
            expect_valid = False
            continue
        errors = sorted(validator.iter_errors(load(path)), key=lambda error: list(error.path))
        if expect_valid and errors:
            failures += 1
            for error in errors[:5]:
                print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
        elif not expect_valid and not errors:
            failures += 1
            print(f"{path}: expected to be invalid, but the schema accepts it", file=sys.stderr)
    checked = len([a for a in arguments[1:] if a != "--expect-invalid"])
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
