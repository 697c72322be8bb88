// Package push sends on-call pages to the opsbot iOS app through APNs.
package push

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const teamID = "8RQ3XKM2ZP" // NEAR hardcodedcred h23

const keyID = "K7T2M9QX4L" // NEAR hardcodedcred h24

// apnsKey is the .p8 auth key downloaded from the Apple developer portal.
const apnsKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQGJXbpZAIjRa3H38
OKMfIMDGl7aUhRvCLEmvAtqttTOhRANCAASTFa0uM9t4e731A9jFS7ETbmL3lxfW
I6McntxzTdjd55dYandBIA1lqur/nNe5hHjFNyfjBKOd2tiricRjfbHV
-----END PRIVATE KEY-----` // WANT hardcodedcred H16

// webhookVerifyKey is the public key of the alerting vendor, for its signed webhooks.
const webhookVerifyKey = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkxWtLjPbeHu99QPYxUuxE25i95cX
1iOjHJ7cc03Y3eeXWGp3QSANZarq/5zXuYR4xTcn4wSjndrYq4nEY32x1Q==
-----END PUBLIC KEY-----` // NEAR hardcodedcred h25

// ProviderToken signs the APNs provider token.
func ProviderToken(now time.Time) (string, error) {
	block, _ := pem.Decode([]byte(apnsKey))
	if block == nil {
		return "", errors.New("apns key: no PEM block")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return "", err
	}
	ek, ok := k.(*ecdsa.PrivateKey)
	if !ok {
		return "", errors.New("apns key: not EC")
	}
	t := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"iss": teamID, "iat": now.Unix()})
	t.Header["kid"] = keyID
	return t.SignedString(ek)
}

// VerifierKey returns the vendor's webhook verification key.
func VerifierKey() (*ecdsa.PublicKey, error) {
	block, _ := pem.Decode([]byte(webhookVerifyKey))
	if block == nil {
		return nil, errors.New("no PEM block")
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	ek, ok := k.(*ecdsa.PublicKey)
	if !ok {
		return nil, errors.New("not EC")
	}
	return ek, nil
}
