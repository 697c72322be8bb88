// Package wrappername: a helper whose name says it skips the signature
// check, with words between the negation and the check
// (ParseJWTWithoutSignatureVerification), leaves the decision to its
// callers, as ParseUnverifiedJWT does. A name that skips the check of
// something else, or negates something other than the check, does not.
package wrappername

import (
	"github.com/golang-jwt/jwt/v5"
)

// ParsedJWT carries the unverified claims and the raw token for a
// later verification.
type ParsedJWT struct {
	Raw    string
	Claims jwt.MapClaims
}

// Silent: the name says the signature is not verified.
func ParseJWTWithoutSignatureVerification(raw string) (ParsedJWT, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return ParsedJWT{Raw: raw, Claims: claims}, err
}

// Silent: skip, then the signature's short name, then verify.
func decodeSkipSigVerify(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims, err
}

// Silent: no, then the token, then validation.
func PeekNoTokenValidation(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims, err
}

// Silent: skipping, then the JWT, then verification.
func claimsSkippingJWTVerification(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims, err
}

// Reported: only the claims' validation is said to be skipped.
func parseWithoutClaimsValidation(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // want `are returned as the result`
	return claims, err
}

// Reported: the expiry check is what the name skips.
func decodeNoExpiryVerification(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // want `are returned as the result`
	return claims, err
}

// Reported: the negation is about something else.
func ValidateTokenWithoutCache(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // want `are returned as the result`
	return claims, err
}

// Reported: "verify" with no negation before it.
func VerifySignatureAndParse(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // want `are returned as the result`
	return claims, err
}

var _, _ = decodeSkipSigVerify, parseWithoutClaimsValidation
var _, _ = decodeNoExpiryVerification, claimsSkippingJWTVerification
