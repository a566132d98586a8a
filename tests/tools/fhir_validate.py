"""Validates FHIR JSON with an independent implementation (fhir.resources, R4B models).

Reads one resource or Bundle from stdin; validates the Bundle and each entry's resource
against its model. Prints "ok <count> <types>" or the validation error, exit 1.
"""
import json
import sys

from fhir.resources.R4B import get_fhir_model_class


def validate(obj):
    cls = get_fhir_model_class(obj["resourceType"])
    cls.model_validate(obj)


def main():
    data = json.load(sys.stdin)
    types = []
    try:
        validate(data)
        types.append(data["resourceType"])
        for entry in data.get("entry", []) if data["resourceType"] == "Bundle" else []:
            validate(entry["resource"])
            types.append(entry["resource"]["resourceType"])
    except Exception as exc:  # the message is what the test prints
        print(f"invalid: {exc}")
        return 1
    print("ok", len(types), " ".join(sorted(set(types))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
