#!/usr/bin/env python3
"""Writes the hostile-input corpus beside this script (issue 10). Run it again after changing a case:

    python3 tests/Imuran.ClinicalRules.Tests/Hardening/Corpus/generate.py

Each case is one hostile change made to a valid patient-facts document and to a valid FHIR R4 Bundle of the same
patient. cases.tsv lists, per case and reader, the exit code `check` must give and a text its output must contain
(the field or path at fault, or the kind of fault). A FHIR document that is not well-formed JSON cannot be told from
patient facts, so the tool reports it as malformed JSON like any other. corpus.ndjson holds every single-line document, for `batch`.
The files are small and committed; CI only reads them (HostileCorpusTests).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

FACTS = {
    "patientId": "corpus",
    "evaluationDate": "2026-11-22",
    "birthDate": "1961-03-14",
    "sex": "male",
    "therapy": {"status": "considering"},
    "pharmacogenomics": [{"gene": "TPMT", "diplotype": "*1/*1"}, {"gene": "NUDT15", "diplotype": "*1/*1"}],
    "medications": [{"name": "Allopurinol", "rxNormCode": "519", "active": True}],
    "labResults": [{"loincCode": "6690-2", "value": 6.2, "unit": "10*9/L", "date": "2026-11-15", "flag": "normal"}],
}

FHIR = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {"resource": {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1961-03-14"}},
        {"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order",
                      "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "519", "display": "Allopurinol"}]},
                      "subject": {"reference": "Patient/p1"}, "authoredOn": "2026-01-10"}},
        {"resource": {"resourceType": "Observation", "id": "o1", "status": "final",
                      "code": {"coding": [{"system": "http://loinc.org", "code": "6690-2"}]}, "subject": {"reference": "Patient/p1"},
                      "effectiveDateTime": "2026-11-15", "valueQuantity": {"value": 6.2, "unit": "10*9/L", "system": "http://unitsofmeasure.org", "code": "10*9/L"}}},
    ],
}


def text(doc):
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def replace(doc, old, new):
    t = text(doc)
    assert old in t, old
    return t.replace(old, new, 1).encode("utf-8")


def raw(data):
    return data if isinstance(data, bytes) else data.encode("utf-8")


# name: (facts bytes, facts exit, facts must contain, fhir bytes, fhir exit, fhir must contain)
CASES = {
    "lone-surrogate-value": (
        replace(FACTS, '"name":"Allopurinol"', '"name":"Allo\\ud800purinol"'), 2, "medications[0].name",
        replace(FHIR, '"display":"Allopurinol"', '"display":"Allo\\ud800purinol"'), 2, "Bundle.entry[1].resource.medicationCodeableConcept.coding[0].display"),
    "lone-low-surrogate-value": (
        replace(FACTS, '"unit":"10*9/L"', '"unit":"10*9/L\\udfff"'), 2, "labResults[0].unit",
        replace(FHIR, '"status":"final"', '"status":"fin\\udc00al"'), 2, "Bundle.entry[2].resource.status"),
    "lone-surrogate-member-name": (
        replace(FACTS, '"sex":"male"', '"sex\\ud800":"male"'), 2, "INVALID_TEXT",
        replace(FHIR, '"gender":"male"', '"gender\\ud800":"male"'), 2, "INVALID_TEXT"),
    "invalid-utf8": (
        replace(FACTS, '"name":"Allopurinol"', '"name":"Allo') + b"\xff\xfe" + b'purinol"' + replace(FACTS, '"name":"Allopurinol"', "@@")[replace(FACTS, '"name":"Allopurinol"', "@@").index(b"@@") + 2:],
        2, "UTF-8",
        replace(FHIR, '"display":"Allopurinol"', '"display":"Allo') + b"\xc3\x28" + b'purinol"' + replace(FHIR, '"display":"Allopurinol"', "@@")[replace(FHIR, '"display":"Allopurinol"', "@@").index(b"@@") + 2:],
        2, "UTF-8"),
    "duplicate-key": (
        replace(FACTS, '"evaluationDate":"2026-11-22"', '"evaluationDate":"2026-11-22","evaluationDate":"2020-01-01"'), 2, "DUPLICATE_FIELD",
        replace(FHIR, '"birthDate":"1961-03-14"', '"birthDate":"1961-03-14","birthDate":"2020-01-01"'), 0, "FHIR_DUPLICATE_MEMBER"),
    "comment": (
        raw(text(FACTS)[:-1] + "// trailing comment\n}"), 2, "not valid JSON",
        raw(text(FHIR)[:-1] + "// trailing comment\n}"), 2, "not valid JSON"),
    "trailing-comma": (
        replace(FACTS, '"flag":"normal"}]', '"flag":"normal"},]'), 2, "not valid JSON",
        replace(FHIR, '"type":"collection"', '"type":"collection",,'), 2, "not valid JSON"),
    "truncated": (
        raw(text(FACTS)[:-40]), 2, "not valid JSON",
        raw(text(FHIR)[:-40]), 2, "not valid JSON"),
    "deep-nesting": (
        raw('{"evaluationDate":"2026-11-22","therapy":' + "[" * 2000 + "]" * 2000 + "}"), 2, "not valid JSON",
        raw('{"resourceType":"Patient","id":"p1","extension":' + "[" * 2000 + "]" * 2000 + "}"), 2, "not valid JSON"),
    "empty": (b"", 2, "it is empty", b"", 2, "it is empty"),
    "array-root": (b"[]", 2, "MALFORMED_INPUT", b'[{"resourceType":"Patient","id":"p1"}]', 2, "MALFORMED_INPUT"),
    "nul-byte": (
        replace(FACTS, '"patientId":"corpus"', '"patientId":"cor\x00pus"'), 2, "not valid JSON",
        replace(FHIR, '"id":"p1"', '"id":"p\x001"'), 2, "not valid JSON"),
    "date-time-for-date": (
        replace(FACTS, '"birthDate":"1961-03-14"', '"birthDate":"1961-03-14T23:30:00-05:00"'), 2, "birthDate",
        replace(FHIR, '"birthDate":"1961-03-14"', '"birthDate":"1961-03-14T23:30:00-05:00"'), 0, "entry[0].resource.birthDate"),
    "number-for-text": (
        replace(FACTS, '"rxNormCode":"519"', '"rxNormCode":519'), 2, "medications[0].rxNormCode",
        replace(FHIR, '"code":"519"', '"code":519'), 0, "FHIR_INVALID_MEMBER_TYPE"),
    "huge-number": (
        replace(FACTS, '"value":6.2', '"value":1e400'), 2, "labResults[0].value",
        replace(FHIR, '"value":6.2', '"value":1e400'), 0, "valueQuantity.value"),
    "stray-resource-type": (
        raw('{"resourceType":"Patient",' + text(FACTS)[1:]), 2, "resourceType",
        replace(FHIR, '"resourceType":"Bundle"', '"resourceType":"Bundle","evaluationDate":"2026-11-22"'), 2, "UNKNOWN_FIELD"),
}


def main():
    rows = ["case\treader\tfile\texit\tcontains"]
    lines = []
    for name, (facts, facts_exit, facts_text, fhir, fhir_exit, fhir_text) in CASES.items():
        for reader, data, exit_code, must in (("facts", facts, facts_exit, facts_text), ("fhir", fhir, fhir_exit, fhir_text)):
            file = f"{name}.{reader}.json"
            with open(os.path.join(HERE, file), "wb") as f:
                f.write(data)
            rows.append(f"{name}\t{reader}\t{file}\t{exit_code}\t{must}")
            if b"\n" not in data and b"\r" not in data and data.strip():
                lines.append(data)
    with open(os.path.join(HERE, "cases.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(HERE, "corpus.ndjson"), "wb") as f:
        f.write(b"\n".join(lines) + b"\n")


if __name__ == "__main__":
    main()
