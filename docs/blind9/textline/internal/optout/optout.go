// Package optout signs the unsubscribe links appended to marketing messages.
package optout

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Number string `json:"num"`
	List   string `json:"lst"`
}

func Sign(key []byte, number, list string) (string, error) {
	c := Claims{
		RegisteredClaims: jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(90 * 24 * time.Hour))},
		Number:           number,
		List:             list,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

func Verify(key []byte, raw string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(raw, &c, func(t *jwt.Token) (any, error) { // NEAR tokenverify v13
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return key, nil
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}
