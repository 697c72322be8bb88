// Package lgrmasked installs lgr's secret masker, also for the standard
// logger: what it logs has its secrets replaced.
package lgrmasked

import (
	stdlog "log"

	log "github.com/go-pkgz/lgr"
)

type settings struct {
	Token    string
	Password string
}

func setup(s settings) {
	masked := []string{s.Token, s.Password}
	log.Setup(log.Debug, log.Secret(masked...))
	log.SetupStdLogger(log.Secret(masked...))
	// Near misses: both loggers mask the secrets.
	log.Printf("[DEBUG] settings: %+v", s)
	stdlog.Printf("[DEBUG] token %s", s.Token)
}

// Positive: a password made at run time is no configured secret the
// masker was given (tg-spam leaves its generated password unmasked on
// purpose, to show it).
func generated(seed []byte) {
	randomPassword := string(seed[:12])
	stdlog.Printf("[WARN] generated basic auth password: %q", randomPassword) // want `password in variable randomPassword reaches log.Printf`
}
