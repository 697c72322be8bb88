// Package blindcfg loads and logs a service configuration; written
// without looking at the analyzer.
package blindcfg

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/sirupsen/logrus"
)

type JWTConfig struct {
	Secret   string
	Issuer   string
	MaxAge   int
	Audience []string
}

type SessionConfig struct {
	Name string
	Key  string
}

type DBConfig struct {
	URL      string
	User     string
	Password string `json:"-"`
	PoolSize int
}

type Config struct {
	Listen       string
	JWT          JWTConfig
	Session      SessionConfig
	DB           DBConfig
	TokenTTL     time.Duration
	TokenFile    string
	APIKeyHeader string
}

// Cfg is the loaded configuration.
var Cfg = &Config{}

func Load(path string) error { // want Load:`param 0 reaches fmt.Errorf \(own sink\)` Load:`tokenlog\(path params \[0\]\)`
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading config %s: %w", path, err)
	}
	if err := json.Unmarshal(b, Cfg); err != nil {
		return fmt.Errorf("parsing config %s: %w", path, err)
	}
	if v := os.Getenv("APP_JWT_SECRET"); v != "" {
		Cfg.JWT.Secret = v
	}
	if v := os.Getenv("APP_TOKEN_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("APP_TOKEN_TTL %q: %w", v, err)
		}
		Cfg.TokenTTL = d
	}
	if v := os.Getenv("APP_DB_POOL"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("APP_DB_POOL %q: %w", v, err)
		}
		Cfg.DB.PoolSize = n
	}
	logConfig()
	return nil
}

// logConfig logs the configuration with its secrets masked.
func logConfig() {
	masked := *Cfg
	if len(Cfg.JWT.Secret) != 0 {
		masked.JWT.Secret = "XXXXXXXX"
	}
	if Cfg.Session.Key != "" {
		masked.Session.Key = "XXXXXXXX"
	}
	masked.DB.Password = "***"
	logrus.Debugf("config %+v", masked)

	m2 := *Cfg
	if m2.JWT.Secret != "" {
		m2.JWT.Secret = "<redacted>"
	}
	m2.Session.Key = ""
	m2.DB.Password = ""
	log.Printf("config %+v", m2)

	out, _ := json.Marshal(Cfg.DB)
	log.Printf("db config %s", out)
	log.Printf("jwt issuer %s, max age %d, audience %v, secret configured %t", Cfg.JWT.Issuer, Cfg.JWT.MaxAge, Cfg.JWT.Audience, Cfg.JWT.Secret != "")
	log.Printf("token ttl %s, token file %s, api key header %s", Cfg.TokenTTL, Cfg.TokenFile, Cfg.APIKeyHeader)
}

// logConfigLeaky masks only when a flag is set.
func logConfigLeaky(hide bool) {
	masked := *Cfg
	if hide {
		masked.JWT.Secret = "XXXXXXXX"
	}
	masked.Session.Key = "XXXXXXXX"
	masked.DB.Password = "***"
	log.Printf("config %+v", masked) // want `credential field|reaches log.Printf`

	m := *Cfg
	if len(m.JWT.Secret) > 32 {
		m.JWT.Secret = "XXXXXXXX"
	}
	m.Session.Key = ""
	m.DB.Password = ""
	log.Printf("config %+v", m) // want `credential field|reaches log.Printf`

	log.Printf("config %+v", *Cfg)              // want `credential field|reaches log.Printf`
	log.Printf("jwt secret %s", Cfg.JWT.Secret) // want `reaches log.Printf`
}
