package sinks

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"

	jwt4 "github.com/dgrijalva/jwt-go"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"google.golang.org/grpc/metadata"
)

// Package-level var feeding a sink.
var jwtKey = []byte("h7Gd93kLq0Zx-signing") // want `JWT key passed to Token.SignedString is a string literal \(through var jwtKey\)`

// A package-level var read from the environment: silent.
var jwtKeyFromEnv = []byte(os.Getenv("JWT_KEY"))

func oauthConfigs() {
	_ = oauth2.Config{
		ClientID:     oauthClientID,
		ClientSecret: oauthClientSecret,
	}
	_ = &oauth2.Config{ClientID: "web", ClientSecret: "pQ7-rT2xVb9mKw4z"} // want `client secret of oauth2.Config is a string literal`
	_ = clientcredentials.Config{ClientSecret: "Lm3Np8Qr2St6Uv0W"}        // want `client secret of clientcredentials.Config is a string literal`

	// Near misses: values from the environment, an empty secret (public
	// client), a placeholder, an env-var name.
	_ = oauth2.Config{ClientSecret: os.Getenv(secretEnv)}
	_ = oauth2.Config{ClientID: "cli", ClientSecret: ""}
	_ = oauth2.Config{ClientSecret: "YOUR_CLIENT_SECRET"}
	_ = oauth2.Config{ClientSecret: "CLIENT_SECRET"}

	cfg := oauth2.Config{}
	cfg.ClientSecret = "n4Vx8Qp2Lr7Tz1Mk" // want `client secret of oauth2.Config is a string literal`
	cfg.ClientID = "n4Vx8Qp2Lr7Tz1Mk-id"  // the client ID is public: silent

	_ = oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "ya29-Kd8sPq2LmZx7"}) // want `access token of oauth2.Token is a string literal`
	_ = oauth2.Token{TokenType: "Bearer"}                                         // a token type, not a token: silent
}

// userConfig has a field named like oauth2's, but it is not oauth2's: the
// sink is recognised by type, and the assignment rule wants a
// secret-looking value.
type userConfig struct{ ClientSecret string }

var _ = userConfig{ClientSecret: "client-secret"}

func basicAuth(req *http.Request, user string) {
	req.SetBasicAuth("admin", "hunter2!") // want `password passed to \(\*http.Request\).SetBasicAuth is a string literal`

	pw := "Tr0ub4dor&3" // want `password passed to \(\*http.Request\).SetBasicAuth is a string literal \(through var pw\)`
	req.SetBasicAuth(user, pw)

	req.SetBasicAuth(user, os.Getenv("API_PASSWORD")) // from the environment: silent
	req.SetBasicAuth("admin", "")                     // empty: silent
	req.SetBasicAuth("admin", "changeme")             // placeholder: silent
	req.SetBasicAuth("hunter2!", user)                // the user name is not a secret: silent
}

func headers(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer x9Fq2LmZ7vKp3TnW8rYd") // want `credential in HTTP header Authorization is a string literal`
	req.Header.Add("X-API-Key", "a1B2c3D4e5F6g7H8")                // want `credential in HTTP header X-API-Key is a string literal`
	req.Header.Set("X-Acme-Api-Key", apiKeyValue)
	req.Header.Set("Authorization", "Bearer "+"Qw3Er5Ty7Ui9Op1As") // want `credential in HTTP header Authorization is a string literal`
	h := http.Header{
		"Authorization": {"Token 7dK2pQ9xLm4vRt8z"}, // want `credential in HTTP header Authorization is a string literal`
		"Content-Type":  {"application/json"},
	}
	_ = h
	req.Header["X-Auth-Token"] = []string{"Hj5Kl8Zx2Cv6Bn9M"} // want `credential in HTTP header X-Auth-Token is a string literal`

	// Near misses.
	req.Header.Set("Authorization", "Bearer "+tok)                 // run-time token: silent
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", tok)) // format string: silent
	req.Header.Set("Authorization", "Bearer <token>")              // placeholder: silent
	req.Header.Set("Authorization", "Bearer ")                     // scheme only: silent
	req.Header.Set("Authorization", "Bearer token")                // a slot to fill in: silent
	req.Header.Set("Authorization", "Basic dXNlcjpwYXNz")          // base64 of "user:pass": silent
	req.Header.Set("Content-Type", "a1B2c3D4e5F6g7H8")             // not a credential header: silent
	req.Header.Set("X-Request-Id", "a1B2c3D4e5F6g7H8")             // not a credential header: silent
	req.Header.Set("Cookie", "lang=en-GB; theme=dark")             // cookies are left alone: silent
	req.Header.Set("X-API-Key", os.Getenv("ACME_API_KEY"))         // from the environment: silent
	req.Header.Set("X-Renew-Token", "true")                        // a flag about the token: silent
	req.Header.Set("X-Renew-Token", "false")                       // a flag about the token: silent
}

const apiKeyValue = "Zx9Cv8Bn7Mq6Wl5K" // want `credential in HTTP header X-Acme-Api-Key is a string literal \(through const apiKeyValue\)`

func query(u *url.URL, key string) {
	q := url.Values{}
	q.Set("api_key", "Pk4Lm7Nq2Rs9Tv6W")          // want `credential in URL query parameter api_key is a string literal`
	q.Add("access_token", "Ab4Cd7Ef2Gh9Ij6K")     // want `credential in URL query parameter access_token is a string literal`
	_ = url.Values{"token": {"Mn5Bv8Cx1Zl4Kj7H"}} // want `credential in URL query parameter token is a string literal`

	q.Set("api_key", key)       // run-time value: silent
	q.Set("page", "Pk4Lm7Nq2R") // not a credential parameter: silent
	q.Set("key", "name")        // generic name, word value: silent
	q.Set("token", "")          // empty: silent
	u.RawQuery = q.Encode()

	_, _ = http.Get("https://api.example.net/v1/items?api_key=Qs8Dp3Lx7Vm2Nk5R")  // want `credential in URL query parameter api_key is a string literal`
	_, _ = http.Get("https://api.example.net/v1/items?page=2&sort=desc")          // no credential parameter: silent
	_, _ = http.Get("https://api.example.net/v1/items?api_key=" + key)            // run-time value: silent
	_, _ = http.Get("https://api.example.net/v1/items?api_key=YOUR_API_KEY_HERE") // placeholder: silent
}

func urls() {
	_ = url.UserPassword("deploy", "Gx7Hb2Kq9Wz4") // want `password passed to url.UserPassword is a string literal`
	_ = url.UserPassword("deploy", os.Getenv("DEPLOY_PASSWORD"))
	_ = url.User("deploy") // no password: silent

	_ = "https://deploy:Vb8Nm3Qx7Lk2@git.internal.corp/repo.git" // want `password in URL userinfo is a string literal`
	_ = "postgres://app:Xk9$mQ2vLp7w@db:5432/app"                // want `password in URL userinfo is a string literal`
	_ = "postgres://postgres:postgres@localhost:5432/app"        // the default dev password, same as the user: silent
	_ = "amqp://guest:guest@localhost:5672/"                     // silent, as above
	_ = "https://user:password@example.com/"                     // documentation style: silent
	_ = "https://user:${PASSWORD}@example.com/"                  // template: silent
	_ = "https://git.internal.corp/repo.git"                     // no userinfo: silent
	_ = "mailto:ops@internal.corp"                               // no password: silent

	// Database connection strings that are not URLs.
	_ = "root:Xk9$mQ2vLp7w@tcp(127.0.0.1:3306)/app"                         // want `password in database DSN is a string literal`
	_ = "host=db user=app password=Vb8Nm3Qx7Lk2 dbname=app sslmode=disable" // want `password in database DSN is a string literal`
	_ = "root:root@tcp(localhost:3306)/app"                                 // same as the user: silent
	_ = "host=db user=app password=app dbname=app"                          // same as the user: silent
	_ = "host=db user=app dbname=app sslmode=disable"                       // no password: silent
}

func jwts(claims jwt.MapClaims, tokenString string) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	_, _ = t.SignedString(jwtKey)
	_, _ = t.SignedString([]byte("my-very-secret-k3y")) // want `JWT key passed to Token.SignedString is a string literal`
	_, _ = t.SignedString(jwtKeyFromEnv)                // from the environment: silent
	_, _ = t.SignedString([]byte(os.Getenv("JWT_KEY"))) // from the environment: silent

	_, _ = jwt.Parse(tokenString, func(t *jwt.Token) (interface{}, error) {
		return []byte("Kf8Gh2Jk5Lq9Zw3X"), nil // want `JWT key returned from key func is a string literal`
	})
	_, _ = jwt.Parse(tokenString, func(t *jwt.Token) (interface{}, error) {
		return jwtKeyFromEnv, nil // from the environment: silent
	})
	_, _ = jwt.Parse(tokenString, keyFunc)
	_, _ = jwt.SigningMethodHS256.Sign("a.b", []byte("Rt6Yu8Io0Pa2Sd4F")) // want `JWT key passed to SigningMethodHMAC.Sign is a string literal`

	// The older library is recognised too.
	t4 := jwt4.New(jwt4.SigningMethodHS256)
	_, _ = t4.SignedString([]byte("Wq2Er4Ty6Ui8Op0A")) // want `JWT key passed to Token.SignedString is a string literal`
	_, _ = t4.SignedString(nil)                        // no literal: silent
}

func keyFunc(t *jwt.Token) (interface{}, error) {
	if t.Raw == "" {
		return nil, fmt.Errorf("no token")
	}
	return []byte("Zm8Xn2Cb5Vq9Lk3J"), nil // want `JWT key returned from key func is a string literal`
}

// A function with a key func's shape but not jwt's Token: silent.
func notKeyFunc(s *string) (interface{}, error) { return []byte("Zm8Xn2Cb5Vq9Lk3J-other"), nil }

func grpcAuth(ctx context.Context, tok string) {
	_ = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer Yt7Ur5Ie3Wo1Qp9L")  // want `credential in HTTP header authorization is a string literal`
	_ = metadata.Pairs("x-request-id", "Yt7Ur5Ie3Wo1Qp9L", "authorization", "Bearer "+tok) // silent: not a credential header; run-time token
}

// Header values built up at run time: the initial literal is a scheme.
func builtHeader(req *http.Request, params map[string]string) {
	hdr := "OAuth "
	for k, v := range params {
		hdr += k + "=\"" + v + "\","
	}
	req.Header.Add("Authorization", hdr) // silent: hdr is built, not a literal

	sig := "Xk2Lm9Qp4Rt7Vw1Z"
	sign(&sig)
	req.Header.Set("X-Auth-Token", sig) // silent: sig is changed through a pointer
}

func sign(s *string) {}
