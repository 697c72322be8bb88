package tlscheck

import (
	"crypto/tls"
	"os"
	"strings"
)

// A switch on a value the operator sets (a field filled from the
// environment, a flag or a configuration file, or the environment read
// directly) decides like an if on it: verification off in one of its
// cases is the operator's choice, a note.

type redisTLS struct {
	UseTLS   bool   `envconfig:"REDIS_USE_TLS"`
	CertReqs string `envconfig:"REDIS_SSL_CERT_REQS"`
	Verify   string `yaml:"verify"`
	Mode     string `json:"mode"`
	attempts int
}

func (c *redisTLS) certReqs() *tls.Config {
	if !c.UseTLS {
		return nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	switch strings.ToUpper(strings.TrimSpace(c.CertReqs)) {
	case "CERT_NONE":
		cfg.InsecureSkipVerify = true // want `user-controlled value`
	case "CERT_OPTIONAL", "CERT_REQUIRED", "":
		cfg.InsecureSkipVerify = false
	default:
		return nil
	}
	return cfg
}

func (c *redisTLS) fromFile() *tls.Config {
	switch c.Verify {
	case "none":
		return &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
	}
	return &tls.Config{InsecureSkipVerify: c.Verify == "off"} // want `user-controlled value`
}

func envMode() *tls.Config {
	switch os.Getenv("TLS_MODE") {
	case "insecure":
		return &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
	}
	return &tls.Config{}
}

// Near misses: still errors.

// A field tagged only for JSON may be what a client sent.
func (c *redisTLS) fromRequest() *tls.Config {
	switch c.Mode {
	case "fast":
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	return &tls.Config{}
}

// A value the program computes.
func (c *redisTLS) byAttempt() *tls.Config {
	switch c.attempts % 2 {
	case 1:
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	return &tls.Config{}
}

// Set after the switch on the operator's value, whatever it said.
func (c *redisTLS) afterSwitch() *tls.Config {
	cfg := &tls.Config{}
	switch c.CertReqs {
	case "CERT_REQUIRED":
		cfg.MinVersion = tls.VersionTLS13
	}
	cfg.InsecureSkipVerify = true // want `tls.Config sets InsecureSkipVerify to true`
	return cfg
}

// A setting that turns TLS on, not verification off (semaphore's LDAP:
// if util.Config.LdapNeedTLS { ldap.DialTLS(…, &tls.Config{
// InsecureSkipVerify: true}) }): the operator asked for TLS, and got it
// unverified.
type ldapConf struct {
	NeedTLS bool   `env:"LDAP_NEEDTLS"`
	Server  string `env:"LDAP_SERVER"`
}

func (c *ldapConf) dialConfig() *tls.Config {
	if c.NeedTLS {
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	return nil
}
