package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/authvet/authvet/internal/report"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// secretFinder is the report's SecretFinder: the values that any rule of
// gitleaks' default set, or of the user's rule file (configPath, else
// dir/.gitleaks.toml when there is one), matches in a text. Decoding is
// on, and a matched encoded value is hidden as well as the decoded one.
//
// It ignores "gitleaks:allow" markers: they tell the scanner not to
// report a line, not that the line may be printed in full.
//
// The rules are compiled on the first text looked at: a lint run needs
// them only once its analyzers are done, and holding them (some 13 MB)
// through the analysis would add to its peak memory.
func secretFinder(dir, configPath string) report.SecretFinder {
	if configPath == "" && dir != "" {
		if p := filepath.Join(dir, ".gitleaks.toml"); fileExists(p) {
			configPath = p
		}
	}
	sets := sync.OnceValue(func() []*gitleaksrules.Set {
		sets := []*gitleaksrules.Set{gitleaksrules.Default()}
		if configPath != "" {
			// A rule file that does not load is reported by the secret
			// scan; redaction then goes on with the default rules.
			if s, err := gitleaksrules.Load(configPath); err == nil {
				sets = append(sets, s)
			}
		}
		return sets
	})
	return func(text string) []string {
		if len(text) < 8 {
			return nil
		}
		text = strings.ReplaceAll(text, "gitleaks:allow", "gitleaks_____")
		var out []string
		for _, set := range sets() {
			for _, h := range set.Detect(context.Background(), gitleaksrules.Fragment{Text: text, Decode: true}) {
				if h.PathOnly {
					continue
				}
				if h.Secret != "" {
					out = append(out, h.Secret)
				}
				if h.Decoded && h.Start < h.End && h.End <= len(text) {
					out = append(out, text[h.Start:h.End])
				}
			}
		}
		return out
	}
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
