// Package errreturn hands credentials to helpers that reject them with
// an error holding them. The error the helper returns holds the
// credential: a caller that logs it writes the credential to the log.
// A helper that logs the value itself, one whose error omits it, and a
// caller that only returns or counts the error are left alone.
package errreturn

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

type registry struct{ byKey map[string]string }

// lookup rejects an unknown key with an error that quotes it.
func (r *registry) lookup(key string) (string, error) {
	t, ok := r.byKey[key]
	if !ok {
		return "", fmt.Errorf("no tenant for api key %s", key) // want `bearer token from the Authorization header returned by bearer is put in an error message by fmt.Errorf in registry.lookup`
	}
	return t, nil
}

// check rejects without quoting the key.
func (r *registry) check(key string) error {
	if _, ok := r.byKey[key]; !ok {
		return errors.New("unknown api key")
	}
	return nil
}

func bearer(r *http.Request) string {
	k, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return k
}

func middleware(reg *registry, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key := bearer(r)
		if _, err := reg.lookup(key); err != nil {
			log.Warn("api key rejected", "err", err) // want `bearer token from the Authorization header returned by bearer put in an error by fmt.Errorf in registry.lookup reaches slog.Logger.Warn`
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if err := reg.check(key); err != nil {
			log.Warn("api key refused", "err", err)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
		}
	}
}

// validate checks a value by the field it is for; only the handle's
// branch quotes the value, through a helper.
func validate(field, v string) error {
	switch field {
	case "handle":
		return checkHandle(v)
	}
	return nil
}

func checkHandle(v string) error {
	if len(v) > 64 {
		return fmt.Errorf("handle %q too long", v)
	}
	return nil
}

// Near miss: the error is made by a helper the callee calls, on a path
// of its own; the summary cannot say this call takes it.
func register(reg *registry, log *slog.Logger, r *http.Request) {
	if err := validate("secret", bearer(r)); err != nil { // want `bearer token from the Authorization header returned by bearer is put in an error message by fmt.Errorf via validate and checkHandle`
		log.Warn("invalid", "err", err)
	}
}

// Near miss: the error is only returned (the caller of this function is
// out of sight) or turned into a status.
func status(reg *registry, r *http.Request) int {
	if _, err := reg.lookup(bearer(r)); err != nil {
		return http.StatusUnauthorized
	}
	return http.StatusOK
}
