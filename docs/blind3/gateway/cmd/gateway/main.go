// Command gateway runs the API gateway.
package main

import (
	"bufio"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"

	"example.com/blind3/gateway/internal/proxy"
	"example.com/blind3/gateway/internal/upstream"
)

// loadKeys reads "sha256hex tenant" lines.
func loadKeys(path string, log *slog.Logger) (proxy.Keys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	keys := proxy.Keys{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tokens := strings.Fields(sc.Text())
		if len(tokens) != 2 {
			log.Warn("skipping malformed key line", "tokens", tokens) // NEAR tokenlog t23
			continue
		}
		keys[tokens[0]] = tokens[1]
	}
	return keys, sc.Err()
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	keyFile := os.Getenv("GATEWAY_KEYS_FILE")
	log.Info("loading api keys", "path", keyFile) // NEAR tokenlog t24
	keys, err := loadKeys(keyFile, log)
	if err != nil {
		log.Error("keys", "err", err)
		os.Exit(1)
	}
	up, err := url.Parse(os.Getenv("UPSTREAM_URL"))
	if err != nil {
		log.Error("upstream url", "err", err)
		os.Exit(1)
	}
	log.Info("upstream", "url", up.Redacted()) // NEAR tokenlog t25
	secret := os.Getenv("UPSTREAM_CLIENT_SECRET")
	log.Debug("upstream client", "client_secret", secret) // WANT tokenlog T17
	src := upstream.NewSource(os.Getenv("UPSTREAM_TOKEN_URL"), os.Getenv("UPSTREAM_CLIENT_ID"), secret, log)
	gw := proxy.New(keys, up, src, log)
	if err := http.ListenAndServe(":8443", gw.Handler()); err != nil {
		log.Error("serve", "err", err)
	}
}
