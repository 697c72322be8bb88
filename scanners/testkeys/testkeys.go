// Package testkeys builds fake credentials for tests at run time. The
// values have the shape gitleaks' rules match but are random, and no
// source file holds them whole, so this repository does not itself carry
// anything a secret scanner (or GitHub push protection) would flag.
package testkeys

import "math/rand/v2"

const (
	upper32  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	digits   = "0123456789"
	lowerHex = "0123456789abcdef"
)

// random returns n characters from alphabet, deterministic in seed.
func random(seed uint64, alphabet string, n int) string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// AWS returns a fake AWS access key id (aws-access-token).
func AWS(seed uint64) string { return "AK" + "IA" + random(seed, upper32, 16) }

// GitHub returns a fake GitHub personal access token (github-pat).
func GitHub(seed uint64) string { return "gh" + "p_" + random(seed, alnum, 36) }

// Stripe returns a fake Stripe live secret key (stripe-access-token).
func Stripe(seed uint64) string { return "sk" + "_li" + "ve_" + random(seed, alnum, 24) }

// Slack returns a fake Slack bot token (slack-bot-token).
func Slack(seed uint64) string {
	return "xo" + "xb-" + random(seed, digits, 12) + "-" + random(seed+1, digits, 12) + "-" + random(seed+2, alnum, 24)
}

// Generic returns a random value that generic-api-key matches when it is
// assigned to a credential-like name.
func Generic(seed uint64) string { return random(seed, alnum, 32) }

// Hex returns n random lower-case hex digits.
func Hex(seed uint64, n int) string { return random(seed, lowerHex, n) }

// PrivateKey returns a fake PEM private key block (private-key).
func PrivateKey(seed uint64) string {
	body := random(seed, alnum+"+/", 64)
	return "-----BEGIN " + "RSA PRIVATE KEY-----\n" + body + "\n" + random(seed+1, alnum+"+/", 64) + "\n-----END " + "RSA PRIVATE KEY-----"
}
