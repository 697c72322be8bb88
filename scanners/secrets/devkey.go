package secrets

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path"
	"sort"
	"strings"
)

// devDirKeyWhy is why a key or certificate file in a development
// environment's directory is not production (triage.go's devDirKey).
const devDirKeyWhy = "a development environment's directory, as a key or certificate file"

// This file checks the keys devDirKey finds in a development
// environment's directory against what lies beside them, as the
// place's revision left it (the commit that added the key, or the tip):
//
//   - the certificate the key belongs to (the one in its directory,
//     or in the key file itself, whose public key is the key's) says
//     who issued it. One issued by a CA anyone trusts is a real host's
//     key wherever it is kept: nginx-ui kept a Let's Encrypt
//     certificate's key for the maintainer's own host beside the ones
//     a local Boulder issued, in the same development directory. One
//     that is self-signed, or issued by a CA that lives on the
//     developer's machine (its OCSP and issuer URLs on localhost or a
//     private address, or a test CA by name), is the development
//     stack's own. A key with no certificate beside it (a JWT signing
//     key) is judged by its path.
//   - a dev directory beside prod/, production/, staging/, stage/,
//     preprod/, uat/ or qa/ names a stage of a deployment, not a
//     developer's machine: its keys stay production.
//
// A place that cannot be read (a missing object, a directory scan's
// vanished file) is judged by its path, as before.

// devStageSiblings are directory names that make a dev directory beside
// them a deployment stage.
var devStageSiblings = map[string]bool{
	"prod": true, "production": true, "staging": true, "stage": true,
	"preprod": true, "pre-prod": true, "uat": true, "qa": true,
}

// certFileExt are the extensions of files that may hold the certificate
// of a key beside them.
var certFileExt = map[string]bool{".cer": true, ".crt": true, ".cert": true, ".pem": true}

// maxDevDirFiles bounds how many files of one directory are read.
const maxDevDirFiles = 32

// resolveDevKeys decides, for every place that triages a group and is a
// key in a development environment's directory, whether what lies
// beside it keeps it production (s.devKept, keyed "<rev>:<path>", says
// why).
func (s *scan) resolveDevKeys(ctx context.Context, groups []*group) {
	places := s.judgedPlaces(groups, func(o occurrence) bool {
		_, why := s.contextOf(o.path)
		return why == devDirKeyWhy
	})
	if len(places) == 0 {
		return
	}
	if s.devKept == nil {
		s.devKept = map[string]string{}
	}
	for _, p := range places {
		if ctx.Err() != nil {
			return
		}
		if why := s.devKeyKept(ctx, p.rev, p.path); why != "" {
			s.devKept[p.rev+":"+p.path] = why
		}
	}
}

// devKeyKept says why the key file p at revision rev stays production,
// or "".
func (s *scan) devKeyKept(ctx context.Context, rev, p string) string {
	dir := path.Dir(p)
	// The dev directory: the nearest one on the way to the key.
	devDir := dir
	for devDir != "." && devDir != "/" && !isDevName(path.Base(devDir)) {
		devDir = path.Dir(devDir)
	}
	if devDir != "." && devDir != "/" {
		for _, n := range s.listDir(ctx, rev, path.Dir(devDir)) {
			if devStageSiblings[strings.ToLower(n)] {
				return "its development directory " + devDir + "/ sits beside " + n + "/, a deployment stage"
			}
		}
	}
	key, certs, ok := s.keyWithCerts(ctx, rev, p)
	if !ok {
		return ""
	}
	if cert := certOfKey(key, certs); cert != nil {
		if why := publicCert(cert); why != "" {
			return "its certificate was " + why
		}
	}
	return ""
}

// keyPlace is a place triage reads a key file at: the revision (the
// commit that added it, the tip, "" for a directory or the index) and
// the path.
type keyPlace struct{ rev, path string }

// judgedPlaces returns, sorted and once each, the places that triage
// the groups (eachJudgedPlace) and that keep accepts; paths that hold a
// line break cannot be read by name and are left out.
func (s *scan) judgedPlaces(groups []*group, keep func(occurrence) bool) []keyPlace {
	want := map[keyPlace]bool{}
	s.eachJudgedPlace(groups, func(o occurrence) {
		if !strings.ContainsAny(o.path, "\n\r") && keep(o) {
			want[keyPlace{s.placeRev(o), o.path}] = true
		}
	})
	places := make([]keyPlace, 0, len(want))
	for p := range want {
		places = append(places, p)
	}
	sort.Slice(places, func(i, j int) bool {
		if places[i].rev != places[j].rev {
			return places[i].rev < places[j].rev
		}
		return places[i].path < places[j].path
	})
	return places
}

// keyWithCerts reads the key file p at rev and the certificates in it
// and in the certificate files of its directory (at most
// maxDevDirFiles). ok is false when the key file cannot be read.
func (s *scan) keyWithCerts(ctx context.Context, rev, p string) (key []byte, certs []*x509.Certificate, ok bool) {
	dir := path.Dir(p)
	names := []string{p}
	for _, n := range s.listDir(ctx, rev, dir) {
		if q := path.Join(dir, n); q != p && certFileExt[strings.ToLower(path.Ext(n))] && len(names) < maxDevDirFiles {
			names = append(names, q)
		}
	}
	files := s.readFiles(ctx, rev, names)
	key, ok = files[p]
	if !ok {
		return nil, nil, false
	}
	for _, n := range names {
		certs = append(certs, pemCertificates(files[n])...)
	}
	return key, certs, true
}

// isDevName reports a directory name devDirKey takes for a development
// environment.
func isDevName(n string) bool {
	switch strings.ToLower(strings.TrimPrefix(n, ".")) {
	case "dev", "devel", "develop", "development":
		return true
	}
	return false
}

// certOfKey returns the certificate whose public key is the private key
// in keyPEM. When the key cannot be read (encrypted, or in a format
// without a certificate, as OpenSSH's), it returns the only end-entity
// certificate issued by a public CA among certs, if there is one: a
// real host's certificate beside a key is evidence enough.
func certOfKey(keyPEM []byte, certs []*x509.Certificate) *x509.Certificate {
	if pub := privatePublicKey(keyPEM); pub != nil {
		return certOfPublic(pub, certs)
	}
	for _, c := range certs {
		if !c.IsCA && publicCert(c) != "" {
			return c
		}
	}
	return nil
}

// certOfPublic returns the certificate among certs for public key pub.
func certOfPublic(pub crypto.PublicKey, certs []*x509.Certificate) *x509.Certificate {
	for _, c := range certs {
		if k, ok := pub.(interface{ Equal(crypto.PublicKey) bool }); ok && k.Equal(c.PublicKey) {
			return c
		}
	}
	return nil
}

// privatePublicKey returns the public half of the first private key in
// data (PKCS #1, PKCS #8 or SEC 1 in PEM), or nil.
func privatePublicKey(data []byte) crypto.PublicKey {
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return nil
		}
		var k any
		var err error
		switch b.Type {
		case "RSA PRIVATE KEY":
			k, err = x509.ParsePKCS1PrivateKey(b.Bytes)
		case "EC PRIVATE KEY":
			k, err = x509.ParseECPrivateKey(b.Bytes)
		case "PRIVATE KEY":
			k, err = x509.ParsePKCS8PrivateKey(b.Bytes)
		default:
			continue
		}
		if err != nil {
			return nil
		}
		if s, ok := k.(crypto.Signer); ok {
			return s.Public()
		}
		return nil
	}
}

// pemCertificates returns the certificates in data (PEM).
func pemCertificates(data []byte) []*x509.Certificate {
	var out []*x509.Certificate
	for len(data) > 0 {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		if c, err := x509.ParseCertificate(b.Bytes); err == nil {
			out = append(out, c)
		}
	}
	return out
}

// testCAWords are words in the names of CAs that issue certificates
// for tests and development only: Let's Encrypt's staging
// environment ("(STAGING) Artificial Apricot R3", "Fake LE
// Intermediate X1"), Pebble, mkcert, minica, Boulder's test CAs ("h2ppy
// h2cker fake CA", "happy hacker fake CA").
var testCAWords = []string{"staging", "fake", "pebble", "mkcert", "minica", "h2ppy h2cker", "test ca", "testing ca"}

// publicCert says how c was issued by a CA outside a development setup
// ("issued by Let's Encrypt (R3)"), or "" when it is the setup's own:
// self-signed; or naming no place its issuer's certificate or status
// is published (public CAs must: the Baseline Requirements' authority
// information access), or only places on the developer's machine or
// network (localhost, a loopback or private address, a single-label
// host, a reserved domain such as .local, .test or .example; Boulder's
// development CA publishes at 127.0.0.1); or a test CA by name.
func publicCert(c *x509.Certificate) string {
	if bytes.Equal(c.RawIssuer, c.RawSubject) {
		return ""
	}
	issuer := strings.ToLower(c.Issuer.String())
	for _, w := range testCAWords {
		if strings.Contains(issuer, w) {
			return ""
		}
	}
	urls := append(append([]string(nil), c.OCSPServer...), c.IssuingCertificateURL...)
	if len(urls) == 0 {
		return ""
	}
	for _, u := range urls {
		if localURL(u) {
			return ""
		}
	}
	name := strings.Join(c.Issuer.Organization, ", ")
	if c.Issuer.CommonName != "" {
		if name != "" {
			name += " (" + c.Issuer.CommonName + ")"
		} else {
			name = c.Issuer.CommonName
		}
	}
	return "issued by " + name + ", a CA that publishes at " + hostOf(urls[0])
}

// localURL reports a URL whose host is on the local machine or network,
// or in a domain reserved for tests and examples.
func localURL(raw string) bool {
	h := hostOf(raw)
	if h == "" {
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()
	}
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if !strings.Contains(h, ".") {
		return true // localhost, a compose service's name (boulder)
	}
	for _, d := range []string{".localhost", ".local", ".test", ".example", ".invalid", ".internal", ".lan", ".home.arpa", "example.com", "example.org", "example.net"} {
		if h == strings.TrimPrefix(d, ".") || strings.HasSuffix(h, "."+strings.TrimPrefix(d, ".")) {
			return true
		}
	}
	return false
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// listDir returns the names in directory dir at revision rev: the
// commit's tree, the index for a staged scan (rev ""), the disk for a
// directory scan. It returns nil when the directory cannot be read.
func (s *scan) listDir(ctx context.Context, rev, dir string) []string {
	if dir == "" {
		dir = "."
	}
	if s.opts.Mode == Directory || s.repo == nil {
		fsys := s.opts.fsys
		if fsys == nil {
			fsys = os.DirFS(s.opts.Root)
		}
		ents, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil
		}
		names := make([]string, 0, len(ents))
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	spec := dir + "/"
	if dir == "." {
		spec = "."
	}
	var out string
	var err error
	if rev == "" {
		// The index: ls-files lists the whole subtree.
		out, err = s.repo.output(ctx, "--literal-pathspecs", "ls-files", "-z", "--", spec)
	} else {
		out, err = s.repo.output(ctx, "--literal-pathspecs", "ls-tree", "-z", "--name-only", rev, "--", spec)
	}
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	var names []string
	for _, p := range strings.Split(out, "\x00") {
		if p == "" {
			continue
		}
		rel := p
		if dir != "." {
			rel = strings.TrimPrefix(p, dir+"/")
		}
		if i := strings.IndexByte(rel, '/'); i >= 0 {
			rel = rel[:i] // a subdirectory (ls-files)
		}
		if rel != "" && !seen[rel] {
			seen[rel] = true
			names = append(names, rel)
		}
	}
	return names
}

// readFiles reads the files names at revision rev (as listDir), and
// returns those it could read by name.
func (s *scan) readFiles(ctx context.Context, rev string, names []string) map[string][]byte {
	out := map[string][]byte{}
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = rev + ":" + n
	}
	s.readPlaces(ctx, ids, func(i int, data []byte) { out[names[i]] = data })
	return out
}

// devKeptWhy says why place o, a key in a development environment's
// directory, stays production (resolveDevKeys), or "".
func (s *scan) devKeptWhy(o occurrence) string {
	if s.devKept == nil {
		return ""
	}
	return s.devKept[s.placeRev(o)+":"+o.path]
}
