// Package libtls configures a library's own TLS settings. Its
// InsecureSkipVerify means what tls.Config's does: true written in the
// code turns verification off; false, a user's flag and a field of
// another meaning are judged as for tls.Config.
package libtls

import (
	"flag"

	"github.com/hashicorp/consul/api"
	"k8s.io/client-go/rest"
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

// client-go spells InsecureSkipVerify as Insecure, in a type named for
// TLS and promoted into rest.Config.
func clusterClient(host, token string) *rest.Config {
	return &rest.Config{
		Host:            host,
		BearerToken:     token,
		TLSClientConfig: rest.TLSClientConfig{Insecure: true}, // want `rest.TLSClientConfig sets Insecure to true`
	}
}

func impersonation(base *rest.Config, skip bool) *rest.Config {
	cfg := rest.CopyConfig(base)
	cfg.Insecure = true // want `rest.TLSClientConfig sets Insecure to true`
	if skip {
		cfg.TLSClientConfig.Insecure = skip
	}
	return cfg
}

// Near misses: a verified client, and an Insecure field of a type not
// named for TLS.
func verifiedCluster(host string) *rest.Config {
	return &rest.Config{Host: host, TLSClientConfig: rest.TLSClientConfig{Insecure: false, ServerName: host}}
}

func content() rest.ContentConfig {
	return rest.ContentConfig{Insecure: true}
}
