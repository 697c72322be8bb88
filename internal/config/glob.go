package config

import (
	"fmt"
	"path"
	"strings"
)

// Glob is a path pattern from the config file: slash-separated, relative
// to the config file's directory, with path.Match syntax in each segment
// and "**" for any number of directories. A pattern that matches a
// directory matches everything under it.
type Glob struct {
	Pattern string
	Pos     Pos
	segs    []string
}

// compileGlob checks a pattern's syntax.
func compileGlob(p string) (Glob, error) {
	g := Glob{Pattern: p}
	if strings.TrimSpace(p) == "" {
		return g, fmt.Errorf("empty path pattern")
	}
	if strings.Contains(p, `\`) {
		return g, fmt.Errorf("path pattern %q: use / as the separator (backslash escapes are not supported)", p)
	}
	clean := strings.TrimPrefix(p, "./")
	clean = strings.TrimPrefix(clean, "/")
	clean = strings.TrimSuffix(clean, "/")
	if clean == "" {
		return g, fmt.Errorf("path pattern %q matches everything; disable the rules instead", p)
	}
	for _, s := range strings.Split(clean, "/") {
		if s == ".." {
			return g, fmt.Errorf("path pattern %q reaches outside the config file's directory", p)
		}
		if s == "" || s == "." {
			return g, fmt.Errorf("path pattern %q has an empty or \".\" segment", p)
		}
		if s != "**" {
			if _, err := path.Match(s, ""); err != nil {
				return g, fmt.Errorf("path pattern %q: bad segment %q: %v", p, s, err)
			}
		}
		g.segs = append(g.segs, s)
	}
	return g, nil
}

// Match reports whether the slash-separated relative path rel, or one of
// its parent directories, matches the pattern.
func (g Glob) Match(rel string) bool {
	if rel == "" || rel == "." || strings.HasPrefix(rel, "../") || rel == ".." {
		return false
	}
	parts := strings.Split(rel, "/")
	for n := len(parts); n >= 1; n-- {
		if matchSegs(g.segs, parts[:n]) {
			return true
		}
	}
	return false
}

func matchSegs(pat, parts []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse runs of ** and try every split.
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for i := 0; i <= len(parts); i++ {
				if matchSegs(pat, parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], parts[0]); !ok {
			return false
		}
		pat, parts = pat[1:], parts[1:]
	}
	return len(parts) == 0
}
