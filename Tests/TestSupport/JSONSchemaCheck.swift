import Foundation

/// Validates JSON files with Python's `jsonschema` (installed by .ci/run): every `*.json` in a
/// directory against one schema. Prints `valid: N` and one `invalid: FILE: reason` line per failure.
public enum JSONSchemaCheck {
    public static func validate(directory: URL, schema: URL, extraSchemas: [String: URL] = [:]) throws -> ProcessResult {
        let script = """
            import json, sys, pathlib
            from jsonschema import validators
            from referencing import Registry, Resource
            schema = json.loads(pathlib.Path(sys.argv[2]).read_text())
            extra = json.loads(sys.argv[3])
            registry = Registry().with_resources([(uri, Resource.from_contents(json.loads(pathlib.Path(p).read_text()))) for uri, p in extra.items()])
            cls = validators.validator_for(schema)
            validator = cls(schema, registry=registry)
            bad = 0
            good = 0
            for f in sorted(pathlib.Path(sys.argv[1]).glob('*.json')):
                errors = list(validator.iter_errors(json.loads(f.read_text())))
                if errors:
                    bad += 1
                    e = errors[0]
                    print(f'invalid: {f.name}: {"/".join(str(p) for p in e.absolute_path)}: {e.message[:300]}')
                else:
                    good += 1
            print(f'valid: {good}')
            sys.exit(1 if bad else 0)
            """
        let extra = String(decoding: try JSONSerialization.data(withJSONObject: extraSchemas.mapValues(\.path)), as: UTF8.self)
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, directory.path, schema.path, extra])
    }
}
