// Package gitleaksrules is authvet's one door to gitleaks' rule set: the
// default gitleaks rules (optionally extended or replaced by a user's
// .gitleaks.toml), compiled once per process, exposed without any gitleaks
// type.
//
// Two callers use it. The hardcodedcred analyzer classifies Go string
// literals with [Classify]; the secret scanner (scanners/secrets) runs
// [Set.Detect] over git diffs and files. Both get rule metadata in authvet's
// model from [Rules] / [Set.Rules], with rule ids "secret/<gitleaks-rule-id>".
//
// gitleaks' types, globals and logging stop here: its zerolog logger is
// silenced when this package is initialised, configuration errors (which
// gitleaks reports by panicking in regexp.MustCompile) become errors that
// name the file, and every finding becomes a [Match] or a [Hit].
//
// Matching keeps gitleaks' semantics (keywords, regexes, secret groups,
// entropy, allowlists, stopwords, gitleaks:allow), with one addition: where a
// provider-specific rule and generic-api-key match overlapping bytes, only
// the specific rule is kept.
package gitleaksrules
