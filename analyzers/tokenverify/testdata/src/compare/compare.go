package compare

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"strings"
)

type Config struct {
	APIKey        string
	WebhookSecret []byte
}

type User struct {
	Password     string
	PasswordHash []byte
}

type server struct {
	cfg    Config
	apiKey string
}

const tokenTypeBearer = "Bearer"

// --- positives ---

func (s *server) checkHeader(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("X-API-Key") != s.cfg.APIKey { // want `API key from the X-API-Key header compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return false
	}
	return true
}

func (s *server) checkBearer(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	tok := strings.TrimPrefix(auth, "Bearer ")
	return tok == s.apiKey // want `compared with ==`
}

func checkEnv(given string) bool {
	return given == os.Getenv("SERVICE_API_KEY") // want `from environment variable SERVICE_API_KEY compared with ==`
}

func checkNames(token, expectedToken string) bool {
	return strings.EqualFold(token, expectedToken) // want `token in variable token compared with strings.EqualFold`
}

func login(u *User, password string) bool {
	return password == u.Password // want `password in variable password compared with ==`
}

func verifyWebhook(r *http.Request, secret []byte) bool {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	return r.Header.Get("X-Hub-Signature-256") == "sha256="+expected // want `signature from the X-Hub-Signature-256 header compared with ==`
}

func verifyRaw(sig, body, secret []byte) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	if !bytes.Equal(mac.Sum(nil), sig) { // want `HMAC compared with bytes.Equal`
		return false
	}
	return true
}

// --- near misses ---

// Comparing with the empty string leaks nothing: silent.
func present(r *http.Request) bool {
	token := r.Header.Get("Authorization")
	return token != ""
}

// The scheme is no secret: silent.
func scheme(h string) bool {
	parts := strings.SplitN(h, " ", 2)
	tokenType := parts[0]
	return tokenType == tokenTypeBearer || strings.EqualFold(parts[0], "bearer")
}

// Constant-time comparisons: silent.
func (s *server) constantTime(r *http.Request) bool {
	key := r.Header.Get("X-API-Key")
	return subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.APIKey)) == 1
}

func hmacEqual(sig, body, secret []byte) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), sig)
}

// A password and its confirmation are both the user's input: silent.
func register(password, confirmPassword string) bool {
	return password == confirmPassword
}

// Hashes compared, not the key (bcrypt or SHA-256 of a key): silent.
func hashed(key string, stored []byte) bool {
	sum := sha256.Sum256([]byte(key))
	return bytes.Equal(sum[:], stored)
}

// Names that are about tokens but hold none: silent.
func kinds(tokenURL, otherURL, grantType string) bool {
	return tokenURL == otherURL && grantType == "client_credentials"
}

// An OAuth state cookie is a CSRF nonce, not a credential: silent here
// (the state rule wants this comparison).
func state(r *http.Request) bool {
	c, err := r.Cookie("oauthstate")
	return err == nil && r.FormValue("state") == c.Value
}

func bearerOf(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Both tokens come from the caller's own request: silent.
func sameRequest(r *http.Request) bool {
	token := r.PostFormValue("token")
	clientToken := bearerOf(r)
	return token == clientToken
}

func sign(body, secret []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func webhookHelper(body, secret []byte, got string) bool {
	expected := sign(body, secret)
	return got == expected // want `HMAC from sign compared with ==`
}

// RSA and ECDSA signatures are public: comparing them leaks nothing,
// silent.
func publicSig(sig, want string) bool {
	return sig == want
}

// The audience is an identifier, whatever the client id field is
// called: silent.
type oidcProvider struct{ ClientKey string }

func (p *oidcProvider) audOK(claims map[string]string) bool {
	audience := claims["aud"]
	return audience == p.ClientKey
}
