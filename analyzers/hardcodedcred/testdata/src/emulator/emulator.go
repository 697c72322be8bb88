// Package emulator: published emulator and local-development defaults
// and a secret equal to its own key id or user name are default-account
// notes (CWE-1392) whatever rule found them; random keys of the same
// shapes and non-default passwords keep their rule.
package emulator

import (
	"net/http"
	"net/url"
	"os"

	"github.com/aws/aws-sdk-go/aws/credentials"
)

// Azurite's and the Cosmos DB emulator's well-known keys (published:
// the secret scanner rates them notes too).
const azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" // want `API key passed to os.Setenv .*\(through const azurite\): Eby8…\(88 chars\); it is the Azure Storage emulator's \(Azurite's\) well-known account key, a published default`

func setup() {
	os.Setenv("AZURE_STORAGE_ACCESS_KEY", azurite)
	os.Setenv("COSMOS_SECRET", "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==") // want `secret passed to os.Setenv .* Cosmos DB emulator's well-known key, a published default`
}

var (
	dynamo     = credentials.NewStaticCredentials("fakeMyKeyId", "fakeSecretAccessKey", "") // want `AWS secret key .* DynamoDB Local's documented secret key, a published default`
	dynamoKey  = credentials.NewStaticCredentials("key", "key", "")                         // want `AWS secret key .* equals its own key id or user name`
	minio      = credentials.NewStaticCredentials("minioadmin", "minioadmin", "")           // want `AWS secret key .* equals its own key id or user name`
	minioURL   = url.UserPassword("admin", "minioadmin")                                    // want `password passed to url.UserPassword .* MinIO's default root user and password`
	minioAdmin = url.UserPassword("admin", "admin")                                         // want `password passed to url.UserPassword .* equals its own key id or user name`
	// The words for the two fields written where their values go: a
	// template (go2rtc's discovered cameras), or a default anyone
	// guesses.
	template     = url.UserPassword("user", "pass")         // want `password passed to url.UserPassword .* the words for them`
	templateLong = url.UserPassword("Username", "password") // want `password passed to url.UserPassword .* the words for them`
	// A password that says there is none (an SSH relay's anonymous
	// login) is no credential.
	anonymous = url.UserPassword("auth+http", "nopass")
)

// Near misses of the template: a real user with the word "password",
// the word "user" with a real password.
var (
	rootPassword = url.UserPassword("root", "password")     // want `password passed to url.UserPassword is a string literal: …\(8 chars\)$`
	userReal     = url.UserPassword("user", "Kq7#vX2mLp9w") // want `password passed to url.UserPassword is a string literal: Kq7#…\(12 chars\)$`
	passUser     = url.UserPassword("pass", "user")         // want `password passed to url.UserPassword is a string literal: …\(4 chars\)$`
)

// Near misses: a MinIO deployment with its own password, a secret that
// only shares a prefix with its key id, a password that only starts with
// its user name, a random key of Azurite's shape, a key sharing
// Azurite's prefix. (A connection string is not reported under any
// name: no case here.)
const random = "q9Xv2LmT7rP0sYkW4nB8cZ1dF6gH3jK5lM7nO9pQ2rS4tU6vW8xY0zA1bC3dE5fG7hI9jK1lM3nO5pQ7rS9tU+w==" // want `API key passed to os.Setenv is a string literal \(through const random\): q9Xv…\(89 chars\)$`

var (
	minioProd = credentials.NewStaticCredentials("minioadmin", "Zr8#kq2LxV9!mWp4Tn", "")     // want `AWS secret key passed to credentials.NewStaticCredentials is a string literal: Zr8#…\(18 chars\)$`
	prefixed  = credentials.NewStaticCredentials("AKIA5XQ3", "AKIA5XQ3Zr8kq2LxV9mWp4Tn", "") // want `AWS secret key passed to credentials.NewStaticCredentials is a string literal: AKIA…\(24 chars\)$`
	userPass  = url.UserPassword("minioadmin", "minioadmin1")                                // want `password passed to url.UserPassword is a string literal: mini…\(11 chars\)$`
)

func prod() {
	os.Setenv("AZURE_STORAGE_ACCESS_KEY", random)
	os.Setenv("AZURE_STORAGE_ACCESS_KEY", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6E5fG7hI9jK1lM3nO5pQ7rS9tU+w==") // want `API key passed to os.Setenv is a string literal: Eby8…\(89 chars\)$`
}

type hostConfig struct {
	URL, AccessKey, SecretKey string
}

// MinIO's public playground: its key is printed in MinIO's own client
// configuration and examples, open to anyone (a note). Another key in the
// same place keeps its warning.
var (
	play = hostConfig{
		URL:       "https://play.min.io",
		AccessKey: "Q3AM3UQ867SPQQA43P2F",
		SecretKey: "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG", // want `secret in field SecretKey is a string literal: zuf\+…\(40 chars\); it is the secret key of MinIO's public playground \(play.min.io\), published by its provider`
	}
	private = hostConfig{
		URL:       "https://s3.example.com",
		AccessKey: "AKIA5XQ3",
		SecretKey: "Qp7vX2mL9rT4wZ8kB3nC6yH1jF5dS0aG", // want `secret in field SecretKey is a string literal: Qp7v…\(32 chars\)$`
	}
)

// A client's fallback account, used when the configuration sets none
// (telegraf's RabbitMQ input: the broker's guest/guest): user name and
// password start from equal constants, each replaced when configured.
const (
	defaultUsername = "guest"
	defaultPassword = "guest" // want `password passed to \(\*http.Request\).SetBasicAuth .* equals its own key id or user name`
	// Near miss: a fallback password that is not the user name.
	fallbackUser     = "metrics"
	fallbackPassword = "Wq9!xLz2#Tr7" // want `password passed to \(\*http.Request\).SetBasicAuth is a string literal \(through const fallbackPassword\): Wq9!…\(12 chars\)$`
)

type rabbit struct{ Username, Password string }

func (r *rabbit) request(req *http.Request) {
	username := defaultUsername
	if r.Username != "" {
		username = r.Username
	}
	password := defaultPassword
	if r.Password != "" {
		password = r.Password
	}
	req.SetBasicAuth(username, password)
}

func (r *rabbit) other(req *http.Request) {
	username := fallbackUser
	if r.Username != "" {
		username = r.Username
	}
	password := fallbackPassword
	if r.Password != "" {
		password = r.Password
	}
	req.SetBasicAuth(username, password)
}
