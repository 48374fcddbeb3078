"""Validates an OpenAPI 3.0 document with openapi-spec-validator and checks every component
schema's `example` against its schema with openapi-schema-validator (OAS 3.0 semantics:
nullable, readOnly, formats). Prints one line per problem; exits 1 when there is any."""

import json
import sys

import yaml
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
from jsonschema import FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4


def main(path):
    document, _ = read_from_filename(path)
    problems = []
    try:
        validate(document)
    except Exception as error:  # the validator raises its own error types
        problems.append(f"{path}: invalid OpenAPI document: {error}")
    resource = Resource.from_contents(document, default_specification=DRAFT4)
    registry = Registry().with_resource("urn:document", resource)
    checked = 0
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        if "example" not in schema:
            continue
        checked += 1
        wrapper = {"$ref": f"urn:document#/components/schemas/{name}"}
        validator = OAS30Validator(wrapper, registry=registry, format_checker=FormatChecker())
        for error in validator.iter_errors(schema["example"]):
            pointer = "/".join(str(part) for part in error.absolute_path)
            problems.append(f"#/components/schemas/{name}/example/{pointer}: {error.message}")
    for problem in problems:
        print(problem)
    print(f"checked {checked} examples; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
