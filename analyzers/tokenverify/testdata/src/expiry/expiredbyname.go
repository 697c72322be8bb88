package expiry

import "github.com/golang-jwt/jwt/v5"

// A function named for accepting expired tokens leaves the expiry to
// its callers, who chose it by that name.

// ClaimsFromExpiredToken reads a session token that may have expired, to
// bind a refresh to its workspace.
func ClaimsFromExpiredToken(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	return claims, err
}

func parseLicenseUncheckedExpiry(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	return err
}

// Near misses: the name says nothing of expiry, or names it without
// skipping its check.

func parseSession(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
	return err
}

func parseNoExp(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
	return err
}

func parseWithExpiry(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
	return err
}
