// Package usepb logs protobuf messages' fields through their getters.
package usepb

import (
	"fmt"
	"log"
	"log/slog"

	"getters"
	"pbmsg"
)

type AuthServer struct{}

func (s *AuthServer) Login(req *pbmsg.LoginRequest) error {
	log.Printf("login %s with %s", req.GetUsername(), req.GetPassword()) // want `password in field Password returned by pbmsg.LoginRequest.GetPassword reaches log.Printf`
	log.Printf("login %s otp %d", req.GetUsername(), req.GetOtp())       // silent: a user name and a number
	if req.GetPassword() == "" {
		return fmt.Errorf("empty password for %s", req.GetUsername()) // silent: the user name only
	}
	return nil
}

func (s *AuthServer) Issued(resp *pbmsg.TokenResponse) {
	slog.Info("issued", "token", resp.GetAccessToken())                              // want `token in field AccessToken returned by pbmsg.TokenResponse.GetAccessToken reaches slog.Info`
	fmt.Printf("refresh %s\n", resp.GetRefreshToken())                               // want `token in field RefreshToken returned by pbmsg.TokenResponse.GetRefreshToken reaches fmt.Printf`
	log.Printf("key %x", resp.GetApiKey())                                           // want `API key in field ApiKey returned by pbmsg.TokenResponse.GetApiKey reaches log.Printf`
	slog.Info("issued", "type", resp.GetTokenType(), "expires", resp.GetExpiresIn()) // silent: token type and expiry hold no credential
	log.Printf("client %s", resp.GetClientId())                                      // silent: a client id
	log.Printf("secret %s", resp.GetSecret())                                        // silent: no field Secret, so not a getter by the convention
	log.Printf("token of %d bytes", len(resp.GetAccessToken()))                      // silent: a length
}

// tokenGetter is an interface: the value behind it is not known, and
// the method's name is the hint (getters.go).
type tokenGetter interface{ GetAccessToken() string }

func viaInterface(g tokenGetter) {
	log.Printf("token %s", g.GetAccessToken()) // want `token returned by usepb.tokenGetter.GetAccessToken reaches log.Printf`
}

func handWritten(c *getters.Credentials) {
	log.Printf("password %s", c.GetPassword()) // want `password in field Password returned by getters.Credentials.GetPassword reaches log.Printf`
	log.Printf("token %s", c.GetToken())       // silent: the getter's body redacts (its fact says so)
	log.Printf("user %s", c.GetUser())         // silent: a user name
}
