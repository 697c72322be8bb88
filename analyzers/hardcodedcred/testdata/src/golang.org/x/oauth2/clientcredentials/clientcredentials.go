// Package clientcredentials is a stub for tests.
package clientcredentials

type Config struct {
	ClientID     string
	ClientSecret string
	TokenURL     string
	Scopes       []string
}
