// Command ship deploys builds to the Shipyard release service.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var (
	server   = flag.String("server", "https://shipyard.acme-corp.io", "Shipyard server URL")
	insecure = flag.Bool("insecure", false, "skip TLS certificate verification (self-signed dev servers only)")
	token    = flag.String("token", "", "API token (default: $SHIPYARD_TOKEN or ~/.config/ship/token)")
	user     = flag.String("user", "", "user name for basic auth")
	password = flag.String("password", "", "password for basic auth")
	tokenTTL = flag.Duration("token-ttl", 12*time.Hour, "lifetime of minted deploy tokens")
)

const defaultTokenPath = ".config/ship/token"

func loadToken() (string, error) {
	if *token != "" {
		return *token, nil
	}
	if t := os.Getenv("SHIPYARD_TOKEN"); t != "" {
		return t, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(home, defaultTokenPath))
	if err != nil {
		return "", fmt.Errorf("no token: pass --token, set SHIPYARD_TOKEN or write %s: %w", defaultTokenPath, err)
	}
	return strings.TrimSpace(string(b)), nil
}

func client() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if *insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return &http.Client{Transport: tr, Timeout: time.Minute}
}

func deploy(app, version string) error {
	tok, err := loadToken()
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, *server+"/api/v1/apps/"+app+"/deploy?version="+version, nil)
	if err != nil {
		return err
	}
	if *user != "" {
		req.SetBasicAuth(*user, *password)
	} else {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	req.Header.Set("X-Token-TTL", tokenTTL.String())
	resp, err := client().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(os.Stdout, resp.Body)
	return err
}

func main() {
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: ship [flags] APP VERSION")
		os.Exit(2)
	}
	if err := deploy(flag.Arg(0), flag.Arg(1)); err != nil {
		fmt.Fprintln(os.Stderr, "ship:", err)
		os.Exit(1)
	}
}
