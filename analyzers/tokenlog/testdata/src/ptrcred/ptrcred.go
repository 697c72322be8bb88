// Package ptrcred prints structs whose credential field lies behind a
// pointer field (RegisterRequest.Auth.AuthKey, Auth a *Auth). A struct
// kept in a local (a parameter whose fields the function reads, a
// composite literal) prints the credential as soon as the pointer may
// be set; an unset or cleared pointer prints none.
package ptrcred

import (
	"time"

	"github.com/rs/zerolog"
)

type Auth struct {
	Provider string
	AuthKey  string
}

type RegisterRequest struct {
	Expiry time.Time
	Auth   *Auth
}

type Envelope struct {
	ID  string
	Req RegisterRequest
}

// Positive: the parameter holds the caller's Auth; reading a field
// keeps it in a local.
func logout(req RegisterRequest, l *zerolog.Logger) bool {
	if req.Expiry.IsZero() {
		l.Debug().Interface("reg.req", req).Msg("expired") // want `ptrcred.RegisterRequest with credential field Auth.AuthKey is printed whole`
		return false
	}
	return req.Expiry.After(time.Now())
}

// Positive: the pointer is set in the literal.
func built(key string, l *zerolog.Logger) {
	req := RegisterRequest{Expiry: time.Now(), Auth: &Auth{AuthKey: key}}
	l.Info().Interface("req", req).Msg("built") // want `printed whole`
	_ = req.Expiry
}

// Positive: behind an inline struct field too.
func wrapped(env Envelope, l *zerolog.Logger) string {
	l.Info().Interface("env", env).Msg("wrapped") // want `ptrcred.Envelope with credential field Req.Auth.AuthKey is printed whole`
	return env.ID
}

// Near miss: the pointer is set only after the print.
func later(key string, l *zerolog.Logger) RegisterRequest {
	req := RegisterRequest{Expiry: time.Now()}
	l.Info().Interface("req", req).Msg("before auth")
	req.Auth = &Auth{AuthKey: key}
	return req
}

// Near miss: the copy's pointer is cleared before the print.
func cleared(req RegisterRequest, l *zerolog.Logger) bool {
	m := req
	m.Auth = nil
	l.Info().Interface("req", m).Msg("cleared")
	return req.Expiry.IsZero()
}

// Near miss: never set at all.
func empty(l *zerolog.Logger) {
	req := RegisterRequest{Expiry: time.Now()}
	l.Info().Interface("req", req).Msg("empty")
	_ = req.Expiry
}

// Near miss: an envelope whose request is left empty.
func envEmpty(id string, l *zerolog.Logger) {
	env := Envelope{ID: id}
	l.Info().Interface("env", env).Msg("envelope")
	_ = env.ID
}
