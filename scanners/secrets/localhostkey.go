package secrets

import (
	"bytes"
	"context"
	"crypto/x509"
	"net"
	"strings"
)

// A private key whose own certificate names only the local machine is a
// local development key wherever it is kept: a server certificate for
// localhost serves no one else. keda's history held the serving key a
// Kubernetes generic API server writes for a local run
// (apiserver.local.config/certificates/apiserver.key beside a
// certificate for CN=localhost@<time>, self-signed by localhost-ca).
//
// The rule, decided at the place's revision (the commit that added it,
// the tip, or the disk): the place is a key file outside a development
// directory; the certificate whose public key is the key's (in the key
// file or in a .crt/.cer/.cert/.pem file of its directory) is not
// issued by a CA anyone trusts (publicCert), and every name it holds
// (the common name, without a generator's "@<time>" suffix, and every
// DNS and IP name) is localhost, a *.localhost name, a loopback address
// or the name a container runtime gives the developer's machine
// (host.docker.internal: FerretDB's mkcert certificates name it beside
// localhost for its compose stack's MongoDB). A key whose certificate
// cannot be read or is not found, or names any other host, is judged by
// its path, as before.
//
// The same holds for the key of a CA that a local development tool made
// for one machine and that signs only for it: mkcert's "mkcert
// development CA", minica's root, Pebble's throwaway roots (its own
// certificate, self-signed, names the tool).

// localKeyWhy and devCAKeyWhy are the context reasons of such keys.
const (
	localKeyWhy = "a key whose own certificate names only localhost"
	devCAKeyWhy = "the key of a development tool's local CA"
)

// resolveLocalhostKeys records the production places of groups that are
// key files whose certificate names only the local machine
// (s.localKey, keyed "<rev>:<path>").
func (s *scan) resolveLocalhostKeys(ctx context.Context, groups []*group) {
	for _, p := range s.judgedPlaces(groups, s.productionKeyFile) {
		if ctx.Err() != nil {
			return
		}
		if why := s.localhostKey(ctx, p.rev, p.path); why != "" {
			if s.localKey == nil {
				s.localKey = map[string]string{}
			}
			s.localKey[p.rev+":"+p.path] = why
		}
	}
}

// localhostKey says why the key file p at rev is a local machine's key
// (its certificate, beside it or in it, names only the local machine,
// or is a development tool's local CA), or "".
func (s *scan) localhostKey(ctx context.Context, rev, p string) string {
	key, certs, ok := s.keyWithCerts(ctx, rev, p)
	if !ok {
		return ""
	}
	pub := privatePublicKey(key)
	if pub == nil {
		return ""
	}
	c := certOfPublic(pub, certs)
	switch {
	case c == nil || publicCert(c) != "":
		return ""
	case onlyLocalNames(c):
		return localKeyWhy
	case devToolCA(c):
		return devCAKeyWhy
	case testIssued(c):
		return testCAKeyWhy
	}
	return ""
}

// testCAKeyWhy is the context reason of a key whose certificate a CA
// named for tests issued: notary's development database key, beside a
// certificate "Test Notary CA" issued for its Compose services.
const testCAKeyWhy = "a key whose certificate a test CA issued"

// testIssued reports whether c's issuer (itself, when self-signed) names
// itself a test CA: "test" or "testing" is a word of its common name,
// organization or unit ("Test Notary CA", "notary's Test CA"), not part
// of a longer word ("Attestation CA", "Contest Corp").
func testIssued(c *x509.Certificate) bool {
	var parts []string
	parts = append(parts, c.Issuer.CommonName)
	parts = append(parts, c.Issuer.Organization...)
	parts = append(parts, c.Issuer.OrganizationalUnit...)
	for _, p := range parts {
		for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') }) {
			if w == "test" || w == "testing" {
				return true
			}
		}
	}
	return false
}

// devToolCAs are the subjects' words of the CAs development tools make
// on a developer's machine: mkcert ("mkcert development CA"), minica
// ("minica root ca 3f2a1b"), Pebble ("Pebble Root CA 4c3b2a").
var devToolCAs = []string{"mkcert development ca", "minica root ca", "pebble root ca", "pebble intermediate ca"}

// devToolCA reports whether c is the self-signed CA certificate of a
// local development tool.
func devToolCA(c *x509.Certificate) bool {
	if !c.IsCA || !bytes.Equal(c.RawIssuer, c.RawSubject) {
		return false
	}
	subject := strings.ToLower(c.Subject.String())
	for _, w := range devToolCAs {
		if strings.Contains(subject, w) {
			return true
		}
	}
	return false
}

// containerHostNames are the names container runtimes give the machine
// they run on (Docker Desktop, Podman, Lima): a certificate for them
// serves the developer's own containers.
var containerHostNames = map[string]bool{
	"host.docker.internal": true, "gateway.docker.internal": true, "kubernetes.docker.internal": true,
	"host.containers.internal": true, "host.lima.internal": true,
}

// onlyLocalNames reports whether every name of c is the local machine's,
// and it has at least one.
func onlyLocalNames(c *x509.Certificate) bool {
	var names []string
	if cn, _, _ := strings.Cut(c.Subject.CommonName, "@"); cn != "" {
		names = append(names, cn)
	}
	names = append(names, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		if !ip.IsLoopback() {
			return false
		}
	}
	if len(names) == 0 && len(c.IPAddresses) == 0 {
		return false
	}
	for _, n := range names {
		n = strings.ToLower(strings.TrimSuffix(n, "."))
		if ip := net.ParseIP(n); ip != nil {
			if !ip.IsLoopback() {
				return false
			}
			continue
		}
		if n != "localhost" && !strings.HasSuffix(n, ".localhost") && n != "localhost.localdomain" && !containerHostNames[n] {
			return false
		}
	}
	return true
}

// localKeyOf says why the key file of place o is a local machine's key,
// or "".
func (s *scan) localKeyOf(o occurrence) string {
	if s.localKey == nil {
		return ""
	}
	return s.localKey[s.placeRev(o)+":"+o.path]
}
