// Package blindapi is realistic API-service code written without
// looking at the analyzer: authentication middleware, token issuing and
// request logging. Lines marked want are leaks; every other log line
// must stay silent.
package blindapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

var (
	ErrInvalidToken = errors.New("invalid token")
	ErrExpiredToken = errors.New("token expired")
	errNoAuth       = errors.New("missing Authorization header")
)

const (
	headerAuthorization = "Authorization"
	headerAPIKey        = "X-API-Key"
	bearerPrefix        = "Bearer "
)

type ctxKey int

const userKey ctxKey = 0

// Principal is the authenticated caller.
type Principal struct {
	Subject string
	Email   string
	Scopes  []string
	TokenID string
	Expires time.Time
}

type Verifier interface {
	Verify(raw string) (*Principal, error)
}

type Server struct {
	verifier Verifier
	logger   *slog.Logger
	macKey   []byte
	issuer   string
	tokenURL string
}

// tokenHash returns a short stable identifier for a token, for logs.
func tokenHash(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:8])
}

// hmacOf keys the token with the server's secret.
func (s *Server) hmacOf(tok string) string {
	m := hmac.New(sha256.New, s.macKey)
	m.Write([]byte(tok))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// lastFour shows the end of a key, as consoles do.
func lastFour(k string) string {
	if len(k) <= 4 {
		return "****"
	}
	return "****" + k[len(k)-4:]
}

// preview keeps the first characters of a token.
func preview(tok string) string {
	if len(tok) < 6 {
		return "…"
	}
	return tok[:6] + "…"
}

// scrub replaces every character but the first two.
func scrub(v string) string {
	if len(v) < 3 {
		return strings.Repeat("x", len(v))
	}
	return v[:2] + strings.Repeat("x", len(v)-2)
}

func bearer(r *http.Request) (string, error) {
	h := r.Header.Get(headerAuthorization)
	if h == "" {
		return "", errNoAuth
	}
	if !strings.HasPrefix(h, bearerPrefix) {
		return "", errors.New("unsupported authorization scheme")
	}
	return strings.TrimPrefix(h, bearerPrefix), nil
}

func (s *Server) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearer(r)
		if err != nil {
			s.logger.Warn("authentication failed", "error", err, "path", r.URL.Path, "method", r.Method)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		hasToken := tok != ""
		s.logger.Debug("auth header parsed", "has_token", hasToken, "token_len", len(tok))
		s.logger.Debug("token", "sha256", tokenHash(tok))
		s.logger.Debug("token", "hmac", s.hmacOf(tok))
		s.logger.Debug("token", "prefix", preview(tok))
		s.logger.Debug("token", "prefix", tok[:8])
		s.logger.Debug("token", "scrubbed", scrub(tok))
		p, err := s.verifier.Verify(tok)
		if err != nil {
			if errors.Is(err, ErrExpiredToken) {
				log.Printf("expired token for %s", r.URL.Path)
			}
			log.Printf("verify: %v", err)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		s.logger.Info("authenticated", "sub", p.Subject, "email", p.Email, "scopes", p.Scopes, "jti", p.TokenID, "exp", p.Expires)
		log.Printf("principal %+v", p)
		log.Printf("token of %s expires in %s", p.Subject, time.Until(p.Expires).Round(time.Second))
		next.ServeHTTP(w, r)
	})
}

func (s *Server) AuthenticateLeaky(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := bearer(r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if _, err := s.verifier.Verify(tok); err != nil {
			s.logger.Warn("rejected token", "token", tok, "err", err) // want `reaches slog.Logger.Warn`
			log.Printf("bad token %s: %v", tok, err)                  // want `reaches log.Printf`
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		s.logger.Debug("token", "prefix", tok[:20]) // want `reaches slog.Logger.Debug`
		next.ServeHTTP(w, r)
	})
}

func (s *Server) APIKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(headerAPIKey)
		if key == "" {
			log.Printf("request without %s header from %s", headerAPIKey, r.RemoteAddr)
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		log.Printf("api key %s used for %s %s", lastFour(key), r.Method, r.URL.Path)
		log.Printf("api key id %s", key[:8])
		log.Printf("api key fp %x", sha256.Sum256([]byte(key)))
		next.ServeHTTP(w, r)
	})
}

func (s *Server) APIKeyLeaky(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(headerAPIKey)
		log.Printf("api key %q from %s", key, r.RemoteAddr) // want `reaches log.Printf`
		next.ServeHTTP(w, r)
	})
}

// statusRecorder keeps the status written by a handler.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// AccessLog logs every request: method, path, status and duration.
func AccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		next.ServeHTTP(rec, r)
		slog.Info("request",
			"method", r.Method,
			"path", r.URL.Path,
			"status", rec.status,
			"duration", time.Since(start),
			"remote", r.RemoteAddr,
			"ua", r.UserAgent(),
			"auth", r.Header.Get(headerAuthorization) != "",
		)
		log.Printf("%s %s %d %s", r.Method, r.URL.EscapedPath(), rec.status, time.Since(start))
	})
}

// AccessLogHeaders logs the request headers, leaving out credentials.
func AccessLogHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		names := make([]string, 0, len(r.Header))
		for name := range r.Header {
			names = append(names, name)
		}
		log.Printf("headers: %s", strings.Join(names, ","))
		next.ServeHTTP(w, r)
	})
}

// DumpHeaders logs every header value, credentials included.
func DumpHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("headers: %v", r.Header) // want `reaches log.Printf`
		next.ServeHTTP(w, r)
	})
}

// upstream logs where it forwards a request.
func (s *Server) upstream(target string, tok string) {
	u, err := url.Parse(target)
	if err != nil {
		log.Printf("bad upstream %q: %v", target, err)
		return
	}
	log.Printf("forwarding to %s (issuer %s, token endpoint %s)", u.Redacted(), s.issuer, s.tokenURL)
	req, _ := http.NewRequest(http.MethodGet, u.String(), nil)
	req.Header.Set(headerAuthorization, bearerPrefix+tok)
	log.Printf("upstream request %s %s", req.Method, req.URL)
	log.Printf("upstream header set: %s", headerAuthorization)
	log.Printf("upstream auth %s", req.Header.Get(headerAuthorization)) // want `reaches log.Printf`
}
