// Package misses: credentials in config fields set one by one, nested
// default-config literals, short names (pw, bearer) and Bearer header
// values, beside the near misses that look alike.
package misses

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

type DBConfig struct {
	Host         string
	User         string
	Password     string
	PasswordFile string
}

type Config struct {
	DB   DBConfig
	API  *APIConfig
	Name string
}

type APIConfig struct {
	Endpoint string
	Bearer   string
	TokenEnv string
}

func configure() *Config {
	cfg := &Config{API: &APIConfig{}}
	cfg.DB.Password = "Qz8-Lm3vXk7pWr2N"       // want `password in field Password is a string literal`
	cfg.API.Bearer = "Hd5Tq9Wm2Zr7Kx4P"        // want `token in field Bearer is a string literal`
	cfg.DB.PasswordFile = "/run/secrets/db"    // silent: a file path
	cfg.DB.Password = os.Getenv("DB_PASSWORD") // silent: from the environment
	cfg.DB.Password = "changeme"               // silent: a placeholder
	cfg.API.TokenEnv = "ACME_API_TOKEN"        // silent: an env-var name
	cfg.DB.Password = "${DB_PASSWORD}"         // silent: a template reference
	return cfg
}

// DefaultConfig nests the credential one literal deep.
func DefaultConfig() Config {
	return Config{
		Name: "svc",
		DB: DBConfig{
			Host:     "db.internal",
			User:     "svc",
			Password: "Wn4Rb8Yc2Kt6Mq1V", // want `password in field Password is a string literal`
		},
		API: &APIConfig{
			Endpoint: "https://api.example.com",
			Bearer:   "Jx3Fp7Lr9Sd2Vg6Q", // want `token in field Bearer is a string literal`
		},
	}
}

// SampleConfig nests placeholders only.
func SampleConfig() Config {
	return Config{
		DB:  DBConfig{Password: "<your-password>", PasswordFile: "/etc/app/db.pass"}, // silent
		API: &APIConfig{Bearer: "", TokenEnv: "API_TOKEN"},                           // silent
	}
}

func short() {
	pw := "Kv7Pz2Rq9Lt4Mw8X"     // want `password in var pw is a string literal`
	bearer := "Ty6Gh1Jk8Lp3Zn5B" // want `in var bearer is a string literal`
	_, _ = pw, bearer
	pw2 := os.Getenv("PW") // silent
	bearer2 := "Bearer "   // silent: the scheme label
	_, _ = pw2, bearer2
}

func headers(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer sk_live_Xk29Lq7Pz4Vw8Rm3Tn6Y") // want `Stripe credential matching gitleaks rule stripe-access-token is a string literal`
	req.Header.Set("Authorization", "Bearer Zq4Wn8Ls2Xd6Pk9R")             // want `credential in HTTP header Authorization is a string literal`
	req.Header.Set("Authorization", "Bearer "+tok)                         // silent: the token is a variable
	req.Header.Set("Authorization", "Bearer <token>")                      // silent: a placeholder
	req.Header.Set("Authorization", "Bearer "+os.Getenv("API_TOKEN"))      // silent
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", "Anonymous")) // silent: a marker that there is no caller
	req.Header.Set("Authorization", "Bearer guest")                        // silent: the same
	req.Header.Set("Authorization", "Bearer Oracle")                       // silent: a protocol's fixed word (Oracle Cloud's metadata service)
	req.Header.Set("Authorization", "Bearer OracleCloud9")                 // want `credential in HTTP header Authorization is a string literal`
}

// The public key of the update signatures, handed to a parameter its
// library calls passphrase.
const defaultSigningKeyPub = "RWTx5Zr1tiHQLwG9keckT0c45M3AGeHD6IvimQHpyRywVWGbP1aVSGav"

func loadVerifier(url, passphrase string) error { return nil }

func verifyUpdate() error {
	return loadVerifier("https://example.com/x.minisig", defaultSigningKeyPub) // silent: the constant's name says public
}

const defaultSecret = "RWTx5Zr1tiHQLwG9keckT0c45M3AGeHD6IvimQHpyRywVWGbP1aVSGav" // want `secret in const defaultSecret is a string literal`

func verifyOther() error {
	return loadVerifier("https://example.com/x.minisig", defaultSecret)
}

func pipe() *io.PipeReader {
	pr, pw := io.Pipe() // silent: a pipe writer
	go pw.Close()
	return pr
}

func placeholder() string {
	pw := "password" // silent: a placeholder
	return pw
}

func fromEnv() (pw, bearer string) {
	pw = os.Getenv("APP_PW")         // silent: from the environment
	bearer = os.Getenv("API_BEARER") // silent
	return
}
