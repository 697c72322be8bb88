package secrets

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/authvet/authvet/internal/finding"
)

// The incremental cache remembers, per repository, scope (all refs or a
// branch) and rule set, which commits have been scanned (as the ref tips
// that bound them) and the occurrences found. The next run scans only
// `rev-list <tips now> --not <tips then>` and merges. It holds hashes,
// redacted snippets and paths: never a raw secret.

const cacheVersion = 4

type cacheState struct {
	Version int    `json:"version"`
	Repo    string `json:"repo"`
	RuleSet string `json:"ruleSet"`
	Scope   string `json:"scope"`
	// Settings are the options that change what a scan finds
	// (cacheSettings); Build is the authvet that wrote the cache.
	Settings string `json:"settings"`
	Build    string `json:"build"`
	Shallow  bool   `json:"shallow"`
	// Head is the commit statuses were judged against.
	Head string   `json:"head"`
	Tips []string `json:"tips"`
	// InScope counts the commits reachable from Tips.
	InScope int                    `json:"inScope"`
	Commits map[string]*commitInfo `json:"commits"`
	Groups  []cachedGroup          `json:"groups"`

	byKey map[string]*cachedGroup
}

type cachedGroup struct {
	Rule       string      `json:"rule"`
	SecretHash string      `json:"secretHash"`
	Conf       confidence  `json:"confidence"`
	ConfWhy    string      `json:"confidenceReason"`
	HeadPaths  []string    `json:"headPaths,omitempty"`
	Occs       []cachedOcc `json:"occurrences"`
	// Here are the places at Head that hold it; Located says they were
	// looked for in every one of HeadPaths (a file where the secret was
	// not found again, say in an allowlisted path, is not re-read).
	Here []cachedOcc `json:"here,omitempty"`
	// Allowed are the places at Head where it sits on a line marked
	// gitleaks:allow.
	Allowed []cachedOcc `json:"allowed,omitempty"`
	Located bool        `json:"located,omitempty"`
}

type cachedOcc struct {
	Commit  string  `json:"commit,omitempty"`
	Path    string  `json:"path"`
	Line    int     `json:"line"`
	Col     int     `json:"col"`
	EndLine int     `json:"endLine"`
	EndCol  int     `json:"endCol"`
	Snippet string  `json:"snippet"`
	Red     string  `json:"redacted"`
	Decoded bool    `json:"decoded,omitempty"`
	Entropy float64 `json:"entropy"`
	Role    string  `json:"role,omitempty"`
}

func (s *scan) cacheEnabled() bool {
	return !s.opts.NoCache && s.opts.Mode == History && s.opts.MaxCommits == 0
}

func (s *scan) cacheFile() string {
	dir := s.opts.CacheDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "authvet", "secrets")
	}
	scope := "all"
	if s.opts.Branch != "" {
		scope = "branch:" + s.opts.Branch
	}
	key := finding.Hash("repo", s.opts.Root)[:20] + "-" + finding.Hash(scope, s.ruleHash, s.cacheSettings())[:16]
	return filepath.Join(dir, key+".json")
}

// cacheSettings are the options that change what a history scan finds
// or how it rates it: a cache written under other settings is not used.
// (The rule set, with every file it extends, is keyed by its hash.)
func (s *scan) cacheSettings() string {
	return fmt.Sprintf("max-file-size=%d min-confidence=%s", s.opts.MaxFileSize, s.minConf)
}

// buildID identifies the running authvet: its version, the module and
// VCS data Go records in the binary and, since a development build's
// version stays "devel" across edits, the executable's size and
// modification time. A cache written by another build is not used.
var buildID = sync.OnceValue(func() string {
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(bi.GoVersion + " " + bi.Main.Version)
		for _, st := range bi.Settings {
			if st.Key == "vcs.revision" || st.Key == "vcs.modified" {
				b.WriteString(" " + st.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			fmt.Fprintf(&b, " %d %d", st.Size(), st.ModTime().UnixNano())
		}
	}
	return b.String()
})

func (s *scan) build() string { return s.opts.Version + " " + buildID() }

func (s *scan) cacheScope() string {
	if s.opts.Branch != "" {
		return "branch:" + s.opts.Branch
	}
	return "all"
}

// loadCache returns the cache for this repository, scope and rule set,
// or nil when there is none or it no longer applies.
func (s *scan) loadCache(ctx context.Context, revs []string) *cacheState {
	p := s.cacheFile()
	if p == "" {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	var c cacheState
	if json.Unmarshal(data, &c) != nil {
		return nil
	}
	if c.Version != cacheVersion || c.Repo != s.opts.Root || c.RuleSet != s.ruleHash || c.Scope != s.cacheScope() ||
		c.Settings != s.cacheSettings() || c.Build != s.build() || c.Shallow != s.res.Shallow {
		return nil
	}
	// Tips the repository no longer has (after a gc of rewritten
	// history) cannot bound a rev-list. Those the refs point to now
	// exist; the others are asked in one cat-file run.
	current := map[string]bool{}
	for _, r := range revs {
		current[r] = true
	}
	var tips, ask []string
	for _, t := range c.Tips {
		if current[t] {
			tips = append(tips, t)
		} else if !strings.HasPrefix(t, "-") {
			ask = append(ask, t)
		}
	}
	if len(ask) > 0 {
		cmd := s.repo.command(ctx, "cat-file", "--batch-check=%(objectname) %(objecttype)")
		cmd.Stdin = strings.NewReader(strings.Join(ask, "\n") + "\n")
		if out, err := cmd.Output(); err == nil {
			for _, l := range strings.Split(string(out), "\n") {
				if id, ok := strings.CutSuffix(l, " commit"); ok {
					tips = append(tips, id)
				}
			}
		}
	}
	c.Tips = tips
	c.byKey = map[string]*cachedGroup{}
	for i := range c.Groups {
		g := &c.Groups[i]
		c.byKey[g.Rule+"\x00"+g.SecretHash] = g
	}
	return &c
}

// occurrences returns the cached occurrences.
func (c *cacheState) occurrences() []occurrence {
	var out []occurrence
	for i := range c.Groups {
		g := &c.Groups[i]
		for _, o := range g.Occs {
			out = append(out, o.occurrence(g, c.Commits[o.Commit]))
		}
	}
	return out
}

func (o cachedOcc) occurrence(g *cachedGroup, commit *commitInfo) occurrence {
	return occurrence{
		rule: g.Rule, secretHash: g.SecretHash, commit: commit, path: o.Path,
		line: o.Line, col: o.Col, endLine: o.EndLine, endCol: o.EndCol,
		snippet: o.Snippet, red: o.Red, decoded: o.Decoded, entropy: o.Entropy, role: o.Role,
	}
}

func cachedOf(o occurrence) cachedOcc {
	return cachedOcc{Path: o.path, Line: o.line, Col: o.col, EndLine: o.endLine, EndCol: o.endCol, Snippet: o.snippet, Red: o.red, Decoded: o.decoded, Entropy: o.entropy, Role: o.role}
}

// assessGroups rates each group's value: from the raw value when this
// run saw it, else from the cache.
func assessGroups(groups []*group, secrets map[string]string, cached *cacheState) {
	for _, g := range groups {
		if v, ok := secrets[g.secretHash]; ok {
			g.conf, g.confWhy = assessValue(g.rule, v, g.occs[0].decoded)
			if why := lockChecksum(v, g.occs); why != "" {
				g.conf, g.confWhy = confLow, why
			}
			if why := allowListed(g.occs); why != "" { // allowfile.go
				g.conf, g.confWhy = confLow, why
			}
			continue
		}
		if cached != nil {
			if cg := cached.byKey[g.rule+"\x00"+g.secretHash]; cg != nil {
				g.conf, g.confWhy = cg.Conf, cg.ConfWhy
				continue
			}
			// The generic group folded into a specific one.
			for _, cg := range cached.Groups {
				if cg.SecretHash == g.secretHash {
					g.conf, g.confWhy = cg.Conf, cg.ConfWhy
					break
				}
			}
		}
		if g.confWhy == "" {
			g.conf, g.confWhy = confMedium, "rated in an earlier scan"
		}
	}
}

// recheckCached sets the status of groups known only from the cache.
// Unchanged since the cached head, they keep their status and places;
// where the files that held them changed, the new versions are to be
// scanned: it adds them to locate (path at head → groups).
func (s *scan) recheckCached(ctx context.Context, head string, c *cacheState, groups []*group, locate map[string][]*group) {
	changed := map[string]string{} // old path → new path ("" if deleted)
	// unknown: the tip could not be compared with the cached one, and
	// every file the cache had a secret in is read again.
	unknown := false
	if c.Head != head {
		if c.Head == "" {
			return
		}
		out, err := s.repo.output(ctx, "diff", "--name-status", "-z", "-M", "--no-ext-diff", c.Head, head)
		if err != nil {
			unknown = true
		}
		f := strings.Split(out, "\x00")
		for i := 0; i < len(f); {
			st := f[i]
			switch {
			case st == "":
				i++
			case strings.HasPrefix(st, "R") || strings.HasPrefix(st, "C"):
				if i+2 < len(f) {
					changed[f[i+1]] = f[i+2]
				}
				i += 3
			case strings.HasPrefix(st, "D"):
				if i+1 < len(f) {
					changed[f[i+1]] = ""
				}
				i += 2
			default:
				if i+1 < len(f) {
					changed[f[i+1]] = f[i+1]
				}
				i += 2
			}
		}
	}
	for _, g := range groups {
		cg := c.byKey[g.rule+"\x00"+g.secretHash]
		if cg == nil {
			continue
		}
		for _, p := range cg.HeadPaths {
			np, ok := changed[p]
			if unknown {
				np, ok = p, true
			}
			switch {
			case !ok:
				// Unchanged since the cached head: still there, at the
				// places the cache recorded (or, from an older cache,
				// located again).
				g.present = true
				g.headPaths = append(g.headPaths, p)
				n := len(g.here) + len(g.allowedHere)
				for _, o := range cg.Here {
					if o.Path == p {
						g.here = append(g.here, o.occurrence(cg, nil))
					}
				}
				for _, o := range cg.Allowed {
					if o.Path == p {
						g.allowedHere = append(g.allowedHere, o.occurrence(cg, nil))
					}
				}
				if len(g.here)+len(g.allowedHere) == n && !cg.Located {
					locate[p] = append(locate[p], g)
				}
			case np != "":
				// Changed: present only if the new version holds it.
				locate[np] = append(locate[np], g)
			}
		}
	}
}

// saveCache writes the scanned tips and groups. Incomplete scans are
// not cached, so the next run retries what could not be read.
func (s *scan) saveCache(ctx context.Context, tips []string, inScope int, groups []*group) {
	if s.res.Incomplete {
		return
	}
	p := s.cacheFile()
	if p == "" {
		return
	}
	c := cacheState{
		Version: cacheVersion, Repo: s.opts.Root, RuleSet: s.ruleHash, Scope: s.cacheScope(),
		Settings: s.cacheSettings(), Build: s.build(), Shallow: s.res.Shallow, InScope: inScope, Head: s.res.Coverage.Head, Tips: tips, Commits: map[string]*commitInfo{},
	}
	for _, g := range groups {
		// Every group present at head was located there (presentAt).
		cg := cachedGroup{Rule: g.rule, SecretHash: g.secretHash, Conf: g.conf, ConfWhy: g.confWhy, HeadPaths: g.headPaths, Located: true}
		for _, o := range g.here {
			cg.Here = append(cg.Here, cachedOf(o))
		}
		for _, o := range g.allowedHere {
			cg.Allowed = append(cg.Allowed, cachedOf(o))
		}
		for _, o := range g.occs {
			co := cachedOf(o)
			if o.commit != nil {
				co.Commit = o.commit.SHA
				c.Commits[o.commit.SHA] = o.commit
			}
			cg.Occs = append(cg.Occs, co)
		}
		c.Groups = append(c.Groups, cg)
	}
	data, err := json.Marshal(&c)
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
	}
}
