package secrets

import (
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
// DNS and IP name) is localhost, a *.localhost name or a loopback
// address. A key whose certificate cannot be read or is not found, or
// names any other host, is judged by its path, as before.

// localKeyWhy is the context reason of such a key.
const localKeyWhy = "a key whose own certificate names only localhost"

// resolveLocalhostKeys records the production places of groups that are
// key files whose certificate names only the local machine
// (s.localKey, keyed "<rev>:<path>").
func (s *scan) resolveLocalhostKeys(ctx context.Context, groups []*group) {
	for _, p := range s.judgedPlaces(groups, s.productionKeyFile) {
		if ctx.Err() != nil {
			return
		}
		if s.localhostKey(ctx, p.rev, p.path) {
			if s.localKey == nil {
				s.localKey = map[string]bool{}
			}
			s.localKey[p.rev+":"+p.path] = true
		}
	}
}

// localhostKey reports whether the key file p at rev has a certificate
// beside it (or in it) that names only the local machine.
func (s *scan) localhostKey(ctx context.Context, rev, p string) bool {
	key, certs, ok := s.keyWithCerts(ctx, rev, p)
	if !ok {
		return false
	}
	pub := privatePublicKey(key)
	if pub == nil {
		return false
	}
	c := certOfPublic(pub, certs)
	return c != nil && publicCert(c) == "" && onlyLocalNames(c)
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
		if n != "localhost" && !strings.HasSuffix(n, ".localhost") && n != "localhost.localdomain" {
			return false
		}
	}
	return true
}

// localKeyOf reports whether the key file of place o names only
// localhost in its certificate.
func (s *scan) localKeyOf(o occurrence) bool {
	return s.localKey != nil && s.localKey[s.placeRev(o)+":"+o.path]
}
