package tlscheck

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
)

type options struct {
	Insecure   bool
	SkipVerify bool
}

func clients(opts options, pool *x509.CertPool) {
	_ = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`

	tr := &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `InsecureSkipVerify to true`
		MinVersion:         tls.VersionTLS12,
	}}
	_ = tr

	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify to true`

	// The operator decides at run time: a note, not an error.
	_ = &tls.Config{InsecureSkipVerify: opts.Insecure} // want `user-controlled value`

	// Set inside a condition the user controls: notes.
	c2 := &tls.Config{RootCAs: pool}
	if opts.SkipVerify {
		c2.InsecureSkipVerify = true // want `user-controlled value`
	}
	if os.Getenv("TLS_INSECURE") == "1" {
		_ = &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
	}

	// Near miss: false.
	_ = &tls.Config{InsecureSkipVerify: false}

	// Near miss: custom verification replaces the default checks.
	_ = &tls.Config{
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			return nil
		},
	}
	c3 := &tls.Config{}
	c3.InsecureSkipVerify = true
	c3.VerifyConnection = func(tls.ConnectionState) error { return nil }

	// Near miss: an unrelated condition does not make it an opt-in.
	if pool == nil {
		_ = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify to true`
	}
}

func versions(v uint16) {
	_ = &tls.Config{MinVersion: tls.VersionTLS10} // want `tls.Config MinVersion is TLS 1.0, below TLS 1.2`
	_ = &tls.Config{MinVersion: tls.VersionTLS11} // want `MinVersion is TLS 1.1`
	_ = &tls.Config{MinVersion: 0x0300}           // want `MinVersion is SSL 3.0`
	_ = &tls.Config{MaxVersion: tls.VersionTLS11} // want `MaxVersion is TLS 1.1, which caps connections below TLS 1.2`
	c := &tls.Config{}
	c.MinVersion = tls.VersionTLS10 // want `MinVersion is TLS 1.0`

	// Near misses.
	_ = &tls.Config{MinVersion: tls.VersionTLS12}
	_ = &tls.Config{MinVersion: tls.VersionTLS13, MaxVersion: tls.VersionTLS13}
	_ = &tls.Config{MinVersion: v} // run time
	_ = &tls.Config{MinVersion: 0} // Go's default
}

// An ordinary package is no test harness: reported. (The apitest and
// harness packages hold the silent counterparts.)
func latestClient() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify to true`
}
