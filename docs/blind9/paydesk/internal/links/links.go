// Package links signs and reads payment-link tokens and the support console's
// tokens (JWS, go-jose).
package links

import (
	"errors"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

type LinkClaims struct {
	jwt.Claims
	MerchantID string `json:"mid"`
	Amount     int64  `json:"amt"`
	Currency   string `json:"cur"`
}

type Signer struct {
	key []byte
	sig jose.Signer
}

func NewSigner(key []byte) (*Signer, error) {
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, err
	}
	return &Signer{key: key, sig: sig}, nil
}

// Issue creates a payment link valid for 24 hours.
func (s *Signer) Issue(merchantID string, amount int64, currency string) (string, error) {
	now := time.Now()
	c := LinkClaims{
		Claims: jwt.Claims{
			Issuer:   "paydesk",
			IssuedAt: jwt.NewNumericDate(now),
			Expiry:   jwt.NewNumericDate(now.Add(24 * time.Hour)),
		},
		MerchantID: merchantID, Amount: amount, Currency: currency,
	}
	return jwt.Signed(s.sig).Claims(c).Serialize()
}

// Open verifies a payment link token.
func (s *Signer) Open(raw string) (*LinkClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return nil, err
	}
	var c LinkClaims
	if err := tok.Claims(s.key, &c); err != nil { // WANT tokenverify V12
		return nil, err
	}
	if c.Issuer != "paydesk" {
		return nil, errors.New("foreign link")
	}
	return &c, nil
}

type SupportClaims struct {
	jwt.Claims
	Role  string `json:"role"`
	Email string `json:"email"`
}

// OpenSupport verifies the support console's token (signed by the SSO bridge).
func OpenSupport(raw string, key []byte) (*SupportClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS512})
	if err != nil {
		return nil, err
	}
	var c SupportClaims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: "sso-bridge", AnyAudience: jwt.Audience{"paydesk-support"}, Time: time.Now()}, time.Minute); err != nil { // NEAR tokenverify v11
		return nil, err
	}
	return &c, nil
}

// PeekSupport reads the claims without checking the signature.
func PeekSupport(raw string) (*SupportClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS512})
	if err != nil {
		return nil, err
	}
	var c SupportClaims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil {
		return nil, err
	}
	return &c, nil
}
