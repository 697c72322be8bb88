// Package discarded holds golang-jwt parses that verify but whose error
// is dropped: the library returns the token, claims filled in, when the
// signature or expiry check fails.
package discarded

import (
	"context"
	"errors"
	"net/http"

	jwt3 "github.com/form3tech-oss/jwt-go"
	"github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v2/jwt"
)

type ctxKey struct{}

type UserClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

var secret = []byte("k") // the key's origin does not matter here

func keyFunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected method")
	}
	return secret, nil
}

// --- positives ---

// The subject of a cookie's token is taken as the request's author
// although the key function makes every HMAC check fail.
func subject(r *http.Request) string {
	c, err := r.Cookie("jwt")
	if err != nil {
		return ""
	}
	token, _ := jwt3.Parse(c.Value, func(*jwt3.Token) (interface{}, error) { return "", nil }) // want `claims of a token parsed with jwt.Parse whose error is discarded are returned as the result at line 43`
	if claims, ok := token.Claims.(jwt3.MapClaims); ok {
		return claims["sub"].(string)
	}
	return ""
}

// The role of a token that may have failed verification decides.
func isAdmin(raw string) bool {
	var claims UserClaims
	_, _ = jwt.ParseWithClaims(raw, &claims, keyFunc) // want `claims of a token parsed with jwt.ParseWithClaims whose error is discarded decide a condition at line 52`
	if claims.Role == "admin" {
		return true
	}
	return false
}

// The subject becomes the request identity.
func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, _ := jwt.Parse(r.Header.Get("X-Token"), keyFunc) // want `whose error is discarded set the request identity`
		sub, _ := tok.Claims.GetSubject()
		ctx := context.WithValue(r.Context(), ctxKey{}, sub)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// --- near misses ---

// token.Valid is the check.
func validChecked(raw string) (string, error) {
	tok, _ := jwt.Parse(raw, keyFunc)
	if tok == nil || !tok.Valid {
		return "", errors.New("invalid token")
	}
	sub, _ := tok.Claims.GetSubject()
	return sub, nil
}

// The error is checked.
func errChecked(raw string) (string, error) {
	tok, err := jwt.Parse(raw, keyFunc)
	if err != nil {
		return "", err
	}
	sub, _ := tok.Claims.GetSubject()
	return sub, nil
}

// Only the issuer is read, to pick a verifier: a routing claim.
func issuerOf(raw string) string {
	tok, _ := jwt.Parse(raw, nil)
	if m, ok := tok.Claims.(jwt.MapClaims); ok {
		if iss, ok := m["iss"].(string); ok {
			return iss
		}
	}
	return ""
}

// jwx returns no token when verification fails: dropping its error
// loses the token, it does not trust it.
func jwxSubject(raw []byte) string {
	tok, _ := jwx.Parse(raw)
	if tok == nil {
		return ""
	}
	return tok.Subject()
}

// The dropped parse only peeks; the same token is then parsed with
// its error checked.
func peekThenVerify(raw string) (string, error) {
	var peek UserClaims
	_, _ = jwt.ParseWithClaims(raw, &peek, nil)
	if peek.Role == "" {
		return "", errors.New("no role")
	}
	var claims UserClaims
	if _, err := jwt.ParseWithClaims(raw, &claims, keyFunc); err != nil {
		return "", err
	}
	return claims.Role, nil
}

type account struct {
	Name string
	JWT  string
}

type info struct {
	Name   string
	Claims jwt.Claims
}

var accounts = map[string]*account{}

// A stored account's token decoded to show its claims: the program
// holds the token, no caller presents it.
func describe(name string) *info {
	a := accounts[name]
	if a == nil {
		return nil
	}
	out := &info{Name: a.Name}
	tok, _ := jwt.Parse(a.JWT, keyFunc)
	if tok != nil {
		out.Claims = tok.Claims
	}
	return out
}

// The same decode of a token the caller presents sets the claims of
// what the function returns.
func Describe(raw string) *info {
	out := &info{}
	tok, _ := jwt.Parse(raw, keyFunc) // want `whose error is discarded set the request identity`
	if tok != nil {
		out.Claims = tok.Claims
	}
	return out
}

// The client's own token, held by the transport that sends it: reading
// its claims decides nothing about a caller.
type jwtTransport struct {
	Token string
	Base  http.RoundTripper
}

func (t *jwtTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("Authorization", "Bearer "+t.Token)
	return t.Base.RoundTrip(r)
}

type apiClient struct{ client *http.Client }

func (c *apiClient) SubscriptionType() string {
	tr := c.client.Transport.(*jwtTransport)
	tokenStr := tr.Token
	token, _ := jwt.Parse(tokenStr, nil)
	if token == nil {
		return ""
	}
	claims := token.Claims.(jwt.MapClaims)
	if s, ok := claims["subscription_type"].(string); ok {
		return s
	}
	return ""
}

// The same decode of a token the caller hands in: reported.
func PlanOf(raw string) string {
	token, _ := jwt.Parse(raw, nil) // want `whose error is discarded are returned as the result`
	if token == nil {
		return ""
	}
	if p, ok := token.Claims.(jwt.MapClaims)["plan"].(string); ok {
		return p
	}
	return ""
}
