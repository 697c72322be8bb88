package expiry

import (
	"fmt"
	"time"

	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

type AppClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

type Named struct {
	Std  jwt4.StandardClaims
	Role string
}

type OwnExp struct {
	Sub string `json:"sub"`
	Exp int64  `json:"exp"`
}

func (OwnExp) GetExpirationTime() (*jwt.NumericDate, error) { return nil, nil }
func (OwnExp) GetSubject() (string, error)                  { return "", nil }

// --- positives ---

func mapNoExp(uid string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": uid, "iat": time.Now().Unix()}) // want `token minted with jwt.NewWithClaims from jwt.MapClaims without an "exp" claim never expires`
	return t.SignedString(key)
}

func registeredNoExp(uid string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: uid, IssuedAt: jwt.NewNumericDate(time.Now())}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `from RegisteredClaims without ExpiresAt never expires`
}

func customNoExp(uid string) (string, error) {
	c := &AppClaims{Role: "user", RegisteredClaims: jwt.RegisteredClaims{Subject: uid}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `from AppClaims without ExpiresAt`
}

func customEmbeddedMissing() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, AppClaims{Role: "admin"}).SignedString(key) // want `from AppClaims without ExpiresAt`
}

func standardV4(uid string) (string, error) {
	claims := jwt4.StandardClaims{Subject: uid}
	return jwt4.NewWithClaims(jwt4.SigningMethodHS256, claims).SignedString(key) // want `from StandardClaims without ExpiresAt`
}

func madeMap(uid string) (string, error) {
	claims := make(jwt.MapClaims)
	claims["sub"] = uid
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `without an "exp" claim`
}

func skipValidation(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
	return err
}

func skipV4(raw string) error {
	p := &jwt4.Parser{ValidMethods: []string{"HS256"}, SkipClaimsValidation: true} // want `SkipClaimsValidation turns off`
	_, err := p.Parse(raw, func(t *jwt4.Token) (interface{}, error) { return key, nil })
	return err
}

// --- near misses ---

// exp in the literal: silent.
func mapWithExp(uid string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": uid, "exp": time.Now().Add(time.Hour).Unix()})
	return t.SignedString(key)
}

// exp set after the literal: silent.
func mapExpLater(uid string) (string, error) {
	claims := jwt.MapClaims{"sub": uid}
	claims["exp"] = time.Now().Add(time.Hour).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// ExpiresAt in the embedded claims: silent.
func customWithExp(uid string) (string, error) {
	c := AppClaims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: uid, ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute))},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

// ExpiresAt assigned on the variable: silent.
func customExpLater(uid string) (string, error) {
	var c AppClaims
	c.Subject = uid
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &c).SignedString(key)
}

// A named StandardClaims field with ExpiresAt: silent.
func namedWithExp() (string, error) {
	c := Named{Std: jwt4.StandardClaims{ExpiresAt: time.Now().Add(time.Hour).Unix()}}
	_ = c
	return jwt4.NewWithClaims(jwt4.SigningMethodHS256, jwt4.StandardClaims{ExpiresAt: 1}).SignedString(key)
}

// A custom type with its own exp field, set: silent.
func ownExp() (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, OwnExp{Sub: "u", Exp: time.Now().Unix() + 60}).SignedString(key)
}

// Claims built by a helper or given by the caller cannot be seen:
// silent.
func newClaims(uid string) jwt.Claims { return jwt.MapClaims{"sub": uid} }

func fromHelper(uid string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, newClaims(uid)).SignedString(key)
}

func fromCaller(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

// A helper sets the expiry through a pointer: silent.
func setExpiry(c *AppClaims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour)) }

func viaSetter(uid string) (string, error) {
	c := AppClaims{Role: "user"}
	setExpiry(&c)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

// Claims copied from a payload map built elsewhere (Twilio's access
// tokens do this): any key, "exp" included, may be set. Silent.
func fromPayload(payload map[string]any) (string, error) {
	claims := jwt.MapClaims{}
	for k, v := range payload {
		claims[k] = v
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Claims filled by a helper that takes the map: silent.
func fill(c jwt.MapClaims) { c["exp"] = time.Now().Add(time.Hour).Unix() }

func filledByHelper(uid string) (string, error) {
	claims := jwt.MapClaims{"sub": uid}
	fill(claims)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// Logging the claims does not set exp.
func logged(uid string) (string, error) {
	claims := jwt.MapClaims{"sub": uid}
	fmt.Println(claims)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `without an "exp" claim`
}

// A constant key other than exp still misses it.
func constKeys(uid string) (string, error) {
	claims := jwt.MapClaims{}
	claims["sub"] = uid
	claims["iat"] = time.Now().Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // want `without an "exp" claim`
}

// The parser keeps claims validation and requires exp: silent.
func strict(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	return err
}
