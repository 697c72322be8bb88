package report

import (
	"sort"

	"github.com/authvet/authvet/internal/finding"
)

// SecretFinder returns the values in text that a secret rule matches. The
// CLI sets one built from the secret scanner's rules; this package does
// not know the rules itself.
type SecretFinder func(text string) []string

// Redacted returns a copy of r in which every value a secret rule matches
// is redacted, in every text a writer emits: messages, snippets, fix
// descriptions and replacement text, related-location and code-flow
// messages, suppression justifications, string properties, notifications
// and the repository URL. Every writer calls it first, so redaction is a
// property of the report and not of the rule that reported a finding.
//
// A value found in one text of a finding (a snippet, which has the
// keyword a rule needs beside the value) is also hidden in that finding's
// other texts, where it may stand without the context a rule needs to
// recognise it. r itself is left as it is: --fix needs the real edits.
func (r *Report) Redacted() *Report {
	out := *r
	if r.Secrets == nil {
		return &out
	}
	// Many texts repeat (a rule's message, a fix's description): look
	// each up once.
	memo := map[string][]string{}
	find := func(text string) []string {
		s, ok := memo[text]
		if !ok {
			s = r.Secrets(text)
			memo[text] = s
		}
		return s
	}
	out.Findings = make([]finding.Finding, len(r.Findings))
	for i := range r.Findings {
		out.Findings[i] = redactFinding(r.Findings[i], find)
	}
	if r.Notifications != nil {
		out.Notifications = make([]Notification, len(r.Notifications))
		for i, n := range r.Notifications {
			n.Message = redactText(n.Message, find(n.Message))
			out.Notifications[i] = n
		}
	}
	if r.VCS != nil {
		v := *r.VCS
		v.RepositoryURL = redactText(v.RepositoryURL, r.Secrets(v.RepositoryURL))
		out.VCS = &v
	}
	return &out
}

// redactFinding returns f with every secret in any of its texts hidden in
// all of them. The slices and maps it changes are copies.
func redactFinding(f finding.Finding, find SecretFinder) finding.Finding {
	var texts []*string
	texts = append(texts, &f.Message, &f.Snippet)
	if f.Suppression != nil {
		s := *f.Suppression
		f.Suppression = &s
		texts = append(texts, &s.Justification)
	}
	if f.Provenance != nil {
		p := *f.Provenance
		f.Provenance = &p
		texts = append(texts, &p.Subject)
	}
	f.Related = append([]finding.Location(nil), f.Related...)
	for i := range f.Related {
		texts = append(texts, &f.Related[i].Message)
	}
	f.Flow = append([]finding.Location(nil), f.Flow...)
	for i := range f.Flow {
		texts = append(texts, &f.Flow[i].Message)
	}
	texts = append(texts, &f.Location.Message)
	if f.Fixes != nil {
		fixes := make([]finding.Fix, len(f.Fixes))
		for i, fx := range f.Fixes {
			fx.Edits = append([]finding.Edit(nil), fx.Edits...)
			fixes[i] = fx
		}
		f.Fixes = fixes
		for i := range f.Fixes {
			texts = append(texts, &f.Fixes[i].Description)
			for j := range f.Fixes[i].Edits {
				texts = append(texts, &f.Fixes[i].Edits[j].NewText)
			}
		}
	}
	var props map[string]any
	var strProps []string
	var strVals []*string
	if f.Properties != nil {
		props = make(map[string]any, len(f.Properties))
		keys := make([]string, 0, len(f.Properties))
		for k, v := range f.Properties {
			props[k] = v
			keys = append(keys, k)
		}
		sort.Strings(keys)
		f.Properties = props
		for _, k := range keys {
			switch v := props[k].(type) {
			case string:
				s := v
				texts = append(texts, &s)
				strProps, strVals = append(strProps, k), append(strVals, &s)
			case []string:
				c := append([]string(nil), v...)
				props[k] = c
				for i := range c {
					texts = append(texts, &c[i])
				}
			}
		}
	}
	var secrets []string
	for _, t := range texts {
		if *t != "" {
			secrets = append(secrets, find(*t)...)
		}
	}
	if len(secrets) == 0 {
		return f
	}
	for _, t := range texts {
		*t = redactText(*t, secrets)
	}
	for i, k := range strProps {
		props[k] = *strVals[i]
	}
	return f
}

// redactText hides each secret in s, longest first so that a value that
// contains another is hidden whole.
func redactText(s string, secrets []string) string {
	if len(secrets) == 0 || s == "" {
		return s
	}
	sorted := append([]string(nil), secrets...)
	sort.Slice(sorted, func(i, j int) bool {
		if len(sorted[i]) != len(sorted[j]) {
			return len(sorted[i]) > len(sorted[j])
		}
		return sorted[i] < sorted[j]
	})
	for _, sec := range sorted {
		s = finding.RedactIn(s, sec)
	}
	return s
}
