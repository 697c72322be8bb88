// Package tmpstore keeps one-time tokens by id in package state, as
// listmonk's tmptokens does.
package tmpstore

import "errors"

var m = map[string]any{}

// Set stores v under id.
func Set(id string, v any) { m[id] = v }

// Check returns what is stored under id.
func Check(id string) (any, error) {
	v, ok := m[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return v, nil
}

// Echo returns a copy of its argument: a transformation, not a store.
func Echo(s string) string { return s }
