// Package envprefix names the environment variables a DNS provider
// reads its credentials from by joining a namespace constant and a
// word. The joined constant is a variable's name, however the prefix
// is spelled (with digits: "BLUECATV2_", "RAGE4_"); a concatenation
// that makes anything else is judged as before.
package envprefix

import "os"

// Environment variables names.
const (
	envNamespace = "BLUECATV2_"

	EnvServerURL = envNamespace + "SERVER_URL"
	EnvPassword  = envNamespace + "PASSWORD"
)

const (
	otherNamespace = "YANDEX360_"
	valueNamespace = "ACME_"
)

// Silent: a local variable built the same way.
func token() string {
	name := otherNamespace + "OAUTH_TOKEN"
	return os.Getenv(name)
}

func password() string { return os.Getenv(EnvPassword) }

// Near misses: the joined values are secrets, not variable names.
const (
	prefixedPassword = "PW_" + "k9Qz2Lm7Xc4Vb"            // want `password in const prefixedPassword is a string literal`
	liveToken        = "sk_" + "4eC39HqLyjWDarjtT1zdp7dc" // want `token in const liveToken is a string literal`
	EnvPasswordValue = valueNamespace + "Hunter2isMyPass" // want `password in const EnvPasswordValue is a string literal`
)
