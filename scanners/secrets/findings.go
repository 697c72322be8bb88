package secrets

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"sort"
	"strings"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// This file turns occurrences into findings: one finding per distinct
// secret, its first introduction as the primary location, status,
// triage, remediation. It plays the part of gitleaks' report package,
// except that nothing here ever holds a raw secret.

// Status values, in Properties["status"].
const (
	StatusPresent   = "present-at-head" // still in the scanned tip
	StatusHistory   = "history-only"    // deleted since; only in history
	StatusStaged    = "staged"          // staged for the next commit
	StatusDirectory = "in-file"         // in a file on disk
)

// group is every occurrence of one secret under one rule.
type group struct {
	rule       string
	secretHash string
	occs       []occurrence // primary first
	present    bool
	headPaths  []string
	// here are the places at the scanned tip that hold the secret, found
	// by scanning the tip's files (locateAtHead): a secret still present
	// is reported where it is now, not where it was first committed.
	here []occurrence
	// allowedHere are places at the tip where the secret sits on a line
	// marked gitleaks:allow: the marker is honoured where the secret is
	// now, even when the commit that introduced it had none.
	allowedHere []occurrence
	conf        confidence
	confWhy     string
	// offHead marks a secret no commit of the scanned tip's history
	// holds: only other branches or tags have it (offhead.go).
	offHead bool
}

// groupOccurrences dedups occurrences and groups them by secret. Where a
// specific rule and generic-api-key matched the same value, the value is
// reported once, under the specific rule.
func groupOccurrences(occs []occurrence) []*group {
	type key struct {
		rule, hash, commit, path string
		line, col                int
	}
	seen := make(map[key]bool, len(occs))
	byHash := map[string]map[string]*group{}
	for _, o := range occs {
		k := key{o.rule, o.secretHash, sha(o.commit), o.path, o.line, o.col}
		if seen[k] {
			continue
		}
		seen[k] = true
		m := byHash[o.secretHash]
		if m == nil {
			m = map[string]*group{}
			byHash[o.secretHash] = m
		}
		g := m[o.rule]
		if g == nil {
			g = &group{rule: o.rule, secretHash: o.secretHash}
			m[o.rule] = g
		}
		g.occs = append(g.occs, o)
	}
	var out []*group
	for _, m := range byHash {
		var specific []*group
		for id, g := range m {
			if !gitleaksrules.IsGeneric(id) {
				specific = append(specific, g)
			}
		}
		// A provider rule whose every match is bare hex found only by
		// its keyword inside another word (roleKeywordInWord) says
		// nothing about the value: where generic-api-key matched it too,
		// in other fragments, the generic finding stands, with these
		// matches as more places.
		if gen := m[gitleaksrules.GenericRuleID]; gen != nil {
			kept := specific[:0]
			for _, g := range specific {
				if !everyOcc(g, roleKeywordInWord) {
					kept = append(kept, g)
					continue
				}
				for _, o := range g.occs {
					o.rule = gen.rule
					gen.occs = append(gen.occs, o)
				}
				delete(m, g.rule)
			}
			specific = kept
		}
		sort.Slice(specific, func(i, j int) bool { return specific[i].rule < specific[j].rule })
		for id, g := range m {
			if gitleaksrules.IsGeneric(id) && len(specific) > 0 {
				// The value is a provider's key: its generic matches are
				// more places the same key occurs.
				for _, o := range g.occs {
					o.rule = specific[0].rule
					specific[0].occs = append(specific[0].occs, o)
				}
				continue
			}
			out = append(out, g)
		}
	}
	// The groups come out of maps in random order, and folding merges
	// by the order it meets them: put them in a fixed order first, so
	// that the same input gives the same findings on every run.
	for _, g := range out {
		sortOccurrences(g.occs)
	}
	sortGroups(out)
	out = foldDecoded(out)
	out = foldEncoded(out)
	out = foldContaining(out)
	for _, g := range out {
		sortOccurrences(g.occs)
	}
	sortGroups(out)
	return out
}

// sortGroups orders groups by their first occurrence (path, line,
// column), then rule and secret hash: a total order, so that the same
// input gives the same findings in the same order on every run.
func sortGroups(gs []*group) {
	sort.Slice(gs, func(i, j int) bool {
		a, b := gs[i].occs[0], gs[j].occs[0]
		if a.path != b.path {
			return a.path < b.path
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		if gs[i].rule != gs[j].rule {
			return gs[i].rule < gs[j].rule
		}
		return gs[i].secretHash < gs[j].secretHash
	})
}

// foldDecoded folds a group found only in decoded text into the group
// found as written at the same places: gitleaks decodes an encoded
// value and runs the rules again, so a Kubernetes Secret whose data is
// base64 is matched as written, once decoded and again decoded twice.
// Those are one secret seen through its encoding, and one finding. A
// decoded group is folded when each of its occurrences overlaps (same
// rule, commit and file, overlapping lines) an occurrence matched as
// written of one same group; positions decide, not values, so a run
// served from the cache folds alike.
func foldDecoded(gs []*group) []*group {
	type place struct{ rule, commit, path string }
	raw := map[place][]*group{}
	rawOcc := map[place][]occurrence{}
	for _, g := range gs {
		for _, o := range g.occs {
			if !o.decoded {
				k := place{o.rule, sha(o.commit), o.path}
				raw[k] = append(raw[k], g)
				rawOcc[k] = append(rawOcc[k], o)
			}
		}
	}
	if len(raw) == 0 {
		return gs
	}
	out := gs[:0]
	for _, g := range gs {
		into := foldTarget(g, func(o occurrence) *group {
			if !o.decoded {
				return nil
			}
			k := place{o.rule, sha(o.commit), o.path}
			for i, r := range rawOcc[k] {
				if raw[k][i] != g && r.line <= o.endLine && o.line <= r.endLine {
					return raw[k][i]
				}
			}
			return nil
		})
		if into == nil {
			out = append(out, g)
			continue
		}
		for _, o := range g.occs {
			o.secretHash, o.rule = into.secretHash, into.rule
			dup := false
			for _, x := range into.occs {
				if x.commit == o.commit && x.path == o.path && x.line == o.line && x.col == o.col {
					dup = true
					break
				}
			}
			if !dup {
				into.occs = append(into.occs, o)
			}
		}
	}
	return out
}

// foldEncoded folds the group of a value matched as written into the
// group of a provider's key found by decoding that very value, at every
// place: a Kubernetes Secret's base64 data entry holding an AWS
// credentials file is matched whole (kubernetes-secret-yaml) and again,
// decoded, as the AWS key inside it. That is one leak; the finding is the
// decoded key's, which names the issuer and its rotation page, or the
// format that makes it a credential whatever its issuer (a JWT, a
// private key: a kubeconfig's service-account token in a Secret's data
// was reported twice, as the Secret and as the token). Positions
// decide: a decoded match sits on the encoded bytes it came from, so it
// must lie inside the match as written (same commit, file and line, its
// columns within). generic-api-key is never the target: it says neither
// what the value is nor who issued it.
func foldEncoded(gs []*group) []*group {
	return foldInside(gs,
		func(h *group, x occurrence) bool {
			return x.decoded && !gitleaksrules.IsGeneric(h.rule) && (hasProvider(h.rule) || credentialFormat[h.rule])
		},
		func(g *group, o occurrence, h *group, _ occurrence) bool {
			return !o.decoded && h.rule != g.rule
		})
}

// foldContaining folds the group of a rule that names no issuer (a form:
// curl-auth-user, curl-auth-header) into a provider rule's group whose
// match sits inside its own, or on the same bytes, at every place: one
// secret, matched by its provider's rule and again by a rule for the
// form that carries it (`curl -u ":ghp_…"`, `-H "Authorization: token
// ghp_…"`). The form adds a user name or quotes, not a second secret;
// the finding is the provider's, which names the issuer and its rotation
// page, and every place of the form's group is one of its places. Only
// one-line matches at most 64 bytes longer than the inner match fold, so
// a private key's block never folds into a key id that happens to sit in
// its base64. generic-api-key is not judged here (it already yields to a
// specific rule on the same bytes).
func foldContaining(gs []*group) []*group {
	return foldInside(gs,
		func(h *group, x occurrence) bool {
			return !x.decoded && !gitleaksrules.IsGeneric(h.rule)
		},
		func(g *group, o occurrence, h *group, x occurrence) bool {
			return !o.decoded && !gitleaksrules.IsGeneric(g.rule) && !hasProvider(g.rule) && hasProvider(h.rule) &&
				(o.endCol-o.col)-(x.endCol-x.col) <= 64
		})
}

// foldInside drops each group g every place of which, a one-line match,
// holds on the same line (same commit and file, columns within) a
// one-line match x of one same other group h, where inner(h, x) and
// fits(g, o, h, x) hold: g's finding is h's (foldEncoded, foldContaining).
func foldInside(gs []*group, inner func(h *group, x occurrence) bool, fits func(g *group, o occurrence, h *group, x occurrence) bool) []*group {
	type place struct {
		commit, path string
		line         int
	}
	in := map[place][]*group{}
	inOcc := map[place][]occurrence{}
	for _, h := range gs {
		for _, x := range h.occs {
			if x.line > 0 && x.line == x.endLine && inner(h, x) {
				k := place{sha(x.commit), x.path, x.line}
				in[k] = append(in[k], h)
				inOcc[k] = append(inOcc[k], x)
			}
		}
	}
	if len(in) == 0 {
		return gs
	}
	out := gs[:0]
	for _, g := range gs {
		echo := decodedEchoes(g)
		into := foldTarget(g, func(o occurrence) *group {
			if echo[o] {
				// g's own match again, in the decoded text of
				// the place it was matched as written.
				return hitAny
			}
			if o.line <= 0 || o.line != o.endLine {
				return nil
			}
			k := place{sha(o.commit), o.path, o.line}
			for i, x := range inOcc[k] {
				if h := in[k][i]; h != g && x.col >= o.col && x.endCol <= o.endCol && fits(g, o, h, x) {
					return h
				}
			}
			return nil
		})
		if into == nil {
			out = append(out, g)
		}
		// Else every place of g is a place of into: the same secret, one
		// finding.
	}
	return out
}

// foldTarget returns the one group that every occurrence of g is also a
// place of, as hit tells it (nil: that occurrence is no other group's),
// or nil when an occurrence has none or two occurrences name different
// groups: g then stays a finding of its own.
func foldTarget(g *group, hit func(occurrence) *group) *group {
	var into *group
	for _, o := range g.occs {
		h := hit(o)
		if h == hitAny {
			continue // goes wherever the others go
		}
		if h == nil || (into != nil && h != into) {
			return nil
		}
		into = h
	}
	return into
}

// hitAny, from a foldTarget hit function, says that an occurrence
// follows the group's other occurrences wherever they fold.
var hitAny = &group{}

// decodedEchoes returns the decoded occurrences of g whose lines hold
// one of g's occurrences as written in the same commit and file: the
// decoding pass matching the group's rule again over the text it
// decoded (a Secret manifest matched whole, then again with its data
// decoded), the same place.
func decodedEchoes(g *group) map[occurrence]bool {
	var out map[occurrence]bool
	for _, o := range g.occs {
		if !o.decoded {
			continue
		}
		for _, w := range g.occs {
			if !w.decoded && sha(w.commit) == sha(o.commit) && w.path == o.path && o.line <= w.line && w.endLine <= o.endLine {
				if out == nil {
					out = map[occurrence]bool{}
				}
				out[o] = true
				break
			}
		}
	}
	return out
}

// credentialFormat are rules whose match is a credential by its format
// alone, whoever issued it.
var credentialFormat = map[string]bool{"jwt": true, "private-key": true}

func hasProvider(rule string) bool {
	_, ok := gitleaksrules.ProviderOf(rule)
	return ok
}

// sortOccurrences puts the first introduction first: the oldest commit
// (by commit time, then by log order), then path and position.
func sortOccurrences(os []occurrence) {
	sort.SliceStable(os, func(i, j int) bool {
		a, b := &os[i], &os[j]
		ta, tb := commitTime(a.commit), commitTime(b.commit)
		if ta != tb {
			return ta < tb
		}
		if a.commit != nil && b.commit != nil && a.commit.Seq != b.commit.Seq {
			return a.commit.Seq > b.commit.Seq
		}
		if a.decoded != b.decoded {
			return !a.decoded // the value as written before its decodings (foldDecoded)
		}
		if a.path != b.path {
			return a.path < b.path
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
}

func commitTime(c *commitInfo) int64 {
	if c == nil {
		return 0
	}
	return c.Time
}

// presentAt marks the groups whose secret is in the tree of commit head.
// Secrets seen in this run are looked up with git grep (patterns go to
// git on stdin, never on a command line); secrets known only from the
// cache are re-checked where the files they were in have changed.
func (s *scan) presentAt(ctx context.Context, head string, groups []*group, secrets map[string]string, cached *cacheState) {
	if head == "" || len(groups) == 0 {
		return
	}
	patterns := map[string][]*group{}
	locate := map[string][]*group{}
	var fromCache []*group
	for _, g := range groups {
		v, ok := secrets[g.secretHash]
		if !ok {
			if paths := namedFilePaths(g); len(paths) > 0 {
				// A file found by its name is present while a file of
				// that name is at the tip: it is read there and the
				// rule asked again (locateAtHead).
				for _, p := range paths {
					locate[p] = append(locate[p], g)
				}
				continue
			}
			fromCache = append(fromCache, g)
			continue
		}
		p := grepPattern(v)
		if len(p) < 8 {
			continue
		}
		patterns[p] = append(patterns[p], g)
	}
	if len(patterns) > 0 {
		list := make([]string, 0, len(patterns))
		for p := range patterns {
			list = append(list, p)
		}
		// binary: binary files hold keys too (fileFragment).
		hits, err := s.grepTree(ctx, head, list, true)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			// The tip could not be searched as a whole: look for each
			// secret in the files it was found in, and say so.
			s.notify(NotifyTipSearch, finding.LevelWarning, "could not search the scanned tip %s for the %d secrets found (git grep: %s); each was looked for only in the files it was found in, so a secret moved to another file since is reported as deleted", short(head), len(patterns), exitText(err))
			for _, gs := range patterns {
				for _, g := range gs {
					for _, o := range g.occs {
						if !slices.Contains(locate[o.path], g) {
							locate[o.path] = append(locate[o.path], g)
						}
					}
				}
			}
		}
		for _, h := range hits {
			path, match := h.path, h.match
			for _, g := range patterns[match] {
				g.present = true
				if !contains(g.headPaths, path) {
					g.headPaths = append(g.headPaths, path)
					locate[path] = append(locate[path], g)
				}
			}
		}
	}
	// A secret found only once decoded (a base64 key under tls.key:)
	// is not in the tip's text as is, for git grep to find: the files
	// that held it are read at the tip and decoded again, as they were
	// when it was found.
	for _, g := range groups {
		if _, ok := secrets[g.secretHash]; !ok {
			continue
		}
		for _, o := range g.occs {
			if o.decoded && !slices.Contains(locate[o.path], g) {
				locate[o.path] = append(locate[o.path], g)
			}
		}
	}
	if len(fromCache) > 0 && cached != nil {
		s.recheckCached(ctx, head, cached, fromCache, locate)
	}
	s.locateAtHead(ctx, head, locate, secrets)
}

// foundAtHead records o, a place in the tip's file o.path that holds
// g's secret: g is present there.
func (g *group) foundAtHead(o occurrence) {
	if !hasPlace(g.here, o) {
		g.here = append(g.here, o)
	}
	g.present = true
	if !contains(g.headPaths, o.path) {
		g.headPaths = append(g.headPaths, o.path)
	}
}

// namedFilePaths returns the paths of a group found by file name alone
// (pathOccurrence), none for a group found by its value.
func namedFilePaths(g *group) []string {
	var paths []string
	for _, o := range g.occs {
		if o.secretHash == pathHash(o.path) && !contains(paths, o.path) {
			paths = append(paths, o.path)
		}
	}
	return paths
}

// locateAtHead scans the files at head that locate names (path → the
// groups whose secret may be in it), in one cat-file run, and records
// where each group's secret is: its place now, line and column, with a
// redacted snippet. A group found in a file is present at head.
func (s *scan) locateAtHead(ctx context.Context, head string, locate map[string][]*group, secrets map[string]string) {
	if len(locate) == 0 {
		return
	}
	paths := make([]string, 0, len(locate))
	for p := range locate {
		if !strings.ContainsAny(p, "\n\r") { // cat-file reads one name a line
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = head + ":" + p
	}
	s.eachBlob(ctx, names, func(i int, data []byte) {
		p := paths[i]
		f := fileFragment(p, data)
		hits := detectFragment(ctx, s.set, &f, "")
		s.locateAllowed(ctx, &f, hits, locate[p], secrets)
		for i := range hits {
			h := &hits[i]
			if h.PathOnly {
				for _, g := range locate[p] {
					if g.secretHash == pathHash(p) && g.rule == h.RuleID {
						g.foundAtHead(pathOccurrence(h.RuleID, p, nil))
					}
				}
				continue
			}
			if h.Secret == "" {
				continue
			}
			hash := secretHash(h.Secret)
			for _, g := range locate[p] {
				if g.secretHash != hash {
					continue
				}
				ls, le := lineBounds(f.text, h.Start)
				o := hitOccurrence(&f, h, hits, ls, le)
				ruleRoles(ctx, s.set, &f, h, ls, le, &o)
				o.rule = g.rule
				g.foundAtHead(o)
			}
		}
		s.locateUnmatched(&f, hits, locate[p], secrets)
	})
	for _, g := range s.groupsIn(locate) {
		sort.Slice(g.here, func(i, j int) bool {
			a, b := g.here[i], g.here[j]
			if a.path != b.path {
				return a.path < b.path
			}
			if a.line != b.line {
				return a.line < b.line
			}
			return a.col < b.col
		})
	}
}

// locateUnmatched records where a group's secret sits in the tip file f
// when no hit of the file's own scan holds it: git grep found its text
// there, but the rule that matched it in the commit that added it does
// not match it in the whole file (the text around it changed, or a
// match that starts earlier consumes it). The secret is still present,
// and is judged and reported where it is now (its line's role, e.g. the
// key of a mapping entry), as a secret the scan matched there would be.
// A line marked gitleaks:allow is left to locateAllowed, and a secret
// whose text is not in the file as is (a decoded one) keeps the place it
// was introduced at.
func (s *scan) locateUnmatched(f *fragment, hits []gitleaksrules.Hit, gs []*group, secrets map[string]string) {
	if f.binary {
		return
	}
	for _, g := range gs {
		if hasPath(g.here, f.path) || hasPath(g.allowedHere, f.path) {
			continue
		}
		raw := secrets[g.secretHash]
		if raw == "" {
			continue
		}
		i := strings.Index(f.text, raw)
		if i < 0 {
			continue
		}
		ls, le := lineBounds(f.text, i)
		if strings.Contains(f.text[ls:le], allowMarker) {
			continue
		}
		h := gitleaksrules.Hit{RuleID: g.rule, Secret: raw, Start: i, End: i + len(raw)}
		// The snippet redacts by the hits on the line (sorted by
		// Start): this one too.
		at, _ := slices.BinarySearchFunc(hits, i, func(x gitleaksrules.Hit, i int) int { return x.Start - i })
		all := slices.Insert(slices.Clone(hits), at, h)
		o := hitOccurrence(f, &all[at], all, ls, le)
		o.rule = g.rule
		if o.role == "" {
			// The name it is given here says what it is, for the
			// rules that match a value by its name (writekey =
			// config.GetStringVar("…"), a generic match in the commit
			// that added it).
			o.role = nameRole(&h, f.text, ls, i)
		}
		if o.role == "" {
			// No rule matched the value here (a script passing a
			// fingerprint to gpg): unless its line says what the value
			// is, this place says nothing either way.
			o.role = roleUnseen
		}
		g.here = append(g.here, o)
	}
}

// allowMarker is gitleaks' in-line allow comment.
const allowMarker = "gitleaks:allow"

// locateAllowed records, for the groups of gs that the tip file f holds
// but hits does not (Detect skips lines marked gitleaks:allow, and a
// comment added after the value can also stop a rule's match), the places
// where the secret sits on a line marked gitleaks:allow. Those are found
// by detecting again with the marker masked (same length, so positions
// stay) and, for secrets whose value this run knows, by looking for the
// value itself.
func (s *scan) locateAllowed(ctx context.Context, f *fragment, hits []gitleaksrules.Hit, gs []*group, secrets map[string]string) {
	if f.binary || !strings.Contains(f.text, allowMarker) {
		return
	}
	found := map[string]bool{}
	for i := range hits {
		found[secretHash(hits[i].Secret)] = true
	}
	var missing []*group
	for _, g := range gs {
		if !found[g.secretHash] {
			missing = append(missing, g)
		}
	}
	if len(missing) == 0 {
		return
	}
	add := func(g *group, o occurrence) {
		o.rule = g.rule
		if !hasPlace(g.allowedHere, o) {
			g.allowedHere = append(g.allowedHere, o)
		}
	}
	masked := strings.ReplaceAll(f.text, allowMarker, "gitleaks:-----")
	all := s.set.Detect(ctx, gitleaksrules.Fragment{Text: masked, Path: f.path, Decode: true})
	for i := range all {
		h := &all[i]
		if h.PathOnly || h.Secret == "" {
			continue
		}
		ls, le := lineBounds(f.text, h.Start)
		if !strings.Contains(f.text[ls:le], allowMarker) {
			continue
		}
		hash := secretHash(h.Secret)
		for _, g := range missing {
			if g.secretHash == hash {
				add(g, hitOccurrence(f, h, all, ls, le))
			}
		}
	}
	for _, g := range missing {
		v := secrets[g.secretHash]
		if len(g.allowedHere) > 0 || v == "" {
			continue
		}
		// Every place the value stands must be marked: one unmarked
		// copy keeps the secret counted.
		var places []occurrence
		for off := 0; ; {
			i := strings.Index(f.text[off:], v)
			if i < 0 {
				break
			}
			start := off + i
			ls, le := lineBounds(f.text, start)
			if !strings.Contains(f.text[ls:le], allowMarker) {
				places = nil
				break
			}
			h := gitleaksrules.Hit{RuleID: g.rule, Secret: v, Start: start, End: start + len(v)}
			// The snippet redacts the hits it is given: this one.
			places = append(places, hitOccurrence(f, &h, []gitleaksrules.Hit{h}, ls, le))
			off = start + len(v)
		}
		for _, o := range places {
			add(g, o)
		}
	}
}

// groupsIn returns the distinct groups of locate.
func (s *scan) groupsIn(locate map[string][]*group) []*group {
	seen := map[*group]bool{}
	var out []*group
	for _, gs := range locate {
		for _, g := range gs {
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	return out
}

func hasPlace(os []occurrence, o occurrence) bool {
	for _, x := range os {
		if x.path == o.path && x.line == o.line && x.col == o.col {
			return true
		}
	}
	return false
}

// maxGrepPattern bounds the text git grep looks for: git's fixed-string
// matcher refuses a pattern of some tens of kilobytes (a private key
// matched across one long line of a JSON search index), and a kilobyte
// of a secret is as specific as all of it. What git finds is then
// located in the file by a scan of it (locateAtHead).
const maxGrepPattern = 1 << 10

// grepHit is a place git grep found a pattern at: the file and the
// pattern it matched there.
type grepHit struct{ path, match string }

// grepTree looks for the fixed strings patterns in the tree of rev, in
// one git grep (patterns go to git on stdin, never on a command line),
// in binary files too when binary is set. No match is no error. git's
// stderr may quote a pattern, a secret: it is read by Output into the
// error value and never printed.
func (s *scan) grepTree(ctx context.Context, rev string, patterns []string, binary bool) ([]grepHit, error) {
	var in bytes.Buffer
	for _, p := range patterns {
		in.WriteString(p)
		in.WriteByte('\n')
	}
	text := "-I"
	if binary {
		text = "-a"
	}
	cmd := s.repo.command(ctx, "grep", text, "-F", "-z", "-o", "--no-color", "--no-textconv", "-f", "-", rev)
	cmd.Stdin = &in
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: no match
		return nil, err
	}
	var hits []grepHit
	prefix := rev + ":"
	for _, rec := range strings.Split(string(out), "\n") {
		name, match, ok := strings.Cut(rec, "\x00")
		if ok {
			hits = append(hits, grepHit{strings.TrimPrefix(name, prefix), match})
		}
	}
	return hits, nil
}

// grepPattern returns the piece of secret v that git grep looks for at
// the tip: its longest line, or the longest part of it without a NUL
// byte (git grep -F refuses NUL in a pattern), cut to maxGrepPattern
// bytes.
func grepPattern(v string) string {
	best := ""
	for _, piece := range strings.Split(longestLine(v), "\x00") {
		if len(piece) > len(best) {
			best = piece
		}
	}
	if len(best) > maxGrepPattern {
		best = best[:maxGrepPattern]
	}
	return best
}

// exitText describes a failed git command by its exit, never by its
// output, which may quote what it was given.
func exitText(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Sprintf("exit status %d", exit.ExitCode())
	}
	return err.Error()
}

// longestLine returns the line of v to look for: the longest, and of
// several as long (a PEM body's full lines), the middle one. The first
// lines of a key's body can be the same in every key of its kind (an
// encrypted cosign key's base64 begins with the same {"kdf":{"name":
// "scrypt",… header), so a tip file holding another such key would
// match them; the middle of the body is the key's own.
func longestLine(v string) string {
	var longest []string
	for _, l := range strings.Split(v, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "-----") || l == "" {
			continue
		}
		switch {
		case len(longest) == 0 || len(l) > len(longest[0]):
			longest = []string{l}
		case len(l) == len(longest[0]):
			longest = append(longest, l)
		}
	}
	if len(longest) == 0 {
		return strings.TrimSpace(v)
	}
	return longest[len(longest)/2]
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// makeFindings builds the findings of groups.
func (s *scan) makeFindings(ctx context.Context, groups []*group) []finding.Finding {
	out := make([]finding.Finding, 0, len(groups))
	s.redactKnown(groups, s.secrets)
	s.resolveUnseen(ctx, groups)
	s.resolveBuildTags(ctx, groups)
	s.resolveDevKeys(ctx, groups)
	s.resolveSiteTrees(ctx, groups)
	s.resolveTestRefs(ctx, groups)
	s.resolveLocalhostKeys(ctx, groups)
	ordinals := fingerprintOrdinals(groups)
	for i, g := range groups {
		f := s.makeFinding(g, ordinals[i])
		if s.opts.Reveal != nil {
			if v, ok := s.secretOf(ctx, g); ok {
				s.opts.Reveal(f.Fingerprint, v)
			}
		}
		out = append(out, f)
	}
	s.reportUnusedIgnores()
	finding.Sort(out)
	return out
}

// secretOf returns a group's raw value, for Reveal. A secret this run
// read is in memory; one known only from the cache (which holds no raw
// value) is read again from the blob it was found in, at the commit and
// path the cache recorded, and matched by its hash.
func (s *scan) secretOf(ctx context.Context, g *group) (string, bool) {
	if v, ok := s.secrets[g.secretHash]; ok {
		return v, true
	}
	if s.repo == nil {
		return "", false
	}
	tried := map[string]bool{}
	for _, o := range g.occs {
		if o.commit == nil || tried[o.commit.SHA+":"+o.path] {
			continue
		}
		tried[o.commit.SHA+":"+o.path] = true
		if len(tried) > 3 {
			break // the first places it was found hold it, unless git lost them
		}
		out, err := s.repo.output(ctx, "cat-file", "blob", o.commit.SHA+":"+o.path)
		if err != nil {
			continue
		}
		f := fileFragment(o.path, []byte(out))
		for _, h := range detectFragment(ctx, s.set, &f, o.commit.SHA) {
			if h.Secret != "" && secretHash(h.Secret) == g.secretHash {
				return h.Secret, true
			}
		}
	}
	return "", false
}

// contextOf is triage's contextOf, remembered per path: a secret's
// occurrences are mostly in a few paths, and each call runs several
// regular expressions (a third of a warm history scan's CPU time).
func (s *scan) contextOf(path string) (ctx, why string) {
	if c, ok := s.contexts[path]; ok {
		return c[0], c[1]
	}
	ctx, why = contextOf(path)
	if s.contexts == nil {
		s.contexts = map[string][2]string{}
	}
	s.contexts[path] = [2]string{ctx, why}
	return ctx, why
}

// triagePlaces are the places whose context decides a group's: the
// places at the tip for a secret still present (those found by scanning
// the tip's files, those on lines marked gitleaks:allow, and every other
// tip file that holds the value), else every place it occurred.
func (s *scan) triagePlaces(g *group, status string) []occurrence {
	var tip []occurrence
	if status == StatusPresent {
		tip = append(append(tip, g.here...), g.allowedHere...)
		for _, p := range g.headPaths {
			if !hasPath(tip, p) {
				tip = append(tip, occurrence{path: p})
			}
		}
	}
	if len(tip) > 0 {
		return notListed(tip) // allowfile.go
	}
	return notListed(g.occs)
}

func hasPath(os []occurrence, p string) bool {
	for _, o := range os {
		if o.path == p {
			return true
		}
	}
	return false
}

// everyOcc reports whether every occurrence of g has role.
func everyOcc(g *group, role string) bool {
	for _, o := range g.occs {
		if o.role != role {
			return false
		}
	}
	return len(g.occs) > 0
}

// everyPlaceIs reports whether the places that triage g say role: at
// least one does and none says otherwise. A place that says nothing
// either way does not count: a tip file that holds the value where no
// rule matched it (gpg --default-key <fingerprint>), or a diff that
// changed only the value's line (roleUnseen).
func (s *scan) everyPlaceIs(g *group, status, role string) bool {
	seen := false
	for _, o := range s.triagePlaces(g, status) {
		switch {
		case o.role == role:
			seen = true
		case o.line == 0 || o.role == roleUnseen:
		default:
			return false
		}
	}
	return seen
}

// placeContext is the context of one place: its path's, made less
// serious by what the text around it says (lineRole): an example in
// help text is an example wherever it is.
func (s *scan) placeContext(o occurrence) (ctx, why string) {
	ctx, why = s.contextOf(o.path)
	if why == devDirKeyWhy && s.devKeptWhy(o) != "" {
		// What lies beside the key says it is not the development
		// stack's own (devkey.go).
		ctx, why = ctxProduction, ""
	}
	if ctx == ctxProduction && s.inSiteTree(o) {
		ctx, why = ctxDocs, siteTreeWhy
	}
	if w, ok := s.testRefOf(o); ok && ctx == ctxProduction {
		ctx, why = ctxTest, w
	}
	if w := s.localKeyOf(o); ctx == ctxProduction && w != "" {
		ctx, why = ctxLocalDev, w
		if w == testCAKeyWhy {
			ctx = ctxTest
		}
	}
	if w, ok := s.buildTagOf(o); ok && contextRank(ctxTest) < contextRank(ctx) {
		ctx, why = ctxTest, w
	}
	if (o.role == roleRustTest || o.role == roleTestRun) && contextRank(ctxTest) < contextRank(ctx) {
		return ctxTest, o.role
	}
	if o.role == roleLocalStack && contextRank(ctxLocalDev) < contextRank(ctx) {
		return ctxLocalDev, "a local development stack (a Compose file whose server is addressed as localhost)"
	}
	if o.role == roleLocalIssuer && contextRank(ctxLocalDev) < contextRank(ctx) {
		return ctxLocalDev, roleLocalIssuer
	}
	if o.role == roleLocalAccount && contextRank(ctxLocalDev) < contextRank(ctx) {
		return ctxLocalDev, roleLocalAccount
	}
	if (o.role == roleHelp || o.role == roleFlag || o.role == roleSpecExample || o.role == roleProseExample || o.role == roleDocExample || o.role == roleDocstring) && contextRank(ctxExample) < contextRank(ctx) {
		return ctxExample, o.role
	}
	return ctx, why
}

func (s *scan) status(g *group) string {
	switch s.opts.Mode {
	case Staged:
		return StatusStaged
	case Directory:
		return StatusDirectory
	}
	if g.present && !listedOnlyAtTip(g) { // allowfile.go
		return StatusPresent
	}
	return StatusHistory
}

func (s *scan) makeFinding(g *group, ordinal int) finding.Finding {
	p := g.occs[0] // the first introduction
	ruleID := gitleaksrules.RuleID(g.rule)
	rule, _ := s.set.Rule(g.rule)
	prov, hasProv := gitleaksrules.ProviderOf(g.rule)
	status := s.status(g)
	// A secret still present is reported where it is now (the first
	// place at the tip); the commit that introduced it is its provenance.
	at, here := p, []occurrence(nil)
	if status == StatusPresent && len(g.here) > 0 {
		// A place in an allowlist file is named last: the value is
		// reported where it is used (allowfile.go).
		here = append([]occurrence(nil), notListed(g.here)...)
		for _, o := range g.here {
			if !hasPlace(here, o) {
				here = append(here, o)
			}
		}
		at = here[0]
	}
	// Every place at the tip is marked gitleaks:allow: the secret is
	// reported there, suppressed in source (kept in SARIF, not counted).
	allowed := status == StatusPresent && len(g.here) == 0 && len(g.allowedHere) > 0
	if allowed {
		at = g.allowedHere[0]
	}

	// Triage: where the secret lives. One still at the tip is judged by
	// the places that hold it there (a key first committed in production
	// code and since moved into a test file is a test key now); one only
	// in history by the most serious place it ever was.
	ctx, ctxWhy := s.placeContext(at)
	ctxPath := at.path // the place that says the context
	for _, o := range s.triagePlaces(g, status) {
		if c, w := s.placeContext(o); contextRank(c) > contextRank(ctx) {
			ctx, ctxWhy, ctxPath = c, w, o.path
		}
	}

	level := rule.Level
	if level == "" {
		level = finding.LevelWarning
	}
	var lowered []string
	if status == StatusHistory && level.Rank() > finding.LevelWarning.Rank() {
		level = finding.LevelWarning
	}
	if ctx != ctxProduction {
		lowered = append(lowered, "it is in "+ctxWhy+" ("+ctxPath+")")
	} else if test, ok := s.sharedWithTests(g, status); ok { // testshared.go
		lowered = append(lowered, "the project's tests use the same value ("+test+"), so the configuration holding it is sample material")
	}
	for _, role := range []string{roleCiphertext, roleFingerprint, roleDigest, roleMapKey, rolePublicKey, rolePinnedRevision, roleSaltedHash, roleKeywordInWord, roleRecordKey, roleIdentifierName, roleAPIInWord, roleWriteKey, roleKeywordInBlob, roleNextEntry, roleNotSecretData, rolePlaceholderComment, rolePublicComment} {
		if s.everyPlaceIs(g, status, role) {
			lowered = append(lowered, "it is "+role)
		}
	}
	// Roles that say what a name-matched value is: a provider's own
	// format keeps its level (the map key in front-end code too).
	if gitleaksrules.IsGeneric(g.rule) {
		for _, role := range []string{roleOtherFlag, roleMapBrowserKey, roleCacheKey, roleLocalInstance, roleGoName} {
			if s.everyPlaceIs(g, status, role) {
				lowered = append(lowered, "it is "+role)
			}
		}
	}
	// A search widget's key is judged by its record, for the rules
	// that match a key by its name (searchkey.go): a value in a
	// provider's own format keeps its level wherever it is.
	if (gitleaksrules.IsGeneric(g.rule) || g.rule == "algolia-api-key") && s.everyPlaceIs(g, status, roleSearchKey) {
		lowered = append(lowered, "it is "+roleSearchKey)
	}
	if g.conf < s.minConf {
		lowered = append(lowered, g.conf.String()+" confidence: "+g.confWhy)
	}
	if len(lowered) > 0 && level.Rank() > finding.LevelNote.Rank() {
		level = finding.LevelNote
	}
	// A password-encrypted private key is worth knowing (its security
	// rests on the password alone), not an error: it is often committed
	// on purpose (cosign's release-signing key).
	// The rule's own level may already be warning (private-key): the
	// reason is given all the same, so that the reader knows the key is
	// sealed (review DC, flagger's cosign key).
	if level.Rank() >= finding.LevelWarning.Rank() && s.everyPlaceIs(g, status, roleEncryptedKey) {
		level = finding.LevelWarning
		lowered = append(lowered, "it is "+roleEncryptedKey)
	}

	what := strings.ReplaceAll(g.rule, "-", " ")
	if gitleaksrules.IsGeneric(g.rule) {
		what = "secret-looking value"
	}
	red := p.red
	commits := map[string]bool{}
	for _, o := range g.occs {
		if o.commit != nil {
			commits[o.commit.SHA] = true
		}
	}

	var msg strings.Builder
	fmt.Fprintf(&msg, "%s %s", what, red)
	switch status {
	case StatusPresent:
		fmt.Fprintf(&msg, " is present at the scanned tip")
	case StatusHistory:
		if g.present {
			// listedOnlyAtTip (allowfile.go)
			fmt.Fprintf(&msg, " is only in git history (deleted since) but for an entry of an allowlist file at the scanned tip")
		} else if g.offHead {
			fmt.Fprintf(&msg, " is not at the scanned tip: only commits outside its history (other branches or tags) hold it")
		} else {
			fmt.Fprintf(&msg, " is only in git history (deleted since)")
		}
	case StatusStaged:
		fmt.Fprintf(&msg, " is staged for commit")
	case StatusDirectory:
		fmt.Fprintf(&msg, " is in the file")
	}
	if p.commit != nil {
		fmt.Fprintf(&msg, ", added in %s by %s on %s", short(p.commit.SHA)[:7], p.commit.Author, dateOnly(p.commit.Date))
	}
	if n := len(g.occs); n > 1 {
		fmt.Fprintf(&msg, " (%d occurrences", n)
		if len(commits) > 1 {
			fmt.Fprintf(&msg, " in %d commits", len(commits))
		}
		msg.WriteString(")")
	}
	remediation := remediationText(status, hasProv, prov, g.rule == "private-key")
	if g.conf < s.minConf && strings.HasSuffix(g.confWhy, "not a secret") {
		// Triage read the value as public (an age recipient): nothing
		// to rotate unless it is not what it looks like.
		remediation = "nothing to rotate if it is what it looks like; if it is a secret after all, " + remediation
	}
	msg.WriteString(": " + remediation)
	if len(lowered) > 0 {
		fmt.Fprintf(&msg, "; reported as %s because %s", level, strings.Join(lowered, " and "))
	}

	f := finding.Finding{
		RuleID:  ruleID,
		Level:   level,
		Message: msg.String(),
		Location: finding.Location{
			Path: at.path, StartLine: at.line, StartColumn: at.col, EndLine: at.endLine, EndColumn: at.endCol,
		},
		Snippet: at.snippet,
		// The fingerprint keeps the introduction's path and commit: it
		// must not change when the secret moves (baselines depend on it).
		Fingerprint: Fingerprint(ruleID, p.path, commitSHA(p.commit), ordinal),
	}
	if p.commit != nil {
		f.Provenance = &finding.Provenance{Commit: p.commit.SHA, Author: p.commit.Author, Email: p.commit.Email, Date: p.commit.Date, Subject: p.commit.Subject}
	}
	if allowed {
		f.Suppression = &finding.Suppression{Kind: "inSource", Justification: "gitleaks:allow on the line that holds it at the scanned tip"}
	}
	for _, o := range here[min(1, len(here)):] {
		f.Related = append(f.Related, finding.Location{
			Path: o.path, StartLine: o.line, StartColumn: o.col, EndLine: o.endLine, EndColumn: o.endCol,
			Message: "also present here at the scanned tip",
		})
	}
	rest := g.occs[1:]
	if len(here) > 0 {
		// The introduction is a related place too, unless it is one of
		// the places at the tip (the same line, never edited since).
		rest = nil
		for _, o := range g.occs {
			if !hasPlace(here, o) {
				rest = append(rest, o)
			}
		}
	}
	for i, o := range rest {
		if i >= 100 {
			break
		}
		loc := finding.Location{Path: o.path, StartLine: o.line, StartColumn: o.col, EndLine: o.endLine, EndColumn: o.endCol}
		switch {
		case o.commit != nil && len(here) > 0 && o.commit == p.commit && o.path == p.path && o.line == p.line:
			loc.Message = fmt.Sprintf("first added here in commit %s (%s, %s)", short(o.commit.SHA)[:7], dateOnly(o.commit.Date), o.commit.Author)
		case o.commit != nil:
			loc.Message = fmt.Sprintf("also in commit %s (%s, %s)", short(o.commit.SHA)[:7], dateOnly(o.commit.Date), o.commit.Author)
		default:
			loc.Message = "also here"
		}
		f.Related = append(f.Related, loc)
	}
	props := map[string]any{
		"status":           status,
		"context":          ctx,
		"confidence":       g.conf.String(),
		"confidenceReason": g.confWhy,
		"occurrences":      len(g.occs),
		"gitleaksRule":     g.rule,
		"remediation":      remediation,
		"secret":           red,
	}
	if len(commits) > 0 {
		props["commits"] = len(commits)
	}
	if len(here) > 0 && p.commit != nil {
		props["introducedAt"] = fmt.Sprintf("%s:%d in %s", p.path, p.line, short(p.commit.SHA)[:7])
	}
	if len(lowered) > 0 {
		props["levelReason"] = strings.Join(lowered, "; ")
	}
	if hasProv {
		props["provider"] = prov.Name
		if prov.RotateURL != "" {
			props["rotateUrl"] = prov.RotateURL
		}
	}
	if len(g.headPaths) > 0 {
		props["presentIn"] = g.headPaths
	}
	if p.decoded {
		props["decoded"] = true
	}
	f.Properties = props
	if sup := s.ignore.match(f.Fingerprint, g); sup != nil {
		f.Suppression = sup
	}
	return f
}

func dateOnly(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

// remediationText says what to do about a secret in a given status. A
// private key has no issuer to rotate it with (an SSH key has none at
// all): its owner replaces the pair where the public half is trusted.
func remediationText(status string, hasProv bool, p gitleaksrules.Provider, privateKey bool) string {
	rotate := "rotate it with its issuer"
	switch {
	case privateKey:
		rotate = "replace the key pair and stop trusting the old public key wherever it is (revoke its certificate, remove it from authorized_keys and deploy keys)"
	case hasProv && p.Holder:
		// A Kubernetes Secret holds a registry's, a database's or an
		// API's credential: Kubernetes issues none of them.
		rotate = "rotate what it holds with the services that issued it (a registry, a database, an API), then update the " + p.Name + " object"
		if p.RotateURL != "" {
			rotate += " (" + p.RotateURL + ")"
		}
	case hasProv:
		rotate = "revoke or rotate it with " + p.Name
		if p.RotateURL != "" {
			rotate += " (" + p.RotateURL + ")"
		}
	}
	switch status {
	case StatusHistory:
		return rotate + "; it stays readable in every clone, so rotating is the fix; purging it from history (git filter-repo, then force-push and ask collaborators to re-clone) is a second, optional step"
	case StatusStaged:
		return "unstage it (git restore --staged) and load it from the environment or a secret manager instead; if it was ever pushed or shared, " + rotate
	case StatusDirectory:
		return "remove it from the file, load it from the environment or a secret manager, and " + rotate + " if the file was ever committed or shared"
	}
	return "remove it from the code, load it from the environment or a secret manager, and " + rotate + "; it also stays in git history, so rotating is required"
}

// Fingerprint is a secret finding's identity, built from what the report
// shows anyway: the rule, the path and the commit where the secret was
// first introduced, and its ordinal among secrets of that rule first
// introduced there (by their place in that commit, which never changes).
// It holds nothing derived from the secret, so that a reader of a report
// cannot test a guessed value against it, and no line number of the
// current tree, so that it survives edits and one entry covers every
// occurrence. For a directory or staged scan (no commit) the ordinal is
// among the file's secrets of that rule, by position.
func Fingerprint(ruleID, firstPath, firstCommit string, ordinal int) string {
	return finding.Hash("secret-v2", ruleID, firstPath, firstCommit, fmt.Sprint(ordinal))[:32]
}

func commitSHA(c *commitInfo) string {
	if c == nil {
		return ""
	}
	return c.SHA
}

// fingerprintOrdinals numbers the groups that share a rule, a first path
// and a first commit, in the order of their first occurrence's position,
// then of their secret's hash: a deterministic order that no later edit
// changes for secrets found in history.
func fingerprintOrdinals(groups []*group) []int {
	idx := make([]int, len(groups))
	for i := range idx {
		idx[i] = i
	}
	key := func(g *group) string {
		p := g.occs[0]
		return g.rule + "\x00" + p.path + "\x00" + commitSHA(p.commit)
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := groups[idx[i]], groups[idx[j]]
		if ka, kb := key(a), key(b); ka != kb {
			return ka < kb
		}
		pa, pb := a.occs[0], b.occs[0]
		if pa.line != pb.line {
			return pa.line < pb.line
		}
		if pa.col != pb.col {
			return pa.col < pb.col
		}
		return a.secretHash < b.secretHash
	})
	out := make([]int, len(groups))
	last, n := "", 0
	for _, i := range idx {
		if k := key(groups[i]); k != last {
			last, n = k, 0
		}
		out[i] = n
		n++
	}
	return out
}
