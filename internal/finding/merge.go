package finding

import "fmt"

// Fold adds extra findings to fs and returns the result. An extra finding
// on the same file and line as a finding of fs whose rule absorbs accepts
// is folded into that finding (see fold) instead of being added: a secret
// in Go source is found twice, by the analyzer, which names the sink and
// offers a fix, and by the secret scanner, which knows its history, and a
// reviewer should see one alarm. When several findings of fs share a
// line, the last absorbs; extra findings never absorb each other.
func Fold(fs, extra []Finding, absorbs func(ruleID string) bool) []Finding {
	at := map[string]int{}
	for i := range fs {
		if absorbs(fs[i].RuleID) {
			at[lineKey(&fs[i].Location)] = i
		}
	}
	for _, x := range extra {
		if i, ok := at[lineKey(&x.Location)]; ok {
			fold(&fs[i], &x)
			continue
		}
		fs = append(fs, x)
	}
	return fs
}

func lineKey(l *Location) string { return fmt.Sprintf("%s:%d", l.Path, l.StartLine) }

// fold folds other into f, the finding on the same line that stays: f's
// message and fix stay, and its level is raised to other's when that is
// higher; other's rule (as the property "secretRule"), the properties f
// lacks, its provenance when f has none and its related locations are
// added.
func fold(f, other *Finding) {
	if f.Properties == nil {
		f.Properties = map[string]any{}
	}
	f.Properties["secretRule"] = other.RuleID
	for k, v := range other.Properties {
		if _, ok := f.Properties[k]; !ok {
			f.Properties[k] = v
		}
	}
	if f.Provenance == nil {
		f.Provenance = other.Provenance
	}
	f.Related = append(f.Related, other.Related...)
	if other.Level.Rank() > f.Level.Rank() {
		f.Level = other.Level
	}
}
