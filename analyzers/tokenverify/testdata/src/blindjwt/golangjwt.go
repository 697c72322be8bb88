// Package blindjwt is a realistic set written before the analyzer was
// read (tokenverify, docs/precision-verify.md): JWT verification in the
// styles real services use. Each positive has a near miss beside it.
package blindjwt

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	UserID string `json:"uid"`
	Role   string `json:"role"`
	jwt.RegisteredClaims
}

type Service struct {
	secret []byte
	pub    *rsa.PublicKey
	keys   map[string]*rsa.PublicKey
}

// v5 with WithValidMethods and a secret key function: the algorithm is
// pinned. Near miss.
func (s *Service) ParseV5Pinned(raw string) (*Claims, error) {
	var c Claims
	tok, err := jwt.ParseWithClaims(raw, &c, func(t *jwt.Token) (any, error) {
		return s.secret, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("auth"))
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	return &c, nil
}

// Key function checking t.Method before returning the secret. Near miss.
func (s *Service) ParseMethodChecked(raw string) (jwt.MapClaims, error) {
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method: %v", t.Header["alg"])
		}
		return s.secret, nil
	})
	if err != nil {
		return nil, err
	}
	return tok.Claims.(jwt.MapClaims), nil
}

// The alg header compared by name. Near miss.
func (s *Service) ParseAlgHeader(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
			return nil, errors.New("bad alg")
		}
		return s.secret, nil
	})
}

// A key function returning the RSA public key, typed: golang-jwt refuses
// it for HS*. Near miss.
func (s *Service) ParseRSA(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return s.pub, nil
	})
}

// A key function choosing a key by kid from typed RSA keys. Near miss.
func (s *Service) ParseKid(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		k, ok := s.keys[kid]
		if !ok {
			return nil, errors.New("unknown kid")
		}
		return k, nil
	}, jwt.WithValidMethods([]string{"RS256"}))
}

// Expiry switched off in a production parse.
func (s *Service) ParseNoExpiry(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return s.secret, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `WithoutClaimsValidation`
}

// Claims read from an unverified parse and used for the identity.
func UserFromHeader(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	var c Claims
	_, _, err := jwt.NewParser().ParseUnverified(raw, &c) // want `unverified|without verif`
	if err != nil {
		return "", err
	}
	if c.Role == "admin" {
		return c.UserID, nil
	}
	return "", errors.New("forbidden")
}

// An unverified parse that only reads the issuer to pick the verifier,
// then verifies. Near miss.
func (s *Service) Route(raw string) (*jwt.Token, error) {
	var c jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &c); err != nil {
		return nil, err
	}
	if c.Issuer != "auth" {
		return nil, errors.New("unknown issuer")
	}
	return jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(t *jwt.Token) (any, error) { return s.pub, nil })
}

// Minting a session token without an expiry.
func (s *Service) Mint(uid string) (string, error) {
	c := Claims{UserID: uid, Role: "user"}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.secret) // want `exp|expir`
}

// Minting with ExpiresAt. Near miss.
func (s *Service) MintExp(uid string, c0 jwt.RegisteredClaims) (string, error) {
	c := Claims{UserID: uid, RegisteredClaims: jwt.RegisteredClaims{ExpiresAt: c0.ExpiresAt}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.secret)
}

// The none algorithm accepted.
func ParseNone(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `none`
	})
}

// v4 with Parser{ValidMethods} in a struct literal. Near miss.
func ParseV4Struct(raw string) (*jwt4.Token, error) {
	p := &jwt4.Parser{ValidMethods: []string{"HS256"}}
	return p.Parse(raw, func(t *jwt4.Token) (interface{}, error) {
		return []byte(os.Getenv("JWT_SECRET")), nil
	})
}

// v4 with SkipClaimsValidation in production.
func ParseV4Skip(raw string, pub *rsa.PublicKey) (*jwt4.Token, error) {
	p := &jwt4.Parser{ValidMethods: []string{"RS256"}, SkipClaimsValidation: true} // want `SkipClaimsValidation|exp`
	return p.Parse(raw, func(t *jwt4.Token) (interface{}, error) { return pub, nil })
}

// v4 key function returning the PEM bytes of a public key as []byte: an
// HS256 token signed with the public key as HMAC secret verifies.
func ParseV4PEMBytes(raw string) (*jwt4.Token, error) {
	pemBytes, err := os.ReadFile("/etc/app/jwt_public.pem")
	if err != nil {
		return nil, err
	}
	return jwt4.Parse(raw, func(t *jwt4.Token) (interface{}, error) { // want `alg|Method|algorithm`
		return pemBytes, nil
	})
}

// v4 ParseWithClaims with custom claims and a claims Valid() call after a
// pinned parse. Near miss.
type V4Claims struct {
	Scope string `json:"scope"`
	jwt4.RegisteredClaims
}

func ParseV4Claims(raw string, secret []byte) (*V4Claims, error) {
	c := &V4Claims{}
	tok, err := jwt4.ParseWithClaims(raw, c, func(t *jwt4.Token) (interface{}, error) {
		if t.Method != jwt4.SigningMethodHS256 {
			return nil, errors.New("alg")
		}
		return secret, nil
	})
	if err != nil || !tok.Valid {
		return nil, err
	}
	if err := c.Valid(); err != nil {
		return nil, err
	}
	return c, nil
}

// A key function returning only the HMAC secret, with no method check
// and no WithValidMethods. golang-jwt's key-type check leaves only HS256,
// HS384 and HS512 with this secret, so it is not exploitable on its own;
// it is kept at warning (docs/precision-verify.md): the library's security
// notice asks for the alg check as well, RFC 8725 §3.1 requires it, and
// the same function over a public key's bytes is the confusion attack.
func (s *Service) ParseSecretOnly(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `HMAC \(\[\]byte\) key without checking token.Method`
		return s.secret, nil
	})
}
