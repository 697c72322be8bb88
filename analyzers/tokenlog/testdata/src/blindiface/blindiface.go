// Package blindiface reads credentials through interfaces; written
// without looking at the analyzer.
package blindiface

import (
	"log"
	"log/slog"
	"os"

	"github.com/sirupsen/logrus"
)

// Account is a stored user account.
type Account interface {
	GetEmail() string
	GetPassword() string
	GetRecoverToken() string
	GetRecoverTokenExpiry() string
}

// Key is a stored API key.
type Key interface {
	ID() string
	Secret() string
	Name() string
}

func sendRecovery(a Account) {
	log.Printf("recovery mail to %s, expires %s", a.GetEmail(), a.GetRecoverTokenExpiry())
	log.Printf("recovery token for %s: %s", a.GetEmail(), a.GetRecoverToken()) // want `reaches log.Printf`
	log.Printf("password of %s: %s", a.GetEmail(), a.GetPassword())            // want `reaches log.Printf`
}

func rotate(k Key) {
	log.Printf("rotating key %s (%s)", k.ID(), k.Name())
	log.Printf("new key %s = %s", k.ID(), k.Secret()) // want `reaches log.Printf`
}

func jsonLoggers(token string) {
	lg := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	lg.Info("login", "token_len", len(token))
	lg.Info("login", "token", token) // want `reaches slog.Logger.Info`

	l := logrus.New()
	l.Warnf("token of %d bytes", len(token))
	l.Warnf("token %s", token) // want `reaches logrus.Logger.Warnf`
}
