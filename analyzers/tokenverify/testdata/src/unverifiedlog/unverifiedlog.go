// Package unverifiedlog is the fixture of unverifieddoc.go: unverified
// claims written to a log, and a decoder whose doc says it does not
// verify, are left alone; the same shapes where the claims decide, are
// returned, or the doc claims a verification the code does not do, are
// reported.
package unverifiedlog

import (
	"log"
	"log/slog"

	"github.com/golang-jwt/jwt/v5"
	"github.com/rs/zerolog"
)

type Record struct {
	Raw     string
	Subject string
}

// --- near misses ---

// pomerium's access-log field: the claims go into the event, and the
// event is returned to be written.
func claimsField(evt *zerolog.Event, raw string) *zerolog.Event {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err == nil {
		evt = evt.Interface("id-token-claims", tok.Claims)
	}
	return evt
}

// An slog attribute of the claims.
func claimsAttr(raw string) slog.Attr {
	var claims jwt.MapClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return slog.String("claims", "invalid")
	}
	return slog.Any("claims", claims)
}

// DecodeRecord copies iss and sub of a token into a record.
// Does not perform any verification of the token: callers verify it
// first.
func DecodeRecord(raw string) (*Record, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return nil, err
	}
	return &Record{Raw: raw, Subject: claims.Subject}, nil
}

// --- positives ---

// A comment that describes the code, not the function's contract: the
// claims of a token that is not verified are returned.
func subjectOf(raw string) string {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `are returned as the result`
		return ""
	}
	// The parse above does not verify the signature.
	return claims.Subject
}

// Unverified claims returned. This comment does not start with the
// function's name, so it states no contract: subjectFromToken does not
// validate anything.
func subjectFromToken(raw string) string {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `are returned as the result`
		return ""
	}
	return claims.Subject
}

// The same log builder, but a claim also decides what is logged.
func adminField(evt *zerolog.Event, raw string) *zerolog.Event {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `decide a condition`
	if err != nil {
		return evt
	}
	if m, ok := tok.Claims.(jwt.MapClaims); ok && m["role"] == "admin" {
		evt = evt.Str("admin", "yes")
	}
	return evt
}

// Logged, and returned as well.
func subjectLogged(raw string) string {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `are returned as the result`
		return ""
	}
	log.Printf("subject %s", claims.Subject)
	return claims.Subject
}

// ParseRecord verifies the token and returns its record (so says the
// doc; the code never checks a signature).
func ParseRecord(raw string) (*Record, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `are returned as the result`
		return nil, err
	}
	return &Record{Raw: raw, Subject: claims.Subject}, nil
}
