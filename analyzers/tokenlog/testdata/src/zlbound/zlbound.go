// Package zlbound binds credentials to a zerolog logger used in the same
// function.
package zlbound

import (
	"net/http"

	"github.com/rs/zerolog"
)

func positives(r *http.Request, base zerolog.Logger) {
	log := base.With().Str("path", r.URL.Path).Str("authorization", r.Header.Get("Authorization")).Logger() // want `credentials from the Authorization header reaches zerolog.Context.Str`
	log.Warn().Int("n", 1).Msg("bad signature")                                                             // silent: the binding is reported
	log.Info().Str("merchant", "m1").Msg("forwarded")                                                       // silent: the binding is reported
}

func nearMisses(r *http.Request, base zerolog.Logger) {
	log := base.With().Str("path", r.URL.Path).Str("method", r.Method).Logger()
	log.Warn().Msg("no credential bound") // silent: path and method
	tok := r.Header.Get("Authorization")
	log.Error().Int("token_len", len(tok)).Msg("bad token") // silent: a length
	other := base.With().Str("authorization", tok).Logger()
	_ = other
	log.Warn().Msg("the other logger holds the header") // silent: another variable
}

func positiveValue(r *http.Request, base zerolog.Logger) {
	log := base.With().Str("authorization", r.Header.Get("Authorization")).Logger() // want `credentials from the Authorization header reaches zerolog.Context.Str`
	log.Info().Msg("request")                                                       // silent: the binding is reported
}
