// Package urls logs URLs with and without a password in their user
// info.
package urls

import (
	"fmt"
	"log"
	"log/slog"
	"net/url"
	"os"
)

type DBConfig struct {
	Host     string
	User     string
	Password string
}

func connect(cfg DBConfig) error {
	u := &url.URL{Scheme: "postgres", Host: cfg.Host, Path: "/app", User: url.UserPassword(cfg.User, cfg.Password)}
	log.Printf("connecting to %s", u)            // want `password in field Password reaches log.Printf`
	log.Printf("connecting to %s", u.Redacted()) // silent: the password is replaced
	log.Printf("connecting to %s", u.Host)       // silent: the host only
	slog.Info("db", "url", u.String())           // want `password in field Password reaches slog.Info`
	return fmt.Errorf("connect %s: failed", u)   // want `password in field Password is put in an error message by fmt.Errorf`
}

func fromEnv() {
	u := &url.URL{Scheme: "amqp", Host: "mq:5672"}
	u.User = url.UserPassword(os.Getenv("MQ_USER"), readPass())
	log.Println("broker", u)               // want `URL user info with a password reaches log.Println`
	log.Println("user", u.User.String())   // want `URL user info with a password reaches log.Println`
	log.Println("user", u.User.Username()) // silent: the user name only
}

func readPass() string { b, _ := os.ReadFile("/run/secrets/mq"); return string(b) }

func dsn(cfg DBConfig) {
	s := fmt.Sprintf("postgres://%s:%s@%s/app", cfg.User, cfg.Password, cfg.Host)
	u, err := url.Parse(s)
	if err != nil {
		return
	}
	log.Printf("dsn %v", u)                          // want `password in field Password reaches log.Printf`
	log.Printf("dsn %v", u.Redacted())               // silent: the password is replaced
	log.Printf("db host %s path %s", u.Host, u.Path) // silent: host and path
}

func noPassword(cfg DBConfig) {
	u := &url.URL{Scheme: "https", Host: cfg.Host, User: url.User(cfg.User)}
	log.Printf("calling %s", u) // silent: user name without a password
	v := &url.URL{Scheme: "postgres", Host: cfg.Host, User: url.UserPassword("postgres", "")}
	log.Printf("calling %s", v) // silent: an empty literal password
	w, _ := url.Parse("https://" + cfg.Host + "/api")
	log.Printf("calling %s", w) // silent: parsed from a string without a password
}
