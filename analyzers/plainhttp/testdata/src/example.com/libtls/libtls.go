// Package libtls configures a library's own TLS settings. Its
// InsecureSkipVerify means what tls.Config's does: true written in the
// code turns verification off; false, a user's flag and a field of
// another meaning are judged as for tls.Config.
package libtls

import (
	"flag"

	"github.com/hashicorp/consul/api"
)

var insecure = flag.Bool("consul-insecure", false, "skip TLS verification")

func configBackend(ca string) (*api.TLSConfig, error) {
	cfg := &api.TLSConfig{
		CAFile:             ca,
		InsecureSkipVerify: true, // want `api.TLSConfig sets InsecureSkipVerify to true`
	}
	_, err := api.SetupTLSConfig(cfg)
	return cfg, err
}

func patched(cfg *api.TLSConfig) {
	cfg.InsecureSkipVerify = true // want `api.TLSConfig sets InsecureSkipVerify to true`
}

// Near misses.
func verified(ca string) *api.TLSConfig {
	return &api.TLSConfig{CAFile: ca, InsecureSkipVerify: false}
}

func userChoice(ca string) *api.TLSConfig {
	return &api.TLSConfig{CAFile: ca, InsecureSkipVerify: *insecure} // want `api.TLSConfig InsecureSkipVerify is set from a user-controlled value`
}

func otherMeaning() api.Endpoint {
	return api.Endpoint{InsecureSkipVerify: "true"}
}

// settings is the program's own configuration: judged where its field
// reaches a tls.Config, not here.
type settings struct {
	InsecureSkipVerify bool
}

func migrate(old settings) settings {
	var s settings
	s.InsecureSkipVerify = old.InsecureSkipVerify
	return settings{InsecureSkipVerify: true}
}
