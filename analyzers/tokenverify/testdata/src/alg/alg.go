package alg

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"os"

	jwt3 "github.com/dgrijalva/jwt-go"
	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v4/request"
	"github.com/golang-jwt/jwt/v5"
	"net/http"
)

var secret = []byte(os.Getenv("JWT_SECRET"))

// --- positives ---

func parseLiteral(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `key function passed to jwt.Parse returns an HMAC \(\[\]byte\) key without checking token.Method, and the parse sets no jwt.WithValidMethods`
		return secret, nil
	})
}

func keyFromEnv(t *jwt.Token) (any, error) {
	return []byte(os.Getenv("JWT_SECRET")), nil
}

func parseNamed(raw string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, keyFromEnv) // want `key function passed to jwt.ParseWithClaims returns an HMAC`
}

type server struct {
	key    []byte
	parser *jwt.Parser
}

func (s *server) keyFunc(t *jwt.Token) (interface{}, error) {
	var k interface{} = s.key
	return k, nil
}

func (s *server) parseMethod(raw string) error {
	p := jwt.NewParser(jwt.WithLeeway(5))
	_, err := p.Parse(raw, s.keyFunc) // want `key function passed to \(\*jwt.Parser\).Parse returns an HMAC`
	return err
}

func parseV4(raw string) error {
	_, err := jwt4.Parse(raw, func(t *jwt4.Token) (interface{}, error) { // want `returns an HMAC`
		return secret, nil
	})
	return err
}

func parseV3(raw string) error {
	_, err := jwt3.Parse(raw, func(t *jwt3.Token) (interface{}, error) { // want `returns an HMAC \(\[\]byte\) key without checking token.Method, and the parse sets no jwt.Parser{ValidMethods: …}`
		kid, _ := t.Header["kid"].(string) // reading the kid is not a method check
		return []byte(kid + "secret"), nil
	})
	return err
}

func parseRequest(r *http.Request) error {
	_, err := request.ParseFromRequest(r, request.OAuth2Extractor, func(t *jwt4.Token) (interface{}, error) { // want `returns an HMAC`
		return secret, nil
	})
	return err
}

func factory() jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		return secret, nil
	}
}

func parseFactory(raw string) error {
	_, err := jwt.Parse(raw, factory()) // want `returns an HMAC`
	return err
}

func signNone() (string, error) {
	t := jwt.New(jwt.SigningMethodNone)                     // want `jwt.SigningMethodNone creates or accepts unsigned tokens`
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType) // want `jwt.UnsafeAllowNoneSignatureType makes unsigned tokens`
}

func acceptNone(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // want `UnsafeAllowNoneSignatureType`
	}, jwt.WithValidMethods([]string{"none"})) // want `jwt.WithValidMethods accepts "none"`
	return err
}

func allowNoneAlg(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return nil, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodNone.Alg()})) // want `jwt.SigningMethodNone creates or accepts`
	return err
}

// --- near misses ---

// The key function asserts the method: silent.
func checksAssertion(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected method %v", t.Header["alg"])
		}
		return secret, nil
	})
	return err
}

// A type switch on the method: silent.
func checksSwitch(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		switch t.Method.(type) {
		case *jwt.SigningMethodHMAC:
			return secret, nil
		}
		return nil, errors.New("bad alg")
	})
	return err
}

// Comparing the alg header: silent.
func checksAlgHeader(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if t.Header["alg"] != "HS256" {
			return nil, errors.New("bad alg")
		}
		return secret, nil
	})
	return err
}

// The check lives in a helper of this package: silent.
func checkMethod(t *jwt.Token) error {
	if t.Method.Alg() != jwt.SigningMethodHS256.Alg() {
		return errors.New("bad alg")
	}
	return nil
}

func checksInHelper(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		if err := checkMethod(t); err != nil {
			return nil, err
		}
		return secret, nil
	})
	return err
}

// The parse pins the methods: silent.
func pinned(raw string) error {
	_, err := jwt.Parse(raw, keyFromEnv, jwt.WithValidMethods([]string{"HS256"}))
	return err
}

// The parser pins the methods: silent.
func pinnedParser(raw string) error {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	_, err := p.Parse(raw, keyFromEnv)
	return err
}

// Options collected in a slice: silent.
func pinnedSlice(raw string) error {
	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()}
	_, err := jwt.Parse(raw, keyFromEnv, opts...)
	return err
}

// v4 parser struct with ValidMethods: silent.
func pinnedV4(raw string) error {
	p := &jwt4.Parser{ValidMethods: []string{"HS256"}}
	_, err := p.Parse(raw, func(t *jwt4.Token) (interface{}, error) { return secret, nil })
	return err
}

// Options given by the caller: cannot tell, silent.
func callerOptions(raw string, opts ...jwt.ParserOption) error {
	_, err := jwt.Parse(raw, keyFromEnv, opts...)
	return err
}

// An RSA public key: golang-jwt refuses it for HS256, so alg confusion
// is not exploitable: silent.
var pub *rsa.PublicKey

func rsaKey(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return pub, nil
	})
	return err
}

func rsaFromPEM(raw string, pem []byte) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return jwt.ParseRSAPublicKeyFromPEM(pem)
	})
	return err
}

// A key function from another package (a JWKS library) cannot be seen:
// silent.
func external(raw string, kf jwt.Keyfunc) error {
	_, err := jwt.Parse(raw, kf)
	return err
}

// Comparisons that reject none are checks: silent.
func rejectNone(t *jwt.Token) error {
	if t.Method == jwt.SigningMethodNone {
		return errors.New("none")
	}
	if t.Method.Alg() == jwt.SigningMethodNone.Alg() {
		return errors.New("none")
	}
	return nil
}

// A parser field built with valid methods elsewhere in the package:
// silent.
func newServer() *server {
	return &server{parser: jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))}
}

func (s *server) parseField(raw string) error {
	_, err := s.parser.Parse(raw, func(t *jwt.Token) (any, error) { return s.key, nil })
	return err
}
