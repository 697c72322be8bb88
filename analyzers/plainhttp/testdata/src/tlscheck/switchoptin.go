package tlscheck

import (
	"crypto/tls"
	"flag"
)

// A case of a switch without a tag decides like an if: the body runs
// only when one of the case's expressions holds. An opt-in there is the
// operator's choice (switch { case d.skipHostVerification: … }).

var skipHostCheck = flag.Bool("skip-host-check", false, "do not verify the server")

type dialDetails struct {
	noTransportSecurity  bool
	skipHostVerification bool
	retries              int
	mode                 string
}

// silent: the case names the opt-in, as if d.skipHostVerification {…} would.
func (d *dialDetails) tlsFor() *tls.Config {
	switch {
	case d.noTransportSecurity:
		return nil
	case d.skipHostVerification:
		return &tls.Config{InsecureSkipVerify: true}
	default:
		return &tls.Config{}
	}
}

// a note: the case reads a flag.
func flagCase() *tls.Config {
	switch {
	case *skipHostCheck:
		return &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
	}
	return &tls.Config{}
}

// Near misses: still errors.

// The default clause runs when no case holds: no opt-in decides it.
func (d *dialDetails) defaultClause() *tls.Config {
	switch {
	case d.skipHostVerification:
		return &tls.Config{}
	default:
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
}

// A case whose condition says nothing of an opt-in.
func (d *dialDetails) retryCase() *tls.Config {
	switch {
	case d.retries > 3:
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	return &tls.Config{}
}

// A tagged switch compares a value: its cases are not conditions read
// as opt-ins.
func (d *dialDetails) taggedSwitch() *tls.Config {
	switch d.mode {
	case "fast":
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	return &tls.Config{}
}

// The literal inside the case expression itself is not in the body.
func (d *dialDetails) inCaseExpr() bool {
	switch {
	case (&tls.Config{InsecureSkipVerify: true}).ServerName == "": // want `tls.Config sets InsecureSkipVerify to true`
		return true
	}
	return false
}
