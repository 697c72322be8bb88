// Package blindprobe holds near misses written after the rules of
// docs/precision-tokenlog.md, to look for false alarms left: every line
// must stay silent.
package blindprobe

import (
	"crypto/hmac"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type SecretRef struct {
	Name      string
	Namespace string
	Key       string
}

type APIKey struct {
	ID        string
	Prefix    string
	Secret    string
	CreatedAt time.Time
	RotatedAt time.Time
}

type Config struct {
	TokenFile         string
	PasswordMinLength int
	SecretRef         SecretRef
	TokenTTL          time.Duration
}

func maskHeader(h string) string {
	if i := strings.IndexByte(h, ' '); i > 0 {
		return h[:i] + " ***"
	}
	return "***"
}

func redactURL(u *url.URL) string {
	c := *u
	c.User = nil
	q := c.Query()
	q.Del("token")
	c.RawQuery = q.Encode()
	return c.String()
}

func cookieNames(r *http.Request) []string {
	var out []string
	for _, c := range r.Cookies() {
		out = append(out, c.Name)
	}
	return out
}

func h(r *http.Request, cfg Config, k APIKey, sig, expected []byte, state, verifier string) {
	tok := r.Header.Get("Authorization")
	log.Printf("token: %s", strings.Repeat("*", len(tok)))
	log.Printf("auth: %s", maskHeader(tok))
	log.Printf("prefix: %s", tok[:min(len(tok), 6)])
	log.Printf("url: %s", redactURL(r.URL))
	q := r.URL.Query()
	q.Del("access_token")
	log.Printf("query: %s", q.Encode())
	for name := range r.Header {
		log.Println("header", name)
	}
	log.Printf("cookies: %v", cookieNames(r))
	log.Printf("key %s (%s…) created %s rotated %s", k.ID, k.Prefix, k.CreatedAt, k.RotatedAt)
	log.Printf("secret %s/%s key %s", cfg.SecretRef.Namespace, cfg.SecretRef.Name, cfg.SecretRef.Key)
	log.Printf("token file %s ttl %s min password %d", cfg.TokenFile, cfg.TokenTTL, cfg.PasswordMinLength)
	slog.Info("webhook", "signature_valid", hmac.Equal(sig, expected))
	slog.Info("oauth", "state", state, "verifier_len", len(verifier))
	log.Printf("content type %s", r.Header.Get("Content-Type"))
	tokenType := "Bearer"
	log.Printf("type %s", tokenType)
	err := fmt.Errorf("verify token: %w", http.ErrNoCookie)
	log.Printf("err %v", err)
	log.Printf("cfg %+v", cfg)
	log.Printf("trim %s", strings.TrimSpace(tok)[:4])
}
