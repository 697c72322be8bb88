// Package jwt is a stub of kataras/jwt, with the real signatures of what
// the fixtures use.
package jwt

import "encoding/json"

type Alg interface {
	Name() string
	Sign(key PrivateKey, headerAndPayload []byte) ([]byte, error)
	Verify(key PublicKey, headerAndPayload []byte, signature []byte) error
}

type (
	PrivateKey = interface{}
	PublicKey  = interface{}
)

type algHMAC struct{ name string }

func (a *algHMAC) Name() string                                                 { return a.name }
func (a *algHMAC) Sign(key PrivateKey, headerAndPayload []byte) ([]byte, error) { return nil, nil }
func (a *algHMAC) Verify(key PublicKey, headerAndPayload []byte, signature []byte) error {
	return nil
}

var HS256 Alg = &algHMAC{"HS256"}

type Claims struct {
	Expiry   int64  `json:"exp,omitempty"`
	IssuedAt int64  `json:"iat,omitempty"`
	Subject  string `json:"sub,omitempty"`
}

type TokenValidator interface{}

type VerifiedToken struct {
	Token          []byte
	Header         []byte
	Payload        []byte
	Signature      []byte
	StandardClaims Claims
}

func (t *VerifiedToken) Claims(dest interface{}) error { return json.Unmarshal(t.Payload, dest) }

type UnverifiedToken struct {
	Header    []byte
	Payload   []byte
	Signature []byte
}

func (t *UnverifiedToken) Claims(dest interface{}) error { return json.Unmarshal(t.Payload, dest) }

func Sign(alg Alg, key PrivateKey, claims interface{}, opts ...interface{}) ([]byte, error) {
	return nil, nil
}

func Verify(alg Alg, key PublicKey, token []byte, validators ...TokenValidator) (*VerifiedToken, error) {
	return nil, nil
}

func Decode(token []byte) (*UnverifiedToken, error) { return nil, nil }
