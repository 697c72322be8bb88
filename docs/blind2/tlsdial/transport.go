// Package tlsdial builds the HTTP transports shared by the platform's services.
package tlsdial

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

// Options configure a transport.
type Options struct {
	CAFile             string
	CertFile, KeyFile  string
	InsecureSkipVerify bool // operator flag: --tls-insecure-skip-verify
	MinTLS             string
	Timeout            time.Duration
}

// NewTransport returns an *http.Transport for the options.
func NewTransport(o Options) (*http.Transport, error) {
	cfg := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: o.InsecureSkipVerify,
	}
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, fmt.Errorf("read ca file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ca file %s: no certificates", o.CAFile)
		}
		cfg.RootCAs = pool
	}
	if o.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(o.CertFile, o.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("load client cert: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	if v, ok := tlsVersions[o.MinTLS]; ok {
		cfg.MinVersion = v
	}
	return &http.Transport{
		TLSClientConfig:     cfg,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
	}, nil
}

var tlsVersions = map[string]uint16{
	"1.2": tls.VersionTLS12,
	"1.3": tls.VersionTLS13,
}

// PartnerClient talks to the partner SFTP gateway's HTTPS API, whose certificate expired in 2022.
func PartnerClient() *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		},
	}
}

// LegacyBankTransport talks to a bank endpoint that only speaks TLS 1.0.
func LegacyBankTransport() *http.Transport {
	minVer := uint16(tls.VersionTLS10)
	cfg := &tls.Config{}
	cfg.MinVersion = minVer
	return &http.Transport{TLSClientConfig: cfg}
}

// weakSuites is used by the mainframe bridge.
func MainframeTLS() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_RSA_WITH_RC4_128_SHA,
			tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
		},
	}
}

// ServerTLS is the listener config of the public API.
func ServerTLS(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS13,
		Certificates: []tls.Certificate{cert},
	}
}

// InternalMesh is used between pods; the sidecar verifies peers instead.
func InternalMesh() *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true}
	c.VerifyPeerCertificate = verifySPIFFE
	return c
}

func verifySPIFFE(raw [][]byte, _ [][]*x509.Certificate) error {
	if len(raw) == 0 {
		return fmt.Errorf("no peer certificate")
	}
	cert, err := x509.ParseCertificate(raw[0])
	if err != nil {
		return err
	}
	if len(cert.URIs) == 0 || cert.URIs[0].Scheme != "spiffe" {
		return fmt.Errorf("peer has no SPIFFE id")
	}
	return nil
}

// DefaultClientInsecure is patched at init when DEBUG_TLS=1.
var DefaultClientInsecure = func() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: os.Getenv("DEBUG_TLS") == "1"}
	return &http.Client{Transport: tr}
}()

// SkipVerifyFixedLater starts permissive and is tightened before use.
func SkipVerifyFixedLater(pool *x509.CertPool) *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true}
	c.RootCAs = pool
	c.InsecureSkipVerify = false
	return c
}
