package tlscheck

import (
	"crypto/tls"
	"flag"
	"os"
)

var minTLS = flag.String("min-tls", "1.2", "lowest TLS version")

type serverOpts struct {
	MinVersion uint16
}

// Versions held in a local variable are judged like the constant.
func heldVersions(legacy bool, opts serverOpts) {
	var v uint16 = tls.VersionTLS10
	_ = &tls.Config{MinVersion: v} // want `tls.Config MinVersion is TLS 1.0 \(held in v\), below TLS 1.2`

	w := uint16(tls.VersionTLS12)
	if legacy {
		w = tls.VersionTLS11
	}
	_ = &tls.Config{MinVersion: w} // want `MinVersion is TLS 1.1 \(held in w\)`

	max := tls.VersionTLS11
	cfg := &tls.Config{}
	cfg.MaxVersion = uint16(max) // want `MaxVersion is TLS 1.1 \(held in max\), which caps`

	// Near miss: raised before use; the value that reaches the config
	// is what counts.
	x := uint16(tls.VersionTLS10)
	x = tls.VersionTLS12
	_ = &tls.Config{MinVersion: x}

	// Near miss: constants of 1.2 and above only.
	y := uint16(tls.VersionTLS13)
	if legacy {
		y = tls.VersionTLS12
	}
	_ = &tls.Config{MinVersion: y}

	// Near miss: from configuration, a run-time value.
	z := opts.MinVersion
	_ = &tls.Config{MinVersion: z}

	// Near miss: a constant chosen by a flag is the user's choice.
	var u uint16
	switch *minTLS {
	case "1.0":
		u = tls.VersionTLS10
	case "1.3":
		u = tls.VersionTLS13
	default:
		u = tls.VersionTLS12
	}
	_ = &tls.Config{MinVersion: u}

	// Near miss: a literal under a condition on an environment variable.
	if os.Getenv("ALLOW_LEGACY_TLS") != "" {
		_ = &tls.Config{MinVersion: tls.VersionTLS10}
	}

	// Near miss: zero, Go's default.
	var d uint16
	_ = &tls.Config{MinVersion: d}
}

// Booleans held in a local variable: a constant true is a hard-coded
// skip; one chosen by a flag is the user's.
func heldSkip(v bool) {
	skip := true
	_ = &tls.Config{InsecureSkipVerify: skip} // want `tls.Config sets InsecureSkipVerify to true`

	// Near miss: turned off again before use.
	off := true
	off = false
	_ = &tls.Config{InsecureSkipVerify: off}

	// Near miss: a parameter, not decided here.
	_ = &tls.Config{InsecureSkipVerify: v}
}
