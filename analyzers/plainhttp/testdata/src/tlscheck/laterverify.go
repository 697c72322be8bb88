package tlscheck

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
)

// A verifier assigned to the same config later in the function replaces
// the checks InsecureSkipVerify turns off, as it does in the literal.

func verifySPIFFE(raw [][]byte, _ [][]*x509.Certificate) error {
	if len(raw) == 0 {
		return errors.New("no peer certificate")
	}
	return nil
}

// Near miss: VerifyPeerCertificate set on the config after the literal.
func meshPeer() *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true}
	c.VerifyPeerCertificate = verifySPIFFE
	return c
}

// Near miss: VerifyConnection set on the config after the literal.
func meshConn() *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true}
	c.VerifyConnection = func(cs tls.ConnectionState) error { return nil }
	return c
}

// The verifier is set on another config: this one checks nothing.
func otherConfig(other *tls.Config) *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	other.VerifyPeerCertificate = verifySPIFFE
	return c
}

// Only the root pool is set later: nothing verifies the name or the chain.
func poolLater(pool *x509.CertPool) *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	c.RootCAs = pool
	return c
}
