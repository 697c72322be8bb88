// Package rest is a stand-in for client-go's rest and transport
// packages.
package rest

// Config is how a client reaches the API server, with its own token.
type Config struct {
	Host        string
	BearerToken string
}

// Authenticator sets up a client's credentials (client-go's exec
// plugin), out of sight of the analysis: its name is the only hint.
type Authenticator interface {
	HasTokenAuth(c *Config) bool
}
