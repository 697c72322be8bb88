// Package jose is a stub of the go-jose v2 API (the parts authvet's
// JWT table describes), with the real signatures.
package jose

type SignatureAlgorithm string

const (
	HS256 = SignatureAlgorithm("HS256")
	RS256 = SignatureAlgorithm("RS256")
	ES256 = SignatureAlgorithm("ES256")
)

type JSONWebSignature struct{}

func (obj JSONWebSignature) Verify(verificationKey interface{}) ([]byte, error) { return nil, nil }
func (obj JSONWebSignature) UnsafePayloadWithoutVerification() []byte           { return nil }

type SigningKey struct {
	Algorithm SignatureAlgorithm
	Key       interface{}
}

type Signer interface{}

type SignerOptions struct{}

func NewSigner(sig SigningKey, opts *SignerOptions) (Signer, error) { return nil, nil }

func ParseSigned(signature string) (*JSONWebSignature, error) { return nil, nil }
