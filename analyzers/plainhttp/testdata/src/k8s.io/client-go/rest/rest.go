// Package rest is a stub of client-go's rest package.
package rest

// TLSClientConfig holds the client's TLS settings; Insecure turns
// server certificate verification off.
type TLSClientConfig struct {
	Insecure   bool
	ServerName string
	CAData     []byte
}

// Config is a client's configuration.
type Config struct {
	Host        string
	BearerToken string
	TLSClientConfig
}

// ContentConfig has an Insecure-named field that is not about TLS.
type ContentConfig struct {
	Insecure bool
}

func CopyConfig(c *Config) *Config { return c }
