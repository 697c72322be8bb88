// Package restonly sets client-go's Insecure and imports nothing else
// that sends traffic: the package is still looked at.
package restonly

import "k8s.io/client-go/rest"

func impersonating(base *rest.Config) *rest.Config {
	cfg := rest.CopyConfig(base)
	cfg.Insecure = true // want `rest.TLSClientConfig sets Insecure to true`
	return cfg
}
