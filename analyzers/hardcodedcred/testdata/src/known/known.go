package known

import (
	"fmt"
	"log"
	"os"
)

// Keys in a provider's format are reported wherever the literal is.
const awsKeyID = "AKIAQ3EGRT5LWXK7N2PB" // want `AWS credential matching gitleaks rule aws-access-token is a string literal: AKIA…\(20 chars\)`

var githubToken = "ghp_R7aXk2Qm9LpZ4vT8wYc1Nb6Hd3Jf5Ge0Us2i" // want `GitHub credential matching gitleaks rule github-pat is a string literal`

func calls() {
	log.Println("using", "glpat-Xk2Qm9LpZ4vT8wYc1Nb6")                                                                                                 // want `GitLab credential matching gitleaks rule gitlab-pat`
	fmt.Println(lookup("xoxb-2489126733-3902144378-Q0jvmL5wRzT8cNpUaYd2hK4s"))                                                                         // want `Slack credential matching gitleaks rule slack-bot-token`
	stripe := "sk_live_4eC39HqLyjWDarjtT1zdp7dc"                                                                                                       // want `Stripe credential matching gitleaks rule stripe-access-token`
	_ = lookup("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c") // want `credential matching gitleaks rule jwt`
	_ = stripe

	// Keyword-gated rules match with the name the literal is stored under.
	herokuKey := "5d2f4a8e-1c3b-4e7a-9f6d-2b8c0e4a1d7f" // want `Heroku credential matching gitleaks rule heroku-api-key`
	_ = herokuKey

	// Near misses: the same shapes as documentation examples,
	// placeholders, or without the keyword context.
	_ = lookup("AKIAIOSFODNN7EXAMPLE")                     // AWS's documented example key
	_ = lookup("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") // placeholder
	_ = lookup("sk_test_4eC39HqLyjWDarjtT1zdp7dc")         // test-mode key, a documented example
	_ = lookup("ghp_")                                     // a prefix, not a token
	requestID := "5d2f4a8e-1c3b-4e7a-9f6d-2b8c0e4a1d7f"    // a UUID with no keyword: an ID
	_ = requestID
	checksum := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" // a hash, not a key
	_ = checksum
	_ = os.Getenv("GITHUB_TOKEN")
}

// The PEM block is reported at the start of its literal.
const privateKeyPEM = /* want "credential matching gitleaks rule private-key" */ `-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumNxhlzi9ZgLRSF1OdCQ7v3zA
yPmL9nKzt2Yc4eWjQ8hLr0bXvU6sN1aF3gT7mD2kR5pZ9xC8yH4jB6wE0qV1nS3t
-----END RSA PRIVATE KEY-----`

// A public key is not a secret.
const publicKeyPEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`

func lookup(s string) string { return s }

// Literals given to functions whose name says they take sample data are
// samples.
func newSampleSecret(prefix, secret string) string { return prefix + secret }

var _ = newSampleSecret("github", "ghp_R7aXk2Qm9LpZ4vT8wYc1Nb6Hd3Jf5Ge0Us2i")
