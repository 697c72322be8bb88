package secrets

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
)

// A key or certificate file kept outside any test directory
// (certificate/, certs/, keys/) is still test data when nothing but test
// code names it: gorush's APNs test identity (certificate/*.p8, .pem,
// .p12) is read only by notify/notification_apns_test.go. The rule,
// decided at the place's revision (the commit that added it, or the
// tip), for a file whose extension says it holds only key material:
// every file that names it by its base name is test support
// (testsupport.Path: a _test.go file, testdata/, a harness), at least
// one does, and none other does. Files in the key's own directory other
// than test support and Go code are left out either way: a generation
// script or an openssl config there describes the key, not who uses it. A key named by a Dockerfile, a
// Compose file, a manifest, a README or production code stays
// production; so does one named by nothing (a deployment may load a
// whole directory). A place that cannot be searched is judged by its
// path, as before.

// testRefWhy is the context reason of a key file named only by tests.
const testRefWhy = "a key file that only test code names"

// keyFileExts are the extensions of files that hold only key material.
var keyFileExts = map[string]bool{
	".pem": true, ".key": true, ".p8": true, ".p12": true, ".pfx": true, ".jks": true,
	".keystore": true, ".der": true, ".crt": true, ".cer": true, ".ppk": true,
}

// maxTestRefRevs bounds the revisions searched (one git grep each).
const maxTestRefRevs = 16

// keyFileName reports whether a path's base name says it holds only
// key material, and is distinctive enough to be searched for.
func keyFileName(p string) bool {
	base := path.Base(p)
	if len(base) < 6 {
		return false
	}
	if keyFileExts[strings.ToLower(path.Ext(base))] {
		return true
	}
	if strings.HasPrefix(base, "id_rsa") || strings.HasPrefix(base, "id_ecdsa") || strings.HasPrefix(base, "id_ed25519") {
		return true
	}
	// An SSH key file named without an extension: ssh_host_rsa_key,
	// goshs_host_key_rsa, client_key.
	return path.Ext(base) == "" && keyWordName.MatchString(base)
}

// keyWordName matches a file name with "key" as one of its words.
var keyWordName = regexp.MustCompile(`(?i)(?:^|[_-])(?:host[_-]?)?key(?:$|[_-])`)

// resolveTestRefs records, for every production place that triages a
// group and is a key file, whether only test code names it at the
// place's revision (s.testRef, keyed "<rev>:<path>").
func (s *scan) resolveTestRefs(ctx context.Context, groups []*group) {
	byRev := map[string]map[string]bool{}
	var revs []string // sorted: judgedPlaces sorts by revision
	for _, p := range s.judgedPlaces(groups, s.productionKeyFile) {
		if p.rev == "" || strings.Contains(p.path, "\x00") {
			continue // a directory or the index: not searched
		}
		if byRev[p.rev] == nil {
			byRev[p.rev] = map[string]bool{}
			revs = append(revs, p.rev)
		}
		byRev[p.rev][p.path] = true
	}
	if len(revs) > maxTestRefRevs {
		revs = revs[:maxTestRefRevs]
	}
	for _, rev := range revs {
		if ctx.Err() != nil {
			return
		}
		refs, ok := s.namedBy(ctx, rev, byRev[rev])
		if !ok {
			continue
		}
		for p := range byRev[rev] {
			if why := onlyTestsName(p, refs[path.Base(p)]); why != "" {
				if s.testRef == nil {
					s.testRef = map[string]string{}
				}
				s.testRef[rev+":"+p] = why
			}
		}
	}
}

// productionKeyFile reports whether place o is a key file whose path
// says production: the places resolveTestRefs and resolveLocalhostKeys
// look further at.
func (s *scan) productionKeyFile(o occurrence) bool {
	c, _ := s.contextOf(o.path)
	return keyFileName(o.path) && c == ctxProduction
}

// namedBy returns, for the base name of each key file, the files of rev
// whose text holds it. ok is false when rev could not be searched.
func (s *scan) namedBy(ctx context.Context, rev string, keys map[string]bool) (map[string][]string, bool) {
	names := map[string]bool{}
	var list []string
	for p := range keys {
		if b := path.Base(p); !names[b] {
			names[b] = true
			list = append(list, b)
		}
	}
	hits, err := s.grepTree(ctx, rev, list, false)
	if err != nil {
		return nil, false
	}
	refs := map[string][]string{}
	for _, h := range hits {
		if names[h.match] && !contains(refs[h.match], h.path) {
			refs[h.match] = append(refs[h.match], h.path)
		}
	}
	return refs, true
}

// onlyTestsName says why key file p is test data when refs are the
// files that name it, or "".
func onlyTestsName(p string, refs []string) string {
	var tests []string
	for _, r := range refs {
		if r == p {
			continue
		}
		if isTestSupport(r) {
			// Beside the key too: goshs's sftpserver_test.go
			// names the host key kept in its package.
			tests = append(tests, r)
			continue
		}
		if path.Dir(r) == path.Dir(p) && path.Ext(r) != ".go" {
			continue // a generation script or an openssl config beside the key
		}
		return ""
	}
	if len(tests) == 0 {
		return ""
	}
	sort.Strings(tests)
	why := testRefWhy + " (" + tests[0]
	if len(tests) > 1 {
		why += fmt.Sprintf(" and %d other file(s)", len(tests)-1)
	}
	return why + ")"
}

// testRefOf is why the key file of place o is test data, if it is.
func (s *scan) testRefOf(o occurrence) (string, bool) {
	if s.testRef == nil {
		return "", false
	}
	why, ok := s.testRef[s.placeRev(o)+":"+o.path]
	return why, ok
}
