package expiry

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// jwt.New followed by an assignment of the token's Claims is the
// two-step spelling of jwt.NewWithClaims: judged by the claims assigned.

// Positives.

func signedRequest() (string, error) {
	token := jwt.New(jwt.SigningMethodHS256) // want `token minted with jwt.New and given jwt.MapClaims without an "exp" claim never expires`
	token.Header["kid"] = "k1"
	token.Claims = jwt.MapClaims{}
	return token.SignedString(key)
}

func signedSubject(sub string) (string, error) {
	token := jwt.New(jwt.SigningMethodHS256) // want `token minted with jwt.New and given jwt.MapClaims without an "exp" claim never expires`
	token.Claims = jwt.MapClaims{"sub": sub}
	return token.SignedString(key)
}

// Near misses.

func signedWithExp() (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	token.Claims = jwt.MapClaims{"exp": time.Now().Add(time.Minute).Unix()}
	return token.SignedString(key)
}

func signedRegistered() (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	token.Claims = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return token.SignedString(key)
}

func signedFilledLater() (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	token.Claims = jwt.MapClaims{}
	token.Claims.(jwt.MapClaims)["exp"] = time.Now().Add(time.Hour).Unix()
	return token.SignedString(key)
}

func signedNoAssignment() (string, error) {
	token := jwt.New(jwt.SigningMethodHS256)
	return token.SignedString(key)
}
