package gitleaksrules

import (
	"regexp"
	"strings"
)

// Configs written for gitleaks v7 (still in many repositories) give an
// allowlist `regex = '''…'''`, `files = [...]` or `commits` under
// `[rules.allowlist]` and `[allowlist]`. gitleaks v8 reads `regexes`,
// `paths` and `commits`: it ignores the v7 keys and then rejects the
// allowlist as having no check, with a message that names neither the
// key nor the line ("[[rules.allowlists]] must contain at least one
// check…"). The config is still refused, as gitleaks refuses it; the
// error now says which line and what to write instead.

var (
	tomlTable  = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?`)
	v7AllowKey = regexp.MustCompile(`^\s*(regex|files|file)\s*=`)
)

// v7AllowlistKey returns the 1-based line of the first gitleaks v7
// allowlist key (regex, files, file) inside an allowlist table of data,
// and the key, or 0.
func v7AllowlistKey(data []byte) (int, string) {
	in := false
	for i, line := range strings.Split(string(data), "\n") {
		if m := tomlTable.FindStringSubmatch(line); m != nil {
			t := m[1]
			in = strings.HasSuffix(t, "allowlist") || strings.HasSuffix(t, "allowlists")
			continue
		}
		if !in {
			continue
		}
		if m := v7AllowKey.FindStringSubmatch(line); m != nil {
			return i + 1, m[1]
		}
	}
	return 0, ""
}

// v7Hint completes gitleaks' "no check" allowlist error for a config in
// the v7 format; ok is false for any other error or config.
func v7Hint(msg string, data []byte) (line int, hint string, ok bool) {
	if !strings.Contains(msg, "must contain at least one check") {
		return 0, "", false
	}
	line, key := v7AllowlistKey(data)
	if line == 0 {
		return 0, "", false
	}
	repl := map[string]string{"regex": "regexes = [...]", "files": "paths = [...]", "file": "paths = [...]"}[key]
	return line, msg + "; this allowlist uses gitleaks v7's `" + key + "` key, which gitleaks v8 does not read: write `" + repl + "`", true
}
