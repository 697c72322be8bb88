// Package blindlog logs credentials' metadata through structured
// loggers; written without looking at the analyzer.
package blindlog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

const redacted = "[REDACTED]"

// Redact hides a secret for logging.
func Redact(s string) string {
	if s == "" {
		return ""
	}
	return redacted
}

// Obscure keeps the first and last two characters.
func Obscure(s string) string {
	if len(s) <= 4 {
		return strings.Repeat("*", len(s))
	}
	return s[:2] + strings.Repeat("*", len(s)-4) + s[len(s)-2:]
}

// Digest is a hex SHA-256 of its input.
func Digest(s string) string {
	h := sha256.New()
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

// Secret is a string that never prints.
type Secret string

func (Secret) String() string               { return redacted }
func (Secret) LogValue() slog.Value         { return slog.StringValue(redacted) }
func (s Secret) Reveal() string             { return string(s) } // want Reveal:`param 0 flows to result 0`
func (Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

type ClientConfig struct {
	Endpoint     string
	ClientID     string
	ClientSecret Secret
	Timeout      time.Duration
}

func zapUse(lg *zap.Logger, r *http.Request, cfg ClientConfig) {
	tok := r.Header.Get("Authorization")
	lg.Info("auth", zap.String("token", Redact(tok)))
	lg.Info("auth", zap.String("token", Obscure(tok)))
	lg.Info("auth", zap.String("token_sha256", Digest(tok)))
	lg.Info("auth", zap.Int("token_len", len(tok)))
	lg.Info("client", zap.String("endpoint", cfg.Endpoint), zap.String("client_id", cfg.ClientID), zap.Any("secret", cfg.ClientSecret))
	lg.Info("client", zap.Any("config", cfg))
	lg.Debug("auth", zap.String("token", tok))                          // want `reaches zap.Logger.Debug`
	lg.Debug("client", zap.String("secret", cfg.ClientSecret.Reveal())) // want `reaches zap.Logger.Debug`
}

func logrusUse(r *http.Request, cfg ClientConfig) {
	tok := r.Header.Get("Authorization")
	logrus.WithField("token", Redact(tok)).Info("auth")
	logrus.WithFields(logrus.Fields{"client_id": cfg.ClientID, "secret": cfg.ClientSecret, "timeout": cfg.Timeout}).Infof("client configured")
	logrus.WithField("has_token", tok != "").Info("auth")
	logrus.WithField("token", tok).Info("auth") // want `reaches logrus.WithField`
}

func zerologUse(l zerolog.Logger, r *http.Request) {
	tok := r.Header.Get("Authorization")
	zlog.Info().Str("token", Obscure(tok)).Msg("auth")
	l.Debug().Int("token_len", len(tok)).Str("path", r.URL.Path).Send()
	l.Debug().Str("token", tok).Send() // want `reaches zerolog.Event.Send`
}

func slogUse(ctx context.Context, r *http.Request, cfg ClientConfig) {
	tok := r.Header.Get("Authorization")
	h := slog.NewJSONHandler(os.Stderr, nil)
	lg := slog.New(h)
	lg.InfoContext(ctx, "client", "secret", cfg.ClientSecret, "id", cfg.ClientID)
	lg.InfoContext(ctx, "client", slog.Any("config", cfg))
	lg.Info("auth", slog.String("token", Redact(tok)))
	lg.Info("auth", slog.Bool("bearer", strings.HasPrefix(tok, "Bearer ")))
	lg.Info("auth", slog.Int("len", len(tok)))
	lg.Info("auth", slog.String("token", tok)) // want `reaches slog.Logger.Info`
	lg.With("auth", tok).Info("request")       // want `reaches slog.Logger.With`
}
