#!/bin/sh
# The JSON Schema for editors (docs/scenario.schema.json) must accept every
# shipped scenario and refuse the broken fixtures that lint refuses for
# reasons a schema can see.
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
check() { # check WANT(0 valid, 1 invalid) FILE
	python3 - "$2" <<'PY'
import json, sys, jsonschema
schema = json.load(open("docs/scenario.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
try:
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
except (jsonschema.ValidationError, ValueError) as e:
    print(sys.argv[1] + ": " + str(e).splitlines()[0], file=sys.stderr)
    sys.exit(1)
PY
	rc=$?
	if [ "$rc" -eq "$1" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2: schema said $rc, want $1"; fi
}
for f in scenarios/*.json tests/data/lint/clean.json; do check 0 "$f"; done
for f in bad-types unknown-keys future-format not-object trailing-comma; do
	check 1 "tests/data/lint/$f.json" 2>/dev/null
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
