// Package obs builds the gateway's loggers.
package obs

import (
	"log/slog"
	"os"
	"strings"
)

var sensitive = map[string]bool{"api_key": true, "authorization": true, "x-api-key": true}

// NewLogger returns a JSON slog logger whose handler replaces sensitive attributes.
func NewLogger(level slog.Level) *slog.Logger {
	h := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if sensitive[strings.ToLower(a.Key)] {
				return slog.String(a.Key, "[REDACTED]")
			}
			return a
		},
	})
	return slog.New(h)
}
