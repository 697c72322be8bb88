// Package slogwith binds a root token to the default logger with
// slog.With and wraps it into emperror errors.
package slogwith

import (
	"log/slog"

	"emperror.dev/errors"
)

type initResponse struct {
	RootToken string
	Keys      []string
}

func store(resp initResponse, keep bool) error {
	if !keep {
		slog.With(slog.String("root-token", resp.RootToken)).Warn("won't store root token in key store") // want `token in field RootToken reaches slog.Logger.Warn`
		return nil
	}
	if err := save(resp.RootToken); err != nil {
		return errors.Wrapf(err, "error storing root token '%s'", resp.RootToken) // want `token in field RootToken is put in an error message by errors.Wrapf`
	}
	// Near misses: the logger bound to a label, an error without the
	// token.
	slog.With("component", "unseal").Info("stored the root token")
	return errors.New("root token stored")
}

func save(string) error { return nil }
