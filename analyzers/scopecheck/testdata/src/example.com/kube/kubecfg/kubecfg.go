package kubecfg // want package:"analyzed"

// Load checks the program's own client configuration (the token it
// will send to the API server); Check authenticates an incoming
// request. Both carry an "authenticates" fact; only Check, given the
// request, authenticates a handler's caller.

import (
	"errors"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
	"k8s.io/client-go/rest"
)

// Auth is the client's authenticator.
var Auth rest.Authenticator

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("s"), nil }

// Load sets the client up, refusing a configuration with no token
// (client-go's exec authenticator, as headlamp calls it).
func Load(cfg *rest.Config) error { // want Load:"authenticates"
	if Auth.HasTokenAuth(cfg) {
		return nil
	}
	return errors.New("no credentials for the API server")
}

func Check(r *http.Request) error { // want Check:"signedOnly" Check:"authenticates"
	if _, err := jwt.Parse(r.Header.Get("Authorization"), keyFunc); err != nil {
		return errors.New("unauthorized")
	}
	return nil
}
