package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// SchemaID is the schema's $id: where editors can fetch it.
const SchemaID = "https://raw.githubusercontent.com/authvet/authvet/main/schema/authvet.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of the config file for
// editors, generated from the same Known the loader checks against: every
// analyzer option and rule id comes from the analyzers themselves. The
// loader also refuses what a schema cannot say (path patterns that do
// not compile, YAML aliases); the tests keep the two in agreement on
// example files.
func Schema(k *Known) ([]byte, error) {
	ruleID := map[string]any{
		"anyOf": []any{
			map[string]any{"enum": k.ruleNames()},
			map[string]any{"type": "string", "pattern": "^secret/.+$", "description": "a secret rule: secret/<gitleaks rule id>"},
		},
	}
	glob := map[string]any{
		"type": "string", "minLength": 1,
		"description": "path pattern relative to the config file's directory: / separated, * ? [..] within a segment, ** for any directories; a directory matches everything under it",
		"examples":    []any{"**/testdata/**", "internal/mocks/**"},
	}
	globs := map[string]any{"type": "array", "items": glob}
	props := map[string]any{
		"rules": object(map[string]any{
			"enable":  map[string]any{"type": "array", "items": ruleID, "description": "report only these rules (ids, or analyzer names for all their rules); --enable"},
			"disable": map[string]any{"type": "array", "items": ruleID, "description": "do not report these rules; --disable"},
			"level": map[string]any{
				"type": []any{"object", "null"}, "propertyNames": ruleID,
				"additionalProperties": map[string]any{"enum": stringsAny(levelNames)},
				"description":          "level per rule id or analyzer name; off drops the rule's findings",
			},
			"exclude": map[string]any{
				"type": []any{"object", "null"}, "propertyNames": ruleID,
				"additionalProperties": globs,
				"description":          "path patterns whose findings of one rule (or analyzer) are dropped",
			},
		}, "which rules run and how loud they are"),
		"exclude":       withDesc(globs, "path patterns whose findings (lint and secrets alike) are dropped"),
		"fail-on":       map[string]any{"enum": stringsAny(failOnNames), "description": "exit 1 on findings at or above this level; --fail-on"},
		"baseline":      map[string]any{"type": "string", "minLength": 1, "description": "earlier authvet SARIF file, relative to this file: findings already in it do not fail the run; --baseline"},
		"include-tests": map[string]any{"type": "boolean", "description": "also analyze _test.go files; --include-tests"},
		"secrets": object(map[string]any{
			"config":        map[string]any{"type": "string", "minLength": 1, "description": "gitleaks config file, relative to this file (default: the repository's .gitleaks.toml if present)"},
			"max-file-size": map[string]any{"type": "integer", "minimum": 0, "description": "skip (and report) files larger than this many bytes; 0: no limit"},
			"cache":         map[string]any{"type": "string", "minLength": 1, "description": "incremental scan cache directory, relative to this file"},
		}, "the secret scanner"),
	}
	for _, a := range k.analyzerNames() {
		opts := map[string]any{}
		for _, o := range k.Analyzers[a] {
			opts[o.Name] = optionSchema(o)
		}
		props[a] = object(opts, fmt.Sprintf("options of the %s analyzer (its flags, --%s.<option> on the command line)", a, a))
	}
	s := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID,
		"title":                "authvet configuration (.authvet.yml)",
		"type":                 []any{"object", "null"},
		"properties":           props,
		"additionalProperties": false,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("encoding schema: %w", err)
	}
	return buf.Bytes(), nil
}

func optionSchema(o Option) map[string]any {
	d := strings.TrimSpace(o.Usage)
	switch o.Kind {
	case KindBool:
		return map[string]any{"type": "boolean", "description": d}
	case KindInt:
		return map[string]any{"type": "integer", "minimum": 0, "description": d}
	case KindFloat:
		return map[string]any{"type": "number", "description": d}
	}
	return map[string]any{
		"anyOf": []any{
			map[string]any{"type": "string"},
			map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
		},
		"description": d + " (a string, or a list joined with commas)",
	}
}

// object is a section: a mapping (or nothing) with exactly these keys.
func object(props map[string]any, desc string) map[string]any {
	return map[string]any{
		"type": []any{"object", "null"}, "properties": props,
		"additionalProperties": false, "description": desc,
	}
}

func withDesc(m map[string]any, d string) map[string]any {
	c := map[string]any{}
	for k, v := range m {
		c[k] = v
	}
	c["description"] = d
	return c
}

func stringsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
