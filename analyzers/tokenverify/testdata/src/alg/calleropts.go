package alg

import "github.com/golang-jwt/jwt/v5"

// Options from the callers, all in sight: an unexported helper whose
// every call passes no algorithm restriction is judged by them.

func parseWith(raw string, opts ...jwt.ParserOption) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFromEnv, opts...) // want `key function passed to jwt.Parse returns an HMAC`
}

func sessionToken(raw string) (*jwt.Token, error) { return parseWith(raw) }

func lenientToken(raw string) (*jwt.Token, error) {
	return parseWith(raw, jwt.WithLeeway(0))
}

// Near misses: a caller pins the methods, or the helper's callers are
// out of sight.

func parsePinned(raw string, opts ...jwt.ParserOption) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFromEnv, opts...)
}

func pinnedToken(raw string) (*jwt.Token, error) {
	return parsePinned(raw, jwt.WithValidMethods([]string{"HS256"}))
}

// ParseExported is called from other packages.
func ParseExported(raw string, opts ...jwt.ParserOption) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFromEnv, opts...)
}

func exportedCaller(raw string) (*jwt.Token, error) { return ParseExported(raw) }
