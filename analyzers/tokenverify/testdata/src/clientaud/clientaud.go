// Package clientaud holds clients that read the token they were handed
// to learn where to present it (silent), beside servers that read the
// audience of a token they received without connecting to it
// (reported).
package clientaud

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-jose/go-jose/v3/jwt"
	jwt5 "github.com/golang-jwt/jwt/v5"
)

type bootClaims struct {
	jwt.Claims
	SHA  string   `json:"sha"`
	SANs []string `json:"sans"`
}

// Client talks to the CA named by a bootstrap token.
type Client struct {
	base *url.URL
	sha  string
}

// NewClient parses the endpoint through a helper.
func NewClient(endpoint, sha string) (*Client, error) {
	u, err := parseEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	return &Client{base: u, sha: sha}, nil
}

func parseEndpoint(s string) (*url.URL, error) { return url.Parse(s) }

// Silent: the audience is the CA to connect to (through two helpers);
// the sha claim pins its root.
func Bootstrap(token string) (*Client, error) {
	tok, err := jwt.ParseSigned(token)
	if err != nil {
		return nil, err
	}
	var claims bootClaims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil {
		return nil, err
	}
	switch {
	case claims.SHA == "":
		return nil, errors.New("no sha claim")
	case !strings.HasPrefix(claims.Audience[0], "http"):
		return nil, errors.New("aud is not a url")
	}
	return NewClient(claims.Audience[0], claims.SHA)
}

// Silent: the audience is parsed as the URL the enrolment request goes
// to; the subject and SANs fill the request.
func Enrol(token string) (*http.Request, error) {
	tok, err := jwt.ParseSigned(token)
	if err != nil {
		return nil, err
	}
	var claims bootClaims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil {
		return nil, err
	}
	if len(claims.SANs) == 0 {
		return nil, errors.New("no sans")
	}
	u, err := url.Parse(claims.Audience[0])
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest("POST", u.String()+"/enrol?cn="+claims.Subject, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return req, nil
}

// Reported: a server compares the audience with its own name and then
// trusts the subject.
func Serve(token, self string) (string, error) {
	tok, err := jwt.ParseSigned(token)
	if err != nil {
		return "", err
	}
	var claims bootClaims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature decide a condition`
		return "", err
	}
	if claims.Audience[0] != self || claims.Subject == "" {
		return "", errors.New("not for us")
	}
	return claims.Subject, nil
}

// Reported: the subject, not the audience, is parsed as a URL; the
// decision is the server's.
func Forward(token string) (*url.URL, error) {
	tok, err := jwt.ParseSigned(token)
	if err != nil {
		return nil, err
	}
	var claims bootClaims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature decide a condition`
		return nil, err
	}
	if claims.Subject == "admin" {
		return nil, errors.New("no")
	}
	return url.Parse(claims.Subject)
}

// logAudience only formats its argument: no address taker.
func logAudience(aud string) string { return "aud=" + aud }

// Reported: the audience goes to a helper that does not reach it.
func Audit(token string) (string, error) {
	tok, err := jwt.ParseSigned(token)
	if err != nil {
		return "", err
	}
	var claims bootClaims
	if err := tok.UnsafeClaimsWithoutVerification(&claims); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature decide a condition`
		return "", err
	}
	if claims.Subject == "root" {
		return logAudience(claims.Audience[0]), nil
	}
	return "", nil
}

// Silent: a map-claims token whose audience is the URL the client
// dials, asserted to a string.
func Dial(raw string) (*http.Response, error) {
	tok, _, err := jwt5.NewParser().ParseUnverified(raw, jwt5.MapClaims{})
	if err != nil {
		return nil, err
	}
	claims := tok.Claims.(jwt5.MapClaims)
	if claims["sub"] == "" {
		return nil, errors.New("no subject")
	}
	return http.Get(claims["aud"].(string))
}

// Reported: the same token's subject is returned as a decision, and its
// audience is only compared.
func Check(raw, self string) (bool, error) {
	tok, _, err := jwt5.NewParser().ParseUnverified(raw, jwt5.MapClaims{}) // want `claims of a token parsed with \(\*jwt.Parser\).ParseUnverified without verifying its signature are returned as the result`
	if err != nil {
		return false, err
	}
	claims := tok.Claims.(jwt5.MapClaims)
	if claims["aud"].(string) != self {
		return false, nil
	}
	return claims["sub"] == "admin", nil
}
