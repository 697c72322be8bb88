// Package structs covers structs printed whole.
package structs

import (
	"fmt"
	"log"
	"log/slog"
	"net/http"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/oauth2"
)

type DBConfig struct {
	Host     string
	Port     int
	Password string
}

type Public struct {
	Host     string
	TokenURL string
}

type Redacting struct {
	Host   string
	APIKey string
}

func (r Redacting) LogValue() slog.Value { return slog.StringValue(r.Host) }

type Stringer struct{ Secret string }

func (s *Stringer) String() string { return "***" }

type Nested struct {
	Name string
	DB   DBConfig
}

func print(cfg DBConfig, pub Public, red Redacting, st *Stringer, n Nested, tok *oauth2.Token, oc oauth2.Config, lg *zap.Logger, r *http.Request) {
	log.Printf("config: %+v", cfg)               // want `structs.DBConfig with credential field Password is printed whole by log.Printf`
	log.Printf("config: %+v", &cfg)              // want `\*structs.DBConfig with credential field Password is printed whole by log.Printf`
	log.Printf("host: %s", cfg.Host)             // silent: one public field
	log.Printf("public: %+v", pub)               // silent: no credential field
	slog.Info("cfg", "c", red)                   // silent: LogValue hides the key
	log.Printf("%v", st)                         // silent: String hides the secret
	log.Printf("%+v", n)                         // want `structs.Nested with credential field DB.Password is printed whole`
	log.Printf("token: %+v", tok)                // want `\*oauth2.Token with credential field AccessToken is printed whole by log.Printf`
	log.Printf("expiry: %v", tok.Expiry)         // silent: the expiry
	slog.Info("oauth", "cfg", slog.Any("c", oc)) // want `oauth2.Config with credential field ClientSecret is printed whole by slog.Info`
	lg.Info("db", zap.Any("cfg", cfg))           // want `structs.DBConfig with credential field Password is printed whole by zap.Logger.Info`
	logrus.WithField("cfg", cfg).Info("start")   // want `printed whole by logrus.Entry.Info`
	logrus.WithField("cfg", pub).Info("start")   // silent: no credential field
	log.Printf("req: %v", r)                     // want `\*http.Request with credential field Header is printed whole`
	log.Printf("req: %s %s", r.Method, r.URL)    // silent: method and URL
	_ = fmt.Sprintf("%v", cfg)                   // silent: formatted, never logged
}
