// Package flagdefault defines command-line flags whose defaults are, or
// are not, credentials.
package flagdefault

import (
	"flag"

	"github.com/spf13/pflag"
)

func positives(fs *pflag.FlagSet) {
	_ = flag.String("api-key", "vhp_live_3Tq8Lx2Vz9Wm4Rk7Nb1Yc5", "partner upload key") // want `in the default of flag api-key is a string literal`
	_ = fs.StringP("partner-token", "t", "Kq2vLx8Tz4Wn7Rb3Mc9Yd1Hf", "partner token")   // want `in the default of flag partner-token is a string literal`
	var pw string
	fs.StringVarP(&pw, "db-password", "p", "Fv8#Lq2@Zm5!Rt9wXc", "database password") // want `in the default of flag db-password is a string literal`
}

func nearMisses(fs *pflag.FlagSet) {
	_ = flag.String("token", "", "API token (or set $VIDUP_TOKEN)")                 // silent: empty default
	_ = fs.String("api-url", "https://upload.example.com/api/v2", "API base URL")   // silent: not a credential name
	_ = fs.String("token-file", "/var/run/secrets/token", "file holding the token") // silent: a path under a path name
	var k string
	fs.StringVar(&k, "api-key", "YOUR_API_KEY", "API key")                              // silent: a placeholder
	_ = pflag.String("password", "changeme", "admin password (change it)")              // silent: a default word (not secret-looking)
	_ = fs.String("request-id", "Kq2vLx8Tz4Wn7Rb3Mc9Yd1Hf", "request id to replay")     // silent: not a credential name
	_ = fs.StringP("token-header", "H", "X-Partner-Token", "header carrying the token") // silent: a header name
}
