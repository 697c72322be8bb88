// Package acme is a stand-in for an ACME package (x/crypto/acme, lego's
// acme, a server's own): a challenge and an account.
package acme

// HTTP01Path is where an HTTP-01 challenge's token is served.
const HTTP01Path = "/.well-known/acme-challenge/"

// Challenge is an ACME challenge: its token and key authorization are
// public by design.
type Challenge struct {
	Type             string
	URL              string
	Token            string
	KeyAuthorization string
}

// Account is an ACME account: the HMAC key of its external account
// binding and the password of its store are secrets.
type Account struct {
	Email    string
	Password string
}

// DNSConfig configures the DNS API a DNS-01 solver writes records
// with: its Token is that API's secret, not a challenge token.
type DNSConfig struct {
	Zone  string
	Token string
}

// KeyAuthorization joins a challenge's token with the account key's
// thumbprint (RFC 8555 §8.1).
func KeyAuthorization(token, thumbprint string) string { return token + "." + thumbprint }
