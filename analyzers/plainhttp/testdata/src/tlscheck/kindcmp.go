package tlscheck

import (
	"crypto/tls"
	"net/http"
	"os"
)

type leaderConfig struct {
	Kind    string
	SSLMode string
	Mode    string
}

const kindIguazio = "iguazio"

// nuclio: verification off for every leader of one kind.
func leaderClient(cfg leaderConfig) *http.Client {
	skip := cfg.Kind == kindIguazio
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: skip}, // want `InsecureSkipVerify to true`
	}}
}

// Near misses: the constant names the opt-in, a development
// environment, or libpq's sslmode that does not verify.
func optInModes(cfg leaderConfig) []*tls.Config {
	return []*tls.Config{
		{InsecureSkipVerify: cfg.Mode == "skip-verify"},
		{InsecureSkipVerify: cfg.Mode == "insecure"},
		{InsecureSkipVerify: os.Getenv("APP_ENV") == "development"}, // want `user-controlled`
		{InsecureSkipVerify: cfg.SSLMode == "require"},
		{InsecureSkipVerify: cfg.Kind != "production"},
	}
}
