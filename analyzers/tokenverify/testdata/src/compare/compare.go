package compare

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"os"
	"regexp"
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

// A password compared with the account's or login's own name rejects a
// password equal to it: no secret is guessed: silent.
type roleCand struct{ pw string }

type roleChecker struct{ cands map[int]*roleCand }

type roleOrigin struct{ value string }

func (c *roleChecker) notTheName(o roleOrigin) {
	if account, pw, ok := rolePassword(o.value); ok && pw != account && len(pw) > 8 {
		c.cands[1] = &roleCand{pw: pw}
		return
	}
	if login, pw, ok := rolePassword(o.value); ok && pw != login && len(pw) > 8 {
		c.cands[2] = &roleCand{pw: pw}
	}
}

var createRole = regexp.MustCompile(`^CREATE ROLE (\w+) PASSWORD '([^']*)'`)

func rolePassword(stmt string) (account, password string, ok bool) {
	m := createRole.FindStringSubmatch(stmt)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
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

// --- authentication decisions (precision) ---

var errDenied = errors.New("denied")

type account struct {
	Name         string
	Password     string
	ClientSecret string
}

// Re-authentication before a sensitive change: the caller's current
// password against the stored one, and the branch refuses.
func changePassword(u *account, current, next string) error {
	if current != u.Password { // want `password in field Password compared with !=`
		return errDenied
	}
	u.Password = next
	return nil
}

type userStore struct{ users map[string]*account }

// The record is found by the user name, not by the secret: the compare
// is the check, reported.
func (s *userStore) authenticate(name, secret string) error {
	rec, ok := s.users[name]
	if !ok {
		return errDenied
	}
	if rec.Password != secret { // want `password in field Password compared with !=`
		return errDenied
	}
	return nil
}

type registeredClient interface{ GetSecret() string }

type tokenRequest struct{ ClientSecret string }

// A client secret from the token request against the registered
// client's, read through a getter.
func checkClient(cli registeredClient, req *tokenRequest) error {
	if req.ClientSecret != cli.GetSecret() { // want `client secret in field ClientSecret compared with !=`
		return errDenied
	}
	return nil
}

type query struct{}

func (q *query) Where(cond string, args ...any) *query { return q }
func (q *query) First(dst any) error                   { return nil }

type session struct{ Token string }

// The session is fetched by the token itself (WHERE token = ?): the
// database already decided in whatever time it took, so the compare
// after it leaks nothing more. Silent.
func sessionByToken(db *query, token string) (*session, error) {
	s := new(session)
	if err := db.Where("token = ?", token).First(s); err != nil {
		return nil, err
	}
	if s.Token == token {
		return s, nil
	}
	return nil, errDenied
}

type apiKeyRecord struct{ Key string }

// Likewise a map keyed by the key: silent.
func (s *server) byKey(keys map[string]apiKeyRecord, apiKey string) bool {
	rec, ok := keys[apiKey]
	return ok && rec.Key == apiKey
}

type subscriber struct{ token string }

func (c *subscriber) close() {}

type hub struct{ subs []*subscriber }

// Closing the connections of a revoked token is bookkeeping: nothing is
// granted or refused on the result. Silent.
func (h *hub) revoke(token string) {
	kept := h.subs[:0]
	for _, c := range h.subs {
		if c.token == token {
			c.close()
			continue
		}
		kept = append(kept, c)
	}
	h.subs = kept
}

var shorthands = []string{"{dir}", "{file}", "{host}"}

// A template parser's token matched against known placeholders: the
// name says token, but neither side is a secret (the list holds
// placeholders). Silent.
func expandShorthand(token string) string {
	for _, sh := range shorthands {
		if strings.Trim(token, "{}") == strings.Trim(sh, "{}") {
			return sh
		}
	}
	return ""
}

type clientStore interface {
	Get(id string) (registeredClient, error)
}

type grantRequest struct{ ClientID, ClientSecret string }

// The client is fetched by its id, not by the secret: the lookup does
// not settle the secret, so its compare is reported.
func authenticateClient(store clientStore, req *grantRequest) error {
	cli, err := store.Get(req.ClientID)
	if err != nil {
		return err
	}
	if req.ClientSecret != cli.GetSecret() { // want `client secret in field ClientSecret compared with !=`
		return errDenied
	}
	return nil
}

// A middleware constructor's key, captured by the handler it returns, is
// configuration: compared with a value from the request, reported.
func requireKey(apiKey string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			given := r.URL.Query().Get("k")
			if given != apiKey { // want `API key in variable apiKey compared with !=`
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
